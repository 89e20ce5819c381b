package phrase

import (
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/gwlint/gwlint/lint/seg"
)

// Span is a half-open range of rune offsets.
type Span struct{ Start, End int }

// Capture is the text a class slot matched, e.g. the {deadline} of a
// construction, so that a rule can parse it.
type Capture struct {
	Class string
	Span  Span
}

// Match is one place where an entry matched.
type Match struct {
	Entry    *Entry
	Span     Span
	Sentence Span
	Captures []Capture
	// Parts are the spans the pattern's slots matched, gaps left out:
	// 充分认识 and 重要意义 of "充分认识 … 重要意义".
	Parts []Span
}

// Capture returns the first capture of a class.
func (m Match) Capture(class string) (Span, bool) {
	for _, c := range m.Captures {
		if c.Class == class {
			return c.Span, true
		}
	}
	return Span{}, false
}

// Matcher matches the entries of one or more lists. It is immutable once
// built and safe for concurrent use.
type Matcher struct {
	entries  []*Entry
	vocab    map[string]bool
	maxVocab int
	// first indexes the patterns by the first rune of the literals their
	// first slot may match; scanFirst holds the patterns whose first slot
	// is a built-in class and must be tried at every word.
	first     map[rune][]anchor
	scanFirst []anchor
	// firstBMP has bit c set when first holds c, c < 0x10000: most runes
	// start no pattern, and a bit test is far cheaper than a map look-up.
	firstBMP *[0x10000 / 64]uint64
	// scanBMP has bit c set when some anchor of scanFirst may start at c
	// (c < 0x10000).
	scanBMP *[0x10000 / 64]uint64
	gates   *gateIndex
}

// mayStart reports whether first may hold c.
func (m *Matcher) mayStart(c rune) bool {
	if c >= 0x10000 {
		return true
	}
	return m.firstBMP[c>>6]&(1<<(c&63)) != 0
}

type anchor struct {
	entry   *Entry
	pattern *pattern
	lit     []rune // the first slot's literal; nil for a built-in
	needs   []int  // the gates of the pattern's other required slots
}

// NewMatcher builds a matcher over every entry of the lists, in order.
func NewMatcher(lists ...*List) *Matcher {
	var entries []*Entry
	for _, l := range lists {
		entries = append(entries, l.Entries...)
	}
	m := &Matcher{vocab: map[string]bool{}}
	for _, e := range entries {
		for _, p := range append(append([]*pattern{}, e.compiled...), e.except...) {
			p.vocabulary(m.addVocab)
		}
	}
	m.index(entries)
	return m
}

func (m *Matcher) addVocab(w string) {
	m.vocab[w] = true
	m.maxVocab = max(m.maxVocab, len([]rune(w)))
}

func (m *Matcher) index(entries []*Entry) {
	m.entries = entries
	m.first = map[rune][]anchor{}
	m.firstBMP = new([0x10000 / 64]uint64)
	m.scanFirst = nil
	m.scanBMP = new([0x10000 / 64]uint64)
	m.gates = newGateIndex()
	for _, e := range entries {
		for _, p := range e.compiled {
			s := p.slots[0]
			needs := m.gates.needs(p)
			if s.kind == slotBuiltin {
				m.scanFirst = append(m.scanFirst, anchor{entry: e, pattern: p, needs: needs})
				if s.builtin.first == nil {
					m.scanBMP = nil // tried everywhere
				} else if m.scanBMP != nil {
					for _, c := range s.builtin.firstRunes {
						m.scanBMP[c>>6] |= 1 << (c & 63)
					}
				}
				continue
			}
			for _, a := range s.alts {
				c := []rune(a)[0]
				m.first[c] = append(m.first[c], anchor{entry: e, pattern: p, lit: []rune(a), needs: needs})
				if c < 0x10000 {
					m.firstBMP[c>>6] |= 1 << (c & 63)
				}
			}
		}
	}
}

// Entries lists the matcher's entries.
func (m *Matcher) Entries() []*Entry { return m.entries }

