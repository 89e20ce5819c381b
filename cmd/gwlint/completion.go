package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// bashCompletion asks gwlint itself for the candidates: urfave/cli answers
// --generate-bash-completion with the commands, or with the flags when the
// word being completed starts with "-", so the script never goes stale.
// Paths are left to the shell (complete -o default).
const bashCompletion = `# gwlint 的 bash 补全。启用：gwlint completion bash > ~/.local/share/bash-completion/completions/gwlint
_gwlint_complete() {
  local cur="${COMP_WORDS[COMP_CWORD]}" opts
  if [[ "$cur" == -* ]]; then
    opts=$("${COMP_WORDS[@]:0:COMP_CWORD}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    opts=$("${COMP_WORDS[@]:0:COMP_CWORD}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -o bashdefault -F _gwlint_complete gwlint
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the bash completion script (gwlint completion bash)",
		ArgsUsage: "bash",
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				if c.NArg() > 1 {
					return usageError("completion：多余的参数 %v", c.Args().Tail())
				}
				_, err := fmt.Fprint(c.App.Writer, bashCompletion)
				return err
			case "":
				return usageError("completion：请指明 shell，如 gwlint completion bash")
			default:
				return usageError("completion：不支持 %q（目前只支持 bash）", c.Args().First())
			}
		},
	}
}
