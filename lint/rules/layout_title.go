package rules

import (
	"fmt"

	"github.com/gwlint/gwlint/lint"
)

// LayoutTitle checks the type of the 标题 of a .docx: "一般用2号小标宋体
// 字" (GB/T 9704—2012 7.3.1; REFERENCE.md marks the clause number as
// recalled, the wording as office practice confirms it: 2号方正小标宋简体).
// The first paragraph of the recognized title is judged by the look of
// most of its characters.
var LayoutTitle = &lint.Rule{
	ID:       "layout-title",
	Name:     "标题字体字号",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 7.3.1",
	Doc:      "标题不是2号小标宋体字",
	Run: func(pass *lint.Pass) {
		l := layoutOf(pass.Doc)
		st := pass.Doc.Structure
		if l == nil || st.Title.Empty() {
			return
		}
		p := paragraphAt(l, st.Title.Start)
		if p == nil {
			return
		}
		if k := fontKind(p.Font); k != "" && k != "小标宋" {
			pass.Report(lint.Finding{Span: span(p.Range), Message: fmt.Sprintf("标题字体为%s，一般应为小标宋（如方正小标宋简体）", p.Font)})
		}
		if p.Size != 0 && p.Size != 44 {
			pass.Report(lint.Finding{Span: span(p.Range), Message: fmt.Sprintf("标题字号为%s，一般应为2号（22磅）", describeSize(p.Size))})
		}
	},
}
