package align

import (
	"sort"
)

// Options tune Compare. The zero value gives the defaults.
type Options struct {
	// MinLen is the shortest passage, in normalized characters, that counts
	// as copied on its own: 13 by default, the threshold plagiarism
	// checkers conventionally use for Chinese text.
	MinLen int
	// MaxGap is the largest edit, in normalized characters on each side,
	// across which two matches that follow each other in both texts are
	// merged into one passage (a changed character or number, a swapped
	// word the class table does not know). 4 by default; negative means 0.
	MaxGap int
	// Exclude lists draft ranges (original rune offsets) that must not be
	// counted as copied, such as the quotations FindReferences reports.
	// Passages are cut at them; the characters inside still count in the
	// draft's total, as 去除引用复制比 does.
	Exclude []Range
	// Cite lists draft ranges that, like Exclude, are not counted as
	// copied, but that a passage continues across: a 《title》 or a
	// 按照《…》 the draft cites in the middle of a sentence it copied. The
	// passage is reported whole; its Len leaves the citation out.
	Cite []Range
}

const (
	defaultMinLen = 13
	defaultMaxGap = 4
	// canonK is the token k-gram length of the canonical index. It is
	// shorter than MinLen in characters so that text with a swapped word
	// every dozen characters still gives seeds; matches shorter than
	// MinLen only survive when merged into a longer passage.
	canonK = 8
	// maxChain caps how many parent positions one k-gram is tried at, so
	// that a phrase repeated hundreds of times in a parent cannot make the
	// search quadratic. Chains are in position order, so the cap is
	// deterministic.
	maxChain = 64
	// alsoInShare is the share of a passage another parent must also
	// contain to be listed in AlsoIn.
	alsoInShare = 0.8
)

func (o Options) withDefaults() Options {
	if o.MinLen <= 0 {
		o.MinLen = defaultMinLen
	}
	if o.MaxGap == 0 {
		o.MaxGap = defaultMaxGap
	} else if o.MaxGap < 0 {
		o.MaxGap = 0
	}
	return o
}

// Passage is a stretch of the draft that restates a stretch of one parent.
type Passage struct {
	// Draft is the passage in the draft, in original rune offsets, from
	// its first to its last matched character.
	Draft Range
	// Parent is the index of the parent in the slice given to Compare.
	Parent int
	// ParentRange is the passage in that parent, in original rune offsets.
	ParentRange Range
	// Len is the number of normalized draft characters in the passage.
	Len int
	// Exact is how many of them are identical to the aligned parent
	// characters; Similarity is Exact/Len.
	Exact      int
	Similarity float64
	// Edits are the places inside the passage where draft and parent
	// differ (a swapped jurisdiction word, a changed number or character),
	// in original rune offsets. A pure insertion has an empty range on one
	// side.
	Edits []Edit
	// AlsoIn lists the other parents that contain at least 80% of the
	// passage, in ascending order.
	AlsoIn []int
}

// Edit is one difference inside a passage.
type Edit struct {
	Draft, Parent Range
}

// ParentShare is what one parent contributes to the draft.
type ParentShare struct {
	// Copied is the number of normalized draft characters attributed to
	// this parent.
	Copied int
	// Ratio is Copied over the draft's normalized characters.
	Ratio float64
	// Coverage is the share of the parent's normalized characters that the
	// draft reproduces, counted before attribution so that two identical
	// parents both show full coverage.
	Coverage float64
}

// Result is the outcome of Compare.
type Result struct {
	// Passages are non-overlapping in the draft and sorted by draft offset.
	Passages []Passage
	// Total is the number of normalized draft characters; Copied the
	// number inside passages; Ratio is Copied/Total (0 for an empty draft).
	Total, Copied int
	Ratio         float64
	// Parents has one entry per parent, in the order given.
	Parents []ParentShare
}

