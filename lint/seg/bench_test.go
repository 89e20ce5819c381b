package seg

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusText reads every file of the test corpus, in a fixed order.
func corpusText(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("../../testdata/corpus/*/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no corpus files under testdata/corpus: %v", err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

func BenchmarkCut(b *testing.B) {
	texts := corpusText(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	s := Default()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			s.Cut(t)
		}
	}
}
