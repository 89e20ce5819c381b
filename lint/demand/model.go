package demand

import (
	"strings"

	"github.com/gwlint/gwlint/lint/phrase"
)

// Span is a half-open range of rune offsets.
type Span = phrase.Span

// Facts is what a document demands: computed once per document.
type Facts struct {
	// Narrates is set when the document as a whole tells of cases (a 通报
	// of formalism problems, a 情况报告): it imposes nothing.
	Narrates bool
	// Hits are the burden kinds found in demands, in text order.
	Hits []Hit
	// Clauses are the clauses of the sentences where some kind could
	// match, with their parts: the model the hits were read from.
	Clauses []Clause
}

// Hit is a demand holding every part of a kind.
type Hit struct {
	Kind     *Kind
	Span     Span // from the first part to the last
	Sentence Span // the demand's sentence (two when it continues)
	Parts    []Span
}

// Clause is one clause of a sentence, between ，：; and the sentence's
// ends, with the parts of a demand found in it.
type Clause struct {
	Span Span
	// Purpose: the clause opens with 为/为了 and leads into the demand
	// (为防止走过场，…): it neither imposes nor silences.
	Purpose bool
	// Negated: the clause forbids, removes or waives what it names
	// (不得, 严禁, 取消, 不再, 不要求, 剔除).
	Negated bool
	// Narration: the clause's sentence tells of a case or criticises it.
	Narration bool
	// Continues: the clause carries on the one before it (…全程拍照录像，
	// 作为年终考核的佐证依据), so a kind read within one clause reads both.
	Continues bool
	// The parts, where the lexicon's classes who, modal, act and object
	// found them.
	Who, Modal, Act, Object []Span
}

// Imposes reports whether the clause can carry a demand.
func (c Clause) Imposes() bool { return !c.Purpose && !c.Negated && !c.Narration }

// occ is one occurrence of a lexicon word in the text.
type occ struct {
	id         int
	start, end int
}

// Document is what Analyze needs to know of a document besides its text.
type Document struct {
	Title string
	Kind  string // the 文种 read from the title
	// Central: issued by 中共中央, 国务院 or their 办公厅.
	Central bool
}

// Analyze reads the demands of a prepared text. The text's sentences are
// segmented only where some kind's words all occur.
func (lx *Lexicon) Analyze(text *phrase.Text, doc Document) *Facts {
	f := &Facts{Narrates: lx.narratingDocument(doc)}
	if f.Narrates || len(lx.Kinds) == 0 {
		return f
	}
	sents := text.Sentences()
	r := text.Runes()
	raw := make([][]occ, len(sents))
	gates := make([]gate, len(sents))
	for i, s := range sents {
		raw[i] = lx.scan(r, s)
		gates[i] = lx.gateOf(r, s, raw[i])
	}
	units := make([]*unit, len(sents))
	get := func(i int) *unit {
		if units[i] == nil {
			units[i] = lx.newUnit(text, sents[i], raw[i])
			f.Clauses = append(f.Clauses, units[i].clauses...)
		}
		return units[i]
	}
	samePara := func(i, j int) bool {
		if j < 0 || j >= len(sents) {
			return false
		}
		a, b := sents[min(i, j)], sents[max(i, j)]
		for p := a.End; p < b.Start; p++ {
			if r[p] == '\n' || r[p] == '\r' {
				return false
			}
		}
		return true
	}
	for i, s := range sents {
		for _, k := range lx.Kinds {
			if k.Unless != nil && gates[i].has(k.Unless) || k.LocalOnly && doc.Central {
				continue
			}
			if !gates[i].hasAll(k.Slots) {
				continue
			}
			if len(k.Context) > 0 {
				ok := gates[i].hasAll(k.Context) || samePara(i, i-1) && gates[i-1].hasAll(k.Context)
				if !ok {
					continue
				}
			}
			u := get(i)
			if u.narration {
				break
			}
			parts, ok := lx.match(text, u, k, k.Slots, k.Clause)
			if !ok {
				continue
			}
			if len(k.Context) > 0 {
				_, okHere := lx.match(text, u, k, k.Context, false)
				okBefore := false
				if !okHere && samePara(i, i-1) && gates[i-1].hasAll(k.Context) {
					_, okBefore = lx.match(text, get(i-1), k, k.Context, false)
				}
				if !okHere && !okBefore {
					continue
				}
			}
			f.add(Hit{Kind: k, Span: cover(parts), Sentence: s, Parts: parts})
		}
	}
	// A demand continued into the next sentence of the paragraph
	// (请各镇指定一名信息员。信息员须每天…): a kind whose parts are split
	// between the two.
	for i := 0; i+1 < len(sents); i++ {
		if !samePara(i, i+1) {
			continue
		}
		for _, k := range lx.Kinds {
			if k.Clause || len(k.Context) > 0 || len(k.Slots) < 2 || k.LocalOnly && doc.Central || f.hasRule(k.Rule, sents[i], sents[i+1]) {
				continue
			}
			if k.Unless != nil && (gates[i].has(k.Unless) || gates[i+1].has(k.Unless)) {
				continue
			}
			if !pairHas(gates[i], gates[i+1], k.Slots) {
				continue
			}
			a, b := get(i), get(i+1)
			if a.narration || b.narration {
				continue
			}
			joined := &unit{clauses: append(append([]Clause{}, a.clauses...), b.clauses...), occs: append(append([]occ{}, a.occs...), b.occs...)}
			parts, ok := lx.match(text, joined, k, k.Slots, false)
			if !ok || !touches(parts, sents[i]) || !touches(parts, sents[i+1]) {
				continue
			}
			f.add(Hit{Kind: k, Span: cover(parts), Sentence: Span{Start: sents[i].Start, End: sents[i+1].End}, Parts: parts})
		}
	}
	sortHits(f.Hits)
	return f
}