// piece is one aligned stretch of a match in normalized offsets: draft
// [d0,d1) against parent [p0,p1). A same piece has equal lengths and
// identical characters; any other piece is an edit.
type piece struct {
	d0, d1, p0, p1 int
	same           bool
	// bridge marks a gap a passage continues across that is no edit: a
	// citation the draft makes, a heading or list marker one side left out
	// (see Options.Cite and Normalized's structural spans).
	bridge bool
}

// segment is a match against one parent: pieces in order, contiguous in
// both texts.
type segment struct {
	parent int
	pieces []piece
	// strong marks a match that was at least MinLen long before anything
	// cut it; only strong matches, or merged ones reaching MinLen, count.
	strong bool
}

func (s *segment) d0() int { return s.pieces[0].d0 }
func (s *segment) d1() int { return s.pieces[len(s.pieces)-1].d1 }
func (s *segment) p0() int { return s.pieces[0].p0 }
func (s *segment) p1() int { return s.pieces[len(s.pieces)-1].p1 }
func (s *segment) dlen() int {
	return s.d1() - s.d0()
}
func (s *segment) exact() int {
	n := 0
	for _, p := range s.pieces {
		if p.same {
			n += p.d1 - p.d0
		}
	}
	return n
}

// Compare finds the passages the draft shares with the parents. Nil
// parents are treated as empty. The result depends only on the inputs.
//
// It runs in four stages: mark what the draft's characters may be
// (draftGaps), match each parent on its own (findSegments, then
// selectAndMerge), measure each parent's coverage (coverage), and give
// each draft character to one parent, longest passage first (attribute),
// before the passages are written out in original offsets.
func Compare(draft *Normalized, parents []*Normalized, opt Options) Result {
	opt = opt.withDefaults()
	if draft == nil {
		draft = Normalize("")
	}
	n := len(draft.Runes)
	res := Result{Total: n, Parents: make([]ParentShare, len(parents))}
	gaps := draftGaps(draft, opt)

	// Per parent: find, cut at exclusions, make non-overlapping, merge.
	perParent := make([][]segment, len(parents))
	for pi, parent := range parents {
		if parent == nil || len(parent.Runes) == 0 || n == 0 {
			continue
		}
		raw := findSegments(draft, parent, pi, opt)
		g := gaps
		g.parentBridge = parent.structuralMask()
		perParent[pi] = selectAndMerge(raw, n, g, opt)
	}

	cover := make([][]int32, len(parents))
	for pi, segs := range perParent {
		if len(segs) > 0 {
			cover[pi], res.Parents[pi].Coverage = coverage(segs, n, len(parents[pi].Runes))
		}
	}
	for _, s := range attribute(perParent, n) {
		p := passage(draft, parents[s.parent], s, gaps.excluded, cover)
		res.Passages = append(res.Passages, p)
		res.Copied += p.Len
		res.Parents[s.parent].Copied += p.Len
	}
	res.Ratio = ratio(res.Copied, n)
	for i := range res.Parents {
		res.Parents[i].Ratio = ratio(res.Parents[i].Copied, n)
	}
	return res
}

// draftGaps marks the draft's characters: excluded, every one not counted
// as copied; hard, those a passage also stops at (Exclude); bridge, those
// it may continue across (Cite, and headings and list markers).
func draftGaps(draft *Normalized, opt Options) gapRules {
	n := len(draft.Runes)
	excluded := make([]bool, n)
	hard := make([]bool, n)
	for _, r := range opt.Exclude {
		nr := draft.NormRange(r)
		for i := nr.Start; i < nr.End && i < n; i++ {
			excluded[i] = true
			hard[i] = true
		}
	}
	bridge := draft.structuralMask()
	for _, r := range opt.Cite {
		nr := draft.NormRange(r)
		for i := nr.Start; i < nr.End && i < n; i++ {
			excluded[i] = true
			if !hard[i] {
				bridge[i] = true
			}
		}
	}
	for i := range bridge {
		if hard[i] {
			bridge[i] = false
		}
	}
	return gapRules{excluded: excluded, hard: hard, draftBridge: bridge}
}

