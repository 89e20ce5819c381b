package lsp

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/library"
)

// draft is a short notice with three half-width marks (each with a fix)
// after two characters of CJK Extension B, which are two UTF-16 units
// each: the positions after them differ between runes and UTF-16.
const draft = "关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n现将有关事项通知如下,请认真贯彻落实。𠀀𠀁请各乡镇按时报送材料,不得延误.\n"

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// byRule picks the diagnostics of one rule.
func byRule(diags []any, rule string) []map[string]any {
	var out []map[string]any
	for _, d := range diags {
		if m := d.(map[string]any); m["code"] == rule {
			out = append(out, m)
		}
	}
	return out
}

func rangeOf(d map[string]any) [4]int {
	r := d["range"].(map[string]any)
	s, e := r["start"].(map[string]any), r["end"].(map[string]any)
	return [4]int{int(s["line"].(float64)), int(s["character"].(float64)), int(e["line"].(float64)), int(e["character"].(float64))}
}

func TestDiagnosticsOnOpenWithConfig(t *testing.T) {
	dir := t.TempDir()
	// The configuration turns genre-title off and raises punct-halfwidth
	// to... its default, error: the finding of a rule switched off must
	// not arrive.
	writeFile(t, filepath.Join(dir, ".gwlint.yaml"), "rules:\n  genre-title: off\n")
	path := filepath.Join(dir, "sub", "通知.md")
	writeFile(t, path, draft)
	c := newClient(t, Options{})
	c.initialize(dir)
	uri := uriOf(path)
	c.open(uri, "markdown", draft, 1)
	diags := c.diagnostics(uri, 1)
	if len(byRule(diags, "genre-title")) != 0 {
		t.Errorf("genre-title is off in .gwlint.yaml but was reported: %v", diags)
	}
	half := byRule(diags, "punct-halfwidth")
	// Line 4 (0-based): "现将有关事项通知如下," — the comma is rune 10;
	// after 𠀀𠀁 (runes 19 and 20) rune r is UTF-16 character r+2: the
	// second comma is rune 31, the full stop rune 36.
	want := [][4]int{{4, 10, 4, 11}, {4, 33, 4, 34}, {4, 38, 4, 39}}
	if len(half) != len(want) {
		t.Fatalf("punct-halfwidth diagnostics: got %d, want %d: %v", len(half), len(want), diags)
	}
	for i, d := range half {
		if got := rangeOf(d); got != want[i] {
			t.Errorf("punct-halfwidth %d: range %v, want %v (UTF-16 positions)", i, got, want[i])
		}
		if d["severity"] != float64(severityError) || d["source"] != "gwlint" {
			t.Errorf("punct-halfwidth %d: severity %v source %v, want 1 and gwlint", i, d["severity"], d["source"])
		}
		if msg := d["message"].(string); !strings.HasPrefix(msg, "【半角标点】") || !strings.Contains(msg, "全角") || !strings.Contains(msg, "GB/T 15834") {
			t.Errorf("punct-halfwidth %d: message %q lacks the finding or its authority", i, msg)
		}
		data := d["data"].(map[string]any)
		if data["rule"] != "punct-halfwidth" || data["ruleName"] != "半角标点" || data["ruleDoc"] == "" {
			t.Errorf("punct-halfwidth %d: data %v lacks the rule and its description", i, data)
		}
	}
}

