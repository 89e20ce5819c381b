package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/phrase"
)

// BurdenEscalation compares the draft with its parent documents and reports
// 层层加码 (escalation at each level) in the four forms the literature names
// (增速度、加数量、扩内容、提标准): a deadline earlier than the parent's, a
// number larger (覆盖率80%→100%, 一次→每月), a scope wider (各省→各村), a
// standard raised (鼓励→必须). Each finding points `related` at the parent's
// sentence.
//
// Severity warning for deadlines that leave less time and for bigger
// numbers or frequencies: the 2025 《农村基层干部廉洁履行职责规定》 [V] names
// 层层加码 as misconduct, and these are its plainest forms. Info for an
// earlier calendar date (a level must collect its own reports before it
// reports up, so some lead time is legitimate), a wider scope (a lower
// level addresses lower levels by nature; we report only a jump of three
// levels or more) and a raised standard (wording may change for reasons).
var BurdenEscalation = &lint.Rule{
	ID:       "burden-escalation",
	Severity: lint.Warning,
	Source:   "《农村基层干部廉洁履行职责规定》（2025，“层层加码”）；实务：增速度、加数量、扩内容、提标准",
	Doc:      "对照上级文件层层加码：时限提前、数量加大、频次提高、范围扩大、标准拔高",
	Needs:    lint.NeedsParents | lint.NeedsWords,
	Run: func(pass *lint.Pass) {
		parents := parentsOf(pass.Copy)
		if len(parents) == 0 {
			return
		}
		var align sentenceAligner
		if a, ok := any(pass.Copy).(sentenceAligner); ok {
			align = a
		}
		for _, e := range escalations(pass.Doc, parents, pass.Config, align) {
			sev := e.severity
			if pass.Severity() != pass.Rule.Severity {
				sev = pass.Severity()
			}
			pass.Report(lint.Finding{Severity: sev, Span: e.span, Message: e.message, Related: []lint.Related{e.related}})
		}
	},
}

// parentDocuments is what burden-escalation needs from the copy facts: the
// parent documents themselves, parsed, so that their sentences can be
// read and pointed at.
type parentDocuments interface {
	ParentDocuments() []*lint.Document
}

// sentenceAligner is what burden-escalation uses, when the copy facts
// offer it, instead of its own sentence matching: for a span of the draft,
// the most similar sentence of any parent.
type sentenceAligner interface {
	AlignedParentSentence(draft lint.Span) (parent *lint.Document, span lint.Span, ok bool)
}

func parentsOf(c *lint.CopyFacts) []*lint.Document {
	if c == nil {
		return nil
	}
	if p, ok := any(c).(parentDocuments); ok {
		return p.ParentDocuments()
	}
	return nil
}

// escalation is one finding of burden-escalation.
type escalation struct {
	span     lint.Span
	severity lint.Severity
	message  string
	related  lint.Related
}

// minSentenceSimilarity is the character-bigram Jaccard similarity above
// which a parent sentence is taken as the one the draft sentence restates.
// Restated requirements in the pairs of testdata/corpus share 0.35 to 0.8
// of their bigrams; unrelated sentences of the same field rarely pass 0.2.
const minSentenceSimilarity = 0.3

// parentSentence is one sentence of a parent, with its bigrams.
type parentSentence struct {
	doc  *lint.Document
	text *phrase.Text
	span phrase.Span
	size int // distinct bigrams
}

// escalations compares doc with parents.
//
// When align is given (the copy facts offer it), the parent sentence is the
// one it names; otherwise the parent sentence with the highest bigram
// Jaccard similarity, at least minSentenceSimilarity.
func escalations(doc *lint.Document, parents []*lint.Document, cfg *lint.Config, align sentenceAligner) []escalation {
	set := phrasesFor(cfg)
	draft := set.find(doc).text
	var sentences []parentSentence
	index := map[[2]rune][]int32{}
	texts := map[*lint.Document]*phrase.Text{}
	for _, p := range parents {
		pt := set.all.Prepare(p.Prose, p.Words())
		texts[p] = pt
		for _, s := range pt.Sentences() {
			if !hasComparable(pt, s) {
				continue
			}
			grams := sentenceBigrams(pt, s)
			id := int32(len(sentences))
			sentences = append(sentences, parentSentence{doc: p, text: pt, span: s, size: len(grams)})
			for g := range grams {
				index[g] = append(index[g], id)
			}
		}
	}
	if len(sentences) == 0 {
		return nil
	}
	var out []escalation
	for _, s := range draft.Sentences() {
		if !hasComparable(draft, s) {
			continue
		}
		if align != nil {
			if pdoc, psp, ok := align.AlignedParentSentence(lint.Span{Start: s.Start, End: s.End}); ok && texts[pdoc] != nil {
				pt := texts[pdoc]
				out = append(out, relate(compareSentences(draft, s, pt, pt.Sentence(psp.Start)), pdoc, pt, pt.Sentence(psp.Start))...)
				continue
			}
		}
		grams := sentenceBigrams(draft, s)
		shared := map[int32]int{}
		for g := range grams {
			for _, id := range index[g] {
				shared[id]++
			}
		}
		best, bestScore := int32(-1), 0.0
		for id, n := range shared {
			score := float64(n) / float64(len(grams)+sentences[id].size-n)
			if score > bestScore || (score == bestScore && id < best) {
				best, bestScore = id, score
			}
		}
		if best < 0 || bestScore < minSentenceSimilarity {
			continue
		}
		ps := sentences[best]
		out = append(out, relate(compareSentences(draft, s, ps.text, ps.span), ps.doc, ps.text, ps.span)...)
	}
	return out
}

