package rules

import (
	"fmt"
	"math"

	"github.com/gwlint/gwlint/lint"
)

// LayoutPaper checks that a .docx is set on A4 (GB/T 9704—2012 5.1:
// "210 mm×297 mm"), portrait. Letter, the default of an English Word, is
// the usual slip.
var LayoutPaper = &lint.Rule{
	ID:       "layout-paper",
	Name:     "纸张幅面",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 5.1",
	Doc:      "纸张不是A4（210mm×297mm）",
	Run: func(pass *lint.Pass) {
		l := layoutOf(pass.Doc)
		if l == nil || !l.Page.Known || l.Page.Width == 0 || l.Page.Height == 0 {
			return
		}
		w, h := mm(l.Page.Width), mm(l.Page.Height)
		if math.Abs(w-210) <= 1 && math.Abs(h-297) <= 1 {
			return
		}
		name := ""
		switch {
		case math.Abs(w-215.9) <= 1 && math.Abs(h-279.4) <= 1:
			name = "（Letter）"
		case math.Abs(w-297) <= 1 && math.Abs(h-210) <= 1:
			name = "（A4横向）"
		case math.Abs(w-250) <= 1 && math.Abs(h-353) <= 1, math.Abs(w-182) <= 1 && math.Abs(h-257) <= 1:
			name = "（B系列）"
		}
		pass.Report(lint.Finding{Span: firstPageSpan(l), Message: fmt.Sprintf("纸张为%s×%s%s，一般应为A4（210mm×297mm）", formatMM(w), formatMM(h), name)})
	},
}
