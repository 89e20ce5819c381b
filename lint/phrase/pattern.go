package phrase

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// A pattern is a sequence of slots separated by spaces:
//
//	一票否决                    a word or words, matched whole
//	签订|签署 … 责任书|责任状    alternatives; … is a gap within the sentence
//	{demand} … {deadline} … {report}
//	                            a class: one defined in the list's classes,
//	                            or a built-in parser (deadline,
//	                            tight_deadline, target, frequency, number)
//	拍照? 留痕                  ? makes a slot optional
//	…12                         a gap of at most 12 characters
//
// Adjacent slots must touch (spaces between them in the text are skipped);
// a gap spans at most defaultGap characters and never crosses the end of a
// sentence (。；！？ or a line break).
type pattern struct {
	src   string
	slots []slot
}

type slotKind int

const (
	slotLiteral slotKind = iota
	slotBuiltin
	slotGap
)

type slot struct {
	kind slotKind
	alts []string // slotLiteral, longest first
	// runeAlts are alts as runes, in the same order: the text is runes,
	// and comparing runes spares decoding the word at every try.
	runeAlts [][]rune
	// byFirst groups runeAlts by first rune, each group longest first,
	// for slots with many alternatives: the gap search calls a slot at
	// every word boundary it spans, and most runes start none of them.
	byFirst  map[rune][][]rune
	builtin  *builtin // slotBuiltin
	class    string   // the class name, for captures
	gap      int      // slotGap: most runes skipped
	optional bool
}

// builtin is a parser-backed class.
type builtin struct {
	name string
	// first, when set, is a cheap test of the first rune: the scanner is
	// tried only where it passes. firstRunes lists the runes it accepts,
	// so that a matcher can index them (TestFirstRuneTests holds the two
	// together).
	first      func(r rune) bool
	firstRunes string
	scan       func(r []rune, p int) (end int, ok bool)
	vocab      []string
}

const (
	defaultGap = 30
	maxGap     = 200
	maxSlots   = 16
	maxAlts    = 200
	maxLiteral = 32
)

var builtins = map[string]*builtin{
	"deadline": {name: "deadline", first: deadlineFirst, firstRunes: deadlineFirstRunes, vocab: deadlineVocabulary, scan: func(r []rune, p int) (int, bool) {
		_, e, ok := scanDeadline(r, p)
		return e, ok
	}},
	"target": {name: "target", first: targetFirst, firstRunes: targetFirstRunes, vocab: targetVocabulary(), scan: func(r []rune, p int) (int, bool) {
		_, e, ok := scanTarget(r, p)
		return e, ok
	}},
	"frequency": {name: "frequency", first: targetFirst, firstRunes: targetFirstRunes, vocab: targetVocabulary(), scan: func(r []rune, p int) (int, bool) {
		t, e, ok := scanTarget(r, p)
		return e, ok && t.Kind == Frequency
	}},
	"tight_deadline": {name: "tight_deadline", first: deadlineFirst, firstRunes: deadlineFirstRunes, vocab: deadlineVocabulary, scan: func(r []rune, p int) (int, bool) {
		d, e, ok := scanDeadline(r, p)
		return e, ok && d.Tight()
	}},
	"number": {name: "number", first: numberFirst, firstRunes: numberFirstRunes, scan: func(r []rune, p int) (int, bool) {
		_, e, ok := scanNumber(r, p)
		return e, ok
	}},
}

// The first-rune tests run at every word of every text, so they are
// switches, not map look-ups; TestFirstRuneTests holds them to the maps
// and lists they stand for.

const (
	numberFirstRunes   = "0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千"
	deadlineFirstRunes = numberFirstRunes + deadlineOpeners
	targetFirstRunes   = numberFirstRunes + "每按逐月日周季年全不至最"
)

func numberFirst(c rune) bool {
	switch c {
	case '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千':
		return true
	}
	return c >= '0' && c <= '9' || c >= '０' && c <= '９'
}

func deadlineFirst(c rune) bool { return deadlineOpener(c) || numberFirst(c) }

func targetFirst(c rune) bool {
	switch c {
	case '每', '按', '逐', '月', '日', '周', '季', '年', '全', '百', '不', '至', '最':
		return true
	}
	return numberFirst(c)
}

func builtinClass(name string) *builtin { return builtins[name] }

func checkLiteral(w string) error {
	switch {
	case w == "":
		return errors.New("empty word")
	case len([]rune(w)) > maxLiteral:
		return fmt.Errorf("word %q is longer than %d characters", w, maxLiteral)
	case strings.IndexFunc(w, unicode.IsSpace) >= 0:
		return fmt.Errorf("word %q contains white space (separate words with a space in a pattern instead)", w)
	case strings.ContainsAny(w, "{}|…?"):
		return fmt.Errorf("word %q contains one of the pattern characters { } | … ?", w)
	case strings.Contains(w, "..."):
		return fmt.Errorf("word %q contains ..., the gap", w)
	}
	return nil
}

