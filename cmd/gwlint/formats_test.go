package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// formatFixtures hold one short notice, with a slip of each kind, written
// as every input type gwlint reads.
var formatFixtures = []string{
	"notice.txt", "notice-crlf.txt", "notice-gbk.txt", "notice-utf16.txt",
	"notice.md", "notice.docx", "notice.html",
}

type reportFile struct {
	Path     string `json:"path"`
	Title    string `json:"title"`
	Kind     string `json:"kind"`
	Chars    int    `json:"chars"`
	Findings []struct {
		Rule      string `json:"rule"`
		Message   string `json:"message"`
		Offset    int    `json:"offset"`
		EndOffset int    `json:"end_offset"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
	} `json:"findings"`
}

// TestFormatsAgree: the same draft read from .txt (UTF-8, CRLF, GBK,
// UTF-16), Markdown, .docx and HTML gives the same title, 文种, 字数 and
// findings, and every finding's offsets point at the same words in each
// file's decoded text, as the contract defines it.
func TestFormatsAgree(t *testing.T) {
	var base *reportFile
	for _, name := range formatFixtures {
		path := "testdata/formats/" + name
		out, _, code := gwlint(t, "", "check", "--format", "json", path)
		if code != 1 {
			t.Fatalf("%s: exit %d", name, code)
		}
		golden(t, "formats/"+name+".json", out)
		sarif, _, _ := gwlint(t, "", "check", "--format", "sarif", path)
		golden(t, "formats/"+name+".sarif", sarif)

		var rep struct{ Files []reportFile }
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		f := rep.Files[0]
		// The layout-* rules read the page of a .docx, which no other
		// format has; the text findings are what must agree.
		kept := f.Findings[:0]
		for _, fd := range f.Findings {
			if !strings.HasPrefix(fd.Rule, "layout-") {
				kept = append(kept, fd)
			}
		}
		f.Findings = kept
		doc, err := lint.ParseFile(filepath.Join("..", "..", path))
		if err != nil {
			t.Fatal(err)
		}
		if base == nil {
			base = &f
			if f.Chars != 176 || f.Kind != "通知" || len(f.Findings) != 7 {
				t.Fatalf("%s: chars %d, kind %q, %d findings", name, f.Chars, f.Kind, len(f.Findings))
			}
		}
		if f.Title != base.Title || f.Kind != base.Kind || f.Chars != base.Chars || len(f.Findings) != len(base.Findings) {
			t.Errorf("%s: %q %q %d chars %d findings, want %q %q %d chars %d findings", name,
				f.Title, f.Kind, f.Chars, len(f.Findings), base.Title, base.Kind, base.Chars, len(base.Findings))
			continue
		}
		baseDoc, _ := lint.ParseFile("../../testdata/formats/" + formatFixtures[0])
		for i, fd := range f.Findings {
			b := base.Findings[i]
			got := doc.Index().Slice(lint.Span{Start: fd.Offset, End: fd.EndOffset})
			want := baseDoc.Index().Slice(lint.Span{Start: b.Offset, End: b.EndOffset})
			if fd.Rule != b.Rule || fd.Message != b.Message || strings.TrimSpace(got) != strings.TrimSpace(want) {
				t.Errorf("%s: finding %d is %s at %q, want %s at %q", name, i, fd.Rule, got, b.Rule, want)
			}
			// line and column agree with the offset in the decoded text.
			pos := doc.Position(fd.Offset)
			if pos.Line != fd.Line || pos.Column != fd.Column {
				t.Errorf("%s: %s at offset %d reported %d:%d, index says %d:%d", name, fd.Rule, fd.Offset, fd.Line, fd.Column, pos.Line, pos.Column)
			}
		}
	}
}

// TestMarkdownSuppression: inline directives silence what they name, and
// a directive that silences nothing is reported.
func TestMarkdownSuppression(t *testing.T) {
	src, err := os.ReadFile("../../testdata/formats/notice.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "各乡（镇）要落实", "<!-- gwlint-disable-next-line burden-veto -- 县委已决定保留 -->\n各乡（镇）要落实", 1)
	text = strings.Replace(text, "## 二、", "<!-- gwlint-disable burden-* -->\n\n## 二、", 1)
	text += "\n<!-- gwlint-enable burden-* -->\n<!-- gwlint-disable-next-line date-format -->\n\n再次强调。\n"
	path := filepath.Join(t.TempDir(), "s.md")
	os.WriteFile(path, []byte(text), 0o644)
	out, _, _ := gwlint(t, "", "check", "--format", "json", path)
	var rep struct{ Files []reportFile }
	json.Unmarshal([]byte(out), &rep)
	rules := map[string]int{}
	for _, f := range rep.Files[0].Findings {
		rules[f.Rule]++
	}
	if rules["burden-veto"] != 0 || rules["burden-proof"] != 0 || rules["burden-deadline"] != 0 {
		t.Errorf("suppressed burden findings remain: %v", rules)
	}
	if rules["unused-suppression"] != 1 || rules["date-format"] != 1 || rules["docno-format"] != 1 {
		t.Errorf("want the unused date-format directive reported and the rest kept: %v\n%s", rules, out)
	}
}