// add keeps one hit per rule and place: the first kind of a rule that
// matches a part of a sentence wins, so a list orders a rule's kinds from
// the most specific (and severe) to the most general.
func (f *Facts) add(h Hit) {
	for _, x := range f.Hits {
		if x.Kind.Rule != h.Kind.Rule || !(x.Sentence.Start < h.Sentence.End && h.Sentence.Start < x.Sentence.End) {
			continue
		}
		// Two demands of one rule in a sentence (签订防火责任书，实行一票否决)
		// are both reported; a broader kind of the rule with a lower
		// severity is the fallback of a narrower one, and is not.
		if x.Span.Start < h.Span.End && h.Span.Start < x.Span.End || severityRank(h.Kind.Severity) < severityRank(x.Kind.Severity) {
			return
		}
	}
	f.Hits = append(f.Hits, h)
}

func severityRank(s string) int {
	switch s {
	case "error":
		return 2
	case "warning":
		return 1
	}
	return 0
}

func (f *Facts) hasRule(rule string, a, b Span) bool {
	for _, x := range f.Hits {
		if x.Kind.Rule == rule && (x.Sentence.Start < b.End && a.Start < x.Sentence.End) {
			return true
		}
	}
	return false
}

func sortHits(h []Hit) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].Span.Start < h[j-1].Span.Start; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

func touches(parts []Span, s Span) bool {
	for _, p := range parts {
		if p.Start < s.End && s.Start < p.End {
			return true
		}
	}
	return false
}

func cover(parts []Span) Span {
	s := parts[0]
	for _, p := range parts[1:] {
		s.Start, s.End = min(s.Start, p.Start), max(s.End, p.End)
	}
	return s
}

// narratingDocument: a 通报 of formalism cases, or a report upwards.
func (lx *Lexicon) narratingDocument(doc Document) bool {
	t := doc.Title
	if strings.Contains(t, "通报") {
		for _, w := range []string{"形式主义", "典型问题", "减负", "官僚主义", "问题的通报", "案例"} {
			if strings.Contains(t, w) {
				return true
			}
		}
	}
	return doc.Kind == "报告" || strings.HasSuffix(t, "情况报告")
}

// scan finds every lexicon word in the sentence, overlaps included.
func (lx *Lexicon) scan(r []rune, s Span) []occ {
	var out []occ
	for p := s.Start; p < s.End; p++ {
		if c := r[p]; c < 0x10000 && lx.first[c>>6]&(1<<(c&63)) == 0 {
			continue
		}
		for _, w := range lx.words[r[p]] {
			if e, ok := runesAt(r, p, s.End, w.r); ok {
				out = append(out, occ{id: w.id, start: p, end: e})
			}
		}
	}
	return out
}

func runesAt(r []rune, p, limit int, w []rune) (int, bool) {
	if p+len(w) > limit {
		return 0, false
	}
	for i, c := range w {
		if r[p+i] != c {
			return 0, false
		}
	}
	return p + len(w), true
}

// gate is what a sentence holds, before any segmentation: the slots
// some word of which occurs in it, and whether it holds a number. A kind
// is tried only where every slot may match.
type gate struct {
	present []uint64
	numeric bool
}

