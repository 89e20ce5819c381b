package seg

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// lexicon is dict/words/lexicon.txt searched in place: "key freq pos"
// lines sorted by key bytes, with dict/words/lexicon.idx giving where each
// line starts and how long its key is. Nothing is parsed up front beyond
// the header, which is what makes loading cost microseconds instead of the
// 1.3 s gse needs to build its trie from the same words. (Finding the
// lines at start-up instead of reading the index costs 10 ms: too much
// for a pre-commit hook.)
//
// Entries are numbered in key order; a range [lo, hi) of them holds every
// key that shares some prefix.
type lexicon struct {
	body     string // the entry lines, after the header
	index    string // 4 bytes an entry, little-endian: line start<<8 | key length
	n        int    // number of entries
	total    float64
	maxRunes int // the longest key, in runes: no walk goes further
}

// IndexMagic starts dict/words/lexicon.idx.
const indexMagic = "GWLX"

func parseLexicon(src, index string) (*lexicon, error) {
	lx := &lexicon{}
	rest := src
	for strings.HasPrefix(rest, "#") {
		nl := strings.IndexByte(rest, '\n')
		if nl < 0 {
			return nil, fmt.Errorf("lexicon: header line %.40q has no end", rest)
		}
		line := rest[:nl]
		rest = rest[nl+1:]
		name, value, ok := strings.Cut(line[1:], " ")
		if !ok {
			continue
		}
		var err error
		switch name {
		case "total":
			lx.total, err = strconv.ParseFloat(value, 64)
		case "entries":
			lx.n, err = strconv.Atoi(value)
		case "maxrunes":
			lx.maxRunes, err = strconv.Atoi(value)
		}
		if err != nil {
			return nil, fmt.Errorf("lexicon: header %q: %v", line, err)
		}
	}
	if lx.total <= 0 || lx.maxRunes <= 0 || lx.n <= 0 {
		return nil, fmt.Errorf("lexicon: header lacks #total, #entries or #maxrunes")
	}
	if rest == "" || rest[len(rest)-1] != '\n' {
		return nil, fmt.Errorf("lexicon: last entry has no line end")
	}
	if !strings.HasPrefix(index, indexMagic) || len(index) != len(indexMagic)+4*lx.n {
		return nil, fmt.Errorf("lexicon: index has %d bytes, want %q and 4 bytes for each of %d entries; run go generate ./lint/seg",
			len(index), indexMagic, lx.n)
	}
	lx.body = rest
	lx.index = index[len(indexMagic):]
	if start, klen := lx.at(lx.n - 1); start+klen >= len(rest) {
		return nil, fmt.Errorf("lexicon: index points past the entries; run go generate ./lint/seg")
	}
	return lx, nil
}

// at returns where entry i's line starts and its key's length in bytes.
func (lx *lexicon) at(i int) (start, keyLen int) {
	b := lx.index[4*i : 4*i+4]
	v := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	return int(v >> 8), int(v & 0xff)
}

func (lx *lexicon) key(i int) string {
	start, n := lx.at(i)
	return lx.body[start : start+n]
}

// entry parses entry i's line.
func (lx *lexicon) entry(i int) (key string, freq float64, pos string, err error) {
	start, n := lx.at(i)
	end := len(lx.body)
	if i+1 < lx.n {
		end, _ = lx.at(i + 1)
	}
	line := lx.body[start : end-1]
	if n >= len(line) || line[n] != ' ' {
		return "", 0, "", fmt.Errorf("lexicon: entry %d %q does not match the index; run go generate ./lint/seg", i, line)
	}
	key = line[:n]
	f, pos, _ := strings.Cut(line[n+1:], " ")
	freq, err = strconv.ParseFloat(f, 64)
	if err != nil {
		return "", 0, "", fmt.Errorf("lexicon: entry %q: %v", line, err)
	}
	return key, freq, pos, nil
}

// lowerBound returns the first entry in [lo, hi) whose key is not below p.
func (lx *lexicon) lowerBound(lo, hi int, p string) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if lx.key(m) < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// prefixEnd returns the first entry in [lo, hi) whose key does not start
// with p, given that the keys in [lo, hi) that do come first.
func (lx *lexicon) prefixEnd(lo, hi int, p string) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if strings.HasPrefix(lx.key(m), p) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// find returns the entry whose key is exactly key, or -1.
func (lx *lexicon) find(key string) int {
	i := lx.lowerBound(0, lx.n, key)
	if i < lx.n && lx.key(i) == key {
		return i
	}
	return -1
}

// scanEntries is the size of a range below which checking each entry
// beats narrowing the range further.
const scanEntries = 12

// occurring returns every entry whose key occurs in a run of lower (the
// non-boundary spans), starting at a rune boundary.
//
// For each position the walk narrows the sorted range one rune at a time:
// the entries starting with the first rune, then with the first two, and
// so on until the range is empty or small enough to check entry by entry.
// Ranges are kept per prefix, because 公文 repeat their n-grams, so that
// most positions start from a known range.
func (lx *lexicon) occurring(lower string, spans []span) map[int]struct{} {
	type rng struct{ lo, hi int }
	found := map[int]struct{}{}
	known := map[string]rng{}
	for _, sp := range spans {
		if sp.boundary {
			continue
		}
		run := lower[sp.start:sp.end]
		for i := 0; i < len(run); {
			_, size := utf8.DecodeRuneInString(run[i:])
			rest := run[i:]
			lo, hi := 0, lx.n
			end := size
			for n := 1; ; n++ {
				p := rest[:end]
				r, ok := known[p]
				if !ok {
					r.lo = lx.lowerBound(lo, hi, p)
					r.hi = lx.prefixEnd(r.lo, hi, p)
					known[p] = r
				}
				lo, hi = r.lo, r.hi
				if hi-lo <= scanEntries {
					for j := lo; j < hi; j++ {
						if strings.HasPrefix(rest, lx.key(j)) {
							found[j] = struct{}{}
						}
					}
					break
				}
				if lx.key(lo) == p {
					found[lo] = struct{}{}
				}
				if n == lx.maxRunes || end == len(rest) {
					break
				}
				_, sz := utf8.DecodeRuneInString(rest[end:])
				end += sz
			}
			i += size
		}
	}
	return found
}
