package rules

import (
	"fmt"
	"math"

	"github.com/gwlint/gwlint/lint"
)

// LayoutMargins checks the page margins of a .docx (GB/T 9704—2012
// 5.2.1): "公文用纸天头（上白边）为37 mm±1 mm，公文用纸订口（左白边）为
// 28mm±1mm，版心尺寸为156 mm×225 mm". The 订口 includes a gutter; the
// 版心 is what the page leaves inside the margins, held to the same 1 mm
// (the standard gives no tolerance for it; a 版心 1 mm off is a rounding
// of the margins, not a slip).
var LayoutMargins = &lint.Rule{
	ID:       "layout-margins",
	Name:     "页边与版心",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 5.2.1",
	Doc:      "天头不是37mm±1mm、订口不是28mm±1mm，或版心不是156mm×225mm",
	Run: func(pass *lint.Pass) {
		l := layoutOf(pass.Doc)
		if l == nil || !l.Page.Known || !l.Page.MarginsKnown || l.Page.Width == 0 {
			return
		}
		pg := l.Page
		at := firstPageSpan(l)
		top, left := mm(pg.Top), mm(pg.Left+pg.Gutter)
		if math.Abs(top-37) > 1 {
			pass.Report(lint.Finding{Span: at, Message: fmt.Sprintf("天头（上白边）为%s，一般应为37mm±1mm", formatMM(top))})
		}
		if math.Abs(left-28) > 1 {
			pass.Report(lint.Finding{Span: at, Message: fmt.Sprintf("订口（左白边）为%s，一般应为28mm±1mm", formatMM(left))})
		}
		w := mm(pg.Width - pg.Left - pg.Right - pg.Gutter)
		h := mm(pg.Height - pg.Top - pg.Bottom)
		if math.Abs(w-156) > 1 || math.Abs(h-225) > 1 {
			pass.Report(lint.Finding{Span: at, Message: fmt.Sprintf("版心为%s×%s，一般应为156mm×225mm（上白边37mm、下白边35mm、左白边28mm、右白边26mm）", formatMM(w), formatMM(h))})
		}
	},
}