func (lx *Lexicon) gateOf(r []rune, s Span, occs []occ) gate {
	g := gate{present: make([]uint64, len(lx.slots)/64+1)}
	for _, o := range occs {
		for _, i := range lx.slotsOf[o.id] {
			g.present[i>>6] |= 1 << (i & 63)
		}
	}
	for p := s.Start; p < s.End && !g.numeric; p++ {
		g.numeric = isDigit(r[p]) || isHanNumeral(r[p])
	}
	return g
}

// has: a word of the slot occurs, or a built-in of it may match.
func (g gate) has(sl *Slot) bool {
	if g.present[sl.idx>>6]&(1<<(sl.idx&63)) != 0 {
		return true
	}
	return len(sl.builtins) > 0 && (sl.anywhere || g.numeric)
}

func (g gate) hasAll(slots []*Slot) bool {
	for _, sl := range slots {
		if !g.has(sl) {
			return false
		}
	}
	return true
}

func pairHas(a, b gate, slots []*Slot) bool {
	for _, sl := range slots {
		if !a.has(sl) && !b.has(sl) {
			return false
		}
	}
	return true
}

// unit is a sentence split into clauses, with the lexicon words that
// stand on word edges in it.
type unit struct {
	clauses   []Clause
	occs      []occ // aligned only
	narration bool
}

// aligned reports whether an occurrence stands on the segmentation: a
// one-character word on both edges, a longer one on at least one (照片
// ends 现场照片 as a word; 立即 in 建立即时 touches neither edge).
func aligned(t *phrase.Text, o occ) bool {
	if o.end-o.start == 1 {
		return t.Boundary(o.start) && t.Boundary(o.end)
	}
	return t.Boundary(o.start) || t.Boundary(o.end)
}

func (lx *Lexicon) newUnit(t *phrase.Text, s Span, raw []occ) *unit {
	u := &unit{}
	for _, o := range raw {
		if aligned(t, o) {
			u.occs = append(u.occs, o)
		}
	}
	r := t.Runes()
	u.dropReplaced(r, lx.scope["replaced_from"], lx.scope["replaced_by"])
	start := s.Start
	for p := s.Start; p <= s.End; p++ {
		if p == s.End || isClauseBreak(r[p]) {
			if p > start {
				u.clauses = append(u.clauses, Clause{Span: Span{Start: start, End: p}})
			}
			start = p + 1
		}
	}
	neg, notNeg, double := lx.scope["negators"], lx.scope["not_negators"], lx.scope["double_negation"]
	purpose, narr, crit, cont := lx.scope["purpose"], lx.scope["narration"], lx.scope["criticism"], lx.scope["continuation"]
	for i := range u.clauses {
		c := &u.clauses[i]
		in := u.in(c.Span)
		for _, o := range in {
			if i > 0 && o.start == c.Span.Start && cont.words[o.id] {
				c.Continues = true
			}
		}
		// A purpose clause opens with 为 and is followed by the demand.
		if i+1 < len(u.clauses) {
			for _, o := range in {
				if o.start == c.Span.Start && purpose.words[o.id] {
					c.Purpose = true
					break
				}
			}
		}
		if c.Purpose {
			continue
		}
		for _, o := range in {
			if !neg.words[o.id] || covered(in, o, notNeg) {
				continue
			}
			if !doubled(in, o, double) {
				c.Negated = true
			}
		}
		for _, o := range in {
			if narr.words[o.id] || crit.words[o.id] {
				u.narration = true
			}
		}
		for _, o := range in {
			for name, into := range map[string]*[]Span{"who": &c.Who, "modal": &c.Modal, "act": &c.Act, "object": &c.Object} {
				if lx.inClass(name, o.id) {
					*into = append(*into, Span{Start: o.start, End: o.end})
				}
			}
		}
	}
	// A topic ending in 的 takes the negation of the clause that follows
	// (未列入清单的，一律不得开展).
	for i := len(u.clauses) - 2; i >= 0; i-- {
		c := &u.clauses[i]
		if c.Span.End > c.Span.Start && r[c.Span.End-1] == '的' && u.clauses[i+1].Negated {
			c.Negated = true
		}
	}
	if u.narration {
		for i := range u.clauses {
			u.clauses[i].Narration = true
		}
	}
	return u
}

func (lx *Lexicon) inClass(name string, id int) bool {
	s := lx.parts[name]
	return s != nil && s.words[id]
}

func isClauseBreak(c rune) bool {
	switch c {
	case '，', ',', '：', ':':
		return true
	}
	return false
}

