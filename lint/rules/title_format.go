package rules

import (
	"fmt"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// TitleFormat checks the 标题 (title) of GB/T 9704—2012 7.3.1 and the
// 条例 第九条 ("标题由发文机关名称、事由和文种组成"):
//   - no punctuation at its end: a title is a name, not a sentence (fix:
//     drop it);
//   - one 关于: "关于……关于……的通知" repeats the preposition; a title that
//     转发 or 印发 another document may keep that document's own 关于;
//   - no nested 转发: forwarding a forwarding notice names only the
//     original document ("层层转发，中间的机关单位名称要省略"). A forwarding
//     title (转发, 批转) is left to forward-nested-title, which counts its
//     转发, 关于 and 的通知 together, so that one fault is one finding.
//
// Whether 书名号 stand only around names of laws, regulations and
// documents cannot be told from the title alone, so it is not checked.
var TitleFormat = &lint.Rule{
	ID:       "title-format",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 7.3.1",
	Doc:      "标题末尾有标点，或重复“关于”、层层“转发”",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		if st.Title.Empty() {
			return
		}
		start, rs := fmtRunesOf(doc, st.Title)
		title := string(rs)
		j := len(rs)
		for j > 0 && fmtTrailingMark(rs[j-1]) {
			j--
		}
		if j < len(rs) && j > 0 {
			sp := lint.Span{Start: start + j, End: start + len(rs)}
			pass.Report(lint.Finding{Span: sp,
				Message: fmt.Sprintf("标题末尾不加标点符号，应删去“%s”（GB/T 9704—2012 7.3.1；实务通行做法）", string(rs[j:])),
				Fix:     &lint.Fix{Span: sp, Text: ""}})
		}
		if strings.Contains(title, "转发") || strings.Contains(title, "批转") {
			return // nesting is forward-nested-title's
		}
		abouts := strings.Count(title, "关于")
		allowed := 1
		if strings.Contains(title, "印发") {
			allowed = 2 // the issued document's own title keeps its 关于
		}
		if abouts > allowed {
			pass.Report(lint.Finding{Span: lint.Span{Start: start, End: start + len(rs)}, Source: "实务通行做法",
				Message: fmt.Sprintf("标题中“关于”出现%d次，应只保留一个：标题由发文机关名称、事由和文种组成（《党政机关公文处理工作条例》第九条；实务通行做法）", abouts)})
		}
	},
}