// ForRule is a matcher over the entries of one rule. It keeps the whole
// vocabulary, so that every rule sees the same word boundaries.
func (m *Matcher) ForRule(rule string) *Matcher {
	var entries []*Entry
	for _, e := range m.entries {
		if e.Rule == rule {
			entries = append(entries, e)
		}
	}
	sub := &Matcher{vocab: m.vocab, maxVocab: m.maxVocab}
	sub.index(entries)
	return sub
}

// Text is a text prepared for matching: its runes, the word boundaries
// and the sentences.
//
// A Text from PrepareCut learns its word boundaries one sentence at a
// time, the first time they are asked for in the sentence: by Find where
// a match could start there, or by a rule reading boundaries, deadlines
// or targets in it. So a text is segmented only where the lists' words
// occur. Cutting a sentence alone gives exactly the boundaries cutting
// the whole text gives there, because every terminator is a boundary
// rune to the segmenter (seg.IsBoundary), which cuts the runs between
// boundary runes independently and the same way whatever run the text
// starts with (seg's TestCutStartsAnywhere). Such a Text is filled in as it is read; like a Matcher,
// it is safe for concurrent use: a sentence is cut under a lock and
// published with an atomic flag, which a reader checks before it reads
// the sentence's boundaries.
type Text struct {
	runes []rune
	bound []bool // bound[i]: a word starts or ends at i
	// sentEnd[i] is where the sentence holding rune i ends (at its
	// terminator, exclusive); sentStart likewise.
	sentEnd, sentStart []int32
	text               string
	byteAt             []int32 // the byte offset in text of each rune, and len(text)

	// For PrepareCut: which sentences are cut already (bit s set for the
	// sentence starting at rune s), and which slots of the matcher's
	// patterns can match in each; mu is held while either is filled in.
	m     *Matcher
	cut   Cutter
	mu    sync.Mutex
	isCut []atomic.Uint64
	gates *gateSet

	// memo keeps what rules compute once per text (Memo).
	memo sync.Map
}

// Memo returns the value stored under key, computing it with compute the
// first time. Rules use it for what they would otherwise recompute for
// every match in a sentence; it is safe for concurrent use, and a value
// is computed at most a few times when goroutines race for it.
func (t *Text) Memo(key any, compute func() any) any {
	if v, ok := t.memo.Load(key); ok {
		return v
	}
	v, _ := t.memo.LoadOrStore(key, compute())
	return v
}

// A Cutter segments text into words that cover it, with rune offsets
// relative to its start: seg.Segmenter.Cut. For PrepareCut to give the
// matches Prepare gives with the whole text's words, a Cutter must cut a
// sentence alone as it cuts it inside the text, and make each terminator
// a word of its own; seg.Segmenter.Cut does both.
type Cutter func(text string) []seg.Word

// Runes is the text's runes; callers must not modify them.
func (t *Text) Runes() []rune { return t.runes }

// Slice is the text of a span.
func (t *Text) Slice(s Span) string {
	s.Start, s.End = max(0, min(s.Start, len(t.runes))), max(0, min(s.End, len(t.runes)))
	if s.End <= s.Start {
		return ""
	}
	return string(t.runes[s.Start:s.End])
}

// Sentence is the span of the sentence holding offset off: the text
// between terminators (。；！？ and line breaks), without them.
func (t *Text) Sentence(off int) Span {
	if off < 0 || off >= len(t.runes) {
		return Span{off, off}
	}
	return Span{int(t.sentStart[off]), int(t.sentEnd[off])}
}

// Boundary reports whether a word starts or ends at off.
func (t *Text) Boundary(off int) bool { return off >= 0 && off < len(t.bound) && t.boundAt(off) }

// boundAt is bound[p], the sentence holding p cut first if need be.
func (t *Text) boundAt(p int) bool {
	if t.cut != nil && p < len(t.runes) {
		if s := t.sentStart[p]; !t.sentenceCut(int(s)) {
			t.cutSentence(int(s))
		}
	}
	return t.bound[p]
}

