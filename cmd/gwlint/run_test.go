package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenListConfig writes a configuration naming a phrase list whose
// second entry names a rule that reads no phrase list, and returns the
// configuration's path and the draft to check.
func brokenListConfig(t *testing.T) (cfg, draft string) {
	t.Helper()
	dir := t.TempDir()
	list := `entries:
  - rule: burden-deadline
    severity: warning
    pattern: 村村通打卡
    message: 本地词表：强制使用“村村通”打卡
    source: 本县减负清单第3条
    match: [要求使用村村通打卡]
    nomatch: [村村通公路]
  - rule: burden-nosuch
    severity: warning
    pattern: 台账
    message: 台账
    source: 本县减负清单第4条
    match: [建立台账]
    nomatch: [台风]
`
	if err := os.WriteFile(filepath.Join(dir, "local.yaml"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg = filepath.Join(dir, ".gwlint.yaml")
	if err := os.WriteFile(cfg, []byte("phrases:\n  - local.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	draft = filepath.Join(dir, "draft.txt")
	if err := os.WriteFile(draft, []byte("关于开展检查的通知\n\n各乡镇：\n\n请认真落实。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg, draft
}

// TestBrokenPhraseListStopsTheRun: check exits 2 before any draft, with
// one error naming the configuration line, the list's file and line and
// the entry's rule; serve refuses to start with the same error.
func TestBrokenPhraseListStopsTheRun(t *testing.T) {
	cfg, draft := brokenListConfig(t)
	for _, args := range [][]string{
		{"check", "--config", cfg, draft, draft},
		{"serve", "--config", cfg, "--addr", "127.0.0.1:0"},
	} {
		stdout, stderr, code := gwlint(t, "", args...)
		if code != 2 {
			t.Errorf("gwlint %s: exit %d, want 2", args[0], code)
		}
		for _, want := range []string{".gwlint.yaml:1", "local.yaml:9", "burden-nosuch"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("gwlint %s: stderr %q lacks %q", args[0], stderr, want)
			}
		}
		if strings.Count(stderr, "burden-nosuch") != 1 || stdout != "" {
			t.Errorf("gwlint %s: want one error and no report, got stdout %q stderr %q", args[0], stdout, stderr)
		}
	}
}
