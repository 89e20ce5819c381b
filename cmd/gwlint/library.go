package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/library"
)

// addBatch is how many parents go into one transaction: large enough that
// adding thousands is fast, small enough that a killed add loses little.
const addBatch = 200

// writerWait is how long add, remove and compact wait for the library's
// lock: a `gwlint serve --library` in another process lends it to the
// checks in flight and gives it up for writers at least every few tenths
// of a second.
const writerWait = 10 * time.Second

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
			return usageError("library：请写明 add、list、verify、compact、remove、export 或 import（见 gwlint library --help）")
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
				Name:   "verify",
				Usage:  "read every stored document and check its text against its hash",
				Flags:  []cli.Flag{libFlag},
				Action: libraryVerify,
			},
			{
				Name:      "export",
				Usage:     "write the whole library to one self-checking file (format version, document count, each document's hashes) to hand to another office",
				ArgsUsage: "FILE",
				Flags:     []cli.Flag{libFlag},
				Action:    libraryExport,
			},
			{
				Name:      "import",
				Usage:     "check an export file and add its documents to the library (--replace: make the library exactly the export)",
				ArgsUsage: "FILE",
				Flags:     []cli.Flag{libFlag, &cli.BoolFlag{Name: "replace", Usage: "replace the library's documents by the export's instead of merging"}},
				Action:    libraryImport,
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
		return "", usageError("library %s：需要用 --library 指定文件库目录", c.Command.Name)
	}
	return dir, nil
}

func libraryAdd(c *cli.Context) error {
	dir, err := libraryDir(c)
	if err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usageError("library add：没有给出要加入的文件或目录")
	}
	// Opened once first, so that a directory that cannot hold a library
	// fails before any file is read.
	lib, err := library.Open(dir, library.Options{Timeout: writerWait})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	lib.Close()
	var added, same, failed int
	var batch []library.Doc
	// The library is opened for each batch and closed after it: files are
	// read and parsed without the lock, and a server or check reading the
	// library waits for one batch at most, not for the whole add.
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		lib, err := library.Open(dir, library.Options{Timeout: writerWait})
		if err != nil {
			return err
		}
		rs, err := lib.AddBatch(batch)
		if cerr := lib.Close(); err == nil {
			err = cerr
		}
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
	targets := lint.ExpandPaths(c.Args().Slice(), nil)
	progress := newProgress(c.App.ErrWriter, len(targets))
	for i, t := range targets {
		progress.show(i)
		if t.Err == nil && t.Path == "-" {
			t.Err = fmt.Errorf("上级文件不能从标准输入读入，请给出文件路径")
		}
		if t.Err != nil {
			progress.clear()
			fmt.Fprintf(c.App.ErrWriter, "%s：未能读入：%v\n", t.Path, t.Err)
			failed++
			continue
		}
		doc, err := lint.ParseFile(t.Path)
		if err != nil {
			progress.clear()
			fmt.Fprintf(c.App.ErrWriter, "%s：未能读入：%v\n", t.Path, err)
			failed++
			continue
		}
		d := lint.LibraryDoc(doc)
		// The library keeps the text, title and 发文字号 it shows a parent
		// by; the path is provenance only, made absolute so that it still
		// names the file when gwlint runs from another directory.
		if abs, err := filepath.Abs(t.Path); err == nil {
			d.Path = abs
		}
		batch = append(batch, d)
		if len(batch) >= addBatch {
			if err := flush(); err != nil {
				return &exitError{code: 2, err: err}
			}
		}
	}
	if err := flush(); err != nil {
		return &exitError{code: 2, err: err}
	}
	progress.clear()
	fmt.Fprintf(c.App.ErrWriter, "gwlint：文件库 %s：新加入 %d 篇，已有 %d 篇，未能读入 %d 篇\n", dir, added, same, failed)
	if failed > 0 {
		return &exitError{code: 2}
	}
	return nil
}

func libraryList(c *cli.Context) error {
	_, lib, err := openLibraryFor(c, library.Options{ReadOnly: true})
	if err != nil {
		return err
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
		return usageError("library remove：没有给出文件编号（用 gwlint library list 查看）")
	}
	lib, err := library.Open(dir, library.Options{Timeout: writerWait})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer lib.Close()
	before, err := lib.Len()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if err := lib.Remove(c.Args().Slice()...); err != nil {
		return &exitError{code: 2, err: err}
	}
	after, err := lib.Len()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintf(c.App.ErrWriter, "gwlint：文件库 %s：删除 %d 篇，余 %d 篇；删除的索引项在压缩（gwlint library compact）后才从文件中去掉\n", dir, before-after, after)
	return nil
}

