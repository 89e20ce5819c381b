package demand

import (
	"os"
	"testing"
)

// BenchmarkCompile is the cost of compiling the embedded lists, paid once
// per process at the first check.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		if _, err := compileParsed(builtinParsed); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyze is the model over a 5,000-character draft, segmenting
// the sentences where some kind could match.
func BenchmarkAnalyze(b *testing.B) {
	// The first 5,000 characters of 国发〔2019〕4号, the draft the lint
	// benchmarks use.
	data, err := os.ReadFile("../../testdata/corpus/gov/govcn_5365341.txt")
	if err != nil {
		b.Skip(err)
	}
	if r := []rune(string(data)); len(r) > 5000 {
		data = []byte(string(r[:5000]))
	}
	lx := Builtin()
	for b.Loop() {
		lx.Analyze(Prepare(string(data)), Document{})
	}
}