func TestChangesAreDebounced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.txt")
	c := newClient(t, Options{Debounce: 200 * time.Millisecond})
	c.initialize(dir)
	uri := uriOf(path)
	c.open(uri, "plaintext", draft, 1)
	c.diagnostics(uri, 1)
	// Five keystrokes in a burst, the last one incremental: one check,
	// of the last version.
	text := draft
	for v := 2; v <= 5; v++ {
		text += "补"
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": text}},
		})
	}
	// Replace the comma after 𠀀𠀁 (line 4, UTF-16 33..34) by a full-width
	// one: the range is in UTF-16 units, so the edit lands after the
	// astral pair only when the server converts them.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 6},
		"contentChanges": []any{map[string]any{
			"range": map[string]any{"start": map[string]any{"line": 4, "character": 33}, "end": map[string]any{"line": 4, "character": 34}},
			"text":  "，",
		}},
	})
	m := c.wait(func(m map[string]any) bool { return m["method"] == "textDocument/publishDiagnostics" }, "diagnostics after the changes")
	p := m["params"].(map[string]any)
	if p["version"] != float64(6) {
		t.Fatalf("first diagnostics after a burst of changes are of version %v, want only the last (6)", p["version"])
	}
	half := byRule(p["diagnostics"].([]any), "punct-halfwidth")
	if len(half) != 2 || rangeOf(half[1]) != [4]int{4, 38, 4, 39} {
		t.Errorf("after the incremental fix: %d punct-halfwidth diagnostics, want 2 with the second at 4:38; %v", len(half), half)
	}
	// Saving checks at once.
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	c.diagnostics(uri, 6)
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if d := c.diagnostics(uri, -1); len(d) != 0 {
		t.Errorf("closing a draft should clear its diagnostics, got %v", d)
	}
}

// applyEdits applies LSP text edits (in UTF-16 positions) to text, last
// first, as an editor does.
func applyEdits(t *testing.T, text string, edits []any) string {
	t.Helper()
	type e struct {
		start, end int
		text       string
	}
	var es []e
	for _, x := range edits {
		m := x.(map[string]any)
		r := rangeOf(m)
		es = append(es, e{runeOffset(text, Position{r[0], r[1]}), runeOffset(text, Position{r[2], r[3]}), m["newText"].(string)})
	}
	for i := len(es) - 1; i >= 0; i-- {
		rs := []rune(text)
		text = string(rs[:es[i].start]) + es[i].text + string(rs[es[i].end:])
	}
	return text
}

func TestCodeActions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.md")
	c := newClient(t, Options{Debounce: time.Hour}) // the action must not wait for the debounce
	c.initialize(dir)
	uri := uriOf(path)
	c.open(uri, "markdown", draft, 1)
	c.diagnostics(uri, 1)
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": "前言。\n" + draft}},
	})
	// The cursor on the second comma, one line further down now.
	res := c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        map[string]any{"start": map[string]any{"line": 5, "character": 33}, "end": map[string]any{"line": 5, "character": 33}},
		"context":      map[string]any{"diagnostics": []any{}},
	})
	actions, _ := res["result"].([]any)
	var quick, all map[string]any
	for _, a := range actions {
		m := a.(map[string]any)
		switch m["kind"] {
		case kindQuickFix:
			quick = m
		case kindFixAll:
			all = m
		}
	}
	if quick == nil || all == nil {
		t.Fatalf("want a quick fix and a fix-all action, got %v", res)
	}
	if title := quick["title"].(string); title != "gwlint：将“,”改为“，”" {
		t.Errorf("quick fix title %q", title)
	}
	edits := quick["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)
	text := "前言。\n" + draft
	if got := applyEdits(t, text, edits); got != strings.Replace(text, "材料,", "材料，", 1) {
		t.Errorf("the quick fix gives\n%s", got)
	}
	edits = all["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any)
	want := strings.NewReplacer("如下,", "如下，", "材料,", "材料，", "延误.", "延误。").Replace(text)
	if got := applyEdits(t, text, edits); got != want {
		t.Errorf("fix-all gives\n%s\nwant\n%s", got, want)
	}
	// Filtered by kind, only the fix-all action.
	res = c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}},
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}},
	})
	if actions := res["result"].([]any); len(actions) != 1 || actions[0].(map[string]any)["kind"] != kindFixAll {
		t.Errorf("only source.fixAll: got %v", actions)
	}
}

