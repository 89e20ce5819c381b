package rules

import (
	"sort"
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/phrase"
)

// A burden phrase is a finding only where the document itself imposes the
// burden. The same words appear where a document forbids it (不得随意设置
// “一票否决”), and in 通报 that narrate and condemn it (要求当天或次日反馈
// … 违反了…的规定). We tell these apart by cues in the sentence and in the
// title; the cues are words of the segmentation, not substrings.
//
// What this catches and what it does not: a demand addressed to lower
// levels (各地要…, 请于…, 须…) with no negation before the burden words is
// reported. A sentence that negates the burden (不得, 严禁, 取消, 不再…
// before it), narrates a case (违反, 违规, 加重…负担, 有的, 曾, 频繁, 变相…)
// or stands in a 通报 of 形式主义 problems is not. So a 通报 that itself
// imposes a burden in its closing demands is missed, and a draft that
// narrates past practice with none of these cues may be reported; both
// are rare in the corpus (testdata/golden/burden).

// negators silence a burden phrase that follows them in the sentence.
var negators = []string{
	"不得", "不再", "严禁", "禁止", "杜绝", "防止", "避免", "不搞", "不把", "不将", "不以",
	"取消", "减少", "精简", "清理", "纠正", "整治", "不要", "不能", "无需", "不需", "不必",
	"一律不", "不宜", "反对", "摒弃", "克服", "力戒", "不准", "不应", "不允许", "坚决纠正", "规范",
}

// afterNegators silence a burden phrase when they follow it: 一票否决事项
// 一律取消.
var afterNegators = []string{"取消", "废止", "停止", "不再"}

// narrationCues mark a sentence that tells of a case rather than demands.
var narrationCues = []string{
	"违反", "违反了", "违规", "加重", "负担", "典型问题", "通报了", "曾", "曾经", "导致", "致使", "暴露",
	"暴露出", "擅自", "频繁", "搞", "变相", "过度", "盲目", "形式主义", "有的", "存在", "反映", "疲于应付",
}

// critiqueDocument reports whether the document is a 通报 of formalism
// problems (or a notice forwarding one): everything in it narrates.
func critiqueDocument(doc *lint.Document) bool {
	title := doc.Title()
	if title == "" {
		title = firstLine(doc.Prose)
	}
	if !strings.Contains(title, "通报") {
		return false
	}
	for _, w := range []string{"形式主义", "典型问题", "减负", "官僚主义"} {
		if strings.Contains(title, w) {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	s = strings.TrimLeft(s, " \t\r\n\u3000")
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return s
}

// imposes reports whether the sentence around match x is the document's
// own demand: not negated before the match, not narration.
func imposes(text *phrase.Text, x phrase.Match) bool {
	sent := x.Sentence
	if hasWord(text, sent.Start, x.Span.Start, negators) {
		return false
	}
	if hasWord(text, x.Span.End, sent.End, afterNegators) {
		return false
	}
	return !hasWord(text, sent.Start, sent.End, narrationCues)
}

// hasWord reports whether one of words stands whole (on word boundaries)
// in the text between from and to.
func hasWord(text *phrase.Text, from, to int, words []string) bool {
	r := text.Runes()
	from, to = max(0, from), min(to, len(r))
	if from >= to {
		return false
	}
	// The rules ask this for every match in a sentence, over the sentence
	// or up to the match: looking each time would be quadratic in a long
	// sentence. The places where a list's words occur in a sentence are
	// found once and searched.
	if sent := text.Sentence(from); len(words) > 1 && to <= sent.End {
		occ := text.Memo(wordsIn{sent.Start, &words[0]}, func() any { return occurrences(r, sent, words) }).([][2]int32)
		i := sort.Search(len(occ), func(i int) bool { return int(occ[i][0]) >= from })
		for ; i < len(occ) && int(occ[i][0]) < to; i++ {
			// Boundaries last: asking for one may segment the sentence.
			if p, e := int(occ[i][0]), int(occ[i][1]); e <= to && text.Boundary(p) && text.Boundary(e) {
				return true
			}
		}
		return false
	}
	return scanWords(text, from, to, words)
}

// wordsIn keys the occurrences of a word list in the sentence starting at
// start.
type wordsIn struct {
	start int
	list  *string
}

// occurrences lists where the words occur in sentence, by start (and,
// at one start, by length), boundaries not yet asked.
func occurrences(r []rune, sentence phrase.Span, words []string) [][2]int32 {
	var out [][2]int32
	end := min(sentence.End, len(r))
	for p := max(0, sentence.Start); p < end; p++ {
		for _, w := range words {
			if e, ok := wordAt(r, p, end, w); ok {
				out = append(out, [2]int32{int32(p), int32(e)})
			}
		}
	}
	return out
}

// wordAt reports whether w is spelled at p, within end, and where it ends.
func wordAt(r []rune, p, end int, w string) (int, bool) {
	e := p
	for _, c := range w {
		if e >= end || r[e] != c {
			return 0, false
		}
		e++
	}
	return e, true
}

// scanWords is hasWord without the memo: one pass over [from, to).
func scanWords(text *phrase.Text, from, to int, words []string) bool {
	r := text.Runes()
	for p := from; p < to; p++ {
		for _, w := range words {
			if e, ok := wordAt(r, p, to, w); ok && text.Boundary(p) && text.Boundary(e) {
				return true
			}
		}
	}
	return false
}
