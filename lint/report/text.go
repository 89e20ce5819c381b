package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiDim    = "\x1b[2m"
)

// Text writes one finding a line in the form compilers use, so that
// editors and terminals can jump to it:
//
//	drafts/notice.md:3:1: warning length-cap: 正文5312字，超过…… [《……》第2条]
//
// then, for every file with findings or copied passages, a summary line.
// A file that could not be read gives one "path: error: reason" line. A
// clean run prints nothing, so that a pre-commit hook is quiet when all is
// well.
func Text(w io.Writer, results []*lint.Result, opt Options) error {
	s := newTextStream(w, opt)
	for _, r := range results {
		if err := s.File(r); err != nil {
			return err
		}
	}
	return s.Close()
}

// textStream writes the text report one file at a time.
type textStream struct {
	bw  *bufio.Writer
	opt Options
}

func newTextStream(w io.Writer, opt Options) *textStream {
	return &textStream{bw: bufio.NewWriter(w), opt: opt}
}

func (s *textStream) paint(code, text string) string {
	if !s.opt.Color {
		return text
	}
	return code + text + ansiReset
}

// File writes one file's lines.
func (s *textStream) File(r *lint.Result) error {
	bw := s.bw
	if r.Err != nil {
		fmt.Fprintf(bw, "%s: %s: %s\n", r.Path, s.paint(ansiRed+ansiBold, "error"), r.Err)
		return nil
	}
	for _, f := range r.Findings {
		pos := r.Doc.Position(f.Span.Start)
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s %s\n", r.Path, pos.Line, pos.Column,
			s.paint(severityColor(f.Severity), f.Severity.String()), f.Rule, f.Message, s.paint(ansiDim, "["+f.Source+"]"))
		for _, rel := range f.Related {
			msg := rel.Message
			if rel.Text != "" {
				msg += "：" + excerpt(rel.Text, 60)
			}
			fmt.Fprintf(bw, "    %s:%d:%d: %s\n", rel.Path, rel.Start.Line, rel.Start.Column, s.paint(ansiDim, msg))
		}
	}
	if line := summary(r); line != "" && !s.opt.Quiet {
		fmt.Fprintf(bw, "%s: %s\n", r.Path, s.paint(ansiBold, line))
	}
	return nil
}

// Close flushes what is left.
func (s *textStream) Close() error { return s.bw.Flush() }

// summary is the one-line account of a file: counts by severity, 字数
// against its cap, and the copy ratio when parents were given. It is empty
// for a file with nothing to say.
func summary(r *lint.Result) string {
	counts := map[lint.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
	}
	copied := r.Copy != nil && r.Copy.Ratio > 0
	if len(r.Findings) == 0 && !copied {
		return ""
	}
	var parts []string
	for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(s.String(), n)))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "no findings")
	}
	out := strings.Join(parts, ", ")
	if r.Cap > 0 {
		out += fmt.Sprintf("; 字数 %d/%d", r.Chars, r.Cap)
	} else {
		out += fmt.Sprintf("; 字数 %d", r.Chars)
	}
	if r.Copy != nil {
		out += fmt.Sprintf("; 复制比 %.1f%%", r.Copy.Ratio*100)
		for _, p := range r.Copy.Parents {
			if p.Ratio > 0 {
				out += fmt.Sprintf(" (%s: 占本文 %.1f%%，覆盖上级文件 %.1f%%)", p.Path, p.Ratio*100, p.Coverage*100)
			}
		}
	}
	return out
}

// excerpt shortens a related passage for a terminal: one line, its start
// and its end. The JSON report carries it whole.
func excerpt(s string, max int) string {
	s = strings.NewReplacer("\r\n", " ⏎ ", "\n", " ⏎ ", "\r", " ⏎ ").Replace(s)
	rs := []rune(s)
	if len(rs) <= max {
		return s
	}
	tail := max / 4
	return string(rs[:max-tail]) + "……" + string(rs[len(rs)-tail:])
}

func plural(s string, n int) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

func severityColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return ansiRed + ansiBold
	case lint.Warning:
		return ansiYellow
	default:
		return ansiBlue
	}
}
