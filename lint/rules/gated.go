package rules

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// A gatedPattern is a regular expression that is run only near the places
// where the text holds one of its anchors, a literal every match contains.
// Go's regexp engine scans the whole text at tens of megabytes a second
// when a pattern has no literal prefix, and most such patterns here
// (发文字号, short years, ranges) can only match around a rare character.
// Finding the anchors with strings.Index and running the pattern on small
// windows around them gives exactly the matches FindAll gives on the whole
// text, provided reach is right: every match holding the anchor at
// [at, end) lies within the window reach returns, and reach says no only
// where no match can hold that anchor. The patterns have no ^, $ or \b, so
// a match depends on its own text only; windows that overlap are merged,
// so no match is split between two.
type gatedPattern struct {
	re      *regexp.Regexp
	anchors []string
	reach   func(text string, at, end int) (lo, hi int, ok bool)
}

// findAll is re.FindAllStringSubmatchIndex(text, -1), run on windows.
func (g *gatedPattern) findAll(text string) [][]int {
	var spots [][2]int
	for _, a := range g.anchors {
		for off := 0; ; {
			i := strings.Index(text[off:], a)
			if i < 0 {
				break
			}
			at := off + i
			if lo, hi, ok := g.reach(text, at, at+len(a)); ok {
				spots = append(spots, [2]int{lo, hi})
			}
			off = at + len(a)
		}
	}
	if len(spots) == 0 {
		return nil
	}
	if len(g.anchors) > 1 {
		sort.Slice(spots, func(i, j int) bool { return spots[i][0] < spots[j][0] })
	}
	var out [][]int
	run := func(lo, hi int) {
		for _, m := range g.re.FindAllStringSubmatchIndex(text[lo:hi], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += lo
				}
			}
			out = append(out, m)
		}
	}
	lo, hi := spots[0][0], spots[0][1]
	for _, s := range spots[1:] {
		if s[0] <= hi {
			hi = max(hi, s[1])
			continue
		}
		run(lo, hi)
		lo, hi = s[0], s[1]
	}
	run(lo, hi)
	return out
}

// runesBack is the byte offset n runes before at in text, or the start.
func runesBack(text string, at, n int) int {
	for ; n > 0 && at > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(text[:at])
		at -= w
	}
	return at
}

// runesOn is the byte offset n runes after at in text, or the end.
func runesOn(text string, at, n int) int {
	for ; n > 0 && at < len(text); n-- {
		_, w := utf8.DecodeRuneInString(text[at:])
		at += w
	}
	return at
}

// backWhile is the start of the run of runes before at that satisfy in.
func backWhile(text string, at int, in func(rune) bool) int {
	for at > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:at])
		if !in(r) {
			break
		}
		at -= w
	}
	return at
}

// asciiDigitBefore reports whether the byte before at is 0–9.
func asciiDigitBefore(text string, at int) bool {
	return at > 0 && text[at-1] >= '0' && text[at-1] <= '9'
}