// compilePattern parses a pattern's source.
func compilePattern(src string, classes map[string][]string) (*pattern, error) {
	fields := strings.Fields(src)
	if len(fields) == 0 {
		return nil, errors.New("empty pattern")
	}
	if len(fields) > maxSlots {
		return nil, fmt.Errorf("more than %d slots", maxSlots)
	}
	p := &pattern{src: src}
	for _, f := range fields {
		var s slot
		if strings.HasSuffix(f, "?") && f != "?" {
			s.optional = true
			f = strings.TrimSuffix(f, "?")
		}
		switch {
		case strings.HasPrefix(f, "…") || strings.HasPrefix(f, "..."):
			rest := strings.TrimPrefix(strings.TrimPrefix(f, "…"), "...")
			s.kind, s.gap = slotGap, defaultGap
			if rest != "" {
				n, err := strconv.Atoi(rest)
				if err != nil || n < 1 || n > maxGap {
					return nil, fmt.Errorf("gap %q: want … or …N with N from 1 to %d", f, maxGap)
				}
				s.gap = n
			}
			if s.optional {
				return nil, errors.New("a gap is optional already; drop the ?")
			}
		case strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}"):
			name := f[1 : len(f)-1]
			s.class = name
			if b := builtinClass(name); b != nil {
				s.kind, s.builtin = slotBuiltin, b
			} else if words, ok := classes[name]; ok {
				s.kind, s.alts = slotLiteral, sortAlts(words)
			} else {
				return nil, fmt.Errorf("unknown class {%s} (define it under classes, or use a built-in: deadline, tight_deadline, target, frequency, number)", name)
			}
		default:
			var alts []string
			for _, a := range strings.Split(f, "|") {
				if strings.HasPrefix(a, "{") && strings.HasSuffix(a, "}") {
					words, ok := classes[a[1:len(a)-1]]
					if !ok {
						return nil, fmt.Errorf("unknown class %s among alternatives (only classes defined under classes may be mixed with words)", a)
					}
					alts = append(alts, words...)
					continue
				}
				if err := checkLiteral(a); err != nil {
					return nil, err
				}
				alts = append(alts, a)
			}
			if len(alts) > maxAlts {
				return nil, fmt.Errorf("more than %d alternatives", maxAlts)
			}
			s.kind, s.alts = slotLiteral, sortAlts(alts)
		}
		s.indexAlts()
		p.slots = append(p.slots, s)
	}
	first, last := p.slots[0], p.slots[len(p.slots)-1]
	if first.kind == slotGap || last.kind == slotGap {
		return nil, errors.New("a pattern cannot begin or end with a gap")
	}
	if first.optional {
		return nil, errors.New("the first slot cannot be optional (write two patterns instead)")
	}
	for i := 1; i < len(p.slots); i++ {
		if p.slots[i].kind == slotGap && p.slots[i-1].kind == slotGap {
			return nil, errors.New("two gaps in a row")
		}
	}
	return p, nil
}

// indexedAlts is how many alternatives a slot needs before a look-up
// by first rune beats trying each in turn.
const indexedAlts = 6

func (s *slot) indexAlts() {
	if s.kind != slotLiteral {
		return
	}
	s.runeAlts = make([][]rune, len(s.alts))
	for i, a := range s.alts {
		s.runeAlts[i] = []rune(a)
	}
	if len(s.alts) < indexedAlts {
		return
	}
	s.byFirst = map[rune][][]rune{}
	for _, a := range s.runeAlts {
		s.byFirst[a[0]] = append(s.byFirst[a[0]], a)
	}
}

// candidates are the alternatives that may match at r[p], in the order
// they are to be tried.
func (s *slot) candidates(r []rune, p int) [][]rune {
	if s.byFirst == nil {
		return s.runeAlts
	}
	if p >= len(r) {
		return nil
	}
	return s.byFirst[r[p]]
}

// sortAlts orders alternatives longest first, so that 每年度 is tried
// before 每年; duplicates are dropped.
func sortAlts(words []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len([]rune(out[j])) > len([]rune(out[j-1])); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// vocabulary is every literal the pattern may match, and the terms its
// built-in classes are made of.
func (p *pattern) vocabulary(add func(string)) {
	for _, s := range p.slots {
		for _, a := range s.alts {
			add(a)
		}
		if s.builtin != nil {
			for _, v := range s.builtin.vocab {
				add(v)
			}
		}
	}
}