// relate points each escalation at the parent sentence.
func relate(es []escalation, pdoc *lint.Document, pt *phrase.Text, ps phrase.Span) []escalation {
	for i := range es {
		es[i].related = lint.Related{
			Path: pdoc.Path, Span: lint.Span{Start: ps.Start, End: ps.End},
			Start: pdoc.Position(ps.Start), End: pdoc.Position(ps.End),
			Message: "上级文件相应要求", Text: pt.Slice(ps),
		}
		if t := pdoc.Title(); t != "" {
			es[i].message += "（上级文件《" + clip(t, 40) + "》）"
		}
	}
	return es
}

// sentenceBigrams are the distinct pairs of adjacent letters (Han,
// letters, digits) of a sentence, punctuation and spaces dropped. The
// deadlines, targets and scope words are dropped too: they are what a
// lower level changes when it escalates, and the jurisdiction words
// (各省 → 各市) are what it swaps when it restates, so leaving them in
// would hide the very sentences to compare.
func sentenceBigrams(t *phrase.Text, s phrase.Span) map[[2]rune]struct{} {
	skip := make([]bool, s.End-s.Start)
	mark := func(sp phrase.Span) {
		for i := max(sp.Start, s.Start); i < min(sp.End, s.End); i++ {
			skip[i-s.Start] = true
		}
	}
	for _, d := range t.Deadlines(s.Start, s.End) {
		mark(d.Span)
	}
	for _, x := range t.Targets(s.Start, s.End) {
		mark(x.Span)
	}
	for _, level := range scopeLevels {
		for _, sp := range wordSpans(t, s.Start, s.End, level) {
			mark(sp)
		}
	}
	out := map[[2]rune]struct{}{}
	prev := rune(-1)
	r := t.Runes()
	for i := s.Start; i < s.End; i++ {
		c := r[i]
		if skip[i-s.Start] || (!unicode.IsLetter(c) && !unicode.IsDigit(c)) {
			prev = -1
			continue
		}
		if prev >= 0 {
			out[[2]rune{prev, c}] = struct{}{}
		}
		prev = c
	}
	return out
}

// wordSpans finds where the words stand whole in [from, to).
func wordSpans(t *phrase.Text, from, to int, words []string) []phrase.Span {
	var out []phrase.Span
	r := t.Runes()
	for p := max(0, from); p < min(to, len(r)); p++ {
		for _, w := range words {
			e, ok := p, true
			for _, c := range w {
				if e >= to || r[e] != c {
					ok = false
					break
				}
				e++
			}
			// Boundaries last: asking for one may segment the sentence.
			if ok && t.Boundary(p) && t.Boundary(e) {
				out = append(out, phrase.Span{Start: p, End: e})
				break
			}
		}
	}
	return out
}

// hasComparable reports whether a sentence holds something escalation
// compares: a deadline, a target, a scope or a hedge or mandate word.
func hasComparable(t *phrase.Text, s phrase.Span) bool {
	return len(t.Deadlines(s.Start, s.End)) > 0 || len(t.Targets(s.Start, s.End)) > 0 ||
		deepestScope(t, s) > 0 || hasWord(t, s.Start, s.End, hedgeWords) || hasWord(t, s.Start, s.End, mandateWords)
}

// Administrative levels, deepest last: a draft that carries a parent's
// demand two or more levels further down widens its scope.
var scopeLevels = [][]string{
	1: {"各省", "全省", "省级", "各省区市", "自治区", "直辖市"},
	2: {"各市", "全市", "市级", "地市", "各地市", "地级市"},
	3: {"各县", "全县", "县级", "区县", "各区县", "县市区"},
	4: {"乡镇", "各乡镇", "乡镇街道", "街道", "镇街", "各镇街"},
	5: {"村", "各村", "行政村", "村组", "社区", "村社区", "农户", "每户", "村民小组"},
}

// minScopeJump is how many levels deeper than the parent a draft must
// reach to be reported. Each level naturally addresses the one below it,
// and a document may skip one (a 县 restating a 省 notice addressed to 各市
// speaks to 各乡镇); three levels (各省 → 各村) is a demand carried to
// where the parent did not send it.
const minScopeJump = 3

var scopeNames = []string{"", "省级", "市级", "县级", "乡镇（街道）", "村（社区）"}

