package rules

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// taohuaDensity is the density style-taohua computes, for the corpus
// statistics behind taohuaThreshold.
func taohuaDensity(t testing.TB, doc *lint.Document) float64 {
	m := builtinPhraseSet().all.ForRule("style-taohua")
	counted := doc.CountedSpan()
	text := m.Prepare(doc.Prose, doc.Words())
	n := 0
	for _, x := range m.Find(text) {
		if x.Span.Start >= counted.Start && x.Span.End <= counted.End {
			n++
		}
	}
	chars := lint.CountChars(doc.Slice(counted))
	if chars == 0 {
		return 0
	}
	return float64(n) * 1000 / float64(chars)
}

// TestTaohuaDistribution prints the density over the gov/ corpus (run with
// -v) and checks that the threshold reports only the densest part of it:
// published State Council documents are not the faults this rule is for.
func TestTaohuaDistribution(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/gov/*.txt")
	var ds []float64
	for _, f := range files {
		doc, err := lint.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if lint.CountChars(doc.Slice(doc.CountedSpan())) < taohuaMinChars {
			continue
		}
		ds = append(ds, taohuaDensity(t, doc))
	}
	sort.Float64s(ds)
	q := func(p float64) float64 { return ds[int(p*float64(len(ds)-1))] }
	t.Logf("taohua density over %d gov/ documents: median %.1f, p75 %.1f, p90 %.1f, max %.1f", len(ds), q(0.5), q(0.75), q(0.9), ds[len(ds)-1])
	above := 0
	for _, d := range ds {
		if d > taohuaThreshold {
			above++
		}
	}
	if above > len(ds)/5 {
		t.Errorf("%d of %d published documents exceed the threshold %.1f", above, len(ds), taohuaThreshold)
	}
}
