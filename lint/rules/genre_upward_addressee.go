package rules

import (
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// GenreUpwardAddressee enforces the 条例 第十五条 on 上行文 (documents to a
// superior): "原则上主送一个上级机关" and "除上级机关负责人直接交办事项外，不得以
// 本机关名义向上级机关负责人报送公文". So a 请示 or 报告 addressed to several
// organs, or to a person (…书记, …市长, XX同志), is reported. 原则上 and the
// exception for matters a leader assigned make both warnings.
var GenreUpwardAddressee = &lint.Rule{
	ID:       "genre-upward-addressee",
	Name:     "上行文主送机关",
	Severity: lint.Warning,
	Source:   "《党政机关公文处理工作条例》第十五条",
	Doc:      "请示、报告主送多个机关或主送领导个人",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		if (st.Kind != "请示" && st.Kind != "报告") || st.Addressees.Empty() {
			return
		}
		start, rs := fmtRunesOf(doc, st.Addressees)
		span := lint.Span{Start: start, End: start + len(rs)}
		text := strings.TrimRight(string(rs), "：:")
		names := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("、，,；;", r) })
		for _, n := range names {
			for _, t := range leaderTitles {
				if strings.HasSuffix(n, t) {
					pass.Reportf(span, "%s的主送机关“%s”是领导个人：除上级机关负责人直接交办的事项外，不得以本机关名义向上级机关负责人报送公文", st.Kind, n)
					return
				}
			}
		}
		if len(names) > 1 {
			pass.Reportf(span, "%s主送了%d个机关（%s）：上行文原则上主送一个上级机关，需要其他机关知悉的用抄送",
				st.Kind, len(names), strings.Join(names, "、"))
		}
	},
}

// leaderTitles end the name of a person rather than an organ.
var leaderTitles = []string{"同志", "书记", "省长", "市长", "县长", "区长", "镇长", "乡长", "州长", "主席", "总理",
	"部长", "厅长", "局长", "处长", "科长", "主任", "秘书长", "领导"}
