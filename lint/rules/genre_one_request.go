package rules

import (
	"strconv"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// GenreOneRequest enforces "请示应当一文一事" (《党政机关公文处理工作条例》
// 第十五条): one 请示 asks for one thing, so that one office can answer it.
// Asking is recognized by its formulas (请批准, 请审批, 请予批准…); the
// closing formula of the last paragraph (妥否，请批示) belongs to the whole
// 请示 and does not count. Two or more other paragraphs that each ask for
// approval are several requests in one document. Being a judgement on
// content, it warns, and stays quiet on anything less clear.
var GenreOneRequest = &lint.Rule{
	ID:       "genre-one-request",
	Name:     "一文一事",
	Severity: lint.Warning,
	Source:   "《党政机关公文处理工作条例》第十五条",
	Doc:      "一份请示中请求批准多个事项，请示应当一文一事",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		if st.Kind != "请示" || st.Body.Empty() {
			return
		}
		var asking []lint.Span
		var lastPara lint.Span
		for _, p := range st.Paragraphs {
			if p.Text == "" || p.Content.Start < st.Body.Start || p.Content.End > st.Body.End {
				continue
			}
			lastPara = p.Content
			if requestPhrase.MatchString(p.Text) {
				asking = append(asking, p.Content)
			}
		}
		if n := len(asking); n > 0 && asking[n-1] == lastPara {
			asking = asking[:n-1]
		}
		if len(asking) < 2 {
			return
		}
		var where []string
		for _, sp := range asking {
			where = append(where, "第"+strconv.Itoa(doc.Position(sp.Start).Line)+"行")
		}
		pass.Reportf(asking[1], "一份请示在%s分别请求批准不同事项：请示应当一文一事，不同事项应分别行文",
			strings.Join(where, "、"))
	},
}
