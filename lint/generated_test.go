package lint

import (
	"testing"

	"github.com/gwlint/gwlint/lint/read"
)

// TestDropGeneratedFixes: a fix that would edit Word's automatic
// numbering ("1、" rendered from numbering.xml) is dropped, the finding
// kept; fixes elsewhere stay.
func TestDropGeneratedFixes(t *testing.T) {
	doc := Parse(&read.Source{Format: read.FormatDocx, Text: "1、总体要求\n正文,续", Generated: []read.Range{{Start: 0, End: 2}}})
	findings := []Finding{
		{Rule: "heading-sequence", Span: Span{Start: 0, End: 2}, Fix: &Fix{Span: Span{Start: 0, End: 2}, Text: "1."}},
		{Rule: "punct-halfwidth", Span: Span{Start: 9, End: 10}, Fix: &Fix{Span: Span{Start: 9, End: 10}, Text: "，"}},
		{Rule: "insert-inside", Span: Span{Start: 1, End: 1}, Fix: &Fix{Span: Span{Start: 1, End: 1}, Text: "x"}},
		{Rule: "insert-after", Span: Span{Start: 2, End: 2}, Fix: &Fix{Span: Span{Start: 2, End: 2}, Text: "x"}},
	}
	got := dropGeneratedFixes(doc, findings)
	want := []bool{false, true, false, true}
	for i, f := range got {
		if (f.Fix != nil) != want[i] {
			t.Errorf("%s: fix kept = %v, want %v", f.Rule, f.Fix != nil, want[i])
		}
	}
	if len(got) != 4 {
		t.Errorf("findings dropped: %d left", len(got))
	}
}
