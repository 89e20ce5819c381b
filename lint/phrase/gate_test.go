package phrase

import (
	"os"
	"path/filepath"
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
			if text.isCut[s.Start] {
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
