package rules

import (
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// GenreKind checks the 文种 (genre) named at the end of the title against
// the 15 of 《党政机关公文处理工作条例》 第八条: 决议 决定 命令（令） 公报 公告
// 通告 意见 通知 通报 报告 请示 批复 议案 函 纪要.
//
//   - Mixed or invented genres (请示报告, 申请报告, 汇报, 申请) are not 文种:
//     a warning naming the right one.
//   - A 方案, 规划, 计划, 要点 or 预案 is not a 文种 but a text issued by a
//     通知 (关于印发……的通知): a "关于……方案" title presents it as a 公文 of
//     its own, a warning; without 关于 it is the issued text itself, left
//     alone.
//   - Laws and regulations (条例, 规定, 办法, 细则, 中华人民共和国……法) are
//     not 公文 titles at all and are never reported.
//   - An 答复 to a deputy's 建议 or a member's 提案 is the established way of
//     answering them (a 函 in substance; published on gov.cn as such), so
//     it passes; another "……的答复" gets an info suggesting 函 or 复函.
var GenreKind = &lint.Rule{
	ID:       "genre-kind",
	Name:     "文种使用",
	Severity: lint.Warning,
	Source:   "《党政机关公文处理工作条例》第八条",
	Doc:      "标题中的文种不是条例规定的15种之一（如请示报告、申请、汇报、方案）",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		title := strings.Join(strings.Fields(st.TitleText), "")
		if title == "" || st.Kind != "" {
			return
		}
		span := st.KindSpan
		if span.Empty() {
			span = st.Title
		}
		kt := st.KindText
		if kt == "" && strings.HasSuffix(title, "申请") {
			kt = "申请"
		}
		switch kt {
		case "请示报告":
			pass.Report(lint.Finding{Span: span, Source: "《党政机关公文处理工作条例》第八条、第十五条", Message: "“请示报告”不是公文文种：请求批准用“请示”，汇报工作用“报告”，二者不得混用"})
		case "申请报告", "申请":
			pass.Reportf(span, "“%s”不是公文文种：向上级请求批准应使用“请示”", kt)
		case "汇报":
			pass.Reportf(span, "“汇报”不是公文文种：向上级汇报工作应使用“报告”")
		case "方案", "规划", "计划", "要点", "预案", "纲要", "总结":
			if strings.Contains(title, "关于") {
				pass.Reportf(span, "“%s”不是公文文种：应以“通知”印发，标题写作“关于印发……%s的通知”", kt, kt)
			}
		case "答复":
			if !strings.Contains(title, "建议") && !strings.Contains(title, "提案") {
				pass.Report(lint.Finding{Span: span, Severity: pass.AtMost(lint.Info), Source: "《党政机关公文处理工作条例》第八条；实务通行做法",
					Message: "“答复”不是公文文种：答复来函应使用“函”（复函）；答复人大代表建议、政协委员提案的“答复”除外"})
			}
		case "建议", "讲话", "简报":
			if strings.Contains(title, "关于") {
				pass.Report(lint.Finding{Span: span, Severity: pass.AtMost(lint.Info),
					Message: "“" + kt + "”不是公文文种；作为公文行文时应选用条例规定的文种，如“意见”“报告”“函”"})
			}
		}
	},
}