// cutSentence segments the sentence starting at rune start.
func (t *Text) cutSentence(start int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.sentenceCut(start) {
		return // by another goroutine meanwhile
	}
	// A terminator is a word of its own, marked by prepare.
	if end := int(t.sentEnd[start]); end > start {
		t.m.markWords(t, t.cut(t.text[t.byteAt[start]:t.byteAt[end]]), start, end-start)
	}
	t.isCut[start>>6].Or(1 << (start & 63))
}

// sentenceCut reports whether the sentence starting at rune start is cut.
func (t *Text) sentenceCut(start int) bool {
	return t.isCut[start>>6].Load()&(1<<(start&63)) != 0
}

// IsTerminator reports whether r ends a sentence for matching purposes.
func IsTerminator(r rune) bool {
	switch r {
	case '。', '；', '！', '？', ';', '!', '?', '\n', '\r':
		return true
	}
	return false
}

// Prepare readies text (segmented into words, rune offsets as
// seg.Word gives them) for Find. Both sides of every terminator are word
// boundaries whatever the words say, as seg.Segmenter.Cut makes them.
func (m *Matcher) Prepare(text string, words []seg.Word) *Text {
	t := prepare(text)
	m.markWords(t, words, 0, len(t.runes))
	return t
}

// PrepareCut readies text for Find without segmenting it: cut segments a
// sentence when its boundaries are first asked for (see Text). Most
// sentences of a 公文 hold no construction of the lists, and segmentation
// is most of what matching costs.
func (m *Matcher) PrepareCut(text string, cut Cutter) *Text {
	t := prepare(text)
	t.m, t.cut = m, cut
	t.isCut = make([]atomic.Uint64, len(t.runes)/64+1)
	return t
}

// prepare reads text's runes and sentences, and marks the boundaries
// that do not depend on words: the ends of the text and both sides of
// every terminator, which the segmenter always makes a word of its own.
func prepare(text string) *Text {
	r := make([]rune, 0, len(text)/3+1)
	byteAt := make([]int32, 0, len(text)/3+2) // rune offset → byte offset
	for b, c := range text {
		r = append(r, c)
		byteAt = append(byteAt, int32(b))
	}
	byteAt = append(byteAt, int32(len(text)))
	t := &Text{runes: r, bound: make([]bool, len(r)+1), sentEnd: make([]int32, len(r)), sentStart: make([]int32, len(r)), text: text, byteAt: byteAt}
	t.bound[0], t.bound[len(r)] = true, true
	start := 0
	for i := 0; i <= len(r); i++ {
		if i == len(r) || IsTerminator(r[i]) {
			for j := start; j < i; j++ {
				t.sentStart[j], t.sentEnd[j] = int32(start), int32(i)
			}
			if i < len(r) {
				t.sentStart[i], t.sentEnd[i] = int32(i), int32(i)
				t.bound[i], t.bound[i+1] = true, true
			}
			start = i + 1
		}
	}
	return t
}

// markWords marks the boundaries of words, the segmentation of the n
// runes of the text starting at rune offset (their offsets are relative
// to it). Words reaching outside those runes are ignored: a cutter's
// mistake must not touch another sentence, which other goroutines may be
// reading.
func (m *Matcher) markWords(t *Text, words []seg.Word, offset, n int) {
	for _, w := range words {
		if w.Start < 0 || w.End > n || w.Start >= w.End {
			continue
		}
		// Boundaries already set are not written again: the ends of a
		// sentence are read by goroutines matching next to it.
		s, e := offset+w.Start, offset+w.End
		if !t.bound[s] {
			t.bound[s] = true
		}
		if !t.bound[e] {
			t.bound[e] = true
		}
		if k := e - s; k >= 3 && k <= 16 {
			m.splitWord(t.text, t.byteAt[s:e+1], s, t.bound)
		}
	}
}

