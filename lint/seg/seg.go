package seg

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gwlint/gwlint/dict"
)

// Word is one token of a segmented text.
type Word struct {
	Text       string // the text as given (gse lowers ASCII letters; Text does not)
	Start, End int    // rune offsets into the text given to Cut, half-open
	Pos        string // part of speech from the dictionary; "x" for a character no entry covers
}

// UserFreq is the frequency New gives to extra words: the one the domain
// dictionary gives its must-be-one-word terms, above zh_s's 99th
// percentile, so that an extra word comes out whole in ordinary context.
const UserFreq = 3000

// UserPos is the part of speech of extra words given to New.
const UserPos = "nz"

// Segmenter cuts text into words as gse would with its full zh_s
// dictionary plus the domain dictionary, and extra words if made by New.
// One Segmenter serves any number of goroutines: what it learns while
// cutting (see dictionary) sits in a pool that hands each dictionary to
// one goroutine at a time.
type Segmenter struct {
	lex   *lexicon
	extra []extraWord // sorted by key
	total float64     // gse's total frequency, extra words counted
	// extraNodes are the lexicon's words that extra words replace; a
	// dictionary never takes them from the lexicon.
	extraNodes []int
	pool       dictPool
}

type extraWord struct {
	key  string // as gse stores it: ASCII letters lowered
	text string // as given
}

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
	defaultErr  error
)

// Default returns the process-wide Segmenter over the embedded lexicon.
// The first call reads the lexicon's header; nothing else is loaded
// before Cut needs it.
func Default() *Segmenter {
	defaultOnce.Do(func() {
		var lx *lexicon
		lx, defaultErr = parseLexicon(dict.LexiconIndex)
		if defaultErr == nil {
			defaultSeg = &Segmenter{lex: lx, total: lx.total}
		}
	})
	if defaultErr != nil {
		// The lexicon is compiled in and checked by this package's tests, so
		// this is a broken build, not bad input.
		panic("seg: embedded lexicon is unusable: " + defaultErr.Error())
	}
	return defaultSeg
}

// New returns a Segmenter that also knows extraWords (for example a user's
// phrase list), each with frequency UserFreq and part of speech UserPos. An
// extra word wins over the dictionary's entry for the same word, as a user
// dictionary loaded first does in gse. A word may not be empty, contain
// whitespace or a boundary character (see IsBoundary), or be given twice.
func New(extraWords ...string) (*Segmenter, error) {
	base := Default()
	s := &Segmenter{lex: base.lex, total: base.total}
	seen := map[string]string{}
	for _, w := range extraWords {
		if w == "" {
			return nil, fmt.Errorf("seg: empty extra word")
		}
		if !utf8.ValidString(w) {
			return nil, fmt.Errorf("seg: extra word %q is not valid UTF-8", w)
		}
		if i := strings.IndexFunc(w, IsBoundary); i >= 0 {
			r, _ := utf8.DecodeRuneInString(w[i:])
			return nil, fmt.Errorf("seg: extra word %q contains %q, which always stands alone as a word", w, r)
		}
		key := lowerASCII(w)
		if prev, ok := seen[key]; ok {
			return nil, fmt.Errorf("seg: extra word %q given twice (also as %q)", w, prev)
		}
		seen[key] = w
		s.extra = append(s.extra, extraWord{key: key, text: w})
		// gse keeps the first entry for a word: the extra word's frequency
		// replaces the dictionary's in the total.
		if n := s.lex.find(key); n >= 0 {
			f, _, err := s.lex.entry(n)
			if err != nil {
				return nil, err
			}
			s.total -= f
			s.extraNodes = append(s.extraNodes, n)
		}
		s.total += UserFreq
	}
	sort.Slice(s.extra, func(i, j int) bool { return s.extra[i].key < s.extra[j].key })
	return s, nil
}

