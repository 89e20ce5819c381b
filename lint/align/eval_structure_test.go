package align

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The structure generator plants, in children made of filler sentences,
// passages of a parent that cross what a restating document changes
// without rewriting: a 《title》 it cites (kept, or shortened to its
// genre word: 《国务院关于……的决定》 → 《决定》), a list marker (renumbered or
// dropped), and a heading line (left out). Each passage is one planted
// case; a detector that cuts it at the citation, marker or heading scores
// a granularity above 1. The children are compared as gwlint compares a
// draft: every reference FindReferences returns is left out of the ratio.

var (
	titleRE   = regexp.MustCompile(`《[^》\n]{2,60}》`)
	listRE    = regexp.MustCompile(`(?m)^(\d{1,2}[.．]|（[一二三四五六七八九十]{1,3}）)`)
	headingRE = regexp.MustCompile(`(?m)^([一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)[^\n。]{1,24}。?$`)
)

// structureSites are the rune offsets in a parent where a kind of
// passage can be planted: a title's 《, a list marker's first rune, a
// heading line's first rune (with its length).
type site struct{ at, end int }

func structureSites(parent, kind string) []site {
	var re *regexp.Regexp
	switch kind {
	case "cite":
		re = titleRE
	case "list":
		re = listRE
	case "heading":
		re = headingRE
	}
	runeAt := byteToRune(parent)
	// Restating documents copy the parent's body, not its 版头: sites lie
	// after the first paragraph of the body (the 主送机关 line or the first
	// blank line), so that no passage starts in the title block.
	body := strings.Index(parent, "：\n")
	if b := strings.Index(parent, "\n\n"); body < 0 || (b >= 0 && b > body) {
		body = b
	}
	var out []site
	for _, m := range re.FindAllStringIndex(parent, -1) {
		if m[0] > body+150 {
			out = append(out, site{runeAt[m[0]], runeAt[m[1]]})
		}
	}
	return out
}

// plantStructure builds a child with passages crossing citations, list
// markers and headings of the parents.
func plantStructure(r *rand.Rand, parents []string, pn []*Normalized, filler []string) (string, []plantedCase) {
	var b strings.Builder
	var cases []plantedCase
	pos := 0
	write := func(s string) {
		b.WriteString(s)
		pos += len([]rune(s))
	}
	kinds := []string{"cite", "list", "heading"}
	for j := 0; j < 6+r.IntN(5); j++ {
		for k := 0; k < 1+r.IntN(3); k++ {
			write(filler[r.IntN(len(filler))])
		}
		pi := r.IntN(len(parents))
		pr := []rune(parents[pi])
		kind := kinds[r.IntN(len(kinds))]
		sites := structureSites(parents[pi], kind)
		if len(sites) == 0 {
			continue
		}
		st := sites[r.IntN(len(sites))]
		start := max(0, st.at-(20+r.IntN(130)))
		end := min(len(pr), st.end+20+r.IntN(180))
		var text string
		switch kind {
		case "cite":
			title := pr[st.at+1 : st.end-1]
			mid := string(pr[st.at:st.end])
			if r.IntN(2) == 0 && len(title) > 4 {
				mid = "《" + string(title[len(title)-2:]) + "》"
			}
			text = string(pr[start:st.at]) + mid + string(pr[st.end:end])
		case "list":
			marker := string(pr[st.at:st.end])
			if r.IntN(2) == 0 {
				marker = ""
			} else if strings.HasPrefix(marker, "（") {
				marker = "（" + string([]rune("五六七八九")[r.IntN(5)]) + "）"
			} else {
				marker = string(rune('5'+r.IntN(4))) + "."
			}
			text = string(pr[start:st.at]) + marker + string(pr[st.end:end])
		case "heading":
			// The heading line goes with its line break.
			after := st.end
			if after < len(pr) && pr[after] == '\n' {
				after++
			}
			end = min(len(pr), after+20+r.IntN(180))
			text = string(pr[start:st.at]) + string(pr[after:end])
		}
		tn := Normalize(text)
		if len(tn.Runes) < 30 {
			continue
		}
		src := pn[pi].OrigRange(pn[pi].NormRange(Range{Start: start, End: end}))
		d := tn.OrigRange(Range{Start: 0, End: len(tn.Runes)})
		cases = append(cases, plantedCase{Range{Start: pos + d.Start, End: pos + d.End}, pi, src, kind})
		write(text)
		write("\n")
	}
	write(filler[r.IntN(len(filler))])
	return b.String(), cases
}

// TestPlagdetStructure scores Compare on the structure generator, with
// the references of each child passed as gwlint passes them (Cite). Seeds
// differ from TestPlagdet's, so this is a set the engine was not tuned on.
func TestPlagdetStructure(t *testing.T) {
	s, byKind, n, d := plagdetStructure(t, func(child string) Options {
		var cite []Range
		for _, ref := range FindReferences(child) {
			cite = append(cite, ref.Range)
		}
		return Options{Cite: cite}
	})
	t.Logf("plagdet %.4f (precision %.4f, recall %.4f, granularity %.4f) over %d planted passages, %d detections",
		s.plagdet, s.prec, s.rec, s.gran, n, d)
	for _, k := range []string{"cite", "list", "heading"} {
		ks := byKind[k]
		t.Logf("  %-8s plagdet %.4f precision %.4f recall %.4f granularity %.4f", k, ks.plagdet, ks.prec, ks.rec, ks.gran)
	}
	if s.gran > 1.05 || s.plagdet < 0.95 {
		t.Errorf("granularity %.4f (want ≤ 1.05), plagdet %.4f (want ≥ 0.95)", s.gran, s.plagdet)
	}
}

func plagdetStructure(t *testing.T, options func(child string) Options) (score, map[string]score, int, int) {
	gov := readCorpus(t, "gov")
	names := sortedKeys(gov)
	r := rand.New(rand.NewPCG(2026, 15))
	var allCases []plantedCase
	var allDets []Passage
	kindCases := map[string][]plantedCase{}
	kindDets := map[string][]Passage{}
	for trial := 0; trial < 40; trial++ {
		i, j := r.IntN(len(names)), r.IntN(len(names))
		if i == j {
			j = (j + 1) % len(names)
		}
		parents := []string{gov[names[i]], gov[names[j]]}
		pn := []*Normalized{Normalize(parents[0]), Normalize(parents[1])}
		var others []string
		for k, n := range names {
			if k != i && k != j {
				others = append(others, gov[n])
			}
		}
		filler := fillerSentences(others, pn)
		child, cases := plantStructure(r, parents, pn, filler)
		res := Compare(Normalize(child), pn, options(child))
		shift := trial * 1_000_000
		for k := range cases {
			cases[k].draft.Start += shift
			cases[k].draft.End += shift
			cases[k].parent += 2 * trial
			allCases = append(allCases, cases[k])
			kindCases[cases[k].kind] = append(kindCases[cases[k].kind], cases[k])
		}
		for _, d := range res.Passages {
			d.Draft.Start += shift
			d.Draft.End += shift
			d.Parent += 2 * trial
			allDets = append(allDets, d)
			for _, c := range cases {
				if c.parent == d.Parent && overlap(c.draft, d.Draft) > 0 {
					kindDets[c.kind] = append(kindDets[c.kind], d)
					break
				}
			}
		}
	}
	byKind := map[string]score{}
	for k, cs := range kindCases {
		byKind[k] = plagdet(cs, kindDets[k])
	}
	return plagdet(allCases, allDets), byKind, len(allCases), len(allDets)
}
