package rules

import (
	"fmt"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// TitleFormat checks the 标题 (title) against the 条例 第九条 ("标题由发文机关
// 名称、事由和文种组成") and the practice of the textbooks. GB/T 9704—2012
// 7.3.1 fixes only the title's type, size and layout, so it is not cited:
//   - no punctuation at its end: a title is a name, not a sentence (fix:
//     drop it);
//   - one 关于: "关于……关于……的通知" repeats the preposition. A title that
//     印发 another document may keep that document's own 关于, and a
//     关于 inside 书名号 belongs to the quoted document's name;
//   - no nested 转发: forwarding a forwarding notice names only the
//     original document ("层层转发，中间的机关单位名称要省略"), so a title
//     with two 转发 or 批转, or a forwarding title with a second 关于
//     outside 书名号 (关于转发…关于…的通知的通知), is reported.
//
// forward-nested-title reports the same nested forwarding titles, and both
// fire on purpose: the authorities differ. This rule reads the title as a
// title, whatever the document does (GB/T 9704 and the 条例 on what a title
// is made of); forward-nested-title belongs to the forward-* family, which
// reads 层层转发 as a burden on the levels below (the 减负 rules) and counts
// how many levels the title stacks. A user may enable one family without
// the other, and tools keyed on the contract's title-format ID must see
// every malformed title.
//
// Whether 书名号 stand only around names of laws, regulations and
// documents cannot be told from the title alone, so it is not checked.
var TitleFormat = &lint.Rule{
	ID:       "title-format",
	Name:     "标题格式",
	Severity: lint.Warning,
	Source:   "《党政机关公文处理工作条例》第九条；实务通行做法",
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
				Message: fmt.Sprintf("标题末尾不加标点符号，应删去“%s”", string(rs[j:])),
				Fix:     &lint.Fix{Span: sp, Text: ""}})
		}
		verbs := strings.Count(title, "转发") + strings.Count(title, "批转")
		abouts := strings.Count(outsideBookMarks(title), "关于")
		whole := lint.Span{Start: start, End: start + len(rs)}
		switch {
		case verbs >= 2:
			pass.Report(lint.Finding{Span: whole,
				Message: fmt.Sprintf("标题层层转发（%d个“转发/批转”）：转发文件的标题只写本机关和原件，省略中间机关，如“××转发××关于××的通知”", verbs)})
		case verbs == 1 && abouts > 1:
			pass.Report(lint.Finding{Span: whole,
				Message: fmt.Sprintf("转发文件的标题中“关于”出现%d次（关于转发…关于…的通知）：应写作“××转发××关于××的通知”或“××关于转发《××》的通知”", abouts)})
		case verbs == 0:
			allowed := 1
			if strings.Contains(title, "印发") {
				allowed = 2 // the issued document's own title keeps its 关于
			}
			if abouts > allowed {
				pass.Report(lint.Finding{Span: whole,
					Message: fmt.Sprintf("标题中“关于”出现%d次，应只保留一个：标题由发文机关名称、事由和文种组成", abouts)})
			}
		}
	},
}

// outsideBookMarks blanks what stands inside 书名号, so that the words of
// a quoted document's name are not taken for the title's own.
func outsideBookMarks(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '《':
			depth++
		case r == '》' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
