package rules

import (
	"fmt"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// LayoutHeadings checks the type of the first two levels of 结构层次:
// "一般第一层用黑体字、第二层用楷体字" (GB/T 9704—2012 7.3.3; the clause
// number is recalled in REFERENCE.md). What is judged is the heading's
// own words, the text right after its number: a （一） heading often runs
// on into body text in 仿宋 in the same paragraph, and an automatic
// number has the look of the list, not of the text.
var LayoutHeadings = &lint.Rule{
	ID:       "layout-headings",
	Name:     "标题层次字体",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 7.3.3",
	Doc:      "一级标题不是黑体、二级标题不是楷体",
	Run: func(pass *lint.Pass) {
		l := layoutOf(pass.Doc)
		if l == nil {
			return
		}
		for _, h := range pass.Doc.Structure.Headings {
			want, level := "", ""
			switch h.Level {
			case gongwen.Level1:
				want, level = "黑体", "一级标题"
			case gongwen.Level2:
				want, level = "楷体", "二级标题"
			default:
				continue
			}
			p := paragraphAt(l, h.Span.Start)
			if p == nil || p.InTable || p.InTextBox {
				continue
			}
			font, _ := runAt(p, h.MarkerPos.End)
			if k := fontKind(font); k != "" && k != want {
				pass.Report(lint.Finding{Span: h.Span, Message: fmt.Sprintf("%s“%s”的字体为%s，一般应为%s", level, excerpt(pass.Doc.Slice(h.Span), 12), font, want)})
			}
		}
	},
}

// excerpt is the first n characters of s, with an ellipsis when cut.
func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
