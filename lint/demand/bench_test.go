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
	data, err := os.ReadFile("/tmp/draft5000.txt")
	if err != nil {
		b.Skip(err)
	}
	lx := Builtin()
	for b.Loop() {
		lx.Analyze(Prepare(string(data)), Document{})
	}
}
