package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
)

// NumberPercentRange follows GB/T 15835—2011 on 数值范围 (ranges): a range of
// percentages keeps the sign on both numbers, 15%～30%, because 15～30%
// reads as "15 to 30 per cent" only by convention and the standard writes
// the example out ("15%～30%（不写为15～30%）"). The fix adds the missing %.
var NumberPercentRange = &lint.Rule{
	ID:       "number-percent-range",
	Name:     "百分数范围",
	Severity: lint.Warning,
	Source:   "GB/T 15835—2011",
	Doc:      "百分数范围前一个数值省略了百分号（15～30%），应写作15%～30%",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		for _, m := range percentRange.findAll(doc.Prose) {
			n0, n1, sep0, sep1, pct0 := m[2], m[3], m[4], m[5], m[6]
			if n0 > 0 {
				if r, _ := utf8.DecodeLastRuneInString(doc.Prose[:n0]); fmtDigit(r) || r == '.' || r == '%' || r == '％' || fmtLatin(r) {
					continue
				}
			}
			sign := doc.Prose[m[7]:m[1]]
			sp := doc.SpanOfBytes(n0, m[1])
			fix := doc.SpanOfBytes(n1, sep1)
			sep := doc.Prose[sep0:sep1]
			if t := strings.TrimSpace(sep); t == "-" || t == "~" {
				// The hyphen and the half-width tilde are not range marks
				// (number-range); the fix writes the 浪纹线 at once.
				sep = "～"
			}
			pass.Report(lint.Finding{
				Span: sp,
				Message: "百分数范围“" + doc.Prose[n0:m[1]] + "”的前一个数值也要带百分号，应为“" +
					doc.Prose[n0:n1] + sign + sep + doc.Prose[pct0:m[7]] + sign + "”",
				Fix: &lint.Fix{Span: fix, Text: sign + sep},
			})
		}
	},
}

// percentRange: 1 the first number, 2 the range mark with the spaces
// around it, 3 the second number, 4 the sign.
var percentRange = &gatedPattern{
	re:      regexp.MustCompile(`(\d+(?:\.\d+)?)( ?[～~—–\-至到] ?)(\d+(?:\.\d+)?)([%％])`),
	anchors: []string{"%", "％"},
	// A match ends at the sign after a digit and holds only digits, points,
	// spaces and range marks before it.
	reach: func(text string, at, end int) (int, int, bool) {
		return backWhile(text, at, percentRangeRune), end, asciiDigitBefore(text, at)
	},
}

func percentRangeRune(r rune) bool {
	return r >= '0' && r <= '9' || strings.ContainsRune(". ～~—–-至到", r)
}
