package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// lspDraft has half-width marks after two characters of CJK Extension B,
// which UTF-16 counts as two units each and Neovim as four bytes each.
const lspDraft = "关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n现将有关事项通知如下,请认真贯彻落实。𠀀𠀁请各乡镇按时报送材料,不得延误.\n"

// TestLSPWithNeovim starts a real editor, Debian's Neovim, headless, with
// the README's init.lua snippet as written, on a Markdown draft in a
// directory with a .gwlint.yaml, and checks that its built-in client gets
// the diagnostics where they belong and that a fix applies.
func TestLSPWithNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("Neovim is not installed (apt-get install neovim)")
	}
	if testing.Short() {
		t.Skip("builds gwlint and starts Neovim")
	}
	bin := buildGwlint(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".gwlint.yaml"), []byte("rules:\n  genre-title: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(dir, "通知.md")
	if err := os.WriteFile(draft, []byte(lspDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("testdata/lsp_nvim.lua")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	section = section[strings.Index(section, "\n### Neovim\n"):]
	snippet := regexp.MustCompile("(?s)```lua\n(.*?)```").FindStringSubmatch(section)
	if snippet == nil {
		t.Fatal("the README's Neovim section has no lua snippet")
	}
	initLua := filepath.Join(t.TempDir(), "init.lua")
	if err := os.WriteFile(initLua, []byte(snippet[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "seen.txt")
	cmd := exec.Command(nvim, "--headless", "-u", initLua, "-i", "NONE", "-n", draft, "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GWLINT_OUT="+out, "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_STATE_HOME="+dir, "XDG_CACHE_HOME="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("Neovim did not finish; stderr:\n%s", stderr.String())
	}
	seen, rerr := os.ReadFile(out)
	if err != nil || rerr != nil {
		t.Fatalf("nvim: %v; %v\nstderr:\n%s", err, rerr, stderr.String())
	}
	got := string(seen)
	t.Logf("Neovim saw:\n%s", got)
	// Byte columns: the second comma follows 31 runes, 93 bytes (two of
	// them 4-byte Extension B characters); the full stop follows 36 runes,
	// 106 bytes. A server that counted runes or bytes instead of UTF-16
	// units would put them elsewhere.
	for _, want := range []string{
		"diag 4:30-4:31 sev=1 source=gwlint code=punct-halfwidth 【半角标点】中文逗号应使用全角",
		"diag 4:93-4:94 sev=1 source=gwlint code=punct-halfwidth 【半角标点】中文逗号应使用全角",
		"diag 4:106-4:107 sev=1 source=gwlint code=punct-halfwidth 【半角标点】中文句号应使用全角",
		"action quickfix gwlint：将“,”改为“，”",
		"action source.fixAll.gwlint gwlint：修正本文全部可机械修正的问题（3处）",
		"client gwlint",
		"line 现将有关事项通知如下,请认真贯彻落实。𠀀𠀁请各乡镇按时报送材料，不得延误.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Neovim did not see %q", want)
		}
	}
	if strings.Contains(got, "genre-title") {
		t.Errorf("genre-title is off in .gwlint.yaml but Neovim shows it")
	}
	if strings.Contains(got, "TIMEOUT") {
		t.Errorf("no diagnostics arrived; stderr:\n%s", stderr.String())
	}
}

// TestLSPCommand drives `gwlint lsp` as a process: initialize, shutdown,
// exit, and the exit status the protocol asks for.
func TestLSPCommand(t *testing.T) {
	frame := func(s string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(s), s) }
	for _, tc := range []struct {
		name  string
		input string
		code  int
	}{
		{"shutdown and exit", frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) + frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`), 0},
		{"exit without shutdown", frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`), 1},
		{"garbage then end of input", "not a frame\r\n\r\n" + frame(`{oops`), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"gwlint", "lsp"}, strings.NewReader(tc.input), &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tc.code, stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), "Content-Length: ") {
				t.Errorf("stdout is not the protocol: %q", stdout.String())
			}
		})
	}
}