func libraryCompact(c *cli.Context) error {
	dir, lib, err := openLibraryFor(c, library.Options{Timeout: writerWait})
	if err != nil {
		return err
	}
	defer lib.Close()
	before, err := lib.Size()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if err := lib.Compact(); err != nil {
		return &exitError{code: 2, err: err}
	}
	after, err := lib.Size()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	n, err := lib.Len()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintf(c.App.ErrWriter, "gwlint：文件库 %s：已压缩，%d 篇，文件由 %s 变为 %s\n", dir, n, sizeMB(before), sizeMB(after))
	return nil
}

func sizeMB(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// progress shows, on a terminal only, how far `library add` has got: a
// library of thousands of parents takes minutes to build.
type progress struct {
	w     io.Writer
	total int
	on    bool
	shown bool
	last  time.Time
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, on: isTerminal(w) && total > 1}
}

func (p *progress) show(i int) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.shown = true
	fmt.Fprintf(p.w, "\r正在读入 %d/%d……", i+1, p.total)
}

// clear wipes the progress line before other output.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// libraryVerify checks every stored text against its hash: exit 0 when all
// are intact, 2 with one line per damaged document otherwise.
func libraryVerify(c *cli.Context) error {
	dir, lib, err := openLibraryFor(c, library.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer lib.Close()
	checked, damaged, err := lib.Verify()
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	for _, d := range damaged {
		fmt.Fprintf(c.App.ErrWriter, "gwlint：%v\n", d)
	}
	if len(damaged) > 0 {
		return &exitError{code: 2, err: fmt.Errorf("library %s：已检查%d份上级文件，%d份已损坏", dir, checked, len(damaged))}
	}
	fmt.Fprintf(c.App.ErrWriter, "gwlint: library %s：已检查%d份上级文件，全部完好\n", dir, checked)
	return nil
}

// openLibraryFor opens the --library of a library command: a usage
// error without the flag, an input error (exit 2) when it will not open.
func openLibraryFor(c *cli.Context, opt library.Options) (string, *library.Library, error) {
	dir, err := libraryDir(c)
	if err != nil {
		return "", nil, err
	}
	lib, err := library.Open(dir, opt)
	if err != nil {
		return "", nil, &exitError{code: 2, err: err}
	}
	return dir, lib, nil
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

// libraryExport writes the library to one file, atomically: a file
// beside FILE renamed over it when complete, so a killed export never
// leaves a file that looks whole.
func libraryExport(c *cli.Context) error {
	dir, err := libraryDir(c)
	if err != nil {
		return err
	}
	if c.NArg() != 1 {
		return usageError("library export：请给出一个导出文件名，例如 gwlint library export --library %s 上级文件库.gwlib", dir)
	}
	file := c.Args().First()
	lib, err := library.Open(dir, library.Options{ReadOnly: true})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer lib.Close()
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*")
	if err != nil {
		return &exitError{code: 2, err: fmt.Errorf("无法写出导出文件：%w", err)}
	}
	defer os.Remove(tmp.Name())
	n, err := lib.Export(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		return &exitError{code: 2, err: fmt.Errorf("无法写出导出文件 %s：%w", file, err)}
	}
	fmt.Fprintf(c.App.ErrWriter, "gwlint：文件库 %s：已导出 %d 篇到 %s；在另一台机器上用 gwlint library import --library 目录 %s 导入\n", dir, n, file, filepath.Base(file))
	return nil
}

func libraryImport(c *cli.Context) error {
	dir, err := libraryDir(c)
	if err != nil {
		return err
	}
	if c.NArg() != 1 {
		return usageError("library import：请给出一个导出文件（由 gwlint library export 写出）")
	}
	file := c.Args().First()
	if _, err := os.Stat(file); err != nil {
		return &exitError{code: 2, err: fmt.Errorf("无法读取导出文件：%w", err)}
	}
	lib, err := library.Open(dir, library.Options{Timeout: writerWait})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer lib.Close()
	open := func() (io.ReadCloser, error) { return os.Open(file) }
	res, err := lib.Import(open, c.Bool("replace"))
	if err != nil {
		return &exitError{code: 2, err: fmt.Errorf("%s：%w", file, err)}
	}
	if c.Bool("replace") {
		fmt.Fprintf(c.App.ErrWriter, "gwlint：文件库 %s：已替换为 %s 的 %d 篇\n", dir, file, res.Documents)
		return nil
	}
	fmt.Fprintf(c.App.ErrWriter, "gwlint：文件库 %s：从 %s 新加入 %d 篇，已有 %d 篇\n", dir, file, res.Added, res.Same)
	return nil
}
