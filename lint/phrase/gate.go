package phrase

import "strings"

// Gates spare a PrepareCut text the segmentation of sentences where a
// pattern's first word occurs but the rest of it cannot. A match of
// "{demand} … {tight_deadline} …12 {report}" needs, besides a demand
// word such as 要 (in most sentences of any 公文), one of the report
// words and a rune a deadline can start with; a sentence lacking either
// holds no match, whatever its words are. So before a sentence is cut for
// an anchor, every required slot of the anchor's pattern after the first
// must find something in the sentence: one of a literal slot's words as a
// substring, or a rune a built-in class's scanner can start at. That is
// necessary for a match and cheap to know: one pass over a sentence's
// runes finds it for all slots at once, done for the sentences where some
// anchor matched.
//
// Gates are the slots themselves, numbered by what they match (slots of
// the same class share one), so a matcher has some dozens.

// gateIndex is a matcher's gates.
type gateIndex struct {
	n int
	// byFirst lists the gated literals by first rune; firstBMP has bit c
	// set when byFirst holds c < 0x10000.
	byFirst  map[rune][]gateLiteral
	firstBMP *[0x10000 / 64]uint64
	builtins []gateBuiltin
	ids      map[string]int
}

type gateLiteral struct {
	id  int
	lit []rune
}

type gateBuiltin struct {
	id    int
	first func(rune) bool
}

func newGateIndex() *gateIndex {
	return &gateIndex{byFirst: map[rune][]gateLiteral{}, firstBMP: new([0x10000 / 64]uint64), ids: map[string]int{}}
}

// needs returns the gates of p's required slots after the first.
func (g *gateIndex) needs(p *pattern) []int {
	var out []int
	for _, sl := range p.slots[1:] {
		if sl.optional {
			continue
		}
		switch sl.kind {
		case slotLiteral:
			out = append(out, g.literalGate(sl.alts))
		case slotBuiltin:
			if sl.builtin.first != nil {
				out = append(out, g.builtinGate(sl.builtin))
			}
		}
	}
	return out
}

func (g *gateIndex) literalGate(alts []string) int {
	key := "L" + strings.Join(alts, "|")
	if id, ok := g.ids[key]; ok {
		return id
	}
	id := g.n
	g.n++
	g.ids[key] = id
	for _, a := range alts {
		lit := []rune(a)
		if len(lit) == 0 {
			continue
		}
		c := lit[0]
		g.byFirst[c] = append(g.byFirst[c], gateLiteral{id: id, lit: lit})
		if c < 0x10000 {
			g.firstBMP[c>>6] |= 1 << (c & 63)
		}
	}
	return id
}

func (g *gateIndex) builtinGate(b *builtin) int {
	key := "B" + b.name
	if id, ok := g.ids[key]; ok {
		return id
	}
	id := g.n
	g.n++
	g.ids[key] = id
	g.builtins = append(g.builtins, gateBuiltin{id: id, first: b.first})
	return id
}

// gateSet records which gates are open in the sentences of a text that
// have been looked at, each found the first time an anchor matches in it.
type gateSet struct {
	index *gateIndex
	words int           // uint64 words a sentence
	row   map[int32]int // sentence start → its first word in bits
	bits  []uint64
}

func (g *gateIndex) newGateSet() *gateSet {
	return &gateSet{index: g, words: (g.n + 63) / 64, row: map[int32]int{}}
}

// sentence returns the first word of the gates open in the sentence
// [start, end) of r, finding them on the first call.
func (gs *gateSet) sentence(r []rune, start, end int) int {
	if row, ok := gs.row[int32(start)]; ok {
		return row
	}
	g := gs.index
	row := len(gs.bits)
	gs.row[int32(start)] = row
	gs.bits = append(gs.bits, make([]uint64, gs.words)...)
	bits := gs.bits[row : row+gs.words]
	for i := start; i < end; i++ {
		c := r[i]
		if c >= 0x10000 || g.firstBMP[c>>6]&(1<<(c&63)) != 0 {
			for _, l := range g.byFirst[c] {
				if bits[l.id>>6]&(1<<(l.id&63)) != 0 {
					continue
				}
				if e, ok := hasRunesAt(r, i, l.lit); ok && e <= end {
					bits[l.id>>6] |= 1 << (l.id & 63)
				}
			}
		}
		for _, b := range g.builtins {
			if bits[b.id>>6]&(1<<(b.id&63)) == 0 && b.first(c) {
				bits[b.id>>6] |= 1 << (b.id & 63)
			}
		}
	}
	return row
}

// mayMatch reports whether a match of a, whose first slot matched at p,
// is possible in p's sentence. It is always true for a text prepared
// with its words: there the gates would save nothing.
func (t *Text) mayMatch(m *Matcher, a anchor, p int) bool {
	if t.cut == nil || len(a.needs) == 0 {
		return true
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.gates == nil || t.gates.index != m.gates {
		t.gates = m.gates.newGateSet()
	}
	row := t.gates.sentence(t.runes, int(t.sentStart[p]), int(t.sentEnd[p]))
	for _, id := range a.needs {
		if t.gates.bits[row+id>>6]&(1<<(id&63)) == 0 {
			return false
		}
	}
	return true
}
