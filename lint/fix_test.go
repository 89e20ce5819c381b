package lint_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/read"
	"github.com/gwlint/gwlint/lint/rules"
)

// fixDraft has two mechanical faults: half-width commas between Han
// characters (punct-halfwidth) and a 发文字号 in square brackets
// (docno-format). fixedDraft is what --fix must make of it.
const (
	fixDraft   = "某省人民政府办公厅文件\n某政办发[2024]12号\n\n关于做好安全生产工作的通知\n\n各市,县人民政府：\n    请认真落实安全生产责任,确保不发生重大事故。\n\n某省人民政府办公厅\n2024年7月1日\n"
	fixedDraft = "某省人民政府办公厅文件\n某政办发〔2024〕12号\n\n关于做好安全生产工作的通知\n\n各市，县人民政府：\n    请认真落实安全生产责任，确保不发生重大事故。\n\n某省人民政府办公厅\n2024年7月1日\n"
)

func newFixChecker(t *testing.T) *lint.Checker {
	t.Helper()
	c, err := lint.NewChecker(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func encodeDraft(t *testing.T, text, enc string, crlf bool) []byte {
	t.Helper()
	if crlf {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	b, err := read.Encode(text, enc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFixFileKeepsTheFile: --fix changes only what it fixes. The bytes
// written are the fixed text in the file's own encoding, BOM and line
// ends; the mode is kept; no temporary file is left behind; and a second
// fix changes nothing.
func TestFixFileKeepsTheFile(t *testing.T) {
	checker := newFixChecker(t)
	for _, enc := range []string{read.EncodingUTF8, read.EncodingUTF8BOM, read.EncodingUTF16LE, read.EncodingUTF16BE, read.EncodingGB18030} {
		for _, crlf := range []bool{false, true} {
			for _, name := range []string{"draft.txt", "draft.md"} {
				t.Run(enc+map[bool]string{false: "/lf/", true: "/crlf/"}[crlf]+name, func(t *testing.T) {
					dir := t.TempDir()
					path := filepath.Join(dir, name)
					if err := os.WriteFile(path, encodeDraft(t, fixDraft, enc, crlf), 0o640); err != nil {
						t.Fatal(err)
					}
					if err := os.Chmod(path, 0o640); err != nil { // whatever the umask
						t.Fatal(err)
					}
					res := checker.CheckFile(path)
					if res.Err != nil {
						t.Fatal(res.Err)
					}
					if got := res.Doc.Source.Encoding; got != enc {
						t.Fatalf("read as %s, written as %s", got, enc)
					}
					n, err := lint.FixFile(res)
					if err != nil {
						t.Fatal(err)
					}
					if n != 3 {
						t.Errorf("applied %d fixes, want 3 (two commas, one 发文字号)", n)
					}
					got, err := os.ReadFile(path)
					if err != nil {
						t.Fatal(err)
					}
					if want := encodeDraft(t, fixedDraft, enc, crlf); !bytes.Equal(got, want) {
						t.Fatalf("fixed file differs\n got %q\nwant %q", got, want)
					}
					st, err := os.Stat(path)
					if err != nil {
						t.Fatal(err)
					}
					if st.Mode().Perm() != 0o640 {
						t.Errorf("mode %v, want 0640", st.Mode().Perm())
					}
					if left := dirNames(t, dir); len(left) != 1 {
						t.Errorf("files left in the directory: %v", left)
					}

					// Idempotence: fixing the fixed file changes nothing.
					again := checker.CheckFile(path)
					if again.Err != nil {
						t.Fatal(again.Err)
					}
					if n, err := lint.FixFile(again); n != 0 || err != nil {
						t.Errorf("second fix applied %d (%v), want 0", n, err)
					}
					if twice, _ := os.ReadFile(path); !bytes.Equal(twice, got) {
						t.Errorf("second fix changed the file")
					}
				})
			}
		}
	}
}

// TestFixFileRefusesAChangedFile: a file edited between reading and fixing
// is left as the user last saved it, and the error says why.
func TestFixFileRefusesAChangedFile(t *testing.T) {
	checker := newFixChecker(t)
	path := filepath.Join(t.TempDir(), "draft.txt")
	if err := os.WriteFile(path, []byte(fixDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	res := checker.CheckFile(path)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	edited := []byte(fixDraft + "附件：新加的一行,尚未保存到别处\n")
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := lint.FixFile(res)
	if !errors.Is(err, lint.ErrChangedOnDisk) || n != 0 {
		t.Fatalf("FixFile = %d, %v; want a refusal naming the change", n, err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, edited) {
		t.Errorf("the edited file was overwritten")
	}

	// A file removed since it was read is not recreated.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := lint.FixFile(res); err == nil {
		t.Error("fixing a removed file succeeded")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the removed file was recreated: %v", err)
	}
}

// TestFixFileNeverRewritesDocxOrHTML: a .docx or .html draft with fixable
// findings is reported, never rewritten.
func TestFixFileNeverRewritesDocxOrHTML(t *testing.T) {
	checker := newFixChecker(t)
	dir := t.TempDir()
	html := filepath.Join(dir, "draft.html")
	if err := os.WriteFile(html, []byte("<html><body><p>"+strings.ReplaceAll(fixDraft, "\n", "</p><p>")+"</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := checker.CheckFile(html)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	fixable := 0
	for _, f := range res.Findings {
		if f.Fix != nil {
			fixable++
		}
	}
	if fixable == 0 {
		t.Fatal("the HTML draft has no fixable finding; the test proves nothing")
	}
	before, _ := os.ReadFile(html)
	if n, err := lint.FixFile(res); !errors.Is(err, lint.ErrNotFixable) || n != 0 {
		t.Errorf("FixFile(.html) = %d, %v; want ErrNotFixable", n, err)
	}
	if after, _ := os.ReadFile(html); !bytes.Equal(before, after) {
		t.Error(".html rewritten")
	}
	// A .docx result is refused on its format alone.
	docx := &lint.Result{Path: filepath.Join(dir, "draft.docx"), Doc: lint.Parse(&read.Source{Format: read.FormatDocx, Text: fixDraft}), Findings: res.Findings}
	if _, err := lint.FixFile(docx); !errors.Is(err, lint.ErrNotFixable) {
		t.Errorf("FixFile(.docx) = %v; want ErrNotFixable", err)
	}
}

// TestFixFileThroughSymlink: fixing a draft reached through a symbolic
// link fixes the file it points to and keeps the link.
func TestFixFileThroughSymlink(t *testing.T) {
	checker := newFixChecker(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.WriteFile(target, []byte(fixDraft), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.txt", link); err != nil {
		t.Fatal(err)
	}
	res := checker.CheckFile(link)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if _, err := lint.FixFile(res); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v, %v", st.Mode(), err)
	}
	if got, _ := os.ReadFile(target); string(got) != fixedDraft {
		t.Errorf("the target was not fixed: %q", got)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
