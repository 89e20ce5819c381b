package phrase

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/gwlint/gwlint/lint/seg"
)

// TestFewSentencesCut holds the shipped lists to what makes the phrase
// rules cheap: on the corpus, the matcher segments only the sentences
// where a construction could match. Measured when the gates were
// introduced: 6% of the sentences, 12% of the characters. An entry whose
// every required word is common (a pattern of 要 and 会 alone) would send
// most sentences to the segmenter; this fails before a batch gets twice
// as slow unnoticed.
func TestFewSentencesCut(t *testing.T) {
	m := NewMatcher(embeddedLists(t)...)
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*", "*.txt"))
	if err != nil || len(paths) < 100 {
		t.Fatalf("expected the corpus, found %d files (%v)", len(paths), err)
	}
	var sentences, cut, runes, cutRunes int
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := m.PrepareCut(string(data), seg.Default().Cut)
		m.Find(text)
		for _, s := range text.Sentences() {
			sentences++
			runes += s.End - s.Start
			if text.sentenceCut(s.Start) {
				cut++
				cutRunes += s.End - s.Start
			}
		}
	}
	share := float64(cutRunes) / float64(runes)
	t.Logf("cut %d of %d sentences, %d of %d characters (%.1f%%)", cut, sentences, cutRunes, runes, 100*share)
	if cut == 0 {
		t.Fatal("no sentence was cut: the matcher cannot have matched anything")
	}
	if share > 0.25 {
		t.Errorf("the lists make the matcher segment %.0f%% of the corpus's characters (12%% when measured); look for an entry whose required words are all common", 100*share)
	}
}

// TestTextConcurrent shares one lazily segmented text among goroutines,
// as rules sharing a document's phrase fact may: each matches, asks for
// every boundary and reads every sentence's deadlines, and all must see
// what the whole text's words give. Run with -race, it also proves the
// cutting is properly locked and published.
func TestTextConcurrent(t *testing.T) {
	m := NewMatcher(embeddedLists(t)...)
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "forward", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no forwarding notices in the corpus (%v)", err)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	full := m.Prepare(string(data), seg.Default().Cut(string(data)))
	want := m.Find(full)
	lazy := m.PrepareCut(string(data), seg.Default().Cut)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if g%2 == 0 {
				if got := m.Find(lazy); !reflect.DeepEqual(got, want) {
					errs <- fmt.Sprintf("goroutine %d: %d matches, want %d", g, len(got), len(want))
				}
			}
			for _, s := range full.Sentences() {
				if got, w := lazy.Deadlines(s.Start, s.End), full.Deadlines(s.Start, s.End); !reflect.DeepEqual(got, w) {
					errs <- fmt.Sprintf("goroutine %d: deadlines in %v: %v, want %v", g, s, got, w)
					return
				}
			}
			for p := len(full.runes); p >= 0; p-- {
				if lazy.Boundary(p) != full.Boundary(p) {
					errs <- fmt.Sprintf("goroutine %d: boundary at %d: %v, want %v", g, p, lazy.Boundary(p), full.Boundary(p))
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if len(want) == 0 {
		t.Fatal("no match in the notice: the comparison proves nothing")
	}
}