// splitWord marks the inner boundaries of a word that decomposes wholly
// into vocabulary terms (当天反馈 = 当天 + 反馈), at least one of them two
// characters or longer, so that the terms stay matchable where the
// dictionary joined them. at holds the byte offsets in text of the word's
// runes and of its end, so that terms are looked up without copying.
func (m *Matcher) splitWord(text string, at []int32, offset int, bound []bool) {
	n := len(at) - 1
	// prev[i] is where the term ending at i starts in one decomposition
	// of the word's first i runes; -1 when they do not decompose.
	var prevArr [17]int
	prev := prevArr[:n+1]
	for i := range prev {
		prev[i] = -1
	}
	prev[0] = 0
	for i := 1; i <= n; i++ {
		for j := max(0, i-m.maxVocab); j < i; j++ {
			if prev[j] >= 0 && (j > 0 || i < n) && m.vocab[text[at[j]:at[i]]] {
				prev[i] = j
				break
			}
		}
	}
	if prev[n] < 0 {
		return
	}
	long := false
	for i := n; i > 0; i = prev[i] {
		if i-prev[i] >= 2 {
			long = true
		}
	}
	if !long {
		return
	}
	for i := prev[n]; i > 0; i = prev[i] {
		bound[offset+i] = true
	}
}

// stepBudget bounds the backtracking from one start, so that a pattern
// with several gaps cannot make matching slow on any text.
const stepBudget = 4096

type search struct {
	t     *Text
	caps  [maxSlots]Span
	steps int
}

// Find returns the matches of every entry, in text order; an entry's
// matches do not overlap each other.
func (m *Matcher) Find(t *Text) []Match {
	var out []Match
	lastEnd := map[*Entry]int{}
	s := &search{t: t}
	r := t.runes
	exceptCache := map[exceptKey]bool{}
	for p := 0; p < len(r); p++ {
		// The boundary tests come last in each condition below: with
		// PrepareCut they segment the sentence, which only a possible
		// match should cost.
		if unicode.IsSpace(r[p]) {
			continue
		}
		try := func(a anchor, firstEnd int) {
			if end, ok := lastEnd[a.entry]; ok && p < end {
				return
			}
			s.steps = 0
			s.caps[0] = Span{p, firstEnd}
			end, ok := s.rest(a.pattern, 1, firstEnd, int(t.sentEnd[p]))
			if !ok {
				return
			}
			sent := t.Sentence(p)
			if m.excepted(a.entry, t, sent, exceptCache) {
				return
			}
			match := Match{Entry: a.entry, Span: Span{p, end}, Sentence: sent}
			for i, sl := range a.pattern.slots {
				if sl.kind == slotGap || s.caps[i].End <= s.caps[i].Start {
					continue
				}
				match.Parts = append(match.Parts, s.caps[i])
				if sl.class != "" {
					match.Captures = append(match.Captures, Capture{Class: sl.class, Span: s.caps[i]})
				}
			}
			out = append(out, match)
			lastEnd[a.entry] = end
		}
		if m.mayStart(r[p]) {
			for _, a := range m.first[r[p]] {
				if e, ok := hasRunesAt(r, p, a.lit); ok && e <= int(t.sentEnd[p]) && t.mayMatch(m, a, p) && t.boundAt(p) && t.boundAt(e) {
					try(a, e)
				}
			}
		}
		if c := r[p]; m.scanBMP != nil && c < 0x10000 && m.scanBMP[c>>6]&(1<<(c&63)) == 0 {
			continue
		}
		for _, a := range m.scanFirst {
			if b := a.pattern.slots[0].builtin; b.first != nil && !b.first(r[p]) {
				continue
			}
			if e, ok := a.pattern.slots[0].builtin.scan(r, p); ok && e > p && e <= int(t.sentEnd[p]) && t.mayMatch(m, a, p) && t.boundAt(p) && t.boundAt(e) {
				try(a, e)
			}
		}
	}
	return out
}

type exceptKey struct {
	entry *Entry
	sent  Span
}

// excepted reports whether one of the entry's except patterns matches in
// the sentence.
func (m *Matcher) excepted(e *Entry, t *Text, sent Span, cache map[exceptKey]bool) bool {
	if len(e.except) == 0 {
		return false
	}
	key := exceptKey{e, sent}
	if v, ok := cache[key]; ok {
		return v
	}
	s := &search{t: t}
	found := false
	for p := sent.Start; p < sent.End && !found; p++ {
		if !t.boundAt(p) {
			continue
		}
		for _, x := range e.except {
			s.steps = 0
			if end, ok := s.slot(x, 0, p, sent.End); ok && end > p {
				found = true
				break
			}
		}
	}
	cache[key] = found
	return found
}

