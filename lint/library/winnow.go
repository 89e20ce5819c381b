package library

// Winnowing parameters. A passage shared by draft and parent that spans at
// least guaranteeLen = winnowW + winnowK - 1 canonical tokens is certain
// to share a fingerprint, so it makes the parent a candidate. Tokens are
// characters except that a class word or a number is one token, so 13
// tokens are at least 13 characters: the passage threshold of
// align.Options.MinLen. The choice k=8, w=6 is measured in the package
// benchmarks: k=8 keeps chance matches of common 公文 phrases rare; w=6
// keeps about 2/(w+1) ≈ 29% of positions as fingerprints.
const (
	winnowK      = 8
	winnowW      = 6
	guaranteeLen = winnowW + winnowK - 1
)

// fingerprints returns the winnowed k-gram hashes of toks, deduplicated,
// in the order first selected.
func fingerprints(toks []rune) []uint64 {
	if len(toks) < winnowK {
		return nil
	}
	n := len(toks) - winnowK + 1
	hs := make([]uint64, n)
	for i := 0; i < n; i++ {
		hs[i] = gramHash(toks[i : i+winnowK])
	}
	seen := make(map[uint64]struct{}, n/3)
	var out []uint64
	add := func(h uint64) {
		if _, ok := seen[h]; !ok {
			seen[h] = struct{}{}
			out = append(out, h)
		}
	}
	if n <= winnowW {
		// A text shorter than one window: its minimum is its fingerprint.
		m := 0
		for i := 1; i < n; i++ {
			if hs[i] <= hs[m] {
				m = i
			}
		}
		add(hs[m])
		return out
	}
	last := -1
	for start := 0; start+winnowW <= n; start++ {
		// The rightmost minimum of the window, as in robust winnowing, so
		// that runs of equal hashes give one fingerprint.
		m := start
		for i := start + 1; i < start+winnowW; i++ {
			if hs[i] <= hs[m] {
				m = i
			}
		}
		if m != last {
			add(hs[m])
			last = m
		}
	}
	return out
}

// gramHash hashes one k-gram: FNV-1a over the runes, then a final mix so
// that the low bits are as good as the high ones for the minimum.
func gramHash(g []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range g {
		h ^= uint64(r)
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}
