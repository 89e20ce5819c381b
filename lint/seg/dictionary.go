package seg

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// dictionary is a gse segmenter that knows the lexicon's words seen so
// far, and learns the missing ones of each text before cutting it.
//
// gse's shortest path weighs a word by log2(total) − log2(freq), where
// total is the whole dictionary's frequency, and only ever looks at words
// that occur in the text. So a dictionary holding any subset of the
// lexicon that includes every word of the text, each with the weight it
// has in the full dictionary, cuts the text exactly as the full dictionary
// does. Building such a dictionary for each text was most of gwlint's
// cost after the lexicon search: every word inserted into gse's trie and
// weighed again, the same common words for every document. A dictionary
// kept across texts pays for a word once; 公文 share most of their
// vocabulary, so after some documents a new one adds few words.
//
// The weights come from gse itself: new words go into a small scratch
// segmenter together with one entry carrying the rest of the total
// frequency, gse's CalcToken weighs them there against the exact total,
// and the weighed tokens are copied into the kept dictionary with
// Dictionary.AddToken, which inserts a token as it is. CalcToken is never
// called on the kept dictionary: it would weigh every word again against
// a total that has grown by the copies.
type dictionary struct {
	s      *Segmenter
	gse    *gse.Segmenter // nil until the first text
	has    []uint64       // lexicon nodes already in gse, or replaced by extra words
	words  int            // tokens in gse
	broken bool           // gse refused a word: do not reuse

	// scratch for learn, kept between texts
	codes []int32
	offs  []int32
	news  []newWord
}

type newWord struct {
	node int
	key  string
}

// maxDictionaryWords bounds a kept dictionary: one that grows past it is
// dropped after its text rather than pooled, so that memory stays flat
// on a batch of any size or variety. 公文 use far fewer distinct words:
// the whole test corpus (126 documents, 1 MB) uses about 30,000 of the
// lexicon's 352,000, and a dictionary of that size takes about 20 MB.
const maxDictionaryWords = 120_000

func newDictionary(s *Segmenter) *dictionary {
	d := &dictionary{s: s, has: make([]uint64, (s.lex.nodes+63)/64)}
	for _, n := range s.extraNodes {
		d.has[n>>6] |= 1 << (n & 63)
	}
	return d
}

// learn adds to the dictionary the lexicon's words that occur in the
// non-boundary spans of lower (a block with ASCII letters lowered, as gse
// looks words up) and that it lacks.
func (d *dictionary) learn(lower string, spans []span) error {
	lx := d.s.lex
	news := d.news[:0]
	for _, sp := range spans {
		if sp.boundary {
			continue
		}
		run := lower[sp.start:sp.end]
		codes, offs := d.codes[:0], d.offs[:0]
		for i := 0; i < len(run); {
			r, size := utf8.DecodeRuneInString(run[i:])
			c := -1
			if r != utf8.RuneError || size > 1 {
				c = lx.code(r)
			}
			codes = append(codes, int32(c))
			offs = append(offs, int32(i))
			i += size
		}
		offs = append(offs, int32(len(run)))
		d.codes, d.offs = codes, offs
		for i := range codes {
			// The walk, inlined: this loop is the hottest of a batch.
			n := 0
			for j := i; j < len(codes) && j-i < lx.maxRunes; j++ {
				c := int(codes[j])
				if c < 0 {
					break
				}
				if n = lx.child(n, c); n < 0 {
					break
				}
				if d.has[n>>6]&(1<<(n&63)) == 0 && lx.isWord(n) {
					d.has[n>>6] |= 1 << (n & 63)
					news = append(news, newWord{node: n, key: run[offs[i]:offs[j+1]]})
				}
			}
		}
	}
	d.news = news
	if len(news) == 0 && d.gse != nil {
		return nil
	}
	err := d.add(news)
	if err != nil {
		d.broken = true
	}
	return err
}

// add weighs news (and, for a new dictionary, the extra words) in a
// scratch segmenter and copies them into the dictionary.
func (d *dictionary) add(news []newWord) error {
	s := d.s
	// Sorted keys build gse's double-array trie several times faster.
	sort.Slice(news, func(i, j int) bool { return news[i].key < news[j].key })
	g := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	g.Dict = gse.NewDict()
	g.Init()
	added := 0.0
	if d.gse == nil {
		// Extra words first: gse keeps the first entry for a word.
		for _, w := range s.extra {
			if err := g.AddToken(w.text, UserFreq, UserPos); err != nil {
				return fmt.Errorf("seg: adding %q to gse: %w", w.text, err)
			}
			added += UserFreq
		}
	}
	for _, w := range news {
		freq, pos, err := s.lex.entry(w.node)
		if err != nil {
			return err
		}
		if err := g.AddToken(w.key, freq, pos); err != nil {
			return fmt.Errorf("seg: adding %q to gse: %w", w.key, err)
		}
		added += freq
	}
	// The rest of the dictionary's frequency goes to an entry no run can
	// contain (runs never hold a line end), so that CalcToken weighs every
	// word as the full dictionary does.
	if rest := s.total - added; rest > 0 {
		if err := g.AddToken(remainderKey, rest, "x"); err != nil {
			return fmt.Errorf("seg: adding the remainder entry to gse: %w", err)
		}
	}
	g.CalcToken()
	if d.gse == nil {
		d.gse, d.words = g, len(g.Dict.Tokens)
		return nil
	}
	for i := range g.Dict.Tokens {
		tok := g.Dict.Tokens[i]
		if tok.Text() == remainderKey {
			continue
		}
		if err := d.gse.Dict.AddToken(tok); err != nil {
			return fmt.Errorf("seg: adding %q to gse: %w", tok.Text(), err)
		}
	}
	d.words = len(d.gse.Dict.Tokens)
	return nil
}

const remainderKey = "\n"

// dictPool keeps dictionaries between texts, one per goroutine cutting at
// a time. A sync.Pool would do the same without the lock, but empties at
// every garbage collection, which a batch runs many times a second: the
// dictionaries would be rebuilt all the time.
type dictPool struct {
	mu   sync.Mutex
	free []*dictionary
}

func (p *dictPool) get(s *Segmenter) *dictionary {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		d := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		return d
	}
	return newDictionary(s)
}

func (p *dictPool) put(d *dictionary) {
	if d.broken || d.words > maxDictionaryWords {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < runtime.GOMAXPROCS(0) {
		p.free = append(p.free, d)
	}
}
