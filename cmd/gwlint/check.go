package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/annotate"
	"github.com/gwlint/gwlint/lint/report"
	"github.com/gwlint/gwlint/lint/rules"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint drafts: files, directories (recursively), or - for standard input",
		ArgsUsage: "PATH...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text, json, sarif, rdjson, html, or docx (each draft back as a Word file with a 批注 per finding and a 修订 per fix, into --output; the text report still goes to standard output)"},
			&cli.StringFlag{Name: "output", Usage: "with --format docx: the directory the annotated drafts are written to (created if missing)", TakesFile: true},
			&cli.StringFlag{Name: "author", Value: "gwlint", Usage: "with --format docx: the author named on the 批注 and 修订"},
			&cli.StringSliceFlag{Name: "parent", Usage: "a parent (higher-level) document, or a directory of them; repeatable"},
			&cli.StringFlag{Name: "library", Usage: "a parent library made by gwlint library add", TakesFile: true},
			&cli.StringFlag{Name: "config", Usage: "configuration file (default: the nearest .gwlint.yaml from the working directory upward)"},
			&cli.StringFlag{Name: "fail-level", Value: "warning", Usage: "exit 1 when a finding is at or above this level: error, warning or info"},
			&cli.BoolFlag{Name: "fix", Usage: "apply the mechanical fixes in place (.txt and Markdown) of findings at or above --fix-level, then report what is left"},
			&cli.StringFlag{Name: "fix-level", DefaultText: "the --fail-level", Usage: "with --fix, fix findings at or above this level: error, warning or info"},
			&cli.IntFlag{Name: "jobs", Value: 0, DefaultText: "one per CPU", Usage: "files checked at once"},
			&cli.BoolFlag{Name: "no-color", Usage: "never colour text output"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "text output: only the findings, no summary line per file"},
			&cli.StringFlag{Name: "server", Usage: "check on a gwlint server (gwlint serve, with its library and configuration) instead of here: http://HOST:PORT/; the report is printed here, in any format"},
			&cli.DurationFlag{Name: "server-timeout", Value: 30 * time.Second, Usage: "with --server: the longest wait for the server's answer to one draft"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageError("check：没有给出文稿（如 gwlint check 通知.docx；用 - 读标准输入）")
			}
			// Flags after the first path are read as paths; say so rather
			// than lint a parent as a draft. A file whose name starts with
			// -- can still be named ./--name.
			for _, a := range c.Args().Slice() {
				if name, ok := flagAfterPath(c.Command, a); ok {
					return usageError("check：%s 写在了路径之后：选项要写在路径之前（gwlint check --%s … 路径…）", a, name)
				}
			}
			format := c.String("format")
			var docxDir string
			if format == "docx" {
				if docxDir = c.String("output"); docxDir == "" {
					return usageError("check: --format docx 需要 --output 目录，批注文档写在那里（文稿本身不会被改写）")
				}
				if err := os.MkdirAll(docxDir, 0o755); err != nil {
					return &exitError{code: 2, err: fmt.Errorf("无法创建输出目录 %s：%w", docxDir, err)}
				}
				format = "text"
			} else if c.IsSet("output") {
				return usageError("check：--output 只用于 --format docx")
			}
			if !validFormat(format) {
				return usageError("check：未知的 --format %q（应为 text、json、sarif、rdjson、html 或 docx）", format)
			}
			failLevel, err := lint.ParseSeverity(c.String("fail-level"))
			if err != nil || failLevel == lint.Off {
				return usageError("check：--fail-level 应为 error、warning 或 info")
			}
			fixLevel := failLevel
			if c.IsSet("fix-level") {
				fixLevel, err = lint.ParseSeverity(c.String("fix-level"))
				if err != nil || fixLevel == lint.Off {
					return usageError("check：--fix-level 应为 error、warning 或 info")
				}
				if !c.Bool("fix") {
					return usageError("check：--fix-level 决定 --fix 修改哪些问题，请同时给出 --fix")
				}
			}
			if c.String("server") != "" {
				for _, f := range []string{"parent", "library", "fix"} {
					if c.IsSet(f) {
						return usageError("check：--server 与 --%s 不能同时使用：服务器用它自己的上级文件库和配置检查；要在本机比对上级文件，请去掉 --server", f)
					}
				}
			}
			cfg, err := loadConfig(c.String("config"), c.App.ErrWriter)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			// The run loads and checks everything up front (rules, user
			// phrase lists, parents, library), so that a broken list is one
			// clear error before any draft, not one per draft.
			run, err := lint.NewRun(lint.RunOptions{Registry: rules.All(), Config: cfg, Parents: c.StringSlice("parent"), Library: c.String("library"), OpenLibrary: openLibrary})
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			defer run.Close()
			checker, parentErrs := run.Checker, run.ParentErrors

			// Results are written as they come, in order, and forgotten, so
			// that a batch of thousands of drafts runs in flat memory.
			opt := report.Options{ToolVersion: lint.Version, Registry: checker.Registry(), Color: !c.Bool("no-color") && isTerminal(c.App.Writer), Quiet: c.Bool("quiet"), Date: time.Now().Format("2006年1月2日")}
			stream, err := report.NewStream(format, c.App.Writer, opt)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			var outcome lint.Outcome
			var writeErr error
			fixFailed := false
			emit := func(r *lint.Result) {
				if c.Bool("fix") {
					var failed bool
					r, failed = fixResult(c, checker, r, fixLevel)
					fixFailed = fixFailed || failed
				}
				if docxDir != "" {
					r = annotateResult(c, checker, r, docxDir)
				}
				outcome.Add(r)
				if err := stream.File(r); err != nil && writeErr == nil {
					writeErr = err
				}
			}
			targets := readStdin(c, lint.ExpandPaths(c.Args().Slice(), cfg))
			if server := c.String("server"); server != "" {
				if err := checkOnServer(c, server, checker.Registry(), targets, emit); err != nil {
					stream.Close()
					return &exitError{code: 2, err: err}
				}
			} else {
				checker.CheckEach(targets, c.Int("jobs"), emit)
			}
			for _, r := range parentErrs {
				emit(r)
			}
			if r := run.LibraryDamage(); r != nil {
				emit(r)
			}
			if err := stream.Close(); err != nil && writeErr == nil {
				writeErr = err
			}
			if writeErr != nil {
				return &exitError{code: 2, err: writeErr}
			}
			if fixFailed {
				return &exitError{code: 2} // each file that was not fixed is named above
			}
			if code := outcome.ExitCode(failLevel); code != 0 {
				return &exitError{code: code}
			}
			return nil
		},
	}
}

