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
// (增速度、加数量、扩内容、提标准), sentence by sentence: each draft sentence
// is paired with the parent sentence it restates (bigram Jaccard with the
// figures, deadlines and jurisdiction words masked, or the copy facts'
// alignment when they offer one), and the pair is compared:
//
//   - 增速度: a deadline earlier than the parent's (12月底前 → 9月底前, 年底前
//     → 10月底前, 5个工作日内 → 2个工作日内), a higher frequency (两年一次 →
//     一年一次, 每月 → 每周);
//   - 加数量: a larger amount with its unit and 万/亿 (100亿元 → 160亿元, 一百二十
//     万亩 → 一百五十万亩), share (80% → 100%) or count (3家 → 5家), and
//     倍增/翻番/递增/上浮 where the parent has none;
//   - 扩内容: a task carried three levels further down (各省 → 各村) or one
//     below a level the parent names as such (县级 → 乡镇、村), a task the
//     parent limits opened to all (重点行业 → 所有行业), a list with two or
//     more items added;
//   - 提标准: the parent hedges (鼓励, 有条件的, 力争, 原则上), the draft
//     mandates (要, 必须, 一律, 全部).
//
// Each finding points `related` at the parent's sentence and says what
// changed in numbers (提前92天, 增加60亿元，增幅60%, 提高20个百分点). A
// figure is raised only when it exceeds every comparable figure of the
// parent sentence, so a restated range, a repeated deadline and 不低于 the
// same figure stay quiet; article numbers (第三十条) are not counts; duties
// the law sets for emergencies are not escalation when a lower level takes
// a share of them.
//
// Severity warning for deadlines that leave less time, a calendar deadline
// more than a month earlier, bigger numbers or frequencies and added growth
// targets: the 2025 《农村基层干部廉洁履行职责规定》 [V] names 层层加码 as
// misconduct, and these are its plainest forms. Info for a calendar date up
// to a month earlier (a level must collect its own reports before it
// reports up, so some lead time is legitimate), a wider scope or more items
// (a lower level addresses lower levels by nature) and a raised standard
// (wording may change for reasons).
var BurdenEscalation = &lint.Rule{
	ID:       "burden-escalation",
	Name:     "层层加码：比上级文件加码",
	Severity: lint.Warning,
	Source:   "《农村基层干部廉洁履行职责规定》（2025，“层层加码”）；实务：增速度、加数量、扩内容、提标准",
	Doc:      "对照上级文件层层加码：时限提前、数量加大、频次提高、范围扩大、标准拔高",
	Requires: append([]lint.Requirement{lint.CopyFact}, phraseRules...),
	Needs:    lint.NeedsParents | lint.NeedsWords,
	Run: func(pass *lint.Pass) {
		parents := parentsOf(lint.CopyFact.Get(pass))
		if len(parents) == 0 {
			return
		}
		for _, e := range escalations(pass.Doc, parents, phrasesOf(pass)) {
			pass.Report(lint.Finding{Severity: e.severity, Span: e.span, Message: e.message, Related: []lint.Related{e.related}})
		}
	},
}