func (u *unit) in(s Span) []occ {
	var out []occ
	for _, o := range u.occs {
		if o.start >= s.Start && o.end <= s.End {
			out = append(out, o)
		}
	}
	return out
}

// covered: o lies inside a longer word of class s (不得 in 不得晚于).
func covered(in []occ, o occ, s *Slot) bool {
	for _, x := range in {
		if s.words[x.id] && x.start <= o.start && x.end >= o.end {
			return true
		}
	}
	return false
}

// doubled: a negator followed in its clause by a word that negates again
// (不得拒绝, 严禁未签订…的) demands, not forbids.
func doubled(in []occ, o occ, s *Slot) bool {
	for _, x := range in {
		if s.words[x.id] && x.start >= o.end {
			return true
		}
	}
	return false
}

// match finds every slot in the clauses of u that impose; with oneClause,
// all in one clause.
func (lx *Lexicon) match(t *phrase.Text, u *unit, k *Kind, slots []*Slot, oneClause bool) ([]Span, bool) {
	if oneClause {
		for i, c := range u.clauses {
			if !c.Imposes() || c.Continues && i > 0 && u.clauses[i-1].Imposes() {
				continue
			}
			group := []Clause{c}
			for j := i + 1; j < len(u.clauses) && u.clauses[j].Continues && u.clauses[j].Imposes(); j++ {
				group = append(group, u.clauses[j])
			}
			if parts, ok := lx.matchIn(t, u, k, slots, group); ok {
				return parts, true
			}
		}
		return nil, false
	}
	var open []Clause
	for _, c := range u.clauses {
		if c.Imposes() {
			open = append(open, c)
		}
	}
	return lx.matchIn(t, u, k, slots, open)
}

func (lx *Lexicon) matchIn(t *phrase.Text, u *unit, k *Kind, slots []*Slot, clauses []Clause) ([]Span, bool) {
	parts := make([]Span, 0, len(slots))
	for _, sl := range slots {
		found := false
		for _, c := range clauses {
			if sp, ok := findSlot(t, u, sl, c.Span, k != nil && k.OutsideTitles, parts); ok {
				parts = append(parts, sp)
				found = true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return parts, true
}

// findSlot finds the slot in a clause, at the first place where it does
// not overlap a part already found: the parts are distinct words (自查报告
// is not also the 报告 of 报送).
func findSlot(t *phrase.Text, u *unit, sl *Slot, in Span, outsideTitles bool, taken []Span) (Span, bool) {
	best, ok := Span{}, false
	for _, o := range u.occs {
		if o.start >= in.Start && o.end <= in.End && sl.words[o.id] && !(outsideTitles && inTitle(t, o.start)) && !overlaps(taken, o.start, o.end) {
			// The longest word at the first place it occurs.
			if !ok || o.start < best.Start || o.start == best.Start && o.end > best.End {
				best, ok = Span{Start: o.start, End: o.end}, true
			}
		}
	}
	for _, b := range sl.builtins {
		if sp, found := findBuiltin(t, b, in); found && !overlaps(taken, sp.Start, sp.End) && (!ok || sp.Start < best.Start) {
			best, ok = sp, true
		}
	}
	return best, ok
}

// inTitle reports whether offset p stands inside 书名号 in its sentence.
func inTitle(t *phrase.Text, p int) bool {
	r := t.Runes()
	depth := 0
	for i := t.Sentence(p).Start; i < p; i++ {
		switch r[i] {
		case '《':
			depth++
		case '》':
			depth = max(0, depth-1)
		}
	}
	return depth > 0
}

func overlaps(spans []Span, s, e int) bool {
	for _, x := range spans {
		if x.Start < e && s < x.End {
			return true
		}
	}
	return false
}

// dropReplaced removes the words of a practice being replaced: from 由
// (从, 原) to 改为 in one clause, 由每日报送改为每月报送 leaves 改为每月报送.
func (u *unit) dropReplaced(r []rune, from, by *Slot) {
	for _, b := range u.occs {
		if !by.words[b.id] {
			continue
		}
		start := -1
		for _, f := range u.occs {
			if from.words[f.id] && f.end <= b.start && f.start > start && !hasBreak(r, f.end, b.start) {
				start = f.start
			}
		}
		if start < 0 {
			continue
		}
		kept := u.occs[:0:0]
		for _, o := range u.occs {
			if o.start >= start && o.end <= b.start {
				continue
			}
			kept = append(kept, o)
		}
		u.occs = kept
		return
	}
}

func hasBreak(r []rune, from, to int) bool {
	for p := from; p < to; p++ {
		if isClauseBreak(r[p]) {
			return true
		}
	}
	return false
}
