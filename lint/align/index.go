package align

// gramIndex maps the hash of every k-gram of a rune sequence to the
// positions where it starts. It is an open-addressing table with chained
// positions rather than a Go map: building it for a 10,000-character
// parent is the hot path of Compare, and this layout costs a few
// nanoseconds per position instead of a map insert.
type gramIndex struct {
	k     int
	shift uint
	keys  []uint64
	heads []int32 // 1 + first position with that key, 0 when the slot is empty
	next  []int32 // next[p] is 1 + the next position after p with the same key
}

// The hash is polynomial over the runes, modulo 2^64. Collisions are
// harmless: every candidate is verified rune by rune.
const gramBase = 0x100000001b3

func gramPow(k int) uint64 {
	p := uint64(1)
	for i := 0; i < k-1; i++ {
		p *= gramBase
	}
	return p
}

// eachGram calls fn with the start and hash of every k-gram of s.
func eachGram(s []rune, k int, fn func(i int, h uint64)) {
	if k <= 0 || len(s) < k {
		return
	}
	top := gramPow(k)
	var h uint64
	for i := 0; i < k; i++ {
		h = h*gramBase + uint64(s[i])
	}
	fn(0, h)
	for i := k; i < len(s); i++ {
		h = (h-uint64(s[i-k])*top)*gramBase + uint64(s[i])
		fn(i-k+1, h)
	}
}

func slotOf(h uint64, shift uint) uint64 {
	return (h * 0x9E3779B97F4A7C15) >> shift
}

func buildGramIndex(s []rune, k int) *gramIndex {
	n := len(s) - k + 1
	if n < 0 {
		n = 0
	}
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	ix := &gramIndex{
		k:     k,
		shift: 64 - bits,
		keys:  make([]uint64, size),
		heads: make([]int32, size),
		next:  make([]int32, n),
	}
	hs := make([]uint64, n)
	eachGram(s, k, func(i int, h uint64) { hs[i] = h })
	mask := uint64(size - 1)
	// Inserting from the end makes every chain run in ascending position
	// order, which keeps the results deterministic.
	for p := n - 1; p >= 0; p-- {
		h := hs[p]
		slot := slotOf(h, ix.shift)
		for ix.heads[slot] != 0 && ix.keys[slot] != h {
			slot = (slot + 1) & mask
		}
		ix.keys[slot] = h
		ix.next[p] = ix.heads[slot]
		ix.heads[slot] = int32(p + 1)
	}
	return ix
}

// first returns 1 + the first position whose k-gram hashes to h, or 0.
func (ix *gramIndex) first(h uint64) int32 {
	mask := uint64(len(ix.keys) - 1)
	slot := slotOf(h, ix.shift)
	for ix.heads[slot] != 0 {
		if ix.keys[slot] == h {
			return ix.heads[slot]
		}
		slot = (slot + 1) & mask
	}
	return 0
}

func (n *Normalized) canonIndex() *gramIndex {
	n.canonOnce.Do(func() { n.canonIdx = buildGramIndex(n.canon, canonK) })
	return n.canonIdx
}

func (n *Normalized) exactIndex(k int) *gramIndex {
	n.exactOnce.Do(func() { n.exactIdx = buildGramIndex(n.Runes, k) })
	if n.exactIdx.k != k {
		// A caller changed MinLen between calls: build a private index
		// rather than disturb the cached one.
		return buildGramIndex(n.Runes, k)
	}
	return n.exactIdx
}