// parentDocuments is what burden-escalation needs from the copy facts: the
// parent documents themselves, parsed, so that their sentences can be
// read and pointed at.
type parentDocuments interface {
	ParentDocuments() []*lint.Document
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

// escalations compares doc with parents: each draft sentence with the
// parent sentence of the highest bigram Jaccard similarity, at least
// minSentenceSimilarity.
func escalations(doc *lint.Document, parents []*lint.Document, set *phraseSet) []escalation {
	draft := set.find(doc).text
	var sentences []parentSentence
	index := map[[2]rune][]int32{}
	for _, p := range parents {
		pt := set.all.Prepare(p.Prose, p.Words())
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
		deepestScope(t, s) > 0 || hasWord(t, s.Start, s.End, hedgeWords) || hasWord(t, s.Start, s.End, mandateWords) ||
		hasWord(t, s.Start, s.End, growthWords) || hasWord(t, s.Start, s.End, narrowWords)
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
	// hedgeWords leave the lower level room: 鼓励, 有条件的, 力争, 原则上.
	hedgeWords = []string{"鼓励", "有条件的", "具备条件的", "逐步", "原则上", "试点", "探索", "力争", "争取", "倡导", "引导",
		"支持有条件的", "可", "可以", "适当", "尽量", "积极稳妥", "视情"}
	// mandateWords take it away: 要, 必须, 全部, 一律.
	mandateWords = []string{"必须", "一律", "务必", "强制", "全部", "所有", "要", "须", "均须", "均要", "确保", "全面", "一个不漏"}
	// growthWords ask for growth the parent may not: 倍增, 翻番, 逐年递增.
	growthWords = []string{"倍增", "翻番", "翻一番", "翻两番", "递增", "逐年递增", "逐年增长", "逐年提高", "加倍", "上浮", "超额完成"}
	// narrowWords limit a task to part of its field: 重点行业, 部分地区;
	// widenWords open it to all: 所有行业, 全部地区, 各行业.
	narrowWords = []string{"重点", "部分", "试点", "有条件的", "具备条件的", "符合条件的", "个别"}
	widenWords  = []string{"所有", "全部", "一切", "全体", "各个", "各", "全"}
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
	// Duties the law sets for emergencies (突发事件发生后，乡镇人民政府应当
	// 立即报告) are not escalation when a lower level takes a share of them
	// or reports sooner: burden-deadline leaves them alone for the same
	// reason.
	emergency := emergencySentence(draft, ds)
	// 增速度: a deadline that leaves less time.
	pds := parent.Deadlines(ps.Start, ps.End)
	if emergency {
		pds = nil
	}
	dds := draft.Deadlines(ds.Start, ds.End)
deadlines:
	for i, d := range dds {
		if d.Kind == phrase.Recurring {
			continue
		}
		// A deadline the parent's sentence states too is restated, not
		// moved: 2019年12月底前完成规划，2020年12月底前完成验收 copied whole
		// is not the second deadline brought forward to the first.
		for _, p := range pds {
			if same(d, p) {
				continue deadlines
			}
		}
		cands := pds
		if len(dds) == len(pds) && len(pds) > 1 {
			// As many deadlines on each side: each answers the one in its
			// place.
			cands = pds[i : i+1]
		}
		for _, p := range cands {
			earlier, ok := d.Earlier(p.Deadline)
			if !ok || !earlier {
				continue
			}
			if d.Calendar() {
				days := 0
				if a, ok1 := d.YearDay(); ok1 {
					if b, ok2 := p.YearDay(); ok2 {
						days = b - a
					}
				}
				// A level must gather its own reports before it reports
				// up: a few days' lead is legitimate, a month or more is
				// the task itself done faster.
				sev := lint.Info
				if days > 31 || d.Year != 0 && p.Year != 0 && d.Year < p.Year {
					sev = lint.Warning
				}
				add(d.Span, sev, "时限由“%s”提前到“%s”%s；逐级汇总需预留时间，提前幅度应以汇总所需为限", p.Text, d.Text, daysWords(days))
			} else {
				h1, _ := d.Hours()
				h2, _ := p.Hours()
				add(d.Span, lint.Warning, "时限由“%s”缩短为“%s”（约%s缩短为%s），压缩了基层的办理时间", p.Text, d.Text, hoursWords(h2), hoursWords(h1))
			}
			break deadlines
		}
	}
	// 加数量: bigger shares, counts, amounts and frequencies.
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
			add(d.Span, lint.Warning, "%s由“%s”提高到“%s”%s", why, raised.Text, d.Text, raiseWords(d.Target, raised.Target))
		}
	}
	if w, at, ok := firstWordAt(draft, ds, growthWords); ok && !hasWord(parent, ps.Start, ps.End, growthWords) {
		add(at, lint.Warning, "提出“%s”的增长要求，上级文件相应要求中没有", w)
	}
	// 扩内容: a scope carried further down, or a task widened to all.
	pl, explicit := parentScope(parent, ps)
	if dl := deepestScope(draft, ds); pl > 0 && !emergency && (dl >= pl+minScopeJump || explicit && dl > pl) {
		add(phrase.Span{}, lint.Info, "范围由上级文件的%s扩大到%s，把要求延伸到了更基层", scopeNames[pl], scopeNames[dl])
	}
	if from, to, at, ok := widenedScope(draft, ds, parent, ps); ok {
		add(at, lint.Info, "范围由“%s”扩大到“%s”", from, to)
	}
	if n, m, ok := moreItems(draft, ds, parent, ps); ok {
		add(phrase.Span{}, lint.Info, "所列事项由上级文件的%d项增加到%d项，请核实新增事项是否确有必要", n, m)
	}
	// 提标准: the parent hedges, the draft mandates.
	if hasWord(parent, ps.Start, ps.End, hedgeWords) && !hasWord(draft, ds.Start, ds.End, hedgeWords) && hasWord(draft, ds.Start, ds.End, mandateWords) {
		add(phrase.Span{}, lint.Info, "上级文件用“%s”等留有余地的措辞，本文改为“%s”，拔高了标准", firstWord(parent, ps, hedgeWords), firstWord(draft, ds, mandateWords))
	}
	return out
}