// coverage measures one parent's matches on their own: the running count
// of draft characters they cover (for AlsoIn), and the share of the
// parent's characters they reproduce.
func coverage(segs []segment, n, parentLen int) ([]int32, float64) {
	cum := make([]int32, n+1)
	mark := make([]bool, n)
	pmark := make([]bool, parentLen)
	for _, s := range segs {
		for i := s.d0(); i < s.d1(); i++ {
			mark[i] = true
		}
		for i := s.p0(); i < s.p1(); i++ {
			pmark[i] = true
		}
	}
	for i, m := range mark {
		cum[i+1] = cum[i]
		if m {
			cum[i+1]++
		}
	}
	c := 0
	for _, m := range pmark {
		if m {
			c++
		}
	}
	return cum, ratio(c, len(pmark))
}

// attribute gives each draft character to one parent, longest passage
// first, and returns the passages that keep characters, by draft offset.
func attribute(perParent [][]segment, n int) []segment {
	var all []segment
	for _, segs := range perParent {
		all = append(all, segs...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := &all[i], &all[j]
		if a.dlen() != b.dlen() {
			return a.dlen() > b.dlen()
		}
		if ea, eb := a.exact(), b.exact(); ea != eb {
			return ea > eb
		}
		if a.parent != b.parent {
			return a.parent < b.parent
		}
		return a.d0() < b.d0()
	})
	claimed := make([]bool, n)
	var final []segment
	for i := range all {
		for _, run := range split(&all[i], claimed) {
			for d := run.d0(); d < run.d1(); d++ {
				claimed[d] = true
			}
			final = append(final, run)
		}
	}
	sort.Slice(final, func(i, j int) bool { return final[i].d0() < final[j].d0() })
	return final
}

// passage writes a segment out in original offsets, with its edits and
// the other parents that contain it too.
func passage(draft, parent *Normalized, s segment, excluded []bool, cover [][]int32) Passage {
	p := Passage{
		Draft:       draft.OrigRange(Range{Start: s.d0(), End: s.d1()}),
		Parent:      s.parent,
		ParentRange: parent.OrigRange(Range{Start: s.p0(), End: s.p1()}),
		Len:         s.dlen() - countTrue(excluded, s.d0(), s.d1()),
		Exact:       s.exact(),
	}
	p.Similarity = ratio(p.Exact, p.Len)
	for _, pc := range s.pieces {
		if !pc.same && !pc.bridge {
			p.Edits = append(p.Edits, Edit{
				Draft:  draft.OrigRange(Range{Start: pc.d0, End: pc.d1}),
				Parent: parent.OrigRange(Range{Start: pc.p0, End: pc.p1}),
			})
		}
	}
	for q, cum := range cover {
		if q == s.parent || cum == nil {
			continue
		}
		if float64(cum[s.d1()]-cum[s.d0()]) >= alsoInShare*float64(p.Len) {
			p.AlsoIn = append(p.AlsoIn, q)
		}
	}
	return p
}

func ratio(a, b int) float64 {
	if b <= 0 || a <= 0 {
		return 0
	}
	if a >= b {
		return 1
	}
	return float64(a) / float64(b)
}

