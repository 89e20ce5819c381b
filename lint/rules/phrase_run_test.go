package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// TestUserListReadOncePerRun: a user list is read when the run is built.
// Editing or deleting it while the run checks drafts changes nothing for
// the drafts after; the next run reads the new text.
func TestUserListReadOncePerRun(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "local.yaml")
	write := func(pattern string) {
		t.Helper()
		text := `kinds:
  - rule: burden-app
    severity: warning
    slots: [` + pattern + `]
    message: 本地词表：强制使用“村村通”打卡
    source: 本县减负清单第3条
    match: [要求使用［` + pattern + `］]
    nomatch: [村村通公路]
`
		if err := os.WriteFile(list, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fromList := func(c *lint.Checker) int {
		n := 0
		for _, f := range c.Check(lint.ParseText("d.txt", burdenNotice("要求村干部使用村村通打卡。"))).Findings {
			if f.Source == "本县减负清单第3条" {
				n++
			}
		}
		return n
	}
	write("村村通打卡")
	cfg := lint.DefaultConfig()
	cfg.Phrases = []string{list}
	c, err := lint.NewChecker(lint.NewRegistry(BurdenApp), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if fromList(c) != 1 {
		t.Fatal("the user entry does not fire")
	}
	write("乡乡通打卡")
	if fromList(c) != 1 {
		t.Error("a list edited during the run changed its results")
	}
	os.Remove(list)
	if fromList(c) != 1 {
		t.Error("a list deleted during the run changed its results")
	}
	write("乡乡通打卡")
	c, err = lint.NewChecker(lint.NewRegistry(BurdenApp), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if n := fromList(c); n != 0 {
		t.Errorf("the next run still applies the old entry (%d findings)", n)
	}
}
