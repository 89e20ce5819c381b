package align

import (
	"sort"
	"sync"
	"unicode"

	txt "github.com/gwlint/gwlint/lint/text"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Range is a half-open span of rune offsets.
type Range = txt.Span

// Normalized is a text reduced to the characters that count for copy
// detection, with the way back to the original.
type Normalized struct {
	// Runes holds the normalized characters.
	Runes []rune
	// Orig maps each normalized rune to the offset of the original rune it
	// came from. It never decreases; one original rune may give several
	// normalized runes (NFKC expands ㈠ to (一), of which 一 is kept).
	Orig []int
	// OrigLen is the length of the original text in runes.
	OrigLen int

	// canon is the canonical token sequence (see canon.go); tokStart[i] is
	// the normalized offset where token i begins, with a final sentinel.
	canon    []rune
	tokStart []int32

	// structural holds the headings, list markers and 《》 titles (see
	// structuralSpans), in normalized offsets.
	structural []Range

	canonOnce sync.Once
	canonIdx  *gramIndex
	exactOnce sync.Once
	exactIdx  *gramIndex
}

// Normalize reduces text to its meaningful characters. Each rune is
// normalized on its own (NFKC, then width folding, then lower case), so
// that every normalized rune points back to exactly one original rune;
// the price is that a letter followed by a combining accent is not
// composed, which does not matter for Chinese text. Letters, numbers and
// marks are kept; punctuation, symbols, whitespace, control and private-use
// characters are dropped. Invalid UTF-8 bytes count as one rune each, as
// in a Go range loop, and are dropped.
func Normalize(text string) *Normalized {
	n := &Normalized{
		Runes: make([]rune, 0, len(text)/3+1),
		Orig:  make([]int, 0, len(text)/3+1),
	}
	off := 0
	var buf [8]rune
	for _, r := range text {
		for _, c := range foldRune(r, buf[:0]) {
			n.Runes = append(n.Runes, c)
			n.Orig = append(n.Orig, off)
		}
		off++
	}
	n.OrigLen = off
	n.canon, n.tokStart = canonicalize(n.Runes)
	n.structural = structuralSpans(text, n)
	return n
}

// foldRune appends the normalized, kept runes of r to dst.
func foldRune(r rune, dst []rune) []rune {
	switch {
	case r < 0x80:
		if r >= 'A' && r <= 'Z' {
			return append(dst, r+('a'-'A'))
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			return append(dst, r)
		}
		return dst
	case r >= 0x4E00 && r <= 0x9FFF:
		// CJK unified ideographs are their own NFKC form and have no width
		// variants: the common case, kept fast.
		return append(dst, r)
	case r >= 0xFF01 && r <= 0xFF5E:
		// Full-width ASCII is ASCII under NFKC.
		return foldRune(r-0xFEE0, dst)
	case r >= 0x2000 && r <= 0x206F:
		// General punctuation: mostly dropped; looked up in a table.
		return append(dst, generalPunct[r-0x2000]...)
	case r >= 0x3000 && r <= 0x303F:
		// CJK punctuation: dropped except 々 〆 〇 and a few numerals.
		return append(dst, cjkPunct[r-0x3000]...)
	}
	return foldRuneSlow(r, dst)
}

// Tables for the punctuation blocks that fill Chinese text, computed once
// by the general path so that the two cannot disagree.
var (
	generalPunct = foldTable(0x2000, 0x2070)
	cjkPunct     = foldTable(0x3000, 0x3040)
)

func foldTable(from, to rune) [][]rune {
	t := make([][]rune, to-from)
	for r := from; r < to; r++ {
		t[r-from] = foldRuneSlow(r, nil)
	}
	return t
}

// foldRuneSlow is the general path: NFKC, width folding, lower case.
func foldRuneSlow(r rune, dst []rune) []rune {
	for _, c := range norm.NFKC.String(string(r)) {
		if f := []rune(width.Fold.String(string(c))); len(f) == 1 {
			c = f[0]
		}
		c = unicode.ToLower(c)
		if keepRune(c) {
			dst = append(dst, c)
		}
	}
	return dst
}

func keepRune(c rune) bool {
	if c >= 0xE000 && c <= 0xF8FF {
		// Private use: reserved for the canonical class tokens.
		return false
	}
	return unicode.IsLetter(c) || unicode.IsNumber(c) || unicode.IsMark(c)
}

// Len is the number of normalized runes.
func (n *Normalized) Len() int { return len(n.Runes) }

// OrigRange maps a half-open range of normalized offsets to the half-open
// range of original offsets from the first to the last character it
// covers. An empty or out-of-range input gives an empty range.
func (n *Normalized) OrigRange(r Range) Range {
	if r.Start < 0 {
		r.Start = 0
	}
	if r.End > len(n.Orig) {
		r.End = len(n.Orig)
	}
	if r.Start >= r.End {
		if r.Start < len(n.Orig) {
			return Range{Start: n.Orig[r.Start], End: n.Orig[r.Start]}
		}
		return Range{Start: n.OrigLen, End: n.OrigLen}
	}
	return Range{Start: n.Orig[r.Start], End: n.Orig[r.End-1] + 1}
}

// NormRange maps a half-open range of original offsets to the normalized
// characters that came from inside it.
func (n *Normalized) NormRange(r Range) Range {
	s := sort.SearchInts(n.Orig, r.Start)
	e := sort.SearchInts(n.Orig, r.End)
	if e < s {
		e = s
	}
	return Range{Start: s, End: e}
}

// Canonical returns the canonical token sequence that matching runs on:
// each class word (see Classes) and each run of numerals is one token,
// every other normalized rune is itself. Indexes built outside this
// package (a library of parents) fingerprint this sequence so that they
// find the same passages Compare does. The slice must not be modified.
func (n *Normalized) Canonical() []rune { return n.canon }
