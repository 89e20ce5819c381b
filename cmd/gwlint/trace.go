package main

import (
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/library"
	"github.com/gwlint/gwlint/lint/rules"
	"github.com/gwlint/gwlint/lint/trace"
)

func traceCommand() *cli.Command {
	return &cli.Command{
		Name:      "trace",
		Usage:     "trace how the documents of a library implement and forward each other, level by level, and what each level adds (层层加码)",
		ArgsUsage: "[DOC]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "library", Usage: "the library directory", TakesFile: true},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			&cli.BoolFlag{Name: "summary", Usage: "text output: the library in figures (documents per level that forward, mainly copy or add their own measures; the additions made most often) instead of the tree"},
		},
		Action: traceAction,
	}
}

func traceAction(c *cli.Context) error {
	dir := c.String("library")
	if dir == "" {
		return usageError("trace：需要用 --library 指定文件库目录")
	}
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("trace：--format 只能是 text 或 json，不能是 %q", format)
	}
	if c.NArg() > 1 {
		return usageError("trace：最多给出一个文件（文件库中的编号或文件路径）")
	}
	lib, err := library.Open(dir, library.Options{ReadOnly: true})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer lib.Close()
	docs, candidates, err := trace.FromLibrary(lib)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	// DOC is a library ID, or a file, traced with the library whether or
	// not it is stored there.
	focus := c.Args().First()
	if focus != "" && !hasDoc(docs, focus) {
		d, err := lint.ParseFile(focus)
		if err != nil {
			return usageError("trace：%s 既不是文件库中的编号，也无法作为文件读入：%v", focus, err)
		}
		abs, _ := filepath.Abs(focus)
		docs = append(docs, trace.Doc{ID: abs, Path: focus, Text: d.Prose})
		focus = abs
	}
	checker, err := lint.NewChecker(rules.All(), lint.DefaultConfig())
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	g, err := trace.Build(docs, trace.Options{Checker: checker, Candidates: candidates})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if focus != "" {
		g = g.Around(focus)
	}
	if format == "json" {
		return g.WriteJSON(c.App.Writer)
	}
	if c.Bool("summary") {
		return g.Summary().WriteText(c.App.Writer)
	}
	return g.WriteText(c.App.Writer)
}

func hasDoc(docs []trace.Doc, id string) bool {
	for _, d := range docs {
		if d.ID == id {
			return true
		}
	}
	return false
}
