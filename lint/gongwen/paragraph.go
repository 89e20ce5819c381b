package gongwen

import (
	"strings"
	"unicode"
	"unicode/utf8"

	txt "github.com/gwlint/gwlint/lint/text"
)

// splitParagraphs cuts text into lines at \n, \r\n or \r. A line break at
// the very end does not open an empty last paragraph. Offsets are counted
// the way ranging over a Go string counts them, so an invalid byte is one
// rune, as it is everywhere else in gwlint.
func splitParagraphs(text string) []Paragraph {
	if text == "" {
		return nil
	}
	paras := make([]Paragraph, 0, strings.Count(text, "\n")+1)
	off, start := 0, 0
	for {
		idx := strings.IndexAny(text[start:], "\r\n")
		end := len(text)
		if idx >= 0 {
			end = start + idx
		}
		line := text[start:end]
		n := utf8.RuneCountInString(line)
		paras = append(paras, makeParagraph(line, off, n))
		off += n
		if idx < 0 {
			break
		}
		if text[end] == '\r' && end+1 < len(text) && text[end+1] == '\n' {
			start = end + 2
			off += 2
		} else {
			start = end + 1
			off++
		}
		if start >= len(text) {
			break
		}
	}
	return paras
}

// makeParagraph trims the indentation (half-width and full-width spaces,
// tabs, no-break spaces, a stray BOM) and trailing white space of one line.
func makeParagraph(line string, off, n int) Paragraph {
	lead, leadRunes := 0, 0
	for lead < len(line) {
		r, size := utf8.DecodeRuneInString(line[lead:])
		if !isSpaceRune(r) {
			break
		}
		lead += size
		leadRunes++
	}
	trail, trailRunes := len(line), 0
	for trail > lead {
		r, size := utf8.DecodeLastRuneInString(line[lead:trail])
		if !isSpaceRune(r) {
			break
		}
		trail -= size
		trailRunes++
	}
	return Paragraph{
		Span:    Span{Start: off, End: off + n},
		Content: Span{Start: off + leadRunes, End: off + n - trailRunes},
		Text:    line[lead:trail],
	}
}

func isSpaceRune(r rune) bool { return txt.IsSpace(r) }

func isTrailingPunct(r rune) bool {
	switch r {
	case '。', '.', '，', ',', '；', ';', '：', ':', '！', '!', '？', '?', '、':
		return true
	}
	return false
}

// runeOffset converts a byte offset within p.Text to a rune offset into
// the whole text.
func runeOffset(p Paragraph, b int) int {
	if b < 0 {
		b = 0
	}
	if b > len(p.Text) {
		b = len(p.Text)
	}
	return p.Content.Start + utf8.RuneCountInString(p.Text[:b])
}

// subSpan is the span of p.Text[from:to] (byte offsets).
func subSpan(p Paragraph, from, to int) Span {
	return Span{Start: runeOffset(p, from), End: runeOffset(p, to)}
}

// contentLen is the length of p's content in runes, without decoding it.
func contentLen(p Paragraph) int { return p.Content.Len() }

// compact drops all white space, for lines written with letter spacing
// (特　急, 协 调 委 员 会).
func compact(s string) string {
	if !strings.ContainsFunc(s, isSpaceRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSpaceRune(r) {
			return -1
		}
		return r
	}, s)
}

// stripEntityTail removes the remains of HTML entities that web copies
// leave after a signature (国务院办公厅 &nbsp;, or a mangled &sp;).
func stripEntityTail(s string) string {
	for {
		s = strings.TrimRightFunc(s, isSpaceRune)
		if !strings.HasSuffix(s, ";") {
			return s
		}
		amp := strings.LastIndexByte(s, '&')
		if amp < 0 || len(s)-amp > 10 {
			return s
		}
		for _, c := range s[amp+1 : len(s)-1] {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#') {
				return s
			}
		}
		s = s[:amp]
	}
}

func hanCount(s string, limit int) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
			if n >= limit {
				return n
			}
		}
	}
	return n
}

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }
