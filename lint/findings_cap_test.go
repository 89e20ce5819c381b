package lint

import (
	"strings"
	"testing"
)

// TestFindingsCappedPerRule: a rule that fires on every character keeps
// MaxFindingsPerRule findings and one more saying how many were left out,
// at the first of them.
func TestFindingsCappedPerRule(t *testing.T) {
	every := &Rule{ID: "every-char", Severity: Warning, Source: "实务通行做法", Doc: "test", Run: func(p *Pass) {
		for i := 0; i < p.Doc.Len(); i++ {
			p.Report(Finding{Span: Span{Start: i, End: i + 1}, Message: "一处", Fix: &Fix{Span: Span{Start: i, End: i + 1}, Text: "x"}})
		}
	}}
	once := &Rule{ID: "once", Severity: Info, Source: "实务通行做法", Doc: "test", Run: func(p *Pass) {
		p.Report(Finding{Span: Span{Start: 0, End: 1}, Message: "一处"})
	}}
	c, err := NewChecker(NewRegistry(every, once), nil)
	if err != nil {
		t.Fatal(err)
	}
	res := c.Check(ParseText("d.txt", strings.Repeat("中", 2000)))
	var kept, others int
	var note *Finding
	for i, f := range res.Findings {
		switch {
		case f.Rule == "every-char" && strings.Contains(f.Message, "未逐一列出"):
			note = &res.Findings[i]
		case f.Rule == "every-char":
			kept++
		default:
			others++
		}
	}
	if kept != MaxFindingsPerRule || others != 1 || note == nil {
		t.Fatalf("kept %d of every-char, %d others, note %v; want %d, 1 and a note", kept, others, note, MaxFindingsPerRule)
	}
	if !strings.Contains(note.Message, "另有1500处") || note.Span.Start != MaxFindingsPerRule || note.Fix != nil || note.Severity != Warning {
		t.Errorf("the note: %+v", *note)
	}
}
