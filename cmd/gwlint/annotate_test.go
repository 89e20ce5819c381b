package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckWritesAnnotatedDocx: --format docx writes each draft back as
// a Word file with its 批注 and 修订 into --output, keeps the text report
// and the exit code, and never touches the draft.
func TestCheckWritesAnnotatedDocx(t *testing.T) {
	dir := t.TempDir()
	before, _ := os.ReadFile("../../" + example)
	out, errs, code := gwlint(t, "", "check", "--format", "docx", "--output", dir, "--author", "县政府办公室", "--parent", exampleParent, example)
	if code != 1 || !strings.Contains(out, "length-cap") {
		t.Fatalf("code %d, the text report should stay:\n%s", code, out)
	}
	want := filepath.Join(dir, "notice-审核意见.docx")
	if !strings.Contains(errs, want) || !strings.Contains(errs, "条批注") {
		t.Errorf("stderr does not say where the file went: %s", errs)
	}
	data, err := os.ReadFile(want)
	if err != nil || len(data) < 1000 || string(data[:2]) != "PK" {
		t.Fatalf("no annotated .docx: %v", err)
	}
	if after, _ := os.ReadFile("../../" + example); string(after) != string(before) {
		t.Error("the draft was changed")
	}
	if _, errs, code := gwlint(t, "", "check", "--format", "docx", example); code != 2 || !strings.Contains(errs, "--output") {
		t.Errorf("--format docx without --output: code %d, %s", code, errs)
	}
	if _, errs, code := gwlint(t, "", "check", "--output", dir, example); code != 2 || !strings.Contains(errs, "--format docx") {
		t.Errorf("--output without --format docx: code %d, %s", code, errs)
	}
}
