package rules

import (
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// LayoutPageNumber checks the 页码 of a .docx: "一般用4号半角宋体阿拉伯数字
// ……数字左右各放一条一字线" (GB/T 9704—2012 7.5; clause number recalled
// in REFERENCE.md), that is "— 1 —". A footer without a PAGE field has no
// page number; one whose marks around the number are not 一字线 (—,
// U+2014), such as "-1-" or "第1页", is reported with what it shows.
var LayoutPageNumber = &lint.Rule{
	ID:       "layout-page-number",
	Name:     "页码",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 7.5",
	Doc:      "没有页码，或页码不是“— 1 —”的形式",
	Run: func(pass *lint.Pass) {
		l := layoutOf(pass.Doc)
		if l == nil || len(l.Paragraphs) == 0 {
			return
		}
		at := firstPageSpan(l)
		for _, f := range l.Footers {
			if !f.PageField {
				continue
			}
			text := strings.TrimSpace(f.Text)
			if isDashedPageNumber(text) {
				return
			}
			pass.Report(lint.Finding{Span: at, Message: "页码为“" + text + "”，一般应在数字左右各放一条一字线，如“— 1 —”"})
			return
		}
		pass.Report(lint.Finding{Span: at, Message: "页脚中没有页码，一般应在版心下边缘之下用4号半角宋体阿拉伯数字标注，数字左右各放一条一字线，如“— 1 —”"})
	},
}

// isDashedPageNumber: "— 1 —", the number between two 一字线, spaces
// optional.
func isDashedPageNumber(s string) bool {
	r := []rune(strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "\u3000", ""))
	if len(r) < 3 || r[0] != '—' || r[len(r)-1] != '—' {
		return false
	}
	for _, c := range r[1 : len(r)-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
