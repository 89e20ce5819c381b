package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/read"
	txt "github.com/gwlint/gwlint/lint/text"
)

// This file holds what the format, genre and punctuation rules share: a
// view of the prose as lines of runes, character classes of Chinese text,
// and the places the structural rules own so that two rules never fix the
// same character (overlapping fixes would make --fix take two runs).

// formatLine is one line of doc.Prose with its rune offset.
type formatLine struct {
	Start int
	Runes []rune
}

// formatLinesKey is the document memo holding formatLines' result: the
// punctuation rules each read the lines, and cutting them once spares a
// copy of the text as runes per rule.
type formatLinesKey struct{}

// formatLines cuts doc.Prose into lines at \n, \r\n or \r, keeping rune
// offsets right for the document. Callers must not modify the lines.
func formatLines(doc *lint.Document) []formatLine {
	return lint.Memo(doc, formatLinesKey{}, func() []formatLine { return cutLines(doc) })
}

func cutLines(doc *lint.Document) []formatLine {
	var out []formatLine
	runes := []rune(doc.Prose)
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' && runes[i] != '\r' {
			continue
		}
		out = append(out, formatLine{Start: start, Runes: runes[start:i]})
		if i < len(runes) && runes[i] == '\r' && i+1 < len(runes) && runes[i+1] == '\n' {
			i++
		}
		start = i + 1
	}
	return out
}

// formatBlocks groups lines into paragraphs: in Markdown a paragraph may be
// wrapped over several lines and ends at a blank line; in every other
// input each line is a paragraph (a word processor's paragraph).
func formatBlocks(doc *lint.Document) [][]formatLine {
	lines := formatLines(doc)
	if doc.Format != read.FormatMarkdown {
		out := make([][]formatLine, 0, len(lines))
		for _, l := range lines {
			out = append(out, []formatLine{l})
		}
		return out
	}
	var out [][]formatLine
	var cur []formatLine
	for _, l := range lines {
		if strings.TrimSpace(string(l.Runes)) == "" {
			if cur != nil {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// fmtHan reports a Han character (including 〇, the Han zero).
func fmtHan(r rune) bool { return r == '〇' || unicode.Is(unicode.Han, r) }

// fmtCJKPunct reports full-width punctuation of Chinese text: the CJK
// symbols block, the full-width forms that are not letters or digits, and
// the curly quotes and dashes Chinese text uses.
func fmtCJKPunct(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x303F && r != '〇':
		return true
	case r >= 0xFF01 && r <= 0xFF65:
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	switch r {
	case '“', '”', '‘', '’', '—', '…', '·':
		return true
	}
	return false
}

// fmtChinese reports a rune that makes its neighbour Chinese text.
func fmtChinese(r rune) bool { return fmtHan(r) || fmtCJKPunct(r) }

// fmtHanDigit reports a Han numeral used in counting (not 〇 or 零).
func fmtHanDigit(r rune) bool { return strings.ContainsRune("一二三四五六七八九十两", r) }

func fmtASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func fmtDigit(r rune) bool { return fmtASCIIDigit(r) || (r >= '０' && r <= '９') }

func fmtLatin(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func fmtSpace(r rune) bool { return txt.IsInlineSpace(r) }

// formatSpans is a set of rune ranges, used for the characters one rule
// owns and the others must leave alone.
type formatSpans []lint.Span

func (s formatSpans) contains(off int) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].End > off })
	return i < len(s) && s[i].Start <= off
}

// normalize sorts the spans and merges those that overlap, so that
// contains can search them: a draft may have thousands of headings.
func (s formatSpans) normalize() formatSpans {
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	out := s[:0]
	for _, sp := range s {
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// fmtOwned lists the characters that the structural rules
// (docno-format, date-format, addressee-format, cc-format, title-format,
// attachment-note, heading-sequence) judge and fix themselves. The
// punctuation rules skip them so that a half-width colon after 抄送 is
// reported once, by cc-format, with one fix.
func fmtOwned(doc *lint.Document) formatSpans {
	st := doc.Structure
	if st == nil {
		return nil
	}
	var out formatSpans
	add := func(sp lint.Span) {
		if !sp.Empty() {
			out = append(out, sp)
		}
	}
	add(st.DocNumber)
	add(st.Date)
	add(st.PrintedBy)
	add(st.AttachmentNote)
	add(st.CopyNumber)
	add(st.Secrecy)
	add(st.Urgency)
	for _, h := range st.Headings {
		add(h.MarkerPos)
	}
	// Of the title, the 主送机关 and the 抄送 line only the marks the
	// structural rules fix: the rest is ordinary text.
	add(fmtTrailingMarks(doc, st.Title))
	add(fmtTrailingMarks(doc, st.Addressees))
	add(fmtTrailingMarks(doc, st.CC))
	if c := ccColon(doc, st.CC); !c.Empty() {
		add(c)
	}
	for _, sec := range st.Sections {
		add(fmtTrailingMarks(doc, sec.Addressees))
		add(sec.Date)
	}
	return out.normalize()
}

// fmtTrailingMarks is the run of punctuation that ends a span's text.
func fmtTrailingMarks(doc *lint.Document, sp lint.Span) lint.Span {
	start, rs := fmtRunesOf(doc, sp)
	j := len(rs)
	for j > 0 && fmtTrailingMark(rs[j-1]) {
		j--
	}
	return lint.Span{Start: start + j, End: start + len(rs)}
}

// fmtRunesOf returns the runes of a span of the prose, trimmed of white space
// at both ends, with the offset of the first kept rune.
func fmtRunesOf(doc *lint.Document, sp lint.Span) (int, []rune) {
	if sp.Empty() {
		return sp.Start, nil
	}
	rs := []rune(doc.Slice(sp))
	i, j := 0, len(rs)
	for i < j && (fmtSpace(rs[i]) || rs[i] == '\n' || rs[i] == '\r') {
		i++
	}
	for j > i && (fmtSpace(rs[j-1]) || rs[j-1] == '\n' || rs[j-1] == '\r') {
		j--
	}
	return sp.Start + i, rs[i:j]
}

// trailingPunct are the marks that must not end a title or an 附件 name.
func fmtTrailingMark(r rune) bool {
	return strings.ContainsRune("。.，,；;：:！!？?、", r)
}