func deepestScope(t *phrase.Text, s phrase.Span) int {
	for level := len(scopeLevels) - 1; level >= 1; level-- {
		if hasWord(t, s.Start, s.End, scopeLevels[level]) {
			return level
		}
	}
	return 0
}

var (
	hedgeWords   = []string{"鼓励", "有条件的", "逐步", "原则上", "试点", "探索", "力争", "倡导", "引导", "支持有条件的"}
	mandateWords = []string{"必须", "一律", "务必", "强制", "全部", "所有"}
)

// compareSentences compares a draft sentence with the parent's and says
// how the draft escalates, at most one finding per kind.
func compareSentences(draft *phrase.Text, ds phrase.Span, parent *phrase.Text, ps phrase.Span) []escalation {
	var out []escalation
	span := lint.Span{Start: ds.Start, End: ds.End}
	add := func(at phrase.Span, sev lint.Severity, format string, args ...any) {
		sp := span
		if at.End > at.Start {
			sp = lint.Span{Start: at.Start, End: at.End}
		}
		out = append(out, escalation{span: sp, severity: sev, message: "与上级文件相比层层加码：" + fmt.Sprintf(format, args...)})
	}
	// 增速度: a deadline that leaves less time.
	pds := parent.Deadlines(ps.Start, ps.End)
deadlines:
	for _, d := range draft.Deadlines(ds.Start, ds.End) {
		for _, p := range pds {
			earlier, ok := d.Earlier(p.Deadline)
			if !ok || !earlier {
				continue
			}
			if d.Kind == phrase.OnDate {
				add(d.Span, lint.Info, "时限由“%s”提前到“%s”；逐级汇总需预留时间，提前幅度应以汇总所需为限", p.Text, d.Text)
			} else {
				add(d.Span, lint.Warning, "时限由“%s”缩短为“%s”，压缩了基层的办理时间", p.Text, d.Text)
			}
			break deadlines
		}
	}
	// 加数量: bigger shares, counts and frequencies.
	pts := parent.Targets(ps.Start, ps.End)
	parentHasFrequency := false
	for _, p := range pts {
		parentHasFrequency = parentHasFrequency || p.Kind == phrase.Frequency
	}
	// A draft figure is raised only when it asks for more than every
	// comparable figure of the parent sentence: a parent's "2%以上4%以下"
	// restated as it stands holds a 4%, which is no raise of the 2%.
	reported := map[string]bool{}
	for _, d := range draft.Targets(ds.Start, ds.End) {
		var raised *phrase.TargetAt
		why := ""
		for i, p := range pts {
			if p.Kind == phrase.Times && parentHasFrequency {
				continue // 每季度开展一次: the frequency is what counts
			}
			w, comparable, bigger := compareTargets(d.Target, p.Target)
			if !comparable {
				continue
			}
			if !bigger {
				raised = nil
				break
			}
			if raised == nil {
				raised, why = &pts[i], w
			}
		}
		if raised != nil && !reported[why] {
			reported[why] = true
			add(d.Span, lint.Warning, "%s由“%s”提高到“%s”", why, raised.Text, d.Text)
		}
	}
	// 扩内容: a scope two levels deeper.
	if dl, pl := deepestScope(draft, ds), deepestScope(parent, ps); pl > 0 && dl >= pl+minScopeJump {
		add(phrase.Span{}, lint.Info, "范围由上级文件的%s扩大到%s，把要求延伸到了更基层", scopeNames[pl], scopeNames[dl])
	}
	// 提标准: the parent hedges, the draft mandates.
	if hasWord(parent, ps.Start, ps.End, hedgeWords) && !hasWord(draft, ds.Start, ds.End, hedgeWords) && hasWord(draft, ds.Start, ds.End, mandateWords) {
		add(phrase.Span{}, lint.Info, "上级文件用“%s”等留有余地的措辞，本文改为“%s”，拔高了标准", firstWord(parent, ps, hedgeWords), firstWord(draft, ds, mandateWords))
	}
	return out
}

// compareTargets reports whether d and p measure the same thing (a
// share, a frequency, a count of the same unit), whether d asks for more,
// and what grew.
func compareTargets(d, p phrase.Target) (why string, comparable, bigger bool) {
	if ds, ok := d.Share(); ok {
		pshare, ok := p.Share()
		return "比例指标", ok, ok && ds > pshare
	}
	switch {
	case d.Kind == phrase.Frequency && p.Kind == phrase.Frequency:
		return "频次", true, d.Value < p.Value
	case d.Kind == phrase.Frequency && p.Kind == phrase.Times:
		return "频次", true, true
	case (d.Kind == phrase.AtLeast || d.Kind == phrase.Times) && (p.Kind == phrase.AtLeast || p.Kind == phrase.Times) && d.Unit == p.Unit:
		return "数量", true, d.Value > p.Value
	}
	return "", false, false
}

func firstWord(t *phrase.Text, s phrase.Span, words []string) string {
	text := t.Slice(s)
	best, at := "", len(text)+1
	for _, w := range words {
		if i := strings.Index(text, w); i >= 0 && i < at {
			best, at = w, i
		}
	}
	return best
}
