package library

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint/align"
)

// The benchmarks share one library of synthetic parents plus the corpus,
// built by the first benchmark that needs it (BenchmarkAdd times that
// build) and removed when the test binary exits. Its size is
// GWLINT_BENCH_PARENTS, 2,000 by default so that `go test -bench .` stays
// quick; the figures in README.md are for 100,000. With
// GWLINT_BENCH_KEEP=DIR the library is built in DIR and kept, and a later
// run with the same GWLINT_BENCH_PARENTS reuses it, so that the query
// benchmarks can run with their own -benchtime.

// benchParents is the number of synthetic parents.
func benchParents(b testing.TB) int {
	if v := os.Getenv("GWLINT_BENCH_PARENTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("GWLINT_BENCH_PARENTS=%q: want a positive number", v)
		}
		return n
	}
	return 2000
}

// benchBatch is the batch size of `gwlint library add`.
const benchBatch = 200

var shared struct {
	sync.Mutex
	dir     string
	parents []Doc
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" && os.Getenv("GWLINT_BENCH_KEEP") == "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// benchParentsDocs makes the synthetic parents and appends the corpus.
func benchParentsDocs(b testing.TB) []Doc {
	shared.Lock()
	defer shared.Unlock()
	if shared.parents == nil {
		docs := corpusDocs(b)
		shared.parents = append(syntheticParents(docs, benchParents(b), 1), docs...)
	}
	return shared.parents
}

// sharedLibrary returns the directory of the shared library, building it
// when no benchmark has.
func sharedLibrary(b *testing.B) (string, []Doc) {
	parents := benchParentsDocs(b)
	shared.Lock()
	dir := shared.dir
	shared.Unlock()
	if keep := os.Getenv("GWLINT_BENCH_KEEP"); dir == "" && keep != "" {
		// A kept library of the same size is reused.
		if l, err := Open(keep, Options{ReadOnly: true}); err == nil {
			n, err := l.Len()
			l.Close()
			if err == nil && n == len(parents) {
				shared.Lock()
				shared.dir, dir = keep, keep
				shared.Unlock()
			}
		}
	}
	if dir == "" {
		built, _, _, _ := buildShared(b, parents)
		dir = built
	}
	return dir, parents
}

// buildShared builds a library of parents in batches and keeps it as the
// shared one. It returns the build's time and processor time and the file
// size.
func buildShared(b *testing.B, parents []Doc) (string, time.Duration, time.Duration, int64) {
	dir := os.Getenv("GWLINT_BENCH_KEEP")
	if dir != "" {
		if err := os.RemoveAll(dir); err != nil {
			b.Fatal(err)
		}
	} else {
		var err error
		if dir, err = os.MkdirTemp("", "gwlint-library-bench-"); err != nil {
			b.Fatal(err)
		}
	}
	start, cpu := time.Now(), cpuTime()
	l, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(parents); i += benchBatch {
		if _, err := l.AddBatch(parents[i:min(i+benchBatch, len(parents))]); err != nil {
			b.Fatal(err)
		}
	}
	size, _ := l.Size()
	if err := l.Close(); err != nil {
		b.Fatal(err)
	}
	built, cpu := time.Since(start), cpuTime()-cpu
	shared.Lock()
	if shared.dir != "" && shared.dir != dir {
		os.RemoveAll(shared.dir)
	}
	shared.dir = dir
	shared.Unlock()
	return dir, built, cpu, size
}

func textBytes(docs []Doc) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

// BenchmarkAdd measures index building in batches of 200, as `gwlint
// library add` does, in MB/s of UTF-8 text, and the file size against the
// text size.
func BenchmarkAdd(b *testing.B) {
	parents := benchParentsDocs(b)
	b.SetBytes(textBytes(parents))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, built, cpu, size := buildShared(b, parents)
		mb := float64(textBytes(parents)) / 1e6
		b.ReportMetric(float64(size)/float64(textBytes(parents)), "disk/text")
		b.ReportMetric(mb/cpu.Seconds(), "MB/cpu-s")
		b.Logf("%d parents, %.1f MB of text, built in %v (%.1f MB/s) using %v of processor time (%.1f MB per processor-second), %.1f MB on disk (%.2f× the text)",
			len(parents), mb, built.Round(time.Millisecond), mb/built.Seconds(), cpu.Round(time.Millisecond), mb/cpu.Seconds(),
			float64(size)/1e6, float64(size)/float64(textBytes(parents)))
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

// checkDraft is the draft of the query benchmarks and the parent it copies.
func checkDraft(b testing.TB) (draft, want string) {
	docs := corpusDocs(b)
	target := docs[6]
	return benchDraft(target.Text, syntheticParents(docs, 1, 99)[0].Text), idOf(target.Text)
}

// BenchmarkCandidates measures a warm query: a 5,000-character draft, a
// third of it copied from one parent, against the whole library.
func BenchmarkCandidates(b *testing.B) {
	dir, _ := sharedLibrary(b)
	l, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	draft, want := checkDraft(b)
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
	dir, _ := sharedLibrary(b)
	l, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	draft, _ := checkDraft(b)
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

// BenchmarkColdQuery starts a new process per iteration that opens the
// library, ranks candidates for the draft and reads the top 20: the
// library's share of `gwlint check --library` from process start. The
// operating system's page cache is as the build left it.
func BenchmarkColdQuery(b *testing.B) {
	dir, _ := sharedLibrary(b)
	draft, _ := checkDraft(b)
	draftFile := filepath.Join(b.TempDir(), "draft.txt")
	if err := os.WriteFile(draftFile, []byte(draft), 0o644); err != nil {
		b.Fatal(err)
	}
	var inProcess time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestColdQuery$", "-test.v")
		cmd.Env = append(os.Environ(), "GWLINT_COLD_LIBRARY="+dir, "GWLINT_COLD_DRAFT="+draftFile)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("cold query: %v\n%s", err, out)
		}
		_, after, ok := strings.Cut(string(out), "cold query took ")
		d, perr := time.ParseDuration(strings.Fields(after + " x")[0])
		if !ok || perr != nil {
			b.Fatalf("cold query printed no time:\n%s", out)
		}
		inProcess += d
	}
	b.ReportMetric(float64(inProcess.Microseconds())/1e3/float64(b.N), "ms-in-process/op")
}

// TestColdQuery is the child of BenchmarkColdQuery.
func TestColdQuery(t *testing.T) {
	dir := os.Getenv("GWLINT_COLD_LIBRARY")
	if dir == "" {
		t.Skip("run by BenchmarkColdQuery")
	}
	draft, err := os.ReadFile(os.Getenv("GWLINT_COLD_DRAFT"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	l, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	cs, err := l.Candidates(string(draft), 20)
	if err != nil || len(cs) == 0 {
		t.Fatalf("no candidates: %v", err)
	}
	for _, c := range cs {
		if _, _, err := l.Get(c.ID); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Printf("cold query took %v\n", time.Since(start))
}

// recallLengths are the lengths, in characters, of the planted passages.
var recallLengths = []int{20, 30, 50, 100, 200, 400}

// plantedRecall plants trials passages of each length, taken from random
// parents, at a random place in new text of about 5,000 characters and
// reports, per length, the share of drafts whose source parent is among the
// top 20 candidates and the share where it is first.
func plantedRecall(tb testing.TB, l *Library, parents []Doc, trials int) (top20, top1 map[int]float64) {
	r := rand.New(rand.NewPCG(11, 11))
	fillers := syntheticParents(corpusDocs(tb), 20, 12345)
	top20, top1 = map[int]float64{}, map[int]float64{}
	for _, length := range recallLengths {
		in20, in1 := 0, 0
		for t := 0; t < trials; t++ {
			p := parents[r.IntN(len(parents))]
			pr := []rune(p.Text)
			if len(pr) <= length {
				t--
				continue
			}
			at := r.IntN(len(pr) - length)
			fr := []rune(fillers[t%len(fillers)].Text)
			cut := r.IntN(len(fr))
			draft := string(fr[:cut]) + string(pr[at:at+length]) + string(fr[cut:])
			cs, err := l.Candidates(draft, 20)
			if err != nil {
				tb.Fatal(err)
			}
			want := idOf(p.Text)
			for i, c := range cs {
				if c.ID == want {
					in20++
					if i == 0 {
						in1++
					}
				}
			}
		}
		top20[length] = float64(in20) / float64(trials)
		top1[length] = float64(in1) / float64(trials)
	}
	return top20, top1
}

// BenchmarkRecall measures candidate recall for planted passages of 20 to
// 400 characters; the time per op is one round of all lengths.
func BenchmarkRecall(b *testing.B) {
	dir, parents := sharedLibrary(b)
	l, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	const trials = 200
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		top20, top1 := plantedRecall(b, l, parents, trials)
		var line []string
		for _, n := range recallLengths {
			b.ReportMetric(top20[n], fmt.Sprintf("recall20@%dch", n))
			line = append(line, fmt.Sprintf("%d chars: %.1f%% in top 20, %.1f%% first", n, 100*top20[n], 100*top1[n]))
		}
		b.Logf("%d parents, %d drafts per length: %s", len(parents), trials, strings.Join(line, "; "))
	}
}
