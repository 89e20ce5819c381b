package main

import (
	"os"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// readmeReferenceMark precedes the configuration reference in the README.
const readmeReferenceMark = "<!-- The block below is generated from the options the rules declare"

// TestReadmeConfigReference: the README's configuration reference is the
// one generated from the rules' declared options; -update rewrites it.
func TestReadmeConfigReference(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i := strings.Index(readme, readmeReferenceMark)
	if i < 0 {
		t.Fatal("README lacks the configuration reference mark")
	}
	start := strings.Index(readme[i:], "```yaml\n")
	if start < 0 {
		t.Fatal("no yaml block after the mark")
	}
	start += i + len("```yaml\n")
	end := strings.Index(readme[start:], "```\n")
	if end < 0 {
		t.Fatal("the yaml block does not end")
	}
	end += start
	want := lint.ConfigReference()
	if got := readme[start:end]; got != want {
		if *update {
			if err := os.WriteFile(path, []byte(readme[:start]+want+readme[end:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("the README's configuration reference is out of date; run go test ./cmd/gwlint -run TestReadmeConfigReference -update\n--- want:\n%s", want)
	}
	// The reference loads as it stands.
	if _, err := lint.ParseConfig("README.md", []byte(want)); err != nil {
		t.Errorf("the reference does not load: %v", err)
	}
}