// A copied passage points at the parent's text, converted to UTF-16
// positions in the parent, whose first line has an astral character.
func TestRelatedParentFromConfig(t *testing.T) {
	dir := t.TempDir()
	passage := "各地区各部门要切实加强组织领导，压实工作责任，确保各项防汛措施落到实处，坚决守住安全底线。"
	parent := "国务院办公厅关于做好防汛工作的通知𠀀\n\n" + passage + "\n"
	writeFile(t, filepath.Join(dir, "parents", "parent.txt"), parent)
	writeFile(t, filepath.Join(dir, ".gwlint.yaml"), "parents:\n  - parents\n")
	path := filepath.Join(dir, "draft.md")
	text := "关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n" + passage + "\n"
	c := newClient(t, Options{})
	c.initialize(dir)
	uri := uriOf(path)
	c.open(uri, "markdown", text, 1)
	diags := c.diagnostics(uri, 1)
	copied := byRule(diags, "copy-passage")
	if len(copied) == 0 {
		t.Fatalf("no copy-passage diagnostic: %v", diags)
	}
	rel := copied[0]["relatedInformation"].([]any)[0].(map[string]any)
	loc := rel["location"].(map[string]any)
	if loc["uri"] != uriOf(filepath.Join(dir, "parents", "parent.txt")) {
		t.Errorf("related uri %v, want the parent's", loc["uri"])
	}
	if r := rangeOf(loc); r[0] != 2 || r[2] != 2 {
		t.Errorf("related range %v, want on the parent's third line", r)
	}
	if !strings.Contains(rel["message"].(string), "上级文件原文") {
		t.Errorf("related message %q", rel["message"])
	}

	// The same parent from a library named by the configuration.
	lib := filepath.Join(dir, "lib")
	l, err := library.Open(lib, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pdoc, err := lint.ParseFile(filepath.Join(dir, "parents", "parent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Add(lint.LibraryDoc(pdoc)); err != nil {
		t.Fatal(err)
	}
	l.Close()
	time.Sleep(10 * time.Millisecond) // a new modification time for the configuration
	writeFile(t, filepath.Join(dir, ".gwlint.yaml"), "library: lib\n")
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	diags = c.diagnostics(uri, 1)
	if len(byRule(diags, "copy-passage")) == 0 {
		t.Fatalf("no copy-passage diagnostic with the parent in the library: %v", diags)
	}
	// The library is not held open between checks: a writer gets it.
	l, err = library.Open(lib, library.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Errorf("the library stays locked after a check: %v", err)
	} else {
		l.Close()
	}
}

func TestConfigErrorIsADiagnostic(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".gwlint.yaml"), "rules:\n  no-such-rule: off\n")
	path := filepath.Join(dir, "draft.md")
	c := newClient(t, Options{})
	c.initialize(dir)
	c.open(uriOf(path), "markdown", draft, 1)
	diags := c.diagnostics(uriOf(path), 1)
	if len(diags) != 1 || !strings.Contains(diags[0].(map[string]any)["message"].(string), "配置文件有误") {
		t.Errorf("a bad configuration: want one diagnostic saying so, got %v", diags)
	}
	m := c.wait(func(m map[string]any) bool { return m["method"] == "window/showMessage" }, "a message about the configuration")
	if !strings.Contains(m["params"].(map[string]any)["message"].(string), "no-such-rule") {
		t.Errorf("showMessage %v does not name the problem", m)
	}
}

