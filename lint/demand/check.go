package demand

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/gwlint/gwlint/dict"
	"github.com/gwlint/gwlint/lint/phrase"
	"github.com/gwlint/gwlint/lint/seg"
)

// Prepare readies a text for Analyze with the default segmenter, cutting
// a sentence only when its word boundaries are asked for.
func Prepare(text string) *phrase.Text {
	return emptyMatcher.PrepareCut(text, seg.Default().Cut)
}

var emptyMatcher = phrase.NewMatcher()

// BuiltinFiles are the embedded lists, model.yaml first.
func BuiltinFiles() []File {
	names, err := fs.Glob(dict.Demand, "demand/*.yaml")
	if err != nil || len(names) == 0 {
		panic("demand: no embedded lists") // a broken build, caught by the tests
	}
	var files []File
	for _, name := range names {
		data, err := fs.ReadFile(dict.Demand, name)
		if err != nil {
			panic("demand: " + err.Error())
		}
		f := File{Path: "dict/" + name, Data: data}
		if strings.HasSuffix(name, "/model.yaml") {
			files = append([]File{f}, files...)
		} else {
			files = append(files, f)
		}
	}
	return files
}

var (
	builtinOnce sync.Once
	builtin     *Lexicon
)

// Builtin is the lexicon of the embedded lists, compiled once from their
// parsed form (builtin_data.go), so that no YAML is read at a check. Its
// examples are checked by the tests, not at every start.
func Builtin() *Lexicon {
	builtinOnce.Do(func() {
		lx, err := compileParsed(builtinParsed)
		if err != nil {
			panic("demand: embedded lists: " + err.Error()) // caught by the tests
		}
		builtin = lx
	})
	return builtin
}

// Example is a kind's example as a text and the span it marks.
func Example(ex string) (string, Span) {
	var b strings.Builder
	want := Span{Start: -1, End: -1}
	n := 0
	for _, c := range ex {
		switch c {
		case '［':
			if want.Start < 0 {
				want.Start = n
			}
		case '］':
			want.End = n
		default:
			b.WriteRune(c)
			n++
		}
	}
	if want.Start < 0 || want.End < want.Start {
		return b.String(), Span{}
	}
	return b.String(), want
}

// Check runs every example of the kinds that come from the named paths
// (all kinds when paths is empty) through the model, as the rule reads
// it, and reports the first that does not behave as it claims: the kind,
// its file and line, the segmentation and the slot that failed.
func (lx *Lexicon) Check(paths ...string) error {
	for _, k := range lx.Kinds {
		if len(paths) > 0 && !contains(paths, k.Path) {
			continue
		}
		for _, ex := range k.Match {
			text, want := Example(ex)
			t := Prepare(text)
			f := lx.Analyze(t, Document{})
			ok := false
			for _, h := range f.Hits {
				if h.Kind.Rule == k.Rule && h.Span.Start < want.End && want.Start < h.Span.End {
					ok = true
				}
			}
			if !ok {
				return &Error{Path: k.Path, Line: k.Line, Msg: fmt.Sprintf("%s 的例句“%s”没有命中［%s］。%s", k.Rule, text, t.Slice(want), lx.Explain(t, k))}
			}
		}
		for _, ex := range k.NoMatch {
			t := Prepare(ex)
			for _, h := range lx.Analyze(t, Document{}).Hits {
				if h.Kind.Rule == k.Rule {
					return &Error{Path: k.Path, Line: k.Line, Msg: fmt.Sprintf("%s 的反例“%s”被命中：“%s”（第 %d 行的条目）。分词：%s", k.Rule, ex, t.Slice(h.Span), h.Kind.Line, words(t))}
				}
			}
		}
	}
	return nil
}

// Explain tells why kind k does not match in t: the segmentation, each
// clause with what silences it, and the slots not found in the clauses
// that impose.
func (lx *Lexicon) Explain(t *phrase.Text, k *Kind) string {
	var b strings.Builder
	fmt.Fprintf(&b, "分词：%s。", words(t))
	r := t.Runes()
	for _, s := range t.Sentences() {
		u := lx.newUnit(t, s, lx.scan(r, s))
		for _, c := range u.clauses {
			var why []string
			if c.Purpose {
				why = append(why, "目的分句")
			}
			if c.Negated {
				why = append(why, "否定")
			}
			if c.Narration {
				why = append(why, "叙述或批评")
			}
			if len(why) > 0 {
				fmt.Fprintf(&b, "分句“%s”不计（%s）。", t.Slice(c.Span), strings.Join(why, "、"))
			}
		}
		if k.Unless != nil && lx.gateOf(r, s, lx.scan(r, s)).has(k.Unless) {
			fmt.Fprintf(&b, "句中有 unless 的词（%s）。", k.Unless.Src)
		}
		for i, sl := range k.Slots {
			if _, ok := lx.match(t, u, k, []*Slot{sl}, false); !ok {
				fmt.Fprintf(&b, "slots 第 %d 项“%s”在施加要求的分句中没有找到。", i+1, sl.Src)
			}
		}
		for i, sl := range k.Context {
			if _, ok := lx.match(t, u, k, []*Slot{sl}, false); !ok {
				fmt.Fprintf(&b, "context 第 %d 项“%s”没有找到。", i+1, sl.Src)
			}
		}
	}
	return b.String()
}

// words shows the segmentation with / between words.
func words(t *phrase.Text) string {
	r := t.Runes()
	var b strings.Builder
	for p := 0; p < len(r); p++ {
		if p > 0 && t.Boundary(p) {
			b.WriteByte('/')
		}
		b.WriteRune(r[p])
	}
	return b.String()
}

// CompileWithBuiltin compiles user lists after the embedded ones.
func CompileWithBuiltin(files ...File) (*Lexicon, error) {
	ps := append([]*parsed{}, builtinParsed...)
	for _, f := range files {
		p, err := parseFile(f)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return compileParsed(ps)
}