// findSegments seeds and extends every match between draft and parent:
// first on canonical tokens, which see through swapped words and changed
// numbers, then on exact characters wherever the canonical pass left a
// MinLen-long stretch of the draft uncovered. The exact pass is what
// guarantees that every identical stretch of MinLen characters is found,
// even where class words at its ends tokenize differently on each side.
func findSegments(draft, parent *Normalized, pi int, opt Options) []segment {
	var segs []segment
	dc, pc := draft.canon, parent.canon
	k := canonK
	if opt.MinLen < k {
		k = opt.MinLen
	}
	var cix *gramIndex
	if k == canonK {
		cix = parent.canonIndex()
	} else {
		cix = buildGramIndex(pc, k)
	}
	reached := map[int]int{} // diagonal → token offset its match reached
	eachGram(dc, k, func(i int, h uint64) {
		tries := 0
		for q := cix.first(h); q != 0 && tries < maxChain; q = cix.next[q-1] {
			tries++
			p := int(q - 1)
			diag := p - i
			if e, ok := reached[diag]; ok && e > i {
				continue
			}
			if !hasPrefix(pc[p:], dc[i:i+k]) {
				continue
			}
			a, b := i, p
			for a > 0 && b > 0 && dc[a-1] == pc[b-1] {
				a--
				b--
			}
			e, f := i+k, p+k
			for e < len(dc) && f < len(pc) && dc[e] == pc[f] {
				e++
				f++
			}
			reached[diag] = e
			s := tokenSegment(draft, parent, a, e, b, f)
			s.parent = pi
			s.strong = s.dlen() >= opt.MinLen
			segs = append(segs, s)
		}
	})

	// Exact pass over what the canonical pass left uncovered.
	dr, pr := draft.Runes, parent.Runes
	ek := opt.MinLen
	if len(dr) < ek || len(pr) < ek {
		return segs
	}
	cum := make([]int32, len(dr)+1)
	{
		mark := make([]bool, len(dr))
		// Only identical stretches of long matches count as covered: those
		// survive every later cut, so skipping seeds inside them cannot
		// lose an exact match.
		for _, s := range segs {
			if !s.strong {
				continue
			}
			for _, pc := range s.pieces {
				if pc.same {
					for d := pc.d0; d < pc.d1; d++ {
						mark[d] = true
					}
				}
			}
		}
		for i, m := range mark {
			cum[i+1] = cum[i]
			if m {
				cum[i+1]++
			}
		}
	}
	eix := parent.exactIndex(ek)
	reachedExact := map[int]int{}
	eachGram(dr, ek, func(i int, h uint64) {
		if int(cum[i+ek]-cum[i]) == ek {
			return
		}
		tries := 0
		for q := eix.first(h); q != 0 && tries < maxChain; q = eix.next[q-1] {
			tries++
			p := int(q - 1)
			diag := p - i
			if e, ok := reachedExact[diag]; ok && e > i {
				continue
			}
			if !hasPrefix(pr[p:], dr[i:i+ek]) {
				continue
			}
			a, b := i, p
			for a > 0 && b > 0 && dr[a-1] == pr[b-1] {
				a--
				b--
			}
			e, f := i+ek, p+ek
			for e < len(dr) && f < len(pr) && dr[e] == pr[f] {
				e++
				f++
			}
			reachedExact[diag] = e
			segs = append(segs, segment{
				parent: pi,
				pieces: []piece{{a, e, b, f, true, false}},
				strong: true,
			})
		}
	})
	return segs
}

// tokenSegment turns a canonical match of draft tokens [a,e) against
// parent tokens [b,f) into pieces, then extends it character by character
// at both ends, where tokenization may have split the two texts
// differently.
func tokenSegment(draft, parent *Normalized, a, e, b, f int) segment {
	var s segment
	add := func(pc piece) {
		if pc.d0 == pc.d1 && pc.p0 == pc.p1 {
			return
		}
		if k := len(s.pieces) - 1; k >= 0 && pc.same && s.pieces[k].same &&
			s.pieces[k].d1 == pc.d0 && s.pieces[k].p1 == pc.p0 {
			s.pieces[k].d1, s.pieces[k].p1 = pc.d1, pc.p1
			return
		}
		s.pieces = append(s.pieces, pc)
	}
	dr, pr := draft.Runes, parent.Runes
	for t := 0; t < e-a; t++ {
		d0, d1 := int(draft.tokStart[a+t]), int(draft.tokStart[a+t+1])
		p0, p1 := int(parent.tokStart[b+t]), int(parent.tokStart[b+t+1])
		if d1-d0 == 1 && p1-p0 == 1 && dr[d0] == pr[p0] {
			add(piece{d0, d1, p0, p1, true, false})
			continue
		}
		// Two words of one class, or two numbers: keep what they share at
		// either end as identical, the middle as an edit.
		m := min(d1-d0, p1-p0)
		cp := 0
		for cp < m && dr[d0+cp] == pr[p0+cp] {
			cp++
		}
		cs := 0
		for cs < m-cp && dr[d1-1-cs] == pr[p1-1-cs] {
			cs++
		}
		add(piece{d0, d0 + cp, p0, p0 + cp, true, false})
		add(piece{d0 + cp, d1 - cs, p0 + cp, p1 - cs, false, false})
		add(piece{d1 - cs, d1, p1 - cs, p1, true, false})
	}
	if len(s.pieces) == 0 {
		return s
	}
	// Extend exactly at both ends.
	d0, p0 := s.d0(), s.p0()
	x := 0
	for d0-x > 0 && p0-x > 0 && dr[d0-x-1] == pr[p0-x-1] {
		x++
	}
	if x > 0 {
		s.pieces = append([]piece{{d0 - x, d0, p0 - x, p0, true, false}}, s.pieces...)
		if s.pieces[1].same {
			s.pieces[1].d0, s.pieces[1].p0 = s.pieces[0].d0, s.pieces[0].p0
			s.pieces = s.pieces[1:]
		}
	}
	d1, p1 := s.d1(), s.p1()
	y := 0
	for d1+y < len(dr) && p1+y < len(pr) && dr[d1+y] == pr[p1+y] {
		y++
	}
	if y > 0 {
		add(piece{d1, d1 + y, p1, p1 + y, true, false})
	}
	s.pieces = trimEdits(s.pieces)
	return s
}