// same reports whether two deadlines fall at the same time: neither is
// earlier than the other.
func same(a, b phrase.DeadlineAt) bool {
	e1, ok1 := a.Earlier(b.Deadline)
	e2, ok2 := b.Earlier(a.Deadline)
	return ok1 && ok2 && !e1 && !e2
}

// daysWords says how many days earlier a date is: （提前92天，约3个月）.
func daysWords(days int) string {
	switch {
	case days <= 0:
		return ""
	case days >= 45:
		return fmt.Sprintf("（提前%d天，约%d个月）", days, (days+15)/30)
	}
	return fmt.Sprintf("（提前%d天）", days)
}

// hoursWords says a time left in hours as days when it is whole days.
func hoursWords(h int) string {
	if h >= 24 && h%24 == 0 {
		return fmt.Sprintf("%d天", h/24)
	}
	return fmt.Sprintf("%d小时", h)
}

// raiseWords says by how much a figure grew: （增加60亿元，增幅60%）,
// （提高20个百分点）, （频次约为原来的3倍）.
func raiseWords(d, p phrase.Target) string {
	if ds, ok := d.Share(); ok {
		if pshare, ok := p.Share(); ok {
			return fmt.Sprintf("（提高%s个百分点）", figure(ds-pshare))
		}
	}
	if d.Kind == phrase.Frequency && p.Kind == phrase.Frequency && d.Value > 0 {
		return fmt.Sprintf("（频次约为原来的%s倍）", figure(p.Value/d.Value))
	}
	dv, pv := d.Value, p.Value
	if d.Kind == phrase.Amount {
		dv = d.High
	}
	if p.Kind == phrase.Amount {
		pv = p.High
	}
	if pv <= 0 || dv <= pv {
		return ""
	}
	return fmt.Sprintf("（增加%s%s，增幅%s%%）", quantity(dv-pv), d.Unit, figure((dv-pv)/pv*100))
}

// figure writes a number with at most one decimal.
func figure(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.1f", v), "0"), ".")
}

// quantity writes an amount in 亿 or 万 when it is that large.
func quantity(v float64) string {
	switch {
	case v >= 1e8:
		return figure(v/1e8) + "亿"
	case v >= 1e4:
		return figure(v/1e4) + "万"
	}
	return figure(v)
}

