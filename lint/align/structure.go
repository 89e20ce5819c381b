package align

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Structural spans are the parts of a text that number or title it
// rather than say anything: a heading line (一、总体要求, （三）基本原则。),
// the list marker opening a paragraph (2. 3. （1）), and the title inside
// a 《》. A draft that restates its parent often leaves a heading out,
// renumbers a list or cites the parent's 《title》 in a shortened form;
// the copied passage continues across them (see gapRules). They are kept
// as normalized ranges, few per document.

// maxHeadingLine is the longest line read as a heading line: longer
// lines are paragraphs that open with a marker, of which only the marker
// is structural.
const maxHeadingLine = 30

// structuralSpans finds the structural spans of text and returns them as
// sorted ranges of normalized offsets of n (which must be Normalize(text)).
// It walks the text once, beside n.Orig, because Normalize runs on every
// parent of a library.
func structuralSpans(text string, n *Normalized) []Range {
	var out []Range
	j := 0 // the first normalized rune at or after the current offset
	at := func(o int) int {
		for j < len(n.Orig) && n.Orig[j] < o {
			j++
		}
		return j
	}
	lineStart := true
	depth, open := 0, 0
	off := 0
	for b := 0; b < len(text); {
		r, size := utf8.DecodeRuneInString(text[b:])
		switch {
		case r == '\n':
			lineStart, depth = true, 0
		case lineStart && (r == ' ' || r == '\t' || r == '\u3000' || r == '\r'):
		case lineStart:
			lineStart = false
			if m := markerLen(text[b:]); m > 0 {
				line := text[b:]
				if i := strings.IndexByte(line, '\n'); i >= 0 {
					line = line[:i]
				}
				line = strings.TrimRight(line, " \t\u3000\r")
				end := off + m
				if k := utf8.RuneCountInString(line); k <= maxHeadingLine {
					end = off + k
				}
				a := at(off)
				if e := sort.SearchInts(n.Orig[a:], end) + a; e > a {
					out = append(out, Range{Start: a, End: e})
				}
			}
		}
		switch r {
		case '《':
			if depth == 0 {
				open = off
			}
			depth++
		case '》':
			if depth > 0 {
				depth--
				if depth == 0 {
					a := sort.SearchInts(n.Orig, open+1)
					if e := at(off); e > a {
						out = append(out, Range{Start: a, End: e})
					}
				}
			}
		}
		b += size
		off++
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// markerLen is the length in runes of the heading or list marker that
// opens s, or 0: 一、 （一） (一) 1. 1． 1、 （1） (1) 第一章 第一节.
func markerLen(s string) int {
	var buf [12]rune
	rs := buf[:0]
	for _, r := range s {
		if len(rs) == len(buf) || r == '\n' {
			break
		}
		rs = append(rs, r)
	}
	han := func(r rune) bool { return strings.ContainsRune("一二三四五六七八九十百零〇", r) }
	digit := func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
	i := 0
	switch {
	case len(rs) > 0 && (rs[0] == '（' || rs[0] == '('):
		i = 1
		j := i
		for j < len(rs) && (han(rs[j]) || digit(rs[j])) {
			j++
		}
		if j > i && j < len(rs) && (rs[j] == '）' || rs[j] == ')') {
			return j + 1
		}
	case len(rs) > 0 && rs[0] == '第':
		j := 1
		for j < len(rs) && (han(rs[j]) || digit(rs[j])) {
			j++
		}
		if j > 1 && j < len(rs) && (rs[j] == '章' || rs[j] == '节' || rs[j] == '编') {
			return j + 1
		}
	default:
		j := 0
		for j < len(rs) && (han(rs[j]) || digit(rs[j])) {
			j++
		}
		if j > 0 && j <= 3 && j < len(rs) && strings.ContainsRune("、.．", rs[j]) {
			// 1.5倍 is a number, not a marker.
			if rs[j] != '、' && j+1 < len(rs) && digit(rs[j+1]) {
				return 0
			}
			return j + 1
		}
	}
	return 0
}

// structuralMask is the structural spans as one flag per normalized rune.
// The slice is new on every call; the caller may change it.
func (n *Normalized) structuralMask() []bool {
	mask := make([]bool, len(n.Runes))
	for _, r := range n.structural {
		for i := max(r.Start, 0); i < r.End && i < len(mask); i++ {
			mask[i] = true
		}
	}
	return mask
}
