package seg

import (
	"fmt"
	"math"
	"sync"
	"unicode/utf8"
)

// lexicon is dict/words/lexicon.idx read in place: the dictionary as a
// trie over runes, laid out by internal/lexgen (WriteIndex documents the
// bytes). Nothing is decoded up front beyond the header, so loading costs
// nanoseconds instead of the 1.3 s gse needs to build its own trie from
// the same words.
//
// Why a trie and not the sorted lines of lexicon.txt: finding the words
// that occur in a text means, at every position, following the text rune
// by rune while some word still starts that way. Over sorted lines each
// step is a binary search through hundreds of thousands of keys, each
// comparison reaching into another part of 5 MB; that search was most of
// the time gwlint spent on a batch. In the trie a step is a search among
// one node's children, a few bytes side by side, and the first step is an
// array access. It is also smaller: 3.6 MB where lexicon.txt and its old
// line index took 6.5 MB of the binary. lexicon.txt stays in the
// repository as the listing to review; this package never links it.
//
// Nodes are numbered breadth first; a node is a word when its word code
// is not 0, and the node number identifies the word for the rest of the
// package.
type lexicon struct {
	total    float64
	nodes    int
	nFirst   int // alphabet codes below nFirst start some word; root child of code c is node 1+c
	maxRunes int

	pos   []string
	alpha string // 3 bytes a rune
	pairs string // 9 bytes a pair: frequency bits, pos number
	first string // 3 bytes a node, plus one
	label string // 2 bytes a node
	word  string // 2 bytes a node

	// codes maps a rune of the Basic Multilingual Plane to 1 + its
	// alphabet code (0: in no word), built on the first walk: 128 KB and
	// some microseconds, which save a binary search per rune of text.
	codesOnce sync.Once
	codes     []uint16
}

const (
	indexMagic   = "GWLX"
	indexVersion = 2
	headerBytes  = len(indexMagic) + 1 + 8 + 4*4 + 2
)

// parseLexicon reads the index's header and slices its sections. It
// checks that the sections fit; their contents are trusted as far as
// memory safety allows: a walk never reads outside them, whatever they
// hold.
func parseLexicon(index string) (*lexicon, error) {
	if len(index) < headerBytes || index[:len(indexMagic)] != indexMagic {
		return nil, fmt.Errorf("lexicon: index does not start with %q; run go generate ./lint/seg", indexMagic)
	}
	if v := index[len(indexMagic)]; v != indexVersion {
		return nil, fmt.Errorf("lexicon: index version %d, want %d; run go generate ./lint/seg", v, indexVersion)
	}
	h := index[len(indexMagic)+1:]
	lx := &lexicon{
		total:    math.Float64frombits(uint64(le(h[0:4])) | uint64(le(h[4:8]))<<32),
		nodes:    le(h[8:12]),
		nFirst:   le(h[16:20]),
		maxRunes: int(h[25]),
	}
	nAlpha, nPairs, nPos := le(h[12:16]), le(h[20:24]), int(h[24])
	if !(lx.total > 0) || lx.nodes < 2 || lx.nFirst < 1 || lx.nFirst >= lx.nodes || lx.nFirst > nAlpha || nAlpha >= 1<<16 || lx.maxRunes < 1 {
		return nil, fmt.Errorf("lexicon: index header is inconsistent (total %v, %d nodes, %d first runes of %d)", lx.total, lx.nodes, lx.nFirst, nAlpha)
	}
	rest := index[headerBytes:]
	lx.pos = make([]string, 0, nPos)
	for range nPos {
		if len(rest) < 1 || len(rest) < 1+int(rest[0]) {
			return nil, fmt.Errorf("lexicon: index ends inside its parts of speech")
		}
		lx.pos = append(lx.pos, rest[1:1+int(rest[0])])
		rest = rest[1+int(rest[0]):]
	}
	for _, s := range []struct {
		to   *string
		size int
	}{
		{&lx.alpha, 3 * nAlpha},
		{&lx.pairs, 9 * nPairs},
		{&lx.first, 3 * (lx.nodes + 1)},
		{&lx.label, 2 * lx.nodes},
		{&lx.word, 2 * lx.nodes},
	} {
		if s.size < 0 || len(rest) < s.size {
			return nil, fmt.Errorf("lexicon: index has %d bytes left for a section of %d; run go generate ./lint/seg", len(rest), s.size)
		}
		*s.to, rest = rest[:s.size], rest[s.size:]
	}
	if rest != "" {
		return nil, fmt.Errorf("lexicon: index has %d bytes after its sections", len(rest))
	}
	return lx, nil
}

