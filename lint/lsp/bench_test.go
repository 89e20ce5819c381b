package lsp

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// BenchmarkAnswer5000 is the work behind one answer to an edit of a
// 5,000-character draft: checking it with every rule and converting the
// findings to diagnostics in UTF-16 positions. The debounce's waiting is
// not work and is not timed. The draft is the first 5,000 characters of
// 国发〔2019〕4号, the text lint's BenchmarkCheckDraft checks, each
// iteration a new version (one character changed), as when typing.
func BenchmarkAnswer5000(b *testing.B) {
	text := draft5000(b)
	s := NewServer(nopWriter{}, Options{})
	defer s.Close()
	s.runs.warm()
	d := &document{uri: "file:///bench/draft.md", path: filepath.Join(b.TempDir(), "draft.md"), lang: "markdown", text: text}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		d.text = text + strings.Repeat("。", i%2)
		a := s.analyze(context.Background(), d)
		if len(a.diags) > 0 && a.diags[0].Code == "input-error" {
			b.Fatal(a.diags[0].Message)
		}
	}
}

func draft5000(tb testing.TB) string {
	tb.Helper()
	paths, _ := filepath.Glob("../../testdata/corpus/*/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if s := string(data); strings.Contains(s, "国发〔2019〕4号") && utf8.RuneCountInString(s) >= 5000 {
			return string([]rune(s)[:5000])
		}
	}
	tb.Fatal("no 5,000-character draft (国发〔2019〕4号) in the corpus")
	return ""
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }
