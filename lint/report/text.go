package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

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
	// What the closing line counts.
	files, withFindings, unreadable int
	counts                          map[lint.Severity]int
	only                            *lint.Result // the file, when there is one
}

func newTextStream(w io.Writer, opt Options) *textStream {
	return &textStream{bw: bufio.NewWriter(w), opt: opt, counts: map[lint.Severity]int{}}
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
	s.files++
	s.only = r
	switch {
	case r.Err != nil:
		s.unreadable++
	case len(r.Findings) > 0:
		s.withFindings++
		for _, f := range r.Findings {
			s.counts[f.Severity]++
		}
	}
	if r.Err != nil {
		fmt.Fprintf(bw, "%s: %s: %s\n", quotePath(r.Path), s.paint(ansiRed+ansiBold, "error"), r.Err)
		return nil
	}
	for _, f := range r.Findings {
		pos := r.Doc.Position(f.Span.Start)
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s %s\n", quotePath(r.Path), pos.Line, pos.Column,
			s.paint(severityColor(f.Severity), f.Severity.String()), f.Rule, f.Message, s.paint(ansiDim, "["+f.Source+"]"))
		for _, rel := range f.Related {
			msg := rel.Message
			if rel.Text != "" {
				msg += "：" + excerpt(rel.Text, 60)
			}
			fmt.Fprintf(bw, "    %s:%d:%d: %s\n", quotePath(rel.Path), rel.Start.Line, rel.Start.Column, s.paint(ansiDim, msg))
		}
	}
	if line := summary(r); line != "" && !s.opt.Quiet {
		fmt.Fprintf(bw, "%s: %s\n", quotePath(r.Path), s.paint(ansiBold, line))
	}
	return nil
}

// Close writes the closing line and flushes what is left. The closing
// line says how many files were checked and how they came out, so that a
// run over clean files still shows that it ran, and what it counted:
//
//	共检查 12 个文件：3 个有问题（2 个错误，5 个警告），1 个无法读取，8 个无问题
//	共检查 1 个文件，无问题；字数 1234/5000
func (s *textStream) Close() error {
	if s.files > 0 && !s.opt.Quiet {
		fmt.Fprintln(s.bw, s.paint(ansiBold, s.closing()))
	}
	return s.bw.Flush()
}

func (s *textStream) closing() string {
	clean := s.files - s.withFindings - s.unreadable
	if s.files == 1 && clean == 1 {
		return "共检查 1 个文件，无问题；" + charsText(s.only)
	}
	out := fmt.Sprintf("共检查 %d 个文件", s.files)
	var parts []string
	if s.withFindings > 0 {
		parts = append(parts, fmt.Sprintf("%d 个有问题（%s）", s.withFindings, countsText(s.counts)))
	}
	if s.unreadable > 0 {
		parts = append(parts, fmt.Sprintf("%d 个无法读取", s.unreadable))
	}
	if clean > 0 {
		parts = append(parts, fmt.Sprintf("%d 个无问题", clean))
	}
	return out + "：" + strings.Join(parts, "，")
}

// countsText: 2 个错误，5 个警告，1 个提示.
func countsText(counts map[lint.Severity]int) string {
	var parts []string
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		if n := counts[sev]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d 个%s", n, sev.Chinese()))
		}
	}
	return strings.Join(parts, "，")
}

// charsText is the 字数 against its cap: 字数 4670/4000.
func charsText(r *lint.Result) string {
	if r.Cap > 0 {
		return fmt.Sprintf("字数 %d/%d", r.Chars, r.Cap)
	}
	return fmt.Sprintf("字数 %d", r.Chars)
}

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
	out := countsText(counts)
	if out == "" {
		out = "无问题"
	}
	out += "；" + charsText(r)
	if r.Copy != nil {
		out += fmt.Sprintf("；复制比 %.1f%%", r.Copy.Ratio*100)
		for _, p := range r.Copy.Parents {
			if p.Ratio > 0 {
				out += fmt.Sprintf("（%s：占本文 %.1f%%，覆盖上级文件 %.1f%%）", ParentName(p), p.Ratio*100, p.Coverage*100)
			}
		}
	}
	return out
}

// ParentName names a parent for people: its title in 书名号 and its
// 发文字号, as a document is cited (《国务院办公厅关于……的意见》（国办发〔2018〕123号）),
// or its path when it has no title.
func ParentName(p lint.ParentShare) string {
	switch {
	case p.Title != "" && p.DocNumber != "":
		return "《" + p.Title + "》（" + p.DocNumber + "）"
	case p.Title != "":
		return "《" + p.Title + "》"
	}
	return quotePath(p.Path)
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

// quotePath writes a file name that holds a control character (a newline,
// a carriage return, an escape sequence) quoted with Go's escapes, so that
// a name chosen by whoever made the file can neither forge report lines
// nor drive the terminal. Other names are written as they are.
func quotePath(p string) string {
	for _, r := range p {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r) {
			return strconv.Quote(p)
		}
	}
	return p
}
