package rules

import "github.com/gwlint/gwlint/lint"

// layoutRules lists the layout family's rules for All: the page and type
// of a .docx against GB/T 9704—2012 《党政机关公文格式》.
var layoutRules = []*lint.Rule{
	LayoutPaper, LayoutMargins, LayoutGrid, LayoutBody, LayoutTitle, LayoutHeadings, LayoutPageNumber,
}
