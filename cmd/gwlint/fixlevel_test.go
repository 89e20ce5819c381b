package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixLevel: --fix applies only the fixes of findings at or above the
// fail level, so the info-level 顿号 between quoted items (GB/T 15834 says
// 通常; published State Council text writes “请进来”、“走出去”) is left as
// written, while a half-width comma (an error) is fixed. --fix-level info
// fixes both; --fix-level error with --fail-level info fixes only errors.
func TestFixLevel(t *testing.T) {
	const draft = "某市人民政府办公室关于做好对外交流工作的通知\n\n各处室：\n坚持“请进来”、“走出去”相结合,做好交流工作。\n\n某市人民政府办公室\n2024年1月10日\n"
	tests := []struct {
		name      string
		flags     []string
		comma     bool // the half-width comma is fixed
		dunhao    bool // the 顿号 between the quotations is removed
		wantFixes string
	}{
		{"default: at the fail level (warning)", []string{"--fix"}, true, false, "已修改 1 处"},
		{"--fix-level info", []string{"--fix", "--fix-level", "info"}, true, true, "已修改 2 处"},
		{"--fail-level info fixes info too", []string{"--fix", "--fail-level", "info"}, true, true, "已修改 2 处"},
		{"--fix-level error under --fail-level info", []string{"--fix", "--fail-level", "info", "--fix-level", "error"}, true, false, "已修改 1 处"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "d.txt")
			must(t, os.WriteFile(p, []byte(draft), 0o644))
			var out, errb bytes.Buffer
			run(append(append([]string{"gwlint", "check"}, tt.flags...), p), strings.NewReader(""), &out, &errb)
			got, err := os.ReadFile(p)
			must(t, err)
			s := string(got)
			if fixed := !strings.Contains(s, "相结合,"); fixed != tt.comma {
				t.Errorf("comma fixed = %v, want %v: %q", fixed, tt.comma, s)
			}
			if fixed := !strings.Contains(s, "”、“"); fixed != tt.dunhao {
				t.Errorf("顿号 removed = %v, want %v: %q", fixed, tt.dunhao, s)
			}
			if !strings.Contains(errb.String(), tt.wantFixes) {
				t.Errorf("stderr %q, want %q", errb.String(), tt.wantFixes)
			}
		})
	}
	_, stderr, code := gwlint(t, "", "check", "--fix-level", "info", example)
	if code != 2 || !strings.Contains(stderr, "--fix") {
		t.Errorf("--fix-level without --fix: exit %d, %q; want 2 and a word on --fix", code, stderr)
	}
	if _, _, code := gwlint(t, "", "check", "--fix", "--fix-level", "loud", example); code != 2 {
		t.Errorf("bad --fix-level: exit %d, want 2", code)
	}
}

// TestFlagAfterPathRefused: a flag after the paths is refused with exit 2,
// whether written --parent or -parent (urfave/cli reads both forms before
// the paths, and after them would take the flag and its value as drafts).
// A lone "-" (standard input) and a file whose name only starts with a
// dash are still paths.
func TestFlagAfterPathRefused(t *testing.T) {
	for _, args := range [][]string{
		{"check", example, "--parent", exampleParent},
		{"check", example, "-parent", exampleParent},
		{"check", example, "-parent=" + exampleParent},
		{"check", example, "-fix"},
		{"check", example, "-format", "json"},
		{"check", example, "-fail-level=error"},
	} {
		stdout, stderr, code := gwlint(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "选项要写在路径之前") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a word on flag order", args[1:], code, stderr)
		}
		if stdout != "" {
			t.Errorf("%v: linted anyway: %s", args[1:], stdout)
		}
	}
	dir := t.TempDir()
	dash := filepath.Join(dir, "-notes.txt")
	must(t, os.WriteFile(dash, []byte(cleanDraft), 0o644))
	wd, _ := os.Getwd()
	must(t, os.Chdir(dir))
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	if code := run([]string{"gwlint", "check", "--", "-notes.txt", "-"}, strings.NewReader(cleanDraft), &out, &errb); code != 0 {
		t.Errorf("a file named -notes.txt and - for stdin: exit %d, %s", code, errb.String())
	}
}
