package rules

import (
	"regexp"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
)

// PunctDunhaoBetweenQuotes follows GB/T 15834—2011 4.5.3.5: "标有引号的并列
// 成分之间、标有书名号的并列成分之间通常不用顿号", so 《A》、《B》 reads
// better as 《A》《B》. The standard says 通常 ("usually"), and published
// State Council documents do write 《A》、《B》 (国发〔2018〕38号 lists
// 《内地与香港关于建立更紧密经贸关系的安排》、《内地与澳门……》), so this is
// advice at info, never a warning: a document that follows the published
// practice must not fail a check. A 顿号 after a note in parentheses
// (《A》（2018年版）、《B》) is what the standard asks for, and the pattern
// needs the two marks to touch the 顿号, so it never matches there.
var PunctDunhaoBetweenQuotes = &lint.Rule{
	ID:       "punct-dunhao-between-quotes",
	Name:     "引号、书名号之间的顿号",
	Severity: lint.Info,
	Source:   "GB/T 15834—2011 4.5.3.5",
	Doc:      "并列的书名号或引号之间通常不用顿号：《A》《B》",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		for _, m := range dunhaoBetweenQuotes.findAll(doc.Prose) {
			// The 顿号 is the middle rune of the three-rune match.
			sp := doc.SpanOfBytes(m[0], m[1])
			dun := lint.Span{Start: sp.Start + 1, End: sp.Start + 2}
			left, right := doc.Slice(lint.Span{Start: sp.Start, End: sp.Start + 1}), doc.Slice(lint.Span{Start: sp.End - 1, End: sp.End})
			kind := "书名号"
			switch {
			case left == "”" && right == "“":
				kind = "引号"
			case left == "”" || right == "“":
				kind = "引号、书名号"
			}
			pass.Report(lint.Finding{
				Span:    dun,
				Message: "标有" + kind + "的并列成分之间通常不用顿号，可删去顿号，写作" + dunhaoItems(doc, sp),
				Fix:     &lint.Fix{Span: dun, Text: ""},
			})
		}
	},
}

// dunhaoItemRunes bounds an item quoted in a message: longer names are
// clipped, and a mark whose partner lies farther away (or on another
// line) is quoted alone.
const dunhaoItemRunes = 16

// dunhaoItems writes the two items around the 顿号 of match sp (closing
// mark, 顿号, opening mark) without it: “僵尸”“睡眠”, 《A》《B》.
func dunhaoItems(doc *lint.Document, sp lint.Span) string {
	const reach = 200
	from, to := max(0, sp.Start-reach), min(doc.Len(), sp.End+reach)
	rs := []rune(doc.Slice(lint.Span{Start: from, End: to}))
	closeAt, openAt := sp.Start-from, sp.End-1-from
	left := string(rs[closeAt])
	if o := partnerBefore(rs, closeAt); o >= 0 {
		left = clipItem(rs[o : closeAt+1])
	}
	right := string(rs[openAt])
	if c := partnerAfter(rs, openAt); c >= 0 {
		right = clipItem(rs[openAt : c+1])
	}
	return left + right
}

var quoteOpener = map[rune]rune{'》': '《', '”': '“'}
var quoteCloser = map[rune]rune{'《': '》', '“': '”'}

// partnerBefore finds the opening mark of the closing mark at i, on the
// same line, or -1.
func partnerBefore(rs []rune, i int) int {
	open, closing := quoteOpener[rs[i]], rs[i]
	depth := 0
	for j := i - 1; j >= 0 && rs[j] != '\n'; j-- {
		switch rs[j] {
		case closing:
			depth++
		case open:
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// partnerAfter finds the closing mark of the opening mark at i, on the
// same line, or -1.
func partnerAfter(rs []rune, i int) int {
	open, closing := rs[i], quoteCloser[rs[i]]
	depth := 0
	for j := i + 1; j < len(rs) && rs[j] != '\n'; j++ {
		switch rs[j] {
		case open:
			depth++
		case closing:
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// clipItem shortens a marked item (its marks included) to
// dunhaoItemRunes characters inside the marks.
func clipItem(item []rune) string {
	if len(item) <= dunhaoItemRunes+2 {
		return string(item)
	}
	inner := item[1 : len(item)-1]
	return string(item[0]) + string(inner[:dunhaoItemRunes-1]) + "…" + string(item[len(item)-1])
}

var dunhaoBetweenQuotes = &gatedPattern{
	re:      regexp.MustCompile(`[》”]、[《“]`),
	anchors: []string{"、"},
	reach: func(text string, at, end int) (int, int, bool) {
		r, _ := utf8.DecodeLastRuneInString(text[:at])
		return runesBack(text, at, 1), runesOn(text, end, 1), r == '》' || r == '”'
	},
}
