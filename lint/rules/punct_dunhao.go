package rules

import (
	"regexp"

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
	Severity: lint.Info,
	Source:   "GB/T 15834—2011 4.5.3.5",
	Doc:      "并列的书名号或引号之间通常不用顿号：《A》《B》",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		for _, m := range dunhaoBetweenQuotes.FindAllStringIndex(doc.Prose, -1) {
			// The 顿号 is the middle rune of the three-rune match.
			sp := doc.SpanOfBytes(m[0], m[1])
			dun := lint.Span{Start: sp.Start + 1, End: sp.Start + 2}
			left, right := doc.Slice(lint.Span{Start: sp.Start, End: sp.Start + 1}), doc.Slice(lint.Span{Start: sp.End - 1, End: sp.End})
			kind := "书名号"
			if left == "”" && right == "“" {
				kind = "引号"
			}
			pass.Report(lint.Finding{
				Span:    dun,
				Message: "标有" + kind + "的并列成分之间通常不用顿号，可写作“" + left + right + "”（GB/T 15834—2011 4.5.3.5）",
				Fix:     &lint.Fix{Span: dun, Text: ""},
			})
		}
	},
}

var dunhaoBetweenQuotes = regexp.MustCompile(`[》”]、[《“]`)
