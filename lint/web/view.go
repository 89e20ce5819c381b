package web

import (
	"sort"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/report"
)

// view is the answer of /api/view: the contract's report for the draft,
// and what the page needs besides to draw it. Offsets are code points, as
// in the report; the page converts them to its UTF-16 strings.
type view struct {
	Report    any    `json:"report"`
	Path      string `json:"path"`
	Format    string `json:"format"`
	Text      string `json:"text"`
	Chars     int    `json:"chars"`
	Cap       int    `json:"cap"`
	CapReason string `json:"cap_reason"`
	Counted   span   `json:"counted"`
	// DocumentWide are the indices of findings about the whole draft
	// (length-cap, copy-ratio), which the page lists but does not paint
	// over the text.
	DocumentWide []int               `json:"document_wide"`
	Passages     []viewPassage       `json:"passages"`
	Rules        map[string]viewRule `json:"rules"`
	// Library is the server's parent library the draft was compared
	// with, absent without one.
	Library *lint.LibraryInfo `json:"library,omitempty"`
}

type span struct {
	Offset    int `json:"offset"`
	EndOffset int `json:"end_offset"`
}

// viewPassage is a copied passage with the parent's words.
type viewPassage struct {
	Offset       int    `json:"offset"`
	EndOffset    int    `json:"end_offset"`
	Line         int    `json:"line"`
	Column       int    `json:"column"`
	Parent       string `json:"parent"`
	ParentOffset int    `json:"parent_offset"`
	ParentEnd    int    `json:"parent_end_offset"`
	ParentLine   int    `json:"parent_line"`
	ParentColumn int    `json:"parent_column"`
	ParentText   string `json:"parent_text"`
	// Finding is the index of the copy-passage finding about it, -1 when
	// there is none.
	Finding int `json:"finding"`
}

// viewRule describes a rule that appears among the findings, for the
// detail the page shows on a click.
type viewRule struct {
	Doc    string `json:"doc"`
	Source string `json:"source"`
}

func (s *Server) viewOf(c *checked) view {
	r := c.result
	v := view{
		Library: c.library,
		Report:  report.JSONReport([]*lint.Result{r}, s.opts.ToolVersion),
		Path:    r.Path, Text: r.Doc.Text, Format: string(r.Doc.Format),
		Chars: r.Chars, Cap: r.Cap, CapReason: r.CapReason,
		Counted:      span{r.Counted.Start, r.Counted.End},
		DocumentWide: []int{},
		Passages:     []viewPassage{},
		Rules:        map[string]viewRule{},
	}
	n := r.Doc.Len()
	for i, f := range r.Findings {
		if report.IsDocumentWide(f, n) {
			v.DocumentWide = append(v.DocumentWide, i)
		}
		if _, ok := v.Rules[f.Rule]; !ok {
			if rule := s.opts.Registry.Lookup(f.Rule); rule != nil {
				v.Rules[f.Rule] = viewRule{Doc: rule.Doc, Source: rule.Source}
			}
		}
	}
	for _, p := range report.CopiedPassages(r) {
		at := r.Doc.Position(p.Draft.Start)
		v.Passages = append(v.Passages, viewPassage{
			Offset: p.Draft.Start, EndOffset: p.Draft.End, Line: at.Line, Column: at.Column,
			Parent: p.ParentPath, ParentOffset: p.ParentSpan.Start, ParentEnd: p.ParentSpan.End,
			ParentLine: p.ParentStart.Line, ParentColumn: p.ParentStart.Column,
			ParentText: p.ParentText, Finding: p.Finding,
		})
	}
	sort.SliceStable(v.Passages, func(i, j int) bool { return v.Passages[i].Offset < v.Passages[j].Offset })
	return v
}
