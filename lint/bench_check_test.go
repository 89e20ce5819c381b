package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
)

// The benchmarks here time gwlint from the rules up: each rule family
// alone over the corpus with the words already cut, the whole check of one
// 5,000-character draft, and a batch over the corpus. The segmenter's own
// load and throughput are timed in lint/seg (BenchmarkLoad,
// BenchmarkLoadAndCutDraft, BenchmarkCut). They live beside the Checker,
// not in lint/rules, because timing rules alone needs BenchFresh, which
// only this package's tests can build. bench/compare.sh and
// bench/RESULTS.md put the figures next to the naive alternative's.

const corpusDir = "../testdata/corpus"

// benchFamilies assigns every rule to the family it is timed with, by ID
// prefix. TestBenchFamiliesCoverAll fails when a rule is added under a
// prefix no family claims, so no rule escapes the benchmarks.
var benchFamilies = []struct {
	name     string
	prefixes []string
}{
	{"Format", []string{"docno-", "date-", "heading-", "attachment-", "title-", "addressee-", "cc-", "header-", "layout-"}},
	{"Burden", []string{"burden-", "style-"}},
	{"Copy", []string{"copy-"}},
	{"Forward", []string{"forward-"}},
	{"Genre", []string{"genre-"}},
	{"Punct", []string{"punct-", "number-"}},
	{"Length", []string{"length-", "unused-"}},
}

func familyOf(id string) string {
	for _, f := range benchFamilies {
		for _, p := range f.prefixes {
			if strings.HasPrefix(id, p) {
				return f.name
			}
		}
	}
	return ""
}

func familyRegistry(tb testing.TB, name string) *lint.Registry {
	tb.Helper()
	var rs []*lint.Rule
	for _, r := range rules.All().Rules() {
		if familyOf(r.ID) == name {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		tb.Fatalf("family %s has no rules", name)
	}
	return lint.NewRegistry(rs...)
}

func TestBenchFamiliesCoverAll(t *testing.T) {
	for _, r := range rules.All().Rules() {
		if familyOf(r.ID) == "" {
			t.Errorf("rule %s belongs to no benchmark family: add its prefix to benchFamilies", r.ID)
		}
	}
	for _, f := range benchFamilies {
		familyRegistry(t, f.name)
	}
}

// corpusPaths lists the corpus's drafts in lexical order.
func corpusPaths(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*", "*.txt"))
	if err != nil || len(paths) < 100 {
		tb.Fatalf("expected the corpus under %s, found %d files (%v)", corpusDir, len(paths), err)
	}
	return paths
}

var (
	segmentedOnce sync.Once
	segmented     []*lint.Document
	segmentedErr  error
)

// segmentedCorpus parses the corpus and cuts its words once for all the
// rule benchmarks: cutting 1.3 MB takes about half a second, which every
// family benchmark would otherwise pay again.
func segmentedCorpus(tb testing.TB) []*lint.Document {
	tb.Helper()
	paths := corpusPaths(tb)
	segmentedOnce.Do(func() {
		for _, p := range paths {
			d, err := lint.ParseFile(p)
			if err != nil {
				segmentedErr = err
				return
			}
			d.Words()
			segmented = append(segmented, d)
		}
	})
	if segmentedErr != nil {
		tb.Fatal(segmentedErr)
	}
	return segmented
}

func textBytes(docs []*lint.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

func benchFamily(b *testing.B, name string) {
	docs := segmentedCorpus(b)
	checker, err := lint.NewChecker(familyRegistry(b, name), nil)
	if err != nil {
		b.Fatal(err)
	}
	checker.Check(lint.BenchFresh(docs[0])) // compile phrase lists outside the timing
	b.SetBytes(textBytes(docs))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			checker.Check(lint.BenchFresh(d))
		}
	}
}

func BenchmarkRulesFormat(b *testing.B)  { benchFamily(b, "Format") }
func BenchmarkRulesBurden(b *testing.B)  { benchFamily(b, "Burden") }
func BenchmarkRulesForward(b *testing.B) { benchFamily(b, "Forward") }
func BenchmarkRulesGenre(b *testing.B)   { benchFamily(b, "Genre") }
func BenchmarkRulesPunct(b *testing.B)   { benchFamily(b, "Punct") }
func BenchmarkRulesLength(b *testing.B)  { benchFamily(b, "Length") }

// copyPair is a draft and the checker that holds its parent.
type copyPair struct {
	draft   *lint.Document
	checker *lint.Checker
}

