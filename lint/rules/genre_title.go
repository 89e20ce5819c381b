package rules

import (
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// GenreTitle checks the 条例 第九条: "标题由发文机关名称、事由和文种组成".
// A title that is the bare 文种 (通知, 紧急通知) or 关于 + 文种 has no 事由
// (subject) and tells the reader nothing: a warning. Omitting the 发文机关
// (关于开会的通知) is accepted practice when the 版头 or the signature names
// the issuer; only when the text has neither a 发文字号 nor a 署名 is the
// omission pointed out, at info.
var GenreTitle = &lint.Rule{
	ID:       "genre-title",
	Name:     "标题要素",
	Severity: lint.Warning,
	Source:   "《党政机关公文处理工作条例》第九条",
	Doc:      "标题缺少事由（只有文种），或既无发文机关名称又无版头、署名可以补足",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		title := strings.Join(strings.Fields(st.TitleText), "")
		if title == "" {
			// A bare 通知 is not taken for a title by the recognizer; the
			// first line standing alone as a 文种 is one all the same.
			for _, p := range st.Paragraphs {
				if p.Text == "" {
					continue
				}
				t := strings.Join(strings.Fields(p.Text), "")
				for _, pre := range []string{"", "紧急", "补充", "重要"} {
					if k := strings.TrimPrefix(t, pre); len(k) < len(t) || pre == "" {
						if gongwen.IsKind(k) {
							pass.Reportf(p.Content, "标题“%s”缺少事由：标题应由发文机关名称、事由和文种组成，如“XX市人民政府关于……的%s”", t, k)
							return
						}
					}
				}
				return
			}
			return
		}
		if st.KindText == "" {
			return
		}
		start, rs := fmtRunesOf(doc, st.Title)
		span := lint.Span{Start: start, End: start + len(rs)}
		core := strings.TrimRightFunc(title, func(r rune) bool { return fmtTrailingMark(r) })
		core = strings.TrimSuffix(core, st.KindText)
		core = strings.TrimPrefix(core, "关于")
		core = strings.TrimSuffix(core, "的")
		switch core {
		case "", "紧急", "补充", "重要", "有关", "有关事项", "相关":
			pass.Reportf(span, "标题“%s”缺少事由：标题应由发文机关名称、事由和文种组成，如“XX市人民政府关于……的%s”", title, st.KindText)
			return
		}
		if strings.HasPrefix(title, "关于") && st.DocNumber.Empty() && st.Issuer.Empty() && st.Organ.Empty() {
			pass.Report(lint.Finding{Span: span, Severity: pass.AtMost(lint.Info),
				Message: "标题省略了发文机关名称，文中又没有发文机关标志、发文字号或发文机关署名可以补足：标题应由发文机关名称、事由和文种组成"})
		}
	},
}