// Bad input: every message is answered with the right error, and the
// session goes on to answer a good request after it.
func TestBadMessages(t *testing.T) {
	dir := t.TempDir()
	c := newClient(t, Options{MaxMessageBytes: 4 << 20})
	nullID := func(code int) func(map[string]any) bool {
		return func(m map[string]any) bool { return m["id"] == nil && errorCode(m) == code }
	}
	// Before initialize, requests are refused.
	if m := c.call("textDocument/codeAction", map[string]any{}); errorCode(m) != codeServerNotInitialized {
		t.Errorf("request before initialize: %v", m)
	}
	c.initialize(dir)
	c.frame(`{"jsonrpc":"2.0","id":7,"method":`)
	c.wait(nullID(codeParseError), "a parse error for malformed JSON")
	c.frame(`[1,2,3]`)
	c.wait(nullID(codeInvalidRequest), "invalid request for a batch")
	c.frame(`{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}`)
	c.wait(nullID(codeInvalidRequest), "invalid request for an object id")
	c.raw("Content-Type: text/plain\r\n\r\n")
	c.wait(nullID(codeParseError), "a parse error for a frame without Content-Length")
	c.raw("this is not a header\r\nContent-Length: x\r\n\r\n")
	c.wait(nullID(codeParseError), "a parse error for a bad header")
	c.raw("Content-Length: " + strings.Repeat("9", 2000) + "\r\n\r\n")
	c.wait(nullID(codeParseError), "a parse error for an overlong header")
	big := `{"jsonrpc":"2.0","method":"x","params":"` + strings.Repeat("a", 5<<20) + `"}`
	c.frame(big)
	c.wait(nullID(codeInvalidRequest), "invalid request for a message over the limit")
	if m := c.call("workspace/symbol", map[string]any{"query": ""}); errorCode(m) != codeMethodNotFound {
		t.Errorf("unknown method: %v", m)
	}
	if m := c.call("textDocument/codeAction", "not an object"); errorCode(m) != codeInvalidParams {
		t.Errorf("bad params: %v", m)
	}
	c.notify("$/cancelRequest", map[string]any{"id": 1})
	c.notify("no/suchNotification", nil)
	c.notify("textDocument/didOpen", 42)
	// A document over the 2 MiB text limit is one diagnostic, not a crash.
	huge := strings.Repeat("请认真贯彻落实。", 100000) // 2.4 MB
	uri := uriOf(filepath.Join(dir, "huge.md"))
	c.open(uri, "markdown", huge, 1)
	diags := c.diagnostics(uri, 1)
	if len(diags) != 1 || !strings.Contains(diags[0].(map[string]any)["message"].(string), "过长") {
		t.Errorf("huge document: %v", diags)
	}
	// An empty draft, or one of markup only, is not an error: the user is
	// about to type.
	for i, text := range []string{"", "\n\n", "```\ncode\n```\n"} {
		uri := uriOf(filepath.Join(dir, fmt.Sprintf("new%d.md", i)))
		c.open(uri, "markdown", text, 1)
		if diags := c.diagnostics(uri, 1); len(diags) != 0 {
			t.Errorf("draft %q: want no diagnostics, got %v", text, diags)
		}
	}
	// Still answering.
	if m := c.call("shutdown", nil); m["error"] != nil || m["result"] != nil {
		t.Errorf("shutdown after bad input: %v", m)
	}
}

func TestExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		shutdown bool
		want     error
	}{{"shutdown then exit", true, nil}, {"exit alone", false, ErrExitWithoutShutdown}} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, Options{})
			c.initialize(t.TempDir())
			if tc.shutdown {
				c.call("shutdown", nil)
			}
			c.notify("exit", nil)
			select {
			case err := <-c.done:
				if err != tc.want {
					t.Errorf("Serve returned %v, want %v", err, tc.want)
				}
				c.done <- err // for the cleanup
			case <-time.After(10 * time.Second):
				t.Fatal("the server did not exit")
			}
		})
	}
}

// A client that disappears in the middle of a message ends the session
// cleanly; the cleanup fails the test if Serve does not return.
func TestDisconnectMidMessage(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(t.TempDir())
	c.raw("Content-Length: 100\r\n\r\n{\"jsonrpc\":")
	c.in.Close()
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("Serve after a disconnect: %v", err)
		}
		c.done <- err
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not end")
	}
}

func TestInitializeCapabilities(t *testing.T) {
	c := newClient(t, Options{ToolVersion: "9.9"})
	res := c.initialize(t.TempDir())
	b, _ := json.Marshal(res["result"])
	for _, want := range []string{`"positionEncoding":"utf-16"`, `"codeActionProvider"`, `"includeText":true`, `"version":"9.9"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("initialize result lacks %s: %s", want, b)
		}
	}
}
