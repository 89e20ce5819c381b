package annotate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
)

// draft is a county notice with format slips that have fixes (the 发文字号,
// a half-width comma, the 主送's colon, a padded date) and findings
// without (a same-day deadline), one line holding an astral character.
const draft = "某县人民政府办公室关于做好防汛工作的通知\n某政办发[2024]03号\n\n各乡镇人民政府,县直各单位\n　　为做好今年防汛工作,现将有关事项通知如下。\n　　一、压实责任\n　　各乡镇要于收到本通知当天反馈值班安排，𠀀字不缺。\n\n某县人民政府办公室\n2024年07月05日\n"

func check(t *testing.T, text string) *lint.Result {
	t.Helper()
	c, err := lint.NewChecker(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.Check(lint.ParseText("draft.txt", text))
}

// part reads one part of the package.
func part(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// readBack walks document.xml as Word would show it two ways: as written
// (deletions shown, insertions not) and with every change accepted; and
// collects each comment's anchored text.
func readBack(t *testing.T, doc []byte) (original, accepted string, anchored map[string]string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var orig, acc strings.Builder
	anchored = map[string]string{}
	open := map[string]*strings.Builder{}
	var inIns, inDel, inText bool
	paras := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			id := ""
			for _, a := range e.Attr {
				if a.Name.Local == "id" {
					id = a.Value
				}
			}
			switch e.Name.Local {
			case "p":
				if paras > 0 {
					orig.WriteByte('\n')
					acc.WriteByte('\n')
					for _, b := range open {
						b.WriteByte('\n')
					}
				}
				paras++
			case "ins":
				inIns = true
			case "del":
				inDel = true
			case "t", "delText":
				inText = true
			case "commentRangeStart":
				open[id] = &strings.Builder{}
			case "commentRangeEnd":
				if open[id] == nil {
					t.Errorf("comment %s ends before it starts", id)
					continue
				}
				anchored[id] = open[id].String()
				delete(open, id)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "ins":
				inIns = false
			case "del":
				inDel = false
			case "t", "delText":
				inText = false
			}
		case xml.CharData:
			if !inText {
				continue
			}
			if !inIns {
				orig.Write(e)
				for _, b := range open {
					b.Write(e)
				}
			}
			if !inDel {
				acc.Write(e)
			}
		}
	}
	if len(open) > 0 {
		t.Errorf("comments never closed: %v", open)
	}
	return orig.String(), acc.String(), anchored
}

// squeeze drops white space: the document leaves indentation to the
// paragraph and blank lines stay paragraphs.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestDocxCarriesEveryFindingAndFix(t *testing.T) {
	r := check(t, draft)
	var fixes int
	for _, f := range r.Findings {
		if f.Fix != nil {
			fixes++
		}
	}
	if len(r.Findings) < 5 || fixes < 3 {
		t.Fatalf("the draft should give findings with fixes: %d findings, %d fixes", len(r.Findings), fixes)
	}
	var buf bytes.Buffer
	sum, err := Docx(&buf, r, Options{Author: "县政府办公室"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Comments != len(r.Findings) || sum.Changes != fixes {
		t.Errorf("summary %+v, want %d comments and %d changes", sum, len(r.Findings), fixes)
	}
	orig, acc, anchored := readBack(t, part(t, buf.Bytes(), "word/document.xml"))
	if squeeze(orig) != squeeze(draft) {
		t.Errorf("the document as written is not the draft:\n got %q\nwant %q", squeeze(orig), squeeze(draft))
	}
	fixed, _ := lint.ApplyFixes(draft, r.Findings)
	if squeeze(acc) != squeeze(fixed) {
		t.Errorf("accepting every change does not give the fixed draft:\n got %q\nwant %q", squeeze(acc), squeeze(fixed))
	}
	// Each comment sits on its finding's span, and says who, what and why.
	comments := string(part(t, buf.Bytes(), "word/comments.xml"))
	if n := strings.Count(comments, "<w:comment "); n != len(r.Findings) {
		t.Errorf("%d comments, want %d", n, len(r.Findings))
	}
	rs := []rune(r.Doc.Prose)
	for i, f := range r.Findings {
		id := strconv.Itoa(i)
		if got, want := squeeze(anchored[id]), squeeze(string(rs[f.Span.Start:f.Span.End])); got != want {
			t.Errorf("comment %s (%s) anchors %q, want %q", id, f.Rule, got, want)
		}
		for _, want := range []string{f.Name + "（" + f.Rule + "）", f.Source} {
			if !strings.Contains(comments, esc(want)) {
				t.Errorf("comments lack %q", want)
			}
		}
	}
	for _, want := range []string{`w:author="县政府办公室"`, "【错误】", "【警告】"} {
		if !strings.Contains(comments, want) {
			t.Errorf("comments lack %s", want)
		}
	}
	// Only what changes is marked: the 主送's missing colon is an
	// insertion, not a deletion of the last character and its return.
	if doc := string(part(t, buf.Bytes(), "word/document.xml")); !strings.Contains(doc, `<w:t xml:space="preserve">：</w:t></w:r></w:ins>`) {
		t.Errorf("the colon is not inserted on its own")
	}
}

// TestDocxSameForSameDraft: with no date, the file is byte for byte the
// same for the same draft.
func TestDocxSameForSameDraft(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := Docx(&a, check(t, draft), Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Docx(&b, check(t, draft), Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs on the same draft differ")
	}
}

// TestDocxHostileText: control characters XML cannot hold, markup-like
// text and an empty draft still give a well-formed package.
func TestDocxHostileText(t *testing.T) {
	for _, text := range []string{"", "\n\n", "关于<script>&amp;\x01\x1f的通知\n各乡镇：\n请于当天报送。\x00\n", strings.Repeat("各乡镇要当天报送。", 2000)} {
		var buf bytes.Buffer
		if _, err := Docx(&buf, check(t, text), Options{Author: `<"&>`}); err != nil {
			t.Fatalf("%q: %v", text[:min(len(text), 20)], err)
		}
		for _, name := range []string{"word/document.xml", "word/comments.xml"} {
			d := xml.NewDecoder(bytes.NewReader(part(t, buf.Bytes(), name)))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s of %q: %v", name, text[:min(len(text), 20)], err)
				}
			}
		}
	}
}

