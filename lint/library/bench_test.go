package library

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint/align"
)

// benchParents is the library size for the benchmarks: GWLINT_BENCH_PARENTS,
// 2,000 by default so that `go test -bench .` stays quick.
func benchParents(b *testing.B) int {
	if v := os.Getenv("GWLINT_BENCH_PARENTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("GWLINT_BENCH_PARENTS=%q: want a positive number", v)
		}
		return n
	}
	return 2000
}

const benchBatch = 500

func buildBenchLibrary(b *testing.B, dir string, parents []Doc) *Library {
	l, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(parents); i += benchBatch {
		if _, err := l.AddBatch(parents[i:min(i+benchBatch, len(parents))]); err != nil {
			b.Fatal(err)
		}
	}
	return l
}

func textBytes(docs []Doc) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

// BenchmarkAdd measures index building in batches of 500, in MB/s of text.
func BenchmarkAdd(b *testing.B) {
	parents := syntheticParents(corpusDocs(b), benchParents(b), 1)
	b.SetBytes(textBytes(parents))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		l := buildBenchLibrary(b, dir, parents)
		size, _ := l.Size()
		l.Close()
		b.ReportMetric(float64(size)/float64(textBytes(parents)), "disk/text")
		if i == 0 {
			b.Logf("%d parents, %.1f MB of text, %.1f MB on disk", len(parents), float64(textBytes(parents))/1e6, float64(size)/1e6)
		}
	}
}

// BenchmarkCandidates measures a warm query: a 5,000-character draft, a
// third of it copied from one parent, against the whole library.
func BenchmarkCandidates(b *testing.B) {
	docs := corpusDocs(b)
	parents := syntheticParents(docs, benchParents(b), 1)
	parents = append(parents, docs...)
	dir := b.TempDir()
	start := time.Now()
	l := buildBenchLibrary(b, dir, parents)
	built := time.Since(start)
	l.Close()
	l, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	size, _ := l.Size()
	b.Logf("%d parents built in %v (%.1f MB/s); %.1f MB of text, %.1f MB on disk",
		len(parents), built.Round(time.Millisecond), float64(textBytes(parents))/1e6/built.Seconds(),
		float64(textBytes(parents))/1e6, float64(size)/1e6)
	target := docs[6]
	draft := benchDraft(target.Text, syntheticParents(docs, 1, 99)[0].Text)
	want := idOf(target.Text)
	cs, err := l.Candidates(draft, 20)
	if err != nil || len(cs) == 0 || cs[0].ID != want {
		b.Fatalf("the copied parent is not the top candidate: %v %v", ids(cs), err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := l.Candidates(draft, 20); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is what `check --library` costs per draft: candidates,
// then exact alignment against the top 20 read from the library.
func BenchmarkCheck(b *testing.B) {
	docs := corpusDocs(b)
	parents := append(syntheticParents(docs, benchParents(b), 1), docs...)
	dir := b.TempDir()
	buildBenchLibrary(b, dir, parents).Close()
	l, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	draft := benchDraft(docs[6].Text, syntheticParents(docs, 1, 99)[0].Text)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cs, err := l.Candidates(draft, 20)
		if err != nil {
			b.Fatal(err)
		}
		var ps []*align.Normalized
		for _, c := range cs {
			_, text, err := l.Get(c.ID)
			if err != nil {
				b.Fatal(err)
			}
			ps = append(ps, align.Normalize(text))
		}
		if res := align.Compare(align.Normalize(draft), ps, align.Options{}); res.Ratio < 0.2 {
			b.Fatalf("ratio %.2f", res.Ratio)
		}
	}
}

// benchDraft is about 5,000 characters: the first 1,700 of the parent with
// jurisdiction words swapped, then new text.
func benchDraft(parent, filler string) string {
	pr := []rune(parent)
	copied := strings.NewReplacer("全国", "全省", "国务院", "省人民政府").Replace(string(pr[:min(1700, len(pr))]))
	fr := []rune(filler)
	return copied + string(fr[:min(3300, len(fr))])
}