// copyPairs are the corpus's pairs (pairNN_child_* with pairNN_parent_*),
// the drafts parsed and cut, the parents loaded, as `gwlint check
// --parent` would.
func copyPairs(b *testing.B) []copyPair {
	children, _ := filepath.Glob(filepath.Join(corpusDir, "pairs", "pair*_child_*.txt"))
	var pairs []copyPair
	for _, child := range children {
		prefix := strings.SplitN(filepath.Base(child), "_", 2)[0]
		parents, _ := filepath.Glob(filepath.Join(corpusDir, "pairs", prefix+"_parent_*.txt"))
		if len(parents) != 1 {
			b.Fatalf("%s: want one parent, found %v", child, parents)
		}
		set, errs := lint.LoadParents(parents)
		if len(errs) > 0 {
			b.Fatal(errs[0].Err)
		}
		checker, err := lint.NewChecker(familyRegistry(b, "Copy"), nil)
		if err != nil {
			b.Fatal(err)
		}
		checker.SetParents(set)
		d, err := lint.ParseFile(child)
		if err != nil {
			b.Fatal(err)
		}
		d.Words()
		pairs = append(pairs, copyPair{d, checker})
	}
	if len(pairs) < 3 {
		b.Fatalf("expected the child/parent pairs under %s/pairs, found %d", corpusDir, len(pairs))
	}
	return pairs
}

// BenchmarkRulesCopy times the copy family on each child draft against its
// parent: the comparison with the parent (done once per draft by the
// Checker) and the copy rules. The parent is normalized on the first
// comparison, outside the timing, as it is once per run.
func BenchmarkRulesCopy(b *testing.B) {
	pairs := copyPairs(b)
	var n int64
	for _, p := range pairs {
		p.checker.Check(lint.BenchFresh(p.draft))
		n += int64(len(p.draft.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			p.checker.Check(lint.BenchFresh(p.draft))
		}
	}
}

// draft5000 is the draft of the cold-check target: the first 5,000
// characters of 国发〔2019〕4号 (国家职业教育改革实施方案), the same text
// lint/seg's BenchmarkLoadAndCutDraft cuts.
func draft5000(tb testing.TB) []byte {
	tb.Helper()
	for _, p := range corpusPaths(tb) {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if s := string(b); strings.Contains(s, "国发〔2019〕4号") && utf8.RuneCountInString(s) >= 5000 {
			return []byte(string([]rune(s)[:5000]))
		}
	}
	tb.Fatal("no 5,000-character draft (国发〔2019〕4号) in the corpus")
	return nil
}

// BenchmarkCheckDraft is one draft checked from its bytes with every rule:
// decoding, parsing, 公文 structure, segmentation, rules. It is what `gwlint
// check draft.txt` does after the process starts.
func BenchmarkCheckDraft(b *testing.B) {
	data := draft5000(b)
	checker, err := lint.NewChecker(rules.All(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := lint.ParseBytes("draft.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		checker.Check(doc)
	}
}

// BenchmarkCheckBatch is a run over the whole corpus with every rule, the
// files read from disk and checked on all CPUs, as `gwlint check DIR`
// does.
func BenchmarkCheckBatch(b *testing.B) {
	paths := corpusPaths(b)
	checker, err := lint.NewChecker(rules.All(), nil)
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		n += st.Size()
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range checker.CheckFiles(paths, 0) {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.Path, r.Err)
			}
		}
	}
}

// TestBenchFreshChecksAlike: a BenchFresh copy gives the same findings as
// the document it copies, so the rule benchmarks time the work a real
// check does. It fails when Document gains a field Parse fills that
// BenchFresh does not copy and a rule reads it.
func TestBenchFreshChecksAlike(t *testing.T) {
	if testing.Short() {
		t.Skip("segments the corpus")
	}
	checker, err := lint.NewChecker(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := segmentedCorpus(t)
	for _, d := range docs[:min(len(docs), 40)] {
		want := checker.Check(d).Findings
		got := checker.Check(lint.BenchFresh(d)).Findings
		if !reflect.DeepEqual(findingKeys(want), findingKeys(got)) {
			t.Errorf("%s: BenchFresh copy gives %d findings, the document %d", d.Path, len(got), len(want))
		}
	}
}

func findingKeys(fs []lint.Finding) []string {
	var keys []string
	for _, f := range fs {
		keys = append(keys, fmt.Sprintf("%s@%d-%d:%s", f.Rule, f.Span.Start, f.Span.End, f.Message))
	}
	return keys
}