// IsBoundary reports whether r always stands alone as a word: whitespace,
// control characters and punctuation that no dictionary entry contains.
// Cut segments the runs between boundaries independently, which is exact
// because no word can span one, and keeps the work per run small.
func IsBoundary(r rune) bool {
	switch r {
	case '。', '，', '、', '；', '：', '？', '！', '“', '”', '‘', '’', '（', '）',
		'《', '》', '〔', '〕', '【', '】', '…', '—', '·',
		',', ';', ':', '?', '!', '"', '(', ')':
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

const (
	// blockBytes bounds the text whose candidate words share one gse
	// dictionary, so that memory stays flat on huge input.
	blockBytes = 64 << 10
	// maxRunBytes bounds a run without boundaries (a pasted blob, a table
	// without punctuation): gse's work and memory grow with the run, and
	// no real sentence is this long. Runs are cut there by force.
	maxRunBytes = 4 << 10
)

// Cut segments text into words that cover every rune of it exactly once,
// in order. Each boundary rune (see IsBoundary) is a word of its own; CRLF
// gives two words. Invalid UTF-8 bytes count as one rune each, as in a Go
// range loop. Time and memory are linear in len(text).
func (s *Segmenter) Cut(text string) []Word {
	words := make([]Word, 0, len(text)/4+1)
	d := s.pool.get(s)
	offset := 0 // runes before the current block
	for len(text) > 0 {
		block := text
		if len(block) > blockBytes {
			block = text[:blockEnd(text)]
		}
		if d.broken {
			d = newDictionary(s)
		}
		words, offset = s.cutBlock(d, block, offset, words)
		text = text[len(block):]
	}
	s.pool.put(d)
	return words
}

// blockEnd returns where to end a block: after the last boundary rune
// within blockBytes, or, when the second half of the block holds none, at
// the last of the forced cuts splitRuns makes in the run that reaches
// past blockBytes. Either way the block ends where the run's words would
// end anyway, so that cutting a text gives the same words whatever
// position it starts at, as long as that is the start of a run: a
// sentence cut alone (phrase.Matcher.PrepareCut) and the same sentence
// inside a whole document get the same words.
func blockEnd(text string) int {
	for i := blockBytes; i > blockBytes/2; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r != utf8.RuneError && IsBoundary(r) {
			return i
		}
		i -= size
	}
	// The run holding byte blockBytes starts after the last boundary
	// before it, or at the text's start (a block ends at a run's forced
	// cut, so a run that began in an earlier block restarts here).
	runStart := 0
	for i := blockBytes / 2; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r != utf8.RuneError && IsBoundary(r) {
			runStart = i
			break
		}
		i -= size
	}
	end := runStart
	for {
		next := forcedCut(text, end)
		if next > blockBytes {
			return end
		}
		end = next
	}
}

// forcedCut returns where splitRuns cuts a run that goes on past from +
// maxRunBytes: at the last rune start there, or, in a stretch of stray
// continuation bytes with no rune start, at from + maxRunBytes (each such
// byte is a rune of its own). It always advances.
func forcedCut(block string, from int) int {
	e := from + maxRunBytes
	if e >= len(block) {
		return len(block)
	}
	for e > from && !utf8.RuneStart(block[e]) {
		e--
	}
	if e == from {
		e = from + maxRunBytes
	}
	return e
}

// span is a part of a block: a run of non-boundary text, or one boundary
// rune.
type span struct {
	start, end int // bytes into the block
	boundary   bool
}

func splitRuns(block string) []span {
	var spans []span
	runStart := 0
	flush := func(end int) {
		for runStart < end {
			e := end
			if e-runStart > maxRunBytes {
				e = forcedCut(block, runStart)
			}
			spans = append(spans, span{start: runStart, end: e})
			runStart = e
		}
	}
	for i := 0; i < len(block); {
		r, size := utf8.DecodeRuneInString(block[i:])
		if r != utf8.RuneError && IsBoundary(r) {
			flush(i)
			spans = append(spans, span{start: i, end: i + size, boundary: true})
			runStart = i + size
		}
		i += size
	}
	flush(len(block))
	return spans
}

func (s *Segmenter) cutBlock(d *dictionary, block string, offset int, words []Word) ([]Word, int) {
	spans := splitRuns(block)
	err := d.learn(lowerASCII(block), spans)
	buf := []byte(block)
	for _, sp := range spans {
		run := block[sp.start:sp.end]
		if sp.boundary || err != nil {
			// Without a dictionary every rune stands alone: still a valid
			// cover of the text, and err cannot happen with the embedded
			// lexicon, which the tests read word by word.
			for i := 0; i < len(run); {
				_, size := utf8.DecodeRuneInString(run[i:])
				words = append(words, Word{Text: run[i : i+size], Start: offset, End: offset + 1, Pos: "x"})
				offset++
				i += size
			}
			continue
		}
		for _, g := range d.gse.Segment(buf[sp.start:sp.end]) {
			t := run[g.Start():g.End()]
			n := utf8.RuneCountInString(t)
			words = append(words, Word{Text: t, Start: offset, End: offset + n, Pos: g.Token().Pos()})
			offset += n
		}
	}
	return words, offset
}

// lowerASCII lowers ASCII letters only, as gse does to the text it looks
// up, so byte offsets are unchanged.
func lowerASCII(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for j := i; j < len(b); j++ {
		if 'A' <= b[j] && b[j] <= 'Z' {
			b[j] += 'a' - 'A'
		}
	}
	return string(b)
}