// annotateResult writes r's draft back as an annotated .docx into dir and
// says where on standard error. A draft that cannot be annotated keeps its
// findings and gains the error, so the report is still given and the run
// exits 2.
func annotateResult(c *cli.Context, checker *lint.Checker, r *lint.Result, dir string) *lint.Result {
	if r.Err != nil || r.Doc == nil {
		return r
	}
	reg := checker.Registry()
	opt := annotate.Options{Author: c.String("author"), RuleName: func(id string) string {
		if rule := reg.Lookup(id); rule != nil {
			return rule.Name
		}
		return ""
	}}
	out, sum, err := annotate.WriteFile(dir, r, opt)
	if err != nil {
		r.Err = err
		return r
	}
	fmt.Fprintf(c.App.ErrWriter, "gwlint：%s → %s（%d 条批注，%d 处修订）\n", r.Path, out, sum.Comments, sum.Changes)
	return r
}

// readStdin reads standard input for a "-" target, as a plain-text draft.
func readStdin(c *cli.Context, targets []lint.Target) []lint.Target {
	for i, t := range targets {
		if t.Path != "-" || t.Err != nil {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(c.App.Reader, 64<<20))
		if err != nil {
			targets[i].Err = err
			continue
		}
		targets[i].Data = data
	}
	return targets
}

// fixResult writes the mechanical fixes of a result's findings at or above
// level to its file and checks the file again, so that the report shows
// what is left. A file that cannot be fixed (read-only, hard-linked,
// changed meanwhile…) keeps its findings in the report, and the reason
// goes to standard error; failed says so, for exit code 2.
func fixResult(c *cli.Context, checker *lint.Checker, r *lint.Result, level lint.Severity) (_ *lint.Result, failed bool) {
	if r.Err != nil || r.Doc == nil || r.Path == "-" {
		return r, false
	}
	selected := lint.FixesAtLeast(r, level)
	if !hasFix(selected) {
		return r, false
	}
	n, err := lint.FixFile(selected)
	switch {
	case errors.Is(err, lint.ErrNotFixable):
		return r, false
	case err != nil:
		fmt.Fprintf(c.App.ErrWriter, "gwlint: %s: --fix 未修改该文件：%v\n", r.Path, err)
		return r, true
	case n > 0:
		fmt.Fprintf(c.App.ErrWriter, "gwlint：%s：已修改 %d 处\n", r.Path, n)
		return checker.CheckFile(r.Path), false
	}
	return r, false
}

// flagAfterPath reports whether an argument after the first path is one
// of the command's flags, written -name or --name, with or without
// =value: urfave/cli stops reading flags at the first path, so "-parent
// p.txt" there would be linted as two drafts. Anything else that starts
// with a dash, such as "-" for standard input or a file named -x.txt, is
// a path; a file named like a flag can still be given as ./-fix.
func flagAfterPath(cmd *cli.Command, arg string) (string, bool) {
	if !strings.HasPrefix(arg, "-") || arg == "-" {
		return "", false
	}
	if strings.HasPrefix(arg, "--") {
		return strings.SplitN(strings.TrimPrefix(arg, "--"), "=", 2)[0], true
	}
	name := strings.SplitN(strings.TrimPrefix(arg, "-"), "=", 2)[0]
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				return name, true
			}
		}
	}
	if name == "h" || name == "help" {
		return name, true
	}
	return "", false
}

func hasFix(r *lint.Result) bool {
	for _, f := range r.Findings {
		if f.Fix != nil {
			return true
		}
	}
	return false
}

func validFormat(f string) bool {
	for _, name := range report.Formats {
		if f == name {
			return true
		}
	}
	return false
}

// loadConfig reads --config, or the nearest .gwlint.yaml upward from the
// working directory, or falls back to the defaults. Its warnings (a
// setting that is allowed but probably not meant) go to warn, once.
func loadConfig(path string, warn io.Writer) (*lint.Config, error) {
	if path == "" {
		wd, err := os.Getwd()
		if err == nil {
			path = lint.FindConfig(wd)
		}
	}
	if path == "" {
		return lint.DefaultConfig(), nil
	}
	cfg, err := lint.LoadConfig(path)
	if err != nil {
		return nil, err
	}
	for _, w := range cfg.Warnings {
		fmt.Fprintf(warn, "gwlint: 警告：%s\n", w)
	}
	return cfg, nil
}

// isTerminal reports whether w is a character device (a terminal), the
// only place colour belongs.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