// rest matches slots[i:] from pos and returns the end of the match.
func (s *search) rest(p *pattern, i, pos, limit int) (int, bool) {
	if i == len(p.slots) {
		return pos, true
	}
	return s.slot(p, i, pos, limit)
}

func (s *search) slot(p *pattern, i, pos, limit int) (int, bool) {
	s.steps++
	if s.steps > stepBudget {
		return 0, false
	}
	r := s.t.runes
	sl := &p.slots[i]
	if sl.kind == slotGap {
		for q := pos; q <= min(pos+sl.gap, limit); q++ {
			if !s.t.boundAt(q) {
				continue
			}
			if end, ok := s.rest(p, i+1, q, limit); ok {
				return end, true
			}
			if s.steps > stepBudget {
				break
			}
		}
		return 0, false
	}
	start := pos
	for start < limit && (r[start] == ' ' || r[start] == '\u3000' || r[start] == '\t') && i > 0 {
		start++
	}
	switch sl.kind {
	case slotLiteral:
		for _, a := range sl.candidates(r, start) {
			if e, ok := hasRunesAt(r, start, a); ok && e <= limit && s.t.boundAt(e) {
				s.caps[i] = Span{start, e}
				if end, ok := s.rest(p, i+1, e, limit); ok {
					return end, true
				}
			}
		}
	case slotBuiltin:
		// A gap calls this at every word it spans; the first-rune test
		// spares the scanner where nothing can start.
		if b := sl.builtin; b.first != nil && start < len(r) && !b.first(r[start]) {
			break
		}
		if e, ok := sl.builtin.scan(r, start); ok && e > start && e <= limit && s.t.boundAt(e) {
			s.caps[i] = Span{start, e}
			if end, ok := s.rest(p, i+1, e, limit); ok {
				return end, true
			}
		}
	}
	if sl.optional {
		s.caps[i] = Span{}
		return s.rest(p, i+1, pos, limit)
	}
	return 0, false
}

// hasRunesAt is hasPrefixAt for a word already in runes.
func hasRunesAt(r []rune, p int, w []rune) (int, bool) {
	if p+len(w) > len(r) {
		return p, false
	}
	for i, c := range w {
		if r[p+i] != c {
			return p, false
		}
	}
	return p + len(w), true
}

// FindIn segments text with the default segmenter and finds matches: for
// tests, examples and one-off checks.
func (m *Matcher) FindIn(text string) ([]Match, *Text) {
	t := m.PrepareCut(text, seg.Default().Cut)
	return m.Find(t), t
}

// entryMatches reports whether e matches somewhere in text.
func (m *Matcher) entryMatches(e *Entry, text string) bool {
	// An entry's matches do not depend on the other entries (each keeps
	// its own non-overlap and exceptions), so the whole matcher serves.
	matches, _ := m.FindIn(text)
	for _, x := range matches {
		if x.Entry == e {
			return true
		}
	}
	return false
}

// CheckExamples runs every entry's examples through m (a matcher over
// more lists than the entry's own, as the rules use it) and reports the
// first that does not behave as claimed.
func (m *Matcher) CheckExamples() error {
	for _, e := range m.entries {
		for _, ex := range e.Match {
			if !m.entryMatches(e, ex) {
				return &Error{Path: e.list.Path, Line: e.matchLine, Msg: "example " + quote(ex) + " does not match (rule " + e.Rule + ")"}
			}
		}
		for _, ex := range e.NoMatch {
			if m.entryMatches(e, ex) {
				return &Error{Path: e.list.Path, Line: e.noLine, Msg: "look-alike " + quote(ex) + " matches but must not (rule " + e.Rule + ")"}
			}
		}
	}
	return nil
}

func quote(s string) string { return "“" + s + "”" }
