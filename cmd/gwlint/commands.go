package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"
	"golang.org/x/text/width"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
)

func versionString() string { return currentVersion().String() }

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print gwlint's version, commit and commit date",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(c.App.Writer, "gwlint %s\n", versionString())
			return nil
		},
	}
}

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list every rule: id, default severity, source, one-line description",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"},
			&cli.IntFlag{Name: "width", Usage: "wrap text output to this many columns (default: the terminal's width, else 100)"},
		},
		Action: func(c *cli.Context) error {
			reg := rules.All()
			switch c.String("format") {
			case "json":
				type ruleJSON struct {
					ID       string        `json:"id"`
					Name     string        `json:"name"`
					Severity lint.Severity `json:"severity"`
					Source   string        `json:"source"`
					Doc      string        `json:"doc"`
					Needs    []string      `json:"needs"`
				}
				out := []ruleJSON{}
				for _, r := range reg.Rules() {
					out = append(out, ruleJSON{r.ID, r.Name, r.Severity, r.Source, r.Doc, r.Needs.Names()})
				}
				enc := json.NewEncoder(c.App.Writer)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "text":
				w := c.Int("width")
				if w <= 0 {
					w = terminalWidth(c.App.Writer)
				}
				var rows [][4]string
				for _, r := range reg.Rules() {
					rows = append(rows, [4]string{r.ID, r.Severity.String(), r.Source, r.Doc})
				}
				_, err := io.WriteString(c.App.Writer, ruleTable(rows, w))
				return err
			default:
				return usageError("rules：未知的 --format %q（应为 text 或 json）", c.String("format"))
			}
		},
	}
}

// terminalWidth is the width of the terminal w writes to, or 100 columns
// when it is no terminal (a pipe, a file), so that no line runs to
// hundreds of characters either way.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
	}
	return 100
}

// ruleTable lays out rows of id, severity, source and description in
// columns: the id and severity columns as wide as their longest entry, the
// source and description wrapped within the width left, each continued
// under its own column. Chinese characters count two columns, as a
// terminal draws them.
func ruleTable(rows [][4]string, total int) string {
	const gap = 2
	idW, sevW := len("rule"), len("default")
	for _, r := range rows {
		idW = max(idW, displayWidth(r[0]))
		sevW = max(sevW, displayWidth(r[1]))
	}
	// What is left goes to source and description, 2:3; never narrower
	// than 12 columns each, so a tiny width still gives readable lines.
	rest := max(total-idW-sevW-3*gap, 24)
	srcW := max(rest*2/5, 12)
	docW := max(rest-srcW, 12)
	var b strings.Builder
	write := func(cells [4]string) {
		src, doc := wrapText(cells[2], srcW), wrapText(cells[3], docW)
		for i := 0; i < max(len(src), len(doc)); i++ {
			id, sev := "", ""
			if i == 0 {
				id, sev = cells[0], cells[1]
			}
			line := pad(id, idW+gap) + pad(sev, sevW+gap) + pad(at(src, i), srcW+gap) + at(doc, i)
			b.WriteString(strings.TrimRight(line, " "))
			b.WriteByte('\n')
		}
	}
	write([4]string{"rule", "default", "source", "what it finds"})
	for _, r := range rows {
		write(r)
	}
	return b.String()
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(w-displayWidth(s), 0))
}

// displayWidth counts the terminal columns of s: East Asian wide and
// full-width characters take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// wrapText breaks s into lines of at most w columns: between words for
// Latin text, between any two characters for Chinese, and never before a
// closing mark (，。、；：）」》), which would start a line wrongly.
func wrapText(s string, w int) []string {
	var lines []string
	var line []rune
	lineW := 0
	lastSpace := -1 // index in line of the last space, for Latin words
	for _, r := range s {
		rw := runeWidth(r)
		if lineW+rw > w && len(line) > 0 {
			cut := len(line)
			if r != ' ' && runeWidth(r) == 1 && lastSpace > 0 && !isWide(line[len(line)-1]) {
				cut = lastSpace // keep a Latin word whole
			} else if strings.ContainsRune("，。、；：）」』》〕】”’！？", r) && len(line) > 1 {
				cut = len(line) - 1 // carry the last character over with its mark
			}
			lines = append(lines, strings.TrimRight(string(line[:cut]), " "))
			line = append([]rune{}, []rune(strings.TrimLeft(string(line[cut:]), " "))...)
			lineW = displayWidth(string(line))
			lastSpace = -1
			for i, c := range line {
				if c == ' ' {
					lastSpace = i
				}
			}
			if r == ' ' && len(line) == 0 {
				continue
			}
		}
		if r == ' ' {
			lastSpace = len(line)
		}
		line = append(line, r)
		lineW += rw
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, strings.TrimRight(string(line), " "))
	}
	return lines
}

func isWide(r rune) bool { return runeWidth(r) == 2 }
