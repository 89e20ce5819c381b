package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/library"
)

// addBatch is how many parents go into one transaction: large enough that
// adding thousands is fast, small enough that a killed add loses little.
const addBatch = 200

func libraryCommand() *cli.Command {
	// --library is checked by each action rather than marked Required:
	// urfave/cli reports a missing required flag of a subcommand as an
	// unknown command, which would send the user looking for the wrong
	// mistake.
	libFlag := &cli.StringFlag{Name: "library", Usage: "the library directory", TakesFile: true}
	return &cli.Command{
		Name:  "library",
		Usage: "manage a library of parent documents for copy detection",
		Action: func(c *cli.Context) error {
			return usageError("library: say add, list, compact or remove (see gwlint library --help)")
		},
		Subcommands: []*cli.Command{
			{
				Name:      "add",
				Usage:     "add parent documents (files or directories); adding the same document again changes nothing",
				ArgsUsage: "PATH...",
				Flags:     []cli.Flag{libFlag},
				Action:    libraryAdd,
			},
			{
				Name:   "list",
				Usage:  "list the library: id, date, 发文字号, title",
				Flags:  []cli.Flag{libFlag},
				Action: libraryList,
			},
			{
				Name:   "compact",
				Usage:  "rewrite the library without the postings of removed documents (worth it after many removals)",
				Flags:  []cli.Flag{libFlag},
				Action: libraryCompact,
			},
			{
				Name:      "remove",
				Usage:     "remove documents by id",
				ArgsUsage: "ID...",
				Flags:     []cli.Flag{libFlag},
				Action:    libraryRemove,
			},
		},
	}
}

// libraryDir is the --library flag, which every library command needs.
func libraryDir(c *cli.Context) (string, error) {
	dir := c.String("library")
	if dir == "" {
		return "", usageError("library %s: --library DIR is required", c.Command.Name)
	}
	return dir, nil
}

func libraryAdd(c *cli.Context) error {
	dir, err := libraryDir(c)
	if err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usageError("library add: no paths given")
	}
	lib, err := library.Open(dir, library.Options{})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer lib.Close()
	var added, same, failed int
	var batch []library.Doc
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rs, err := lib.AddBatch(batch)
		if err != nil {
			return err
		}
		for _, r := range rs {
			if r.Added {
				added++
			} else {
				same++
			}
		}
		batch = batch[:0]
		return nil
	}
	for _, t := range lint.ExpandPaths(c.Args().Slice(), nil) {
		if t.Err == nil && t.Path == "-" {
			t.Err = fmt.Errorf("a parent cannot be read from standard input")
		}
		if t.Err != nil {
			fmt.Fprintf(c.App.ErrWriter, "%s: error: %v\n", t.Path, t.Err)
			failed++
			continue
		}
		doc, err := lint.ParseFile(t.Path)
		if err != nil {
			fmt.Fprintf(c.App.ErrWriter, "%s: error: %v\n", t.Path, err)
			failed++
			continue
		}
		batch = append(batch, lint.LibraryDoc(doc))
		if len(batch) >= addBatch {
			if err := flush(); err != nil {
				return &exitError{code: 2, err: err}
			}
		}
	}
	if err := flush(); err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintf(c.App.ErrWriter, "gwlint: library %s: %d added, %d already there, %d failed\n", dir, added, same, failed)
	if failed > 0 {
		return &exitError{code: 2}
	}
	return nil
}

func libraryList(c *cli.Context) error {
	dir, err := libraryDir(c)
	if err != nil {
		return err
	}
	lib, err := library.Open(dir, library.Options{ReadOnly: true})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer lib.Close()
	entries, err := lib.List()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.ID, dash(e.Date), dash(e.DocNumber), dash(e.Title))
	}
	return tw.Flush()
}

func libraryRemove(c *cli.Context) error {
	dir, err := libraryDir(c)
	if err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usageError("library remove: no ids given (see gwlint library list)")
	}
	lib, err := library.Open(dir, library.Options{})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer lib.Close()
	if err := lib.Remove(c.Args().Slice()...); err != nil {
		return &exitError{code: 2, err: err}
	}
	return nil
}

func libraryCompact(c *cli.Context) error {
	dir, err := libraryDir(c)
	if err != nil {
		return err
	}
	lib, err := library.Open(dir, library.Options{})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer lib.Close()
	if err := lib.Compact(); err != nil {
		return &exitError{code: 2, err: err}
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// openLibrary opens a library for checking.
func openLibrary(dir string) (*lint.LibraryParents, error) {
	return lint.OpenLibrary(dir)
}
