package main

import (
	"context"
	"errors"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/lsp"
	"github.com/gwlint/gwlint/lint/rules"
)

func lspCommand() *cli.Command {
	return &cli.Command{
		Name:  "lsp",
		Usage: "a language server on standard input and output: editors show findings while you type (Markdown and text drafts)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config", Usage: "configuration file for every draft (default: each draft's nearest .gwlint.yaml upward from its directory)", TakesFile: true},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError("lsp：多余的参数 %v（gwlint lsp 由编辑器启动，通过标准输入输出通信）", c.Args().Slice())
			}
			// An editor that dies mid-write leaves a broken pipe: the
			// write fails and the server ends, rather than a signal
			// killing it.
			signal.Ignore(syscall.SIGPIPE)
			err := lsp.Serve(context.Background(), c.App.Reader, c.App.Writer, lsp.Options{
				Registry:    rules.All(),
				ConfigPath:  c.String("config"),
				Log:         c.App.ErrWriter,
				ToolVersion: lint.Version,
			})
			if errors.Is(err, lsp.ErrExitWithoutShutdown) {
				return &exitError{code: 1}
			}
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			return nil
		},
	}
}
