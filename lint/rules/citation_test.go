package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// citesInMessage reports whether a finding's message carries a citation:
// its source, or a standard or regulation in brackets. The message says
// what is wrong and what is right; Source says who says so, and reports
// print each once.
func citesInMessage(f lint.Finding) bool {
	for _, cite := range []string{"（GB/T", "(GB/T", "（《党政机关公文处理工作条例》", "（《整治形式主义为基层减负若干规定》", "（实务通行做法"} {
		if strings.Contains(f.Message, cite) {
			return true
		}
	}
	return f.Source != "" && strings.Contains(f.Message, f.Source)
}

// TestMessagesCiteNothing runs every rule over the example notice with its
// parent and over the corpus: no finding repeats its source in its
// message, and every finding has one.
func TestMessagesCiteNothing(t *testing.T) {
	var paths []string
	for _, glob := range []string{"../../testdata/example/*.txt", "../../testdata/corpus/*/*.txt", "../../testdata/formats/*"} {
		m, _ := filepath.Glob(glob)
		paths = append(paths, m...)
	}
	if len(paths) < 50 {
		t.Fatalf("only %d drafts found", len(paths))
	}
	run, err := lint.NewRun(lint.RunOptions{Registry: All(), Parents: []string{"../../testdata/example/parents"}})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	seen := map[string]bool{}
	for _, r := range run.CheckFiles(paths, 0) {
		if r.Err != nil {
			if _, err := os.Stat(r.Path); err == nil && !strings.Contains(r.Path, "formats") {
				t.Errorf("%s: %v", r.Path, r.Err)
			}
			continue
		}
		for _, f := range r.Findings {
			seen[f.Rule] = true
			if f.Source == "" || citesInMessage(f) {
				t.Errorf("%s: %s: source %q, message %q", r.Path, f.Rule, f.Source, f.Message)
			}
		}
	}
	if len(seen) < 20 {
		t.Errorf("only %d rules fired: %v", len(seen), seen)
	}
}
