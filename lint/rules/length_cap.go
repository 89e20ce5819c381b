package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
	txt "github.com/gwlint/gwlint/lint/text"
)

// LengthCap enforces the 字数 caps of 《整治形式主义为基层减负若干规定》
// (2024) 第2条: "除部署综合性工作外，地方和部门文件一般不超过5000字，部署专项工作
// 或者具体任务的文件一般不超过4000字". Because the article says 一般 ("as a
// rule"), a breach is a warning. Which cap applies is decided by CapFor,
// under the configuration's "length" options; the rule gives it to the
// report as the draft's summary, which shows it for every file.
var LengthCap = &lint.Rule{
	ID:       "length-cap",
	Name:     "篇幅超过字数上限",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》第2条",
	Scope:    lint.ScopeDraft,
	Doc:      "正文字数超过上限：地方和部门文件一般不超过5000字，部署专项工作或具体任务的一般不超过4000字，部署综合性工作的不设上限",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		limit, why := CapFor(pass.Config, doc)
		pass.Summarize(lint.Summary{Cap: limit, CapReason: why})
		if limit <= 0 {
			return
		}
		span := doc.CountedSpan()
		n := countedChars(doc)
		if n <= limit {
			return
		}
		pass.Reportf(trimSpan(doc, span), "正文%d字，超过一般不超过%d字的要求（%s），超出%d字", n, limit, why, n-limit)
	},
}

// trimSpan narrows a span to start and end on visible text, so that an
// editor jumps to the first counted character rather than a blank line.
func trimSpan(doc *lint.Document, s lint.Span) lint.Span {
	// Blank runes are counted from both ends of the text, which is often
	// the whole document: converting it to runes would cost more.
	text := doc.Slice(s)
	trimmed := strings.TrimLeftFunc(text, isBlank)
	start := s.Start + utf8.RuneCountInString(text[:len(text)-len(trimmed)])
	rest := strings.TrimRightFunc(trimmed, isBlank)
	end := start + utf8.RuneCountInString(rest)
	return lint.Span{Start: start, End: max(start, end)}
}

func isBlank(r rune) bool { return txt.IsSpace(r) }

// countedChars is the document's 字数 over its CountedSpan. length-cap,
// style-taohua and the report all need it; the document counts it once.
func countedChars(doc *lint.Document) int {
	return doc.Chars()
}
