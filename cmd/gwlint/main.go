// Command gwlint lints drafts of Chinese official documents (公文): length
// caps, copying from parent documents, layer-by-layer forwarding and
// burden-adding demands, and the format rules of GB/T 9704 and the 条例.
//
// This command only parses flags, calls package lint, prints and owns the
// exit codes (0 clean, 1 findings at or above --fail-level, 2 usage, config
// or input errors). Everything else lives in lint/.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/urfave/cli/v2"
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func usageError(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// run is main without os.Exit, so that tests drive the whole command.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A panic is a bug, but the user still gets a one-line message and
		// the input-error exit code, never a stack trace.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "gwlint：内部错误：%v（请把输入和这条信息报告给维护者）\n", r)
			code = 2
		}
	}()
	if doubleClicked(runtime.GOOS, args, startedFromExplorer()) {
		return runDoubleClicked(args, stdin, stdout, stderr)
	}
	app := newApp(stdin, stdout, stderr)
	unknown := false
	app.CommandNotFound = func(c *cli.Context, name string) {
		fmt.Fprintf(stderr, "gwlint：未知的命令 %q（见 gwlint --help）\n", name)
		unknown = true
	}
	err := app.Run(args)
	if unknown {
		return 2
	}
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintf(stderr, "gwlint：%v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "gwlint：%v\n", err)
	return 2
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "gwlint",
		Usage:     "lint drafts of Chinese official documents (公文)",
		Version:   versionString(),
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// help is a command as well as a flag (gwlint help check), and the
		// hidden --generate-bash-completion flag answers the completion
		// script of gwlint completion bash.
		EnableBashCompletion: true,
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError("%v", err)
		},
		ExitErrHandler: func(*cli.Context, error) {}, // exit codes are ours alone
		Commands: []*cli.Command{
			checkCommand(),
			completionCommand(),
			initCommand(),
			libraryCommand(),
			traceCommand(),
			lspCommand(),
			rulesCommand(),
			serveCommand(),
			versionCommand(),
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	return app
}
