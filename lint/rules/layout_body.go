package rules

import (
	"fmt"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
	"github.com/gwlint/gwlint/lint/read"
)

// LayoutBody checks the type of the 正文 of a .docx (GB/T 9704—2012 5.2.2:
// "如无特殊说明，公文格式各要素一般用3号仿宋体字"). Body paragraphs are
// those of the recognized 正文 other than first- and second-level headings
// (which LayoutHeadings checks), outside tables and text boxes. Each
// deviation (a font, a size) is reported once, at the first paragraph
// that has it, with how many others share it: a draft set in 小四 is one
// slip, not a hundred.
var LayoutBody = &lint.Rule{
	ID:       "layout-body",
	Name:     "正文字体字号",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 5.2.2",
	Doc:      "正文不是3号仿宋体字",
	Run: func(pass *lint.Pass) {
		l := layoutOf(pass.Doc)
		st := pass.Doc.Structure
		if l == nil || st.Body.Empty() {
			return
		}
		headings := map[int]bool{}
		for _, h := range st.Headings {
			if h.Level == gongwen.Level1 || h.Level == gongwen.Level2 {
				headings[h.Span.Start] = true
			}
		}
		type slip struct {
			first *read.ParagraphLayout
			n     int
		}
		fonts, sizes := map[string]*slip{}, map[int]*slip{}
		var fontOrder []string
		var sizeOrder []int
		for i := range l.Paragraphs {
			p := &l.Paragraphs[i]
			if p.InTable || p.InTextBox || p.Range.End <= p.Range.Start || p.Outline == 0 || p.Outline == 1 ||
				p.Range.Start < st.Body.Start || p.Range.Start >= st.Body.End || isHeadingPara(pass.Doc, p, headings) {
				continue
			}
			if k := fontKind(p.Font); k != "" && k != "仿宋" {
				if fonts[p.Font] == nil {
					fonts[p.Font] = &slip{first: p}
					fontOrder = append(fontOrder, p.Font)
				}
				fonts[p.Font].n++
			}
			if p.Size != 0 && p.Size != 32 {
				if sizes[p.Size] == nil {
					sizes[p.Size] = &slip{first: p}
					sizeOrder = append(sizeOrder, p.Size)
				}
				sizes[p.Size].n++
			}
		}
		others := func(n int) string {
			if n > 1 {
				return fmt.Sprintf("（另有%d段相同）", n-1)
			}
			return ""
		}
		for _, f := range fontOrder {
			s := fonts[f]
			pass.Report(lint.Finding{Span: span(s.first.Range), Message: fmt.Sprintf("正文字体为%s，一般应为仿宋%s", f, others(s.n))})
		}
		for _, z := range sizeOrder {
			s := sizes[z]
			pass.Report(lint.Finding{Span: span(s.first.Range), Message: fmt.Sprintf("正文字号为%s，一般应为3号（16磅）%s", describeSize(z), others(s.n))})
		}
	},
}

// isHeadingPara: the paragraph opens with a first- or second-level
// heading number.
func isHeadingPara(doc *lint.Document, p *read.ParagraphLayout, headings map[int]bool) bool {
	for off := p.Range.Start; off < p.Range.End && off < p.Range.Start+4; off++ {
		if headings[off] {
			return true
		}
	}
	return false
}
