package rules

import (
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// CCFormat enforces GB/T 9704—2012 7.4.2 on the 抄送机关 (copy recipients)
// line of the 版记: "“抄送”二字后加全角冒号和抄送机关名称……最后一个抄送机关名称后
// 标句号". So 抄送：国务院办公厅，国家发展改革委。 with a full-width colon and a
// closing 句号.
var CCFormat = &lint.Rule{
	ID:       "cc-format",
	Name:     "抄送机关格式",
	Severity: lint.Error,
	Source:   "GB/T 9704—2012 7.4.2",
	Doc:      "抄送机关应写作“抄送：……。”（全角冒号，最后一个名称后标句号）",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		cc := doc.Structure.CC
		if c := ccColon(doc, cc); !c.Empty() {
			if doc.Slice(c) != "：" {
				pass.Report(lint.Finding{Span: c,
					Message: "“抄送”后应加全角冒号“：”，不用半角“:”",
					Fix:     &lint.Fix{Span: c, Text: "："}})
			}
		}
		start, rs := fmtRunesOf(doc, cc)
		if len(rs) < 4 {
			return
		}
		checkClosingMark(pass, start, rs, '。', "最后一个抄送机关名称后")
	},
}

// ccColon is the mark right after 抄送 (or 抄报) on the 抄送 line.
func ccColon(doc *lint.Document, cc lint.Span) lint.Span {
	start, rs := fmtRunesOf(doc, cc)
	s := string(rs)
	if !strings.HasPrefix(s, "抄送") && !strings.HasPrefix(s, "抄报") {
		return lint.Span{}
	}
	if len(rs) > 2 && (rs[2] == '：' || rs[2] == ':') {
		return lint.Span{Start: start + 2, End: start + 3}
	}
	return lint.Span{}
}
