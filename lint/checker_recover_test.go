package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckFilesSurvivesAPanickingRule: a rule that panics on one draft
// costs that draft only. Before, the panic ended the process from a
// worker goroutine, with a stack trace and no report for any file.
func TestCheckFilesSurvivesAPanickingRule(t *testing.T) {
	boom := &Rule{ID: "boom", Severity: Warning, Source: "实务通行做法", Doc: "panics on drafts that mention 爆炸",
		Run: func(p *Pass) {
			if strings.Contains(p.Doc.Text, "爆炸") {
				panic("index out of range [7] with length 3")
			}
			p.Report(Finding{Span: Span{Start: 0, End: 1}, Message: "checked"})
		}}
	c, err := NewChecker(NewRegistry(boom), nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths := []string{writeDraft(t, dir, "a.txt", "关于安全生产的通知\n"), writeDraft(t, dir, "b.txt", "关于爆炸的通知\n"), writeDraft(t, dir, "c.txt", "关于防汛的通知\n")}
	for _, jobs := range []int{1, 2} {
		rs := c.CheckFiles(paths, jobs)
		for i, r := range rs {
			if r.Path != paths[i] {
				t.Fatalf("result %d is for %s", i, r.Path)
			}
		}
		if rs[1].Err == nil || !strings.Contains(rs[1].Err.Error(), "internal error while checking this file") || !strings.Contains(rs[1].Err.Error(), "index out of range") {
			t.Errorf("jobs=%d: panicking draft: err %v", jobs, rs[1].Err)
		}
		for _, i := range []int{0, 2} {
			if rs[i].Err != nil || len(rs[i].Findings) != 1 {
				t.Errorf("jobs=%d: %s not checked: %v %v", jobs, paths[i], rs[i].Err, rs[i].Findings)
			}
		}
		if ExitCode(rs, Warning) != 2 {
			t.Errorf("exit code %d, want 2", ExitCode(rs, Warning))
		}
	}
}

func writeDraft(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
