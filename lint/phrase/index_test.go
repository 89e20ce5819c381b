package phrase

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/gwlint/gwlint/lint/seg"
)

// refFind is Find without any index: at each word it tries every pattern
// of every entry, and every alternative of every slot, in list order. The
// indexed matcher must give exactly its matches.
func refFind(m *Matcher, t *Text) []Match {
	var out []Match
	lastEnd := map[*Entry]int{}
	s := &refSearch{t: t}
	r := t.runes
	try := func(e *Entry, pat *pattern, p, firstEnd int) {
		if end, ok := lastEnd[e]; ok && p < end {
			return
		}
		s.steps = 0
		s.caps[0] = Span{p, firstEnd}
		end, ok := s.rest(pat, 1, firstEnd, int(t.sentEnd[p]))
		if !ok {
			return
		}
		sent := t.Sentence(p)
		if refExcepted(e, t, sent) {
			return
		}
		match := Match{Entry: e, Span: Span{p, end}, Sentence: sent}
		for i, sl := range pat.slots {
			if sl.kind == slotGap || s.caps[i].End <= s.caps[i].Start {
				continue
			}
			match.Parts = append(match.Parts, s.caps[i])
			if sl.class != "" {
				match.Captures = append(match.Captures, Capture{Class: sl.class, Span: s.caps[i]})
			}
		}
		out = append(out, match)
		lastEnd[e] = end
	}
	for p := 0; p < len(r); p++ {
		if !t.bound[p] || unicode.IsSpace(r[p]) {
			continue
		}
		// Literal first slots come before built-in ones at a position,
		// as the index orders them.
		for _, e := range m.entries {
			for _, pat := range e.compiled {
				if pat.slots[0].kind != slotLiteral {
					continue
				}
				for _, a := range pat.slots[0].alts {
					if end, ok := hasPrefixAt(r, p, a); ok && t.bound[end] && end <= int(t.sentEnd[p]) {
						try(e, pat, p, end)
					}
				}
			}
		}
		for _, e := range m.entries {
			for _, pat := range e.compiled {
				b := pat.slots[0].builtin
				if pat.slots[0].kind != slotBuiltin || b.first != nil && !b.first(r[p]) {
					continue
				}
				if end, ok := b.scan(r, p); ok && end > p && t.bound[end] && end <= int(t.sentEnd[p]) {
					try(e, pat, p, end)
				}
			}
		}
	}
	return out
}

func refExcepted(e *Entry, t *Text, sent Span) bool {
	s := &refSearch{t: t}
	for p := sent.Start; p < sent.End; p++ {
		if !t.bound[p] {
			continue
		}
		for _, x := range e.except {
			s.steps = 0
			if end, ok := s.slot(x, 0, p, sent.End); ok && end > p {
				return true
			}
		}
	}
	return false
}

type refSearch struct {
	t     *Text
	caps  [maxSlots]Span
	steps int
}

func (s *refSearch) rest(p *pattern, i, pos, limit int) (int, bool) {
	if i == len(p.slots) {
		return pos, true
	}
	return s.slot(p, i, pos, limit)
}