// le reads a little-endian unsigned number of up to 4 bytes.
func le(b string) int {
	v := 0
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | int(b[i])
	}
	return v
}

// children returns node n's children, [lo, hi), clamped to the nodes.
func (lx *lexicon) children(n int) (lo, hi int) {
	f := lx.first[3*n : 3*n+6]
	lo = int(f[0]) | int(f[1])<<8 | int(f[2])<<16
	hi = int(f[3]) | int(f[4])<<8 | int(f[5])<<16
	hi = min(hi, lx.nodes)
	return min(lo, hi), hi
}

func (lx *lexicon) labelOf(n int) int {
	return int(lx.label[2*n]) | int(lx.label[2*n+1])<<8
}

// child returns the child of n whose label is code c, or -1.
func (lx *lexicon) child(n, c int) int {
	if n == 0 {
		if c < lx.nFirst {
			return 1 + c
		}
		return -1
	}
	lo, hi := lx.children(n)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		l := lx.labelOf(m)
		switch {
		case l < c:
			lo = m + 1
		case l > c:
			hi = m
		default:
			return m
		}
	}
	return -1
}

// isWord reports whether node n's path is a word.
func (lx *lexicon) isWord(n int) bool {
	return lx.word[2*n]|lx.word[2*n+1] != 0
}

// entry returns the frequency and part of speech of the word at node n.
func (lx *lexicon) entry(n int) (freq float64, pos string, err error) {
	w := int(lx.word[2*n]) | int(lx.word[2*n+1])<<8
	if w == 0 || 9*w > len(lx.pairs) {
		return 0, "", fmt.Errorf("lexicon: node %d has word code %d of %d; run go generate ./lint/seg", n, w, len(lx.pairs)/9)
	}
	p := lx.pairs[9*(w-1) : 9*w]
	freq = math.Float64frombits(uint64(le(p[0:4])) | uint64(le(p[4:8]))<<32)
	if int(p[8]) >= len(lx.pos) {
		return 0, "", fmt.Errorf("lexicon: node %d has pos number %d of %d", n, p[8], len(lx.pos))
	}
	return freq, lx.pos[p[8]], nil
}

// runeAt returns the rune with alphabet code c.
func (lx *lexicon) runeAt(c int) rune {
	return rune(le(lx.alpha[3*c : 3*c+3]))
}

// code returns r's alphabet code, or -1 when no word contains r.
func (lx *lexicon) code(r rune) int {
	if r < 1<<16 {
		lx.codesOnce.Do(lx.buildCodes)
		return int(lx.codes[r]) - 1
	}
	// Outside the BMP: a binary search in each of the alphabet's two
	// sorted groups.
	n := len(lx.alpha) / 3
	for _, g := range [][2]int{{0, lx.nFirst}, {lx.nFirst, n}} {
		lo, hi := g[0], g[1]
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if lx.runeAt(m) < r {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < g[1] && lx.runeAt(lo) == r {
			return lo
		}
	}
	return -1
}

func (lx *lexicon) buildCodes() {
	lx.codes = make([]uint16, 1<<16)
	for c := range len(lx.alpha) / 3 {
		if r := lx.runeAt(c); r >= 0 && r < 1<<16 {
			lx.codes[r] = uint16(c + 1)
		}
	}
}

// find returns the node of the word key, or -1 when key is no word.
func (lx *lexicon) find(key string) int {
	n := 0
	for i, r := range key {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(key[i:]); size == 1 {
				return -1
			}
		}
		c := lx.code(r)
		if c < 0 {
			return -1
		}
		if n = lx.child(n, c); n < 0 {
			return -1
		}
	}
	if n == 0 || !lx.isWord(n) {
		return -1
	}
	return n
}

// walk calls found for every word of the lexicon that starts at rune i of
// codes (the alphabet codes of a run's runes, -1 for none) with the node
// and the number of runes.
func (lx *lexicon) walk(codes []int32, i int, found func(node, runes int)) {
	n := 0
	for j := i; j < len(codes) && j-i < lx.maxRunes; j++ {
		c := int(codes[j])
		if c < 0 {
			return
		}
		if n = lx.child(n, c); n < 0 {
			return
		}
		if lx.isWord(n) {
			found(n, j-i+1)
		}
	}
}