// compareTargets reports whether d and p measure the same thing (a
// share, a frequency, a count or an amount of the same unit), whether d
// asks for more, and what grew. A range asks for more only when both its
// ends are at least the parent's and one is above.
func compareTargets(d, p phrase.Target) (why string, comparable, bigger bool) {
	if ds, ok := d.Share(); ok {
		pshare, ok := p.Share()
		return "比例指标", ok, ok && ds > pshare
	}
	count := func(t phrase.Target) bool {
		return t.Kind == phrase.AtLeast || t.Kind == phrase.Times || t.Kind == phrase.Amount
	}
	switch {
	case d.Kind == phrase.Frequency && p.Kind == phrase.Frequency:
		return "频次", true, d.Value < p.Value
	case d.Kind == phrase.Frequency && p.Kind == phrase.Times:
		return "频次", true, true
	case count(d) && count(p) && d.Unit == p.Unit && d.Unit != "":
		dlo, dhi := d.Value, d.Value
		plo, phi := p.Value, p.Value
		if d.Kind == phrase.Amount {
			dhi = d.High
		}
		if p.Kind == phrase.Amount {
			phi = p.High
		}
		return "数量", true, dlo >= plo && dhi >= phi && (dlo > plo || dhi > phi)
	}
	return "", false, false
}

// parentScope is the deepest level the parent sentence names, and whether
// it names it as a level of its own (县级, 乡镇级) rather than as the
// addressee (各县) or the bottom of a range (县级以上): a draft that goes
// one level below an explicit level widens the task.
func parentScope(t *phrase.Text, s phrase.Span) (level int, explicit bool) {
	level = deepestScope(t, s)
	if level == 0 {
		return 0, false
	}
	r := t.Runes()
	for _, sp := range wordSpans(t, s.Start, s.End, scopeLevels[level]) {
		w := string(r[sp.Start:sp.End])
		if !strings.HasSuffix(w, "级") {
			continue
		}
		rest := string(r[sp.End:min(sp.End+3, s.End)])
		if !strings.HasPrefix(rest, "以上") && !strings.HasPrefix(rest, "以下") && !strings.HasPrefix(rest, "及以上") {
			return level, true
		}
	}
	return level, false
}

// widenedScope finds a task the parent limits (重点行业, 部分地区) that
// the draft opens to all (所有行业, 各行业): the same noun after a
// narrowing word in the parent and a widening word in the draft.
func widenedScope(draft *phrase.Text, ds phrase.Span, parent *phrase.Text, ps phrase.Span) (from, to string, at phrase.Span, ok bool) {
	pr, dr := parent.Runes(), draft.Runes()
	for _, sp := range wordSpans(parent, ps.Start, ps.End, narrowWords) {
		if sp.End+2 > ps.End {
			continue
		}
		noun := string(pr[sp.End : sp.End+2])
		for _, w := range wordSpans(draft, ds.Start, ds.End, widenWords) {
			if w.End+2 <= ds.End && string(dr[w.End:w.End+2]) == noun && !hasWord(parent, ps.Start, ps.End, []string{string(dr[w.Start:w.End]) + noun}) {
				return string(pr[sp.Start : sp.End+2]), string(dr[w.Start : w.End+2]), phrase.Span{Start: w.Start, End: w.End + 2}, true
			}
		}
	}
	return "", "", phrase.Span{}, false
}

// moreItems compares the longest lists (items joined by 、) of the two
// sentences: a draft that lists at least two more items than the parent,
// which listed at least two, adds tasks to the same demand.
func moreItems(draft *phrase.Text, ds phrase.Span, parent *phrase.Text, ps phrase.Span) (n, m int, ok bool) {
	n, m = longestList(parent.Runes()[ps.Start:ps.End]), longestList(draft.Runes()[ds.Start:ds.End])
	return n, m, n >= 2 && m >= n+2
}

// longestList is the number of items of the longest run joined by 、
// within one clause.
func longestList(r []rune) int {
	best, cur := 0, 1
	for _, c := range r {
		switch c {
		case '、':
			cur++
		case '，', '；', '：', ',', ';':
			best, cur = max(best, cur), 1
		}
	}
	best = max(best, cur)
	if best == 1 {
		return 0
	}
	return best
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

// firstWordAt finds the first of words standing whole in the sentence.
func firstWordAt(t *phrase.Text, s phrase.Span, words []string) (string, phrase.Span, bool) {
	for _, sp := range wordSpans(t, s.Start, s.End, words) {
		return t.Slice(sp), sp, true
	}
	return "", phrase.Span{}, false
}