func (s *refSearch) slot(p *pattern, i, pos, limit int) (int, bool) {
	s.steps++
	if s.steps > stepBudget {
		return 0, false
	}
	r := s.t.runes
	sl := p.slots[i]
	if sl.kind == slotGap {
		for q := pos; q <= min(pos+sl.gap, limit); q++ {
			if !s.t.bound[q] {
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
		for _, a := range sl.alts {
			if e, ok := hasPrefixAt(r, start, a); ok && e <= limit && s.t.bound[e] {
				s.caps[i] = Span{start, e}
				if end, ok := s.rest(p, i+1, e, limit); ok {
					return end, true
				}
			}
		}
	case slotBuiltin:
		if e, ok := sl.builtin.scan(r, start); ok && e > start && e <= limit && s.t.bound[e] {
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

// sameAsReference fails t when the matcher and the reference disagree on
// text; it returns how many matches they found. The matcher runs as the
// rules run it, on a text it segments sentence by sentence where its gates
// let a match through (FindIn, PrepareCut); the reference runs on the
// whole text's words, and so does the matcher once more, without gates.
// The deadlines and targets of every sentence must agree as well: rules
// read them from the lazily segmented text.
func sameAsReference(t testing.TB, m *Matcher, name, text string) int {
	t.Helper()
	return sameAsReferenceWords(t, m, name, text, seg.Default().Cut(text))
}

// sameAsReferenceWords is sameAsReference with the whole text's words cut
// beforehand, for comparing many matchers on one text.
func sameAsReferenceWords(t testing.TB, m *Matcher, name, text string, words []seg.Word) int {
	t.Helper()
	got, _ := m.FindIn(text)
	full := m.Prepare(text, words)
	want := refFind(m, full)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: matcher on a text cut where needed found %d matches, reference on the whole text's words %d\n got %v\nwant %v", name, len(got), len(want), got, want)
	}
	if eager := m.Find(full); !reflect.DeepEqual(eager, want) {
		t.Fatalf("%s: matcher on the whole text's words found %d matches, reference %d\n got %v\nwant %v", name, len(eager), len(want), eager, want)
	}
	lazy := m.PrepareCut(text, seg.Default().Cut)
	for _, s := range full.Sentences() {
		if g, w := lazy.Deadlines(s.Start, s.End), full.Deadlines(s.Start, s.End); !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: deadlines in %v: cut where needed %v, whole text %v", name, s, g, w)
		}
		if g, w := lazy.Targets(s.Start, s.End), full.Targets(s.Start, s.End); !reflect.DeepEqual(g, w) {
			t.Fatalf("%s: targets in %v: cut where needed %v, whole text %v", name, s, g, w)
		}
	}
	for p := 0; p <= len(full.runes); p++ {
		if lazy.Boundary(p) != full.Boundary(p) {
			t.Fatalf("%s: boundary at %d: cut where needed %v, whole text %v", name, p, lazy.Boundary(p), full.Boundary(p))
		}
	}
	return len(got)
}

// TestIndexMatchesReference runs the matcher and the unindexed reference
// over the corpus texts kept in the repository, with every rule's entries
// together and (unless -short) each rule's on its own.
func TestIndexMatchesReference(t *testing.T) {
	all := NewMatcher(embeddedLists(t)...)
	matchers := map[string]*Matcher{"all": all}
	if !testing.Short() { // the race detector's run takes a minute with them
		for _, e := range all.Entries() {
			matchers[e.Rule] = all.ForRule(e.Rule)
		}
	}
	root := filepath.Join("..", "..", "testdata", "corpus")
	files, total := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") && !strings.HasSuffix(path, ".md") || strings.HasSuffix(path, "README.md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		words := seg.Default().Cut(string(data))
		for name, m := range matchers {
			n := sameAsReferenceWords(t, m, path+" ("+name+")", string(data), words)
			if name == "all" {
				total += n
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Without texts or matches the comparison would prove nothing.
	if files < 5 || total < 20 {
		t.Fatalf("corpus too thin for the comparison: %d files, %d matches", files, total)
	}
	t.Logf("%d files, %d matches", files, total)
}

// syntheticList uses what the shipped lists do not, or not after the
// first slot, so that the gates meet it: optional slots, classes and
// built-ins in later slots, short and long gaps. A gate that required an
// optional slot, or missed a class's words, would lose matches here.
const syntheticList = `
classes:
  demand: [要求, 请, 务必]
  proof: [照片, 截图, 视频]
entries:
  - rule: synthetic
    severity: info
    pattern:
      - "要求 … 拍照? 留痕"
      - "{demand} …8 {deadline}? 报送 {proof}?"
      - "按时 每月? 通报 排名"
      - "{demand} …3 {number} 个? 工作日内 完成"
      - "上传 …10 {proof} …4 {frequency}?"
    message: m
    source: s
    match: [各地要求全程留痕]
    nomatch: [留痕要求]
`

func syntheticMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	l, err := Parse("synthetic.yaml", []byte(syntheticList))
	if err != nil {
		tb.Fatal(err)
	}
	return NewMatcher(append(embeddedLists(tb), l)...)
}

// TestSyntheticListMatchesReference runs the synthetic list over texts
// made to meet each of its patterns with and without the optional slots.
func TestSyntheticListMatchesReference(t *testing.T) {
	m := syntheticMatcher(t)
	texts := []string{
		"各地要求全程留痕。各地要求拍照留痕。",
		"请于当天报送照片。请报送。务必在3个工作日内报送截图。",
		"每月通报排名。通报排名。",
		"要求2个工作日内完成。请3工作日内完成。",
		"上传走访照片，每周一次。上传视频。",
		"各地要求全程留痕，请于次日报送视频；每月通报排名，要求5个工作日内完成，上传照片每月。",
	}
	total := 0
	for _, text := range texts {
		total += sameAsReference(t, m, text, text)
	}
	if total < len(texts) {
		t.Fatalf("only %d matches over %d texts made to match: the comparison proves little", total, len(texts))
	}
}

// FuzzMatcherIndex holds the indexed matcher to the reference on
// arbitrary text, with the shipped lists and the synthetic one.
func FuzzMatcherIndex(f *testing.F) {
	m := syntheticMatcher(f)
	for _, e := range m.Entries() {
		for _, ex := range append(append([]string{}, e.Match...), e.NoMatch...) {
			f.Add(ex)
		}
	}
	f.Add("各地要在3个工作日内签订责任书，并于当天反馈，每月通报排名。")
	f.Fuzz(func(t *testing.T, text string) {
		sameAsReference(t, m, "fuzz", text)
		r := []rune(text)
		for name, b := range builtins {
			for p := range r {
				if _, ok := b.scan(r, p); ok && b.first != nil && !b.first(r[p]) {
					t.Fatalf("{%s} scans %q at %d, but its first-rune test rejects %q", name, text, p, r[p])
				}
			}
		}
	})
}

// BenchmarkFind measures matching alone, on texts prepared beforehand.
func BenchmarkFind(b *testing.B) {
	m := NewMatcher(embeddedLists(b)...)
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*", "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no corpus texts: %v", err)
	}
	var texts []*Text
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		_, t := m.FindIn(string(data))
		texts = append(texts, t)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, t := range texts {
			m.Find(t)
		}
	}
}

// TestLongSentencesMatchReference puts a construction inside sentences
// tens of kilobytes long without a boundary rune, after prefixes that make
// the segmenter's 64 KB blocks end inside them: cut alone, such a sentence
// must still get the words it gets in the whole text.
func TestLongSentencesMatchReference(t *testing.T) {
	m := NewMatcher(embeddedLists(t)...)
	run := []rune(strings.Repeat("中华人民共和国国务院", 1200))
	for _, prefix := range []string{strings.Repeat("通知。", 3400), "甲。", strings.Repeat("各地要落实，", 2000) + "。"} {
		for _, k := range []int{len(run) / 3, len(run) / 2, (65536 - len(prefix)) / 3, (65536-len(prefix))/3 + 4} {
			k = max(0, min(k, len(run)))
			text := prefix + string(run[:k]) + "统一票否决" + string(run[k:]) + "。"
			sameAsReference(t, m, fmt.Sprintf("%d-byte prefix, construction at rune %d", len(prefix), k), text)
		}
	}
}
