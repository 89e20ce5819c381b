package rules

import (
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/seg"
)

func burdenBenchDocs(b *testing.B) []*lint.Document {
	var docs []*lint.Document
	for _, path := range burdenCorpusFiles(b) {
		doc, err := lint.ParseFile(path)
		if err != nil {
			b.Fatal(err)
		}
		doc.Words() // segmentation is not what this measures
		docs = append(docs, doc)
	}
	return docs
}

// BenchmarkBurdenRules is the time of the forward-*, burden-* and
// style-taohua rules over the corpus (105 documents) with the words
// precomputed: the cost the phrase lists add. Compare it with
// BenchmarkBurdenSegmentation, the cost of segmenting the same texts.
func BenchmarkBurdenRules(b *testing.B) {
	docs := burdenBenchDocs(b)
	checker, err := lint.NewChecker(lint.NewRegistry(burdenFamilyRules()...), lint.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	checker.Check(docs[0]) // compile the lists outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			checker.Check(d)
		}
	}
}

// BenchmarkBurdenSegmentation segments the corpus, for comparison.
func BenchmarkBurdenSegmentation(b *testing.B) {
	docs := burdenBenchDocs(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			seg.Default().Cut(d.Prose)
		}
	}
}

// TestBurdenRegistered: the families are in All, and the phrase rules and
// the lists agree on rule IDs.
func TestBurdenRegistered(t *testing.T) {
	for _, r := range burdenFamilyRules() {
		if All().Lookup(r.ID) != r {
			t.Errorf("%s not registered", r.ID)
		}
	}
	for _, id := range phraseRuleIDs {
		if All().Lookup(id) == nil {
			t.Errorf("phrase rule %s not registered", id)
		}
	}
}

// TestBurdenConcurrent runs the family on many documents at once, as the
// Checker may; run with -race.
func TestBurdenConcurrent(t *testing.T) {
	checker, err := lint.NewChecker(lint.NewRegistry(burdenFamilyRules()...), lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	files := burdenCorpusFiles(t)
	done := make(chan int, 4)
	for w := 0; w < 4; w++ {
		go func(w int) {
			n := 0
			for i := w; i < len(files); i += 4 {
				doc, err := lint.ParseFile(files[i])
				if err == nil {
					n += len(checker.Check(doc).Findings)
				}
			}
			done <- n
		}(w)
	}
	for w := 0; w < 4; w++ {
		<-done
	}
}