// trimEdits drops edits at either end: a passage begins and ends with
// characters the two texts share.
func trimEdits(ps []piece) []piece {
	for len(ps) > 0 && !ps[0].same {
		ps = ps[1:]
	}
	for len(ps) > 0 && !ps[len(ps)-1].same {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// split cuts s at every blocked draft position and returns the runs that
// remain, each starting and ending with identical characters. An edit
// touching a blocked position is dropped whole, because its characters do
// not map one to one.
func split(s *segment, blocked []bool) []segment {
	var out []segment
	cur := segment{parent: s.parent, strong: s.strong}
	flush := func() {
		cur.pieces = trimEdits(cur.pieces)
		if len(cur.pieces) > 0 {
			out = append(out, cur)
		}
		cur = segment{parent: s.parent, strong: s.strong}
	}
	for _, pc := range s.pieces {
		if !pc.same {
			free := true
			for d := pc.d0; d < pc.d1; d++ {
				if blocked[d] {
					free = false
					break
				}
			}
			if !free {
				flush()
				continue
			}
			if len(cur.pieces) > 0 {
				cur.pieces = append(cur.pieces, pc)
			}
			continue
		}
		for x := pc.d0; x < pc.d1; {
			if blocked[x] {
				flush()
				x++
				continue
			}
			y := x
			for y < pc.d1 && !blocked[y] {
				y++
			}
			np := piece{x, y, pc.p0 + (x - pc.d0), pc.p0 + (y - pc.d0), true, false}
			if k := len(cur.pieces) - 1; k >= 0 && cur.pieces[k].same &&
				cur.pieces[k].d1 == np.d0 && cur.pieces[k].p1 == np.p0 {
				cur.pieces[k].d1, cur.pieces[k].p1 = np.d1, np.p1
			} else {
				cur.pieces = append(cur.pieces, np)
			}
			if y < pc.d1 {
				flush()
			}
			x = y
		}
	}
	flush()
	return out
}

// gapRules say what lies between two matches: which draft characters
// are not counted (excluded), which a passage must stop at (hard), and
// which, on either side, a passage continues across (bridge): the
// citations of Options.Cite and the headings and list markers of
// Normalized.structuralMask.
type gapRules struct {
	excluded, hard            []bool
	draftBridge, parentBridge []bool
}

// maxBridge bounds the citations, headings and list markers a passage
// continues across in one gap, in normalized characters on each side: a
// long title or a heading line, not a paragraph.
const maxBridge = 80

// mergeable reports whether two matches following each other in both
// texts, with gaps [d1,d0) in the draft and [p1,p0) in the parent, are one
// passage: the gap holds at most MaxGap characters on each side that are
// neither bridged nor excluded, and at most maxBridge that are. A bridged
// gap is marked so, and its piece is no edit.
func (g gapRules) mergeable(d1, d0, p1, p0 int, opt Options) (ok, bridged bool) {
	gd, gp := d0-d1, p0-p1
	if gd < 0 || gp < 0 || anyBlocked(g.hard, d1, d0) {
		return false, false
	}
	if gd <= opt.MaxGap && gp <= opt.MaxGap && !anyBlocked(g.excluded, d1, d0) {
		return true, false
	}
	bd, cited := 0, 0
	for i := d1; i < d0; i++ {
		if g.excluded[i] {
			cited++
		}
		if g.excluded[i] || g.draftBridge[i] {
			bd++
		}
	}
	bp := countTrue(g.parentBridge, p1, p0)
	if bd+bp == 0 || bd > maxBridge || bp > maxBridge {
		return false, false
	}
	// Where the draft cites, the parent may cite too, in its own words
	// (按照《国务院……的通知》（国发〔1986〕97号） against 按照《通知》): as many
	// parent characters as the draft's citation are allowed there.
	return gd-bd <= opt.MaxGap && gp-bp <= opt.MaxGap+cited, true
}

// selectAndMerge makes one parent's matches non-overlapping in the draft
// (longest first), then merges neighbours that follow each other in both
// texts across a gap of at most MaxGap characters on each side, or across
// a citation, heading or list marker (gapRules).
func selectAndMerge(raw []segment, n int, g gapRules, opt Options) []segment {
	var cut []segment
	for i := range raw {
		for _, run := range split(&raw[i], g.excluded) {
			run.strong = run.dlen() >= opt.MinLen
			cut = append(cut, run)
		}
	}
	sort.SliceStable(cut, func(i, j int) bool {
		a, b := &cut[i], &cut[j]
		if a.dlen() != b.dlen() {
			return a.dlen() > b.dlen()
		}
		if ea, eb := a.exact(), b.exact(); ea != eb {
			return ea > eb
		}
		if a.d0() != b.d0() {
			return a.d0() < b.d0()
		}
		return a.p0() < b.p0()
	})
	claimed := make([]bool, n)
	var kept []segment
	for i := range cut {
		for _, run := range split(&cut[i], claimed) {
			for d := run.d0(); d < run.d1(); d++ {
				claimed[d] = true
			}
			kept = append(kept, run)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].d0() < kept[j].d0() })

	var merged []segment
	for _, s := range kept {
		if k := len(merged) - 1; k >= 0 {
			m := &merged[k]
			if ok, bridged := g.mergeable(m.d1(), s.d0(), m.p1(), s.p0(), opt); ok {
				if s.d0() > m.d1() || s.p0() > m.p1() {
					m.pieces = append(m.pieces, piece{m.d1(), s.d0(), m.p1(), s.p0(), false, bridged})
				}
				m.pieces = append(m.pieces, s.pieces...)
				m.strong = m.strong || s.strong
				continue
			}
		}
		s.pieces = append([]piece(nil), s.pieces...)
		merged = append(merged, s)
	}
	out := merged[:0]
	for _, s := range merged {
		if s.strong || s.dlen()-countTrue(g.excluded, s.d0(), s.d1()) >= opt.MinLen {
			out = append(out, s)
		}
	}
	return out
}

func anyBlocked(blocked []bool, from, to int) bool {
	for i := from; i < to; i++ {
		if blocked[i] {
			return true
		}
	}
	return false
}

func countTrue(mask []bool, from, to int) int {
	n := 0
	for i := max(from, 0); i < to && i < len(mask); i++ {
		if mask[i] {
			n++
		}
	}
	return n
}
