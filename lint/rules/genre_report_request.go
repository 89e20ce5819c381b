package rules

import (
	"regexp"

	"github.com/gwlint/gwlint/lint"
)

// GenreReportRequest enforces the 条例 第十五条: "请示应当一文一事。不得在报告
// 等非请示性公文中夹带请示事项". A 报告 that ends by asking for approval
// (妥否，请批示; 请批准; 请审批) is a 请示 in disguise: the superior files a
// 报告 for information and never answers it. Only the document's own body
// is read; a 报告 forwarded inside a notice is not the writer's. The
// phrases are a sure sign but can be quoted, so the rule warns.
var GenreReportRequest = &lint.Rule{
	ID:       "genre-report-request",
	Name:     "报告中夹带请示事项",
	Severity: lint.Warning,
	Source:   "《党政机关公文处理工作条例》第十五条",
	Doc:      "报告中夹带请示事项（请批示、妥否、请批准、请审批）",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		if st.Kind != "报告" || st.Body.Empty() {
			return
		}
		body := doc.Slice(st.Body)
		x := lint.NewIndex(body)
		for _, m := range requestPhrase.FindAllStringIndex(body, -1) {
			sp := x.SpanOfBytes(m[0], m[1])
			sp.Start += st.Body.Start
			sp.End += st.Body.Start
			pass.Reportf(sp, "报告中不得夹带请示事项：“%s”是请示的用语；需要上级批准的事项应另行请示", body[m[0]:m[1]])
		}
	},
}

// requestPhrase: the closing formulas of a 请示.
var requestPhrase = regexp.MustCompile(`(?:妥否|当否|是否妥当)[，,]?\s*请(?:予)?(?:批示|批复|审批|审定|指示)|请(?:予)?(?:批示|批准|审批)|请予以(?:批准|审批)`)
