package seg

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/gwlint/gwlint/dict"
	"github.com/gwlint/gwlint/lint/seg/internal/lexgen"
)

// These tests load gse's full dictionary (about 1.5 s and 200 MB each), so
// -short skips them.

var (
	refOnce sync.Once
	refSeg  *gse.Segmenter
	refErr  error
)

// reference is gse with the domain dictionary and zh_s, loaded the slow way.
func reference(t testing.TB) *gse.Segmenter {
	t.Helper()
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	refOnce.Do(func() {
		var src []byte
		src, refErr = dict.Words.ReadFile("words/gongwen.txt")
		if refErr == nil {
			refSeg, refErr = lexgen.Reference(string(src))
		}
	})
	if refErr != nil {
		t.Fatal(refErr)
	}
	return refSeg
}

func TestLexiconUpToDate(t *testing.T) {
	ref := reference(t)
	lex, idx, err := lexgen.Format(ref, "dict/words/gongwen.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name      string
		want, got []byte
	}{
		{"dict/words/lexicon.txt", lex, []byte(dict.Lexicon)},
		{"dict/words/lexicon.idx", idx, []byte(dict.LexiconIndex)},
	} {
		if w, g := sha256.Sum256(f.want), sha256.Sum256(f.got); w != g {
			t.Errorf("%s is stale (sha256 %x, regenerated %x): run go generate ./lint/seg", f.name, g[:8], w[:8])
		}
	}
}

// span is a word's place in runes.
type runeSpan struct{ start, end int }

// gseSpans segments text with g and returns the words' rune spans.
func gseSpans(g *gse.Segmenter, text string) []runeSpan {
	var out []runeSpan
	runes := 0
	for _, s := range g.Segment([]byte(text)) {
		n := utf8.RuneCountInString(text[s.Start():s.End()])
		out = append(out, runeSpan{runes, runes + n})
		runes += n
	}
	return out
}

// agreement counts the reference words that Cut gives too, span for span,
// and describes some that it does not.
//
// Default's dictionaries are kept across texts; with fresh set, each text
// gets a new Segmenter, so the first dictionary built for a text is what
// is checked.
func agreement(t *testing.T, ref *gse.Segmenter, texts []string, fresh bool) (same, total int, examples []string) {
	s := Default()
	for _, text := range texts {
		if fresh {
			s = &Segmenter{lex: s.lex, total: s.total}
		}
		mine := map[runeSpan]bool{}
		words := s.Cut(text)
		for _, w := range words {
			mine[runeSpan{w.Start, w.End}] = true
		}
		runes := []rune(text)
		theirs := gseSpans(ref, text)
		if len(theirs) > 0 && theirs[len(theirs)-1].end != len(runes) {
			t.Fatalf("gse covered %d of %d runes", theirs[len(theirs)-1].end, len(runes))
		}
		for _, sp := range theirs {
			total++
			if mine[sp] {
				same++
				continue
			}
			if len(examples) < 12 {
				examples = append(examples, fmt.Sprintf("gse %q, Cut %q",
					joinOverlapping(runes, theirs, sp), joinOverlapping(runes, spansOf(words), sp)))
			}
		}
	}
	return same, total, examples
}

func spansOf(ws []Word) []runeSpan {
	out := make([]runeSpan, len(ws))
	for i, w := range ws {
		out[i] = runeSpan{w.Start, w.End}
	}
	return out
}

// joinOverlapping shows the words of spans around sp, joined by |.
func joinOverlapping(runes []rune, spans []runeSpan, sp runeSpan) string {
	var parts []string
	for _, x := range spans {
		if x.end > sp.start-2 && x.start < sp.end+2 {
			parts = append(parts, string(runes[x.start:x.end]))
		}
	}
	return strings.Join(parts, "|")
}

func TestAgreementWithGse(t *testing.T) {
	ref := reference(t)
	texts := corpusText(t)
	for _, fresh := range []bool{false, true} {
		same, total, examples := agreement(t, ref, texts, fresh)
		pct := 100 * float64(same) / float64(total)
		t.Logf("agreement with gse (zh_s + gongwen.txt, full load) on %d corpus files, fresh dictionary per file %v: %d of %d words (%.4f%%)", len(texts), fresh, same, total, pct)
		for _, e := range examples {
			t.Logf("  differs: %s", e)
		}
		// Cut hands gse exactly the words and weights of the full
		// dictionary, so anything short of every word is a bug.
		if same != total {
			t.Errorf("agreement %.4f%%: %d words differ", pct, total-same)
		}
	}
}

func TestAgreementWithPlainGse(t *testing.T) {
	// What the domain dictionary changes against gse as it ships: each
	// difference should be a domain term kept whole.
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	plain, err := lexgen.Plain()
	if err != nil {
		t.Fatal(err)
	}
	texts := corpusText(t)
	same, total, examples := agreement(t, plain, texts, false)
	pct := 100 * float64(same) / float64(total)
	t.Logf("agreement with plain gse (zh_s alone): %d of %d words (%.4f%%)", same, total, pct)
	for _, e := range examples {
		t.Logf("  differs: %s", e)
	}
	// The domain dictionary joins a few hundred words in this corpus; far
	// more would mean it distorts ordinary text.
	if pct < 99 {
		t.Errorf("agreement with plain gse %.4f%% is below 99%%", pct)
	}
}

func TestCorpusFilesPresent(t *testing.T) {
	for _, dir := range []string{"gov", "pairs", "tongbao", "forward"} {
		files, _ := filepath.Glob(filepath.Join("../../testdata/corpus", dir, "*.txt"))
		if len(files) == 0 {
			t.Errorf("no corpus files in testdata/corpus/%s", dir)
		}
	}
}

// draft is 5,000 characters of a real document: the size of draft a
// pre-commit hook checks.
func draft(tb testing.TB) string {
	tb.Helper()
	for _, text := range corpusText(tb) {
		if r := []rune(text); len(r) >= 5000 && strings.Contains(text, "国发〔2019〕4号") {
			return string(r[:5000])
		}
	}
	tb.Fatal("no 5,000-character corpus file")
	return ""
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lx, err := parseLexicon(dict.LexiconIndex)
		if err != nil {
			b.Fatal(err)
		}
		_ = &Segmenter{lex: lx, total: lx.total}
	}
}

// BenchmarkLoadAndCutDraft is what a cold check pays for segmentation: a
// fresh segmenter and one 5,000-character draft.
func BenchmarkLoadAndCutDraft(b *testing.B) {
	text := draft(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		lx, err := parseLexicon(dict.LexiconIndex)
		if err != nil {
			b.Fatal(err)
		}
		(&Segmenter{lex: lx, total: lx.total}).Cut(text)
	}
}

// BenchmarkLoadFullGse is the naive way, for comparison: gse's own
// dictionary load, then the same draft.
func BenchmarkLoadFullGse(b *testing.B) {
	if testing.Short() {
		b.Skip("loads gse's full dictionary")
	}
	text := []byte(draft(b))
	b.ReportAllocs()
	for b.Loop() {
		g, err := lexgen.Plain()
		if err != nil {
			b.Fatal(err)
		}
		g.Segment(text)
	}
}

func TestBenchmarkDraft(t *testing.T) {
	if d := draft(t); utf8.RuneCountInString(d) != 5000 || !bytes.Contains([]byte(d), []byte("职业教育")) {
		t.Fatalf("draft is not the 国发〔2019〕4号 excerpt")
	}
}