// TestWriteFileNeverOverwritesTheDraft: the output is named beside the
// draft, and a draft that would be its own output is refused.
func TestWriteFileNeverOverwritesTheDraft(t *testing.T) {
	dir := t.TempDir()
	r := check(t, draft)
	r.Path = filepath.Join(dir, "通知.txt")
	out, _, err := WriteFile(dir, r, Options{})
	if err != nil || out != filepath.Join(dir, "通知-审核意见.docx") {
		t.Fatalf("WriteFile = %q, %v", out, err)
	}
	// An earlier annotated draft is replaced; any other file of that name
	// is the user's, and stays.
	if _, _, err := WriteFile(dir, r, Options{}); err != nil {
		t.Errorf("replacing an earlier annotated draft: %v", err)
	}
	os.WriteFile(out, []byte("somebody's own file"), 0o644)
	if _, _, err := WriteFile(dir, r, Options{}); err == nil || !strings.Contains(err.Error(), "不能覆盖") {
		t.Errorf("writing over a file gwlint did not write: %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "somebody's own file" {
		t.Error("the file was written over")
	}
	// A draft that is its own output (a link to it) is refused too.
	os.Remove(out)
	if err := os.Symlink(r.Path, out); err == nil {
		os.WriteFile(r.Path, []byte(draft), 0o644)
		if _, _, err := WriteFile(dir, r, Options{}); err == nil || !strings.Contains(err.Error(), "不能覆盖") {
			t.Errorf("writing over the draft through a link: %v", err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".gwlint-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestLibreOfficeOpensIt converts the annotated draft with LibreOffice to
// text and PDF, and round-trips it through LibreOffice's own .docx writer:
// the comments and tracked changes must survive.
func TestLibreOfficeOpensIt(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes seconds")
	}
	dir := t.TempDir()
	r := check(t, draft)
	r.Path = filepath.Join(dir, "通知.txt")
	out, sum, err := WriteFile(dir, r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	conv := filepath.Join(dir, "conv")
	for _, to := range []string{"txt:Text", "pdf"} {
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", to, "--outdir", conv, out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, b)
		}
	}
	txt, err := os.ReadFile(filepath.Join(conv, "通知-审核意见.txt"))
	if err != nil || !strings.Contains(string(txt), "某县人民政府办公室关于做好防汛工作的通知") {
		t.Fatalf("text export: %v\n%s", err, txt)
	}
	if pdf, err := os.ReadFile(filepath.Join(conv, "通知-审核意见.pdf")); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("PDF export: %v", err)
	}
	// LibreOffice writes the document back as .docx: what it read of our
	// comments and changes is what it writes.
	back := filepath.Join(dir, "back")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "docx:MS Word 2007 XML", "--outdir", back, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to docx: %v\n%s", err, b)
	}
	data, err := os.ReadFile(filepath.Join(back, "通知-审核意见.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(part(t, data, "word/comments.xml")), "<w:comment "); n != sum.Comments {
		t.Errorf("LibreOffice kept %d comments of %d", n, sum.Comments)
	}
	doc := string(part(t, data, "word/document.xml"))
	if strings.Count(doc, "<w:ins ") == 0 || strings.Count(doc, "<w:del ") == 0 {
		t.Errorf("LibreOffice lost the tracked changes")
	}
}
