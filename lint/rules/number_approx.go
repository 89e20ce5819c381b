package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
)

// NumberApprox follows GB/T 15834—2011 4.5.3.4: "相邻或相近两数字连用表示
// 概数通常不用顿号" (三五天, 七八个), while a shortened list keeps its 顿号
// (二、三产业, 一、二级, 第三、四批). Only pairs that are 概数 (approximate
// numbers) in use are reported: neighbours (七八) or 三五, followed by a
// measure word of counting or time, never after 第 and never before 级,
// 等, 类, 批, 期 or 产, which mark an abbreviated list, nor when the
// measure word begins 年级, 年代 or 年度 (五、六年级 are two grades). The standard says
// 通常 ("usually"), so this is a warning.
var NumberApprox = &lint.Rule{
	ID:       "number-approx",
	Name:     "概数中的顿号",
	Severity: lint.Warning,
	Source:   "GB/T 15834—2011 4.5.3.4",
	Doc:      "表示概数的相邻数字之间用了顿号（三、五天），应写作三五天",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		owned := fmtOwned(doc)
		for _, m := range approxPair.findAll(doc.Prose) {
			a, _ := utf8.DecodeRuneInString(doc.Prose[m[2]:])
			b, _ := utf8.DecodeRuneInString(doc.Prose[m[4]:])
			if !approxNeighbours(a, b) {
				continue
			}
			if m[0] > 0 {
				if r, _ := utf8.DecodeLastRuneInString(doc.Prose[:m[0]]); r == '第' || fmtHanDigit(r) || r == '、' || r == '零' {
					continue // 第三、四批; 十一、二; a longer list 一、二、三
				}
			}
			if r, _ := utf8.DecodeRuneInString(doc.Prose[m[1]:]); strings.ContainsRune("级代度", r) {
				continue // 五、六年级; 七、八十年代; 三、四季度 are lists of grades and periods
			}
			sp := doc.SpanOfBytes(m[0], m[1])
			dun := lint.Span{Start: sp.Start + 1, End: sp.Start + 2}
			if owned.contains(dun.Start) {
				continue
			}
			pass.Report(lint.Finding{
				Span:    sp,
				Message: "“" + doc.Prose[m[0]:m[1]] + "”表示概数，相邻数字之间不用顿号，应为“" + string(a) + string(b) + doc.Prose[m[6]:m[1]] + "”",
				Fix:     &lint.Fix{Span: dun, Text: ""},
			})
		}
	},
}

var approxPair = &gatedPattern{
	re:      regexp.MustCompile(`([一二三四五六七八九两])、([二三四五六七八九十])(天|日|个|人|年|次|岁|倍|里|公里|米|斤|名|家|周|遍|回|位|小时|分钟|成)`),
	anchors: []string{"、"},
	// One numeral, the 顿号, one numeral and a measure word of at most two
	// characters.
	reach: func(text string, at, end int) (int, int, bool) {
		r, _ := utf8.DecodeLastRuneInString(text[:at])
		return runesBack(text, at, 1), runesOn(text, end, 3), strings.ContainsRune("一二三四五六七八九两", r)
	},
}

// approxNeighbours reports pairs used as 概数: 一两, 两三, 三四 … 八九, 九十, 三五.
func approxNeighbours(a, b rune) bool {
	const order = "一二三四五六七八九十"
	if a == '两' {
		a = '二'
	}
	ia, ib := -1, -1
	for i, r := range []rune(order) {
		if r == a {
			ia = i
		}
		if r == b {
			ib = i
		}
	}
	return ia >= 0 && (ib == ia+1 || (a == '三' && b == '五'))
}
