package read

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// corpusDoc is a short published notice (国办发明电〔2018〕15号), the body
// every reader must return the same paragraphs for.
const corpusDoc = "../../testdata/corpus/gov/govcn_5346276.txt"

func readCorpus(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var lineBreak = regexp.MustCompile(`\r\n|\r|\n`)

// paragraphs splits text into its non-empty lines.
func paragraphs(text string) []string {
	var out []string
	for _, l := range lineBreak.Split(text, -1) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// prose returns Text without Skipped and Markup ranges.
func prose(s *Source) string {
	cut := mergeRanges(append(append([]Range{}, s.Skipped...), s.Markup...))
	runes := []rune(s.Text)
	var b strings.Builder
	at := 0
	for _, r := range cut {
		b.WriteString(string(runes[at:r.Start]))
		at = r.End
	}
	b.WriteString(string(runes[at:]))
	return b.String()
}

// checkInvariants holds for every Source a reader returns, valid input or
// not: ranges inside Text, ordered, Skipped and Markup sorted and disjoint.
func checkInvariants(t testing.TB, s *Source) {
	t.Helper()
	if !utf8.ValidString(s.Text) {
		t.Fatalf("Text is not valid UTF-8")
	}
	n := utf8.RuneCountInString(s.Text)
	inText := func(what string, r Range) {
		if r.Start < 0 || r.End > n || r.Start > r.End {
			t.Fatalf("%s range %v outside [0,%d]", what, r, n)
		}
	}
	sortedDisjoint := func(what string, rs []Range) {
		for i, r := range rs {
			inText(what, r)
			if r.Start == r.End {
				t.Fatalf("%s range %v is empty", what, r)
			}
			if i > 0 && rs[i-1].End > r.Start {
				t.Fatalf("%s ranges %v and %v overlap or are out of order", what, rs[i-1], r)
			}
		}
	}
	sortedDisjoint("Skipped", s.Skipped)
	sortedDisjoint("Markup", s.Markup)
	if len(subtract(s.Markup, s.Skipped)) != len(s.Markup) {
		t.Fatalf("Markup %v overlaps Skipped %v", s.Markup, s.Skipped)
	}
	for _, c := range s.Comments {
		inText("Comment", c.Range)
	}
}

// docxPart is one zip entry of a test .docx.
type docxPart struct {
	name, body string
}

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`
	docxTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
)

// zipBytes writes parts into a zip.
func zipBytes(t testing.TB, parts ...docxPart) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxBytes builds a minimal .docx around body, the content of w:body.
func docxBytes(t testing.TB, body string) []byte {
	t.Helper()
	return zipBytes(t,
		docxPart{"[Content_Types].xml", docxContentTypes},
		docxPart{"_rels/.rels", docxRels},
		docxPart{"word/document.xml", docxHead + body + docxTail},
	)
}

// docxParagraph writes one line of text as a w:p, in runs of a few
// characters each, as Word splits text on every formatting change.
func docxParagraph(line string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:jc w:val="both"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>`)
	runes := []rune(line)
	for i := 0; i < len(runes); i += 7 {
		chunk := string(runes[i:min(i+7, len(runes))])
		fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, xmlEscape(chunk))
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{
		"a.txt": FormatText, "a.TXT": FormatText, "a.md": FormatMarkdown, "b.Markdown": FormatMarkdown,
		"c.docx": FormatDocx, "d.html": FormatHTML, "e.HTM": FormatHTML, "f.rtf": FormatText,
		"noext": FormatText, "-": FormatText, "dir.md/file": FormatText,
	} {
		if got := FormatOf(path); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, c := range []struct{ path, want string }{
		{dir, "这是目录"},
		{fifo, "这是命名管道"},
		{"/dev/null", "这是设备"},
		{filepath.Join(dir, "missing.txt"), "文件不存在"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := File(c.path, Limits{})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrInput) {
				t.Errorf("File(%q) = %v, want an input error containing %q", c.path, err, c.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("File(%q) blocked", c.path)
		}
	}
	_, err := File(filepath.Join(dir, "missing.txt"), Limits{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v does not wrap fs.ErrNotExist", err)
	}
}

func TestFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(path, bytes.Repeat([]byte("公文"), 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := File(path, Limits{MaxFileBytes: 4 * kib})
	want := "文件大小为5.9 KiB，超过4 KiB的上限"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if _, err := Bytes("x.md", make([]byte, 40*mib), Limits{}); err == nil || !strings.Contains(err.Error(), "文件大小为40 MiB，超过32 MiB的上限") {
		t.Errorf("40 MiB: got %v", err)
	}
	s, err := File(path, Limits{})
	if err != nil || s.Path != path || s.Format != FormatText || !bytes.Equal(s.Raw, bytes.Repeat([]byte("公文"), 1000)) {
		t.Fatalf("File = %+v, %v", s, err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		1: "1 byte", 300: "300 bytes", 1024: "1 KiB", 1536: "1.5 KiB",
		32 * mib: "32 MiB", 40*mib + mib/2: "40.5 MiB",
	} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestSameBody reads one published document from every input type and
// encoding and expects the same paragraphs from each.
func TestSameBody(t *testing.T) {
	body := readCorpus(t, corpusDoc)
	want := paragraphs(body)
	lines := strings.Split(strings.TrimRight(body, "\n"), "\n")

	crlf := strings.ReplaceAll(body, "\n", "\r\n")
	gb, err := Encode(body, EncodingGB18030)
	if err != nil {
		t.Fatal(err)
	}
	le, _ := Encode(body, EncodingUTF16LE)
	be, _ := Encode(body, EncodingUTF16BE)

	var md strings.Builder
	md.WriteString("---\ncomprehensive: false\n---\n\n<!-- gwlint-disable punct-halfwidth -->\n")
	md.WriteString("# " + lines[0] + "\n\n")
	for _, l := range lines[1:] {
		if l != "" {
			md.WriteString(l + "\n\n")
		}
	}

	var docx strings.Builder
	for _, l := range lines {
		docx.WriteString(docxParagraph(l))
	}

	var page strings.Builder
	page.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>不可见</title><style>p{}</style></head>\n<body>\n")
	page.WriteString("<h1>" + lines[0] + "</h1>\n")
	for _, l := range lines[1:] {
		// Wrap long lines in the middle of the Chinese text, as editors
		// do; the break must not become a space.
		r := []rune(l)
		for i := 10; i < len(r); i++ {
			if eastAsianWide(r[i-1]) && eastAsianWide(r[i]) {
				l = string(r[:i]) + "\n    " + string(r[i:])
				break
			}
		}
		page.WriteString("  <p>\n    " + strings.ReplaceAll(l, "、", "&#12289;") + "\n  </p>\n")
	}
	page.WriteString("<script>var x = '不可见';</script></body></html>\n")
	gbPage, err := Encode(strings.Replace(page.String(), `charset="utf-8"`, `charset="gbk"`, 1), EncodingGB18030)
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name, path string
		data       []byte
		enc        string
		prose      bool // compare prose (Markdown) rather than Text
	}{
		{"utf-8", "a.txt", []byte(body), EncodingUTF8, false},
		{"utf-8 BOM", "a.txt", append([]byte("\xEF\xBB\xBF"), body...), EncodingUTF8BOM, false},
		{"CRLF", "a.txt", []byte(crlf), EncodingUTF8, false},
		{"GB18030", "a.txt", gb, EncodingGB18030, false},
		{"UTF-16LE", "a.txt", le, EncodingUTF16LE, false},
		{"UTF-16BE", "a.txt", be, EncodingUTF16BE, false},
		{"no extension", "draft", []byte(body), EncodingUTF8, false},
		{"markdown", "a.md", []byte(md.String()), EncodingUTF8, true},
		{"markdown GB18030", "a.markdown", mustEncode(t, md.String(), EncodingGB18030), EncodingGB18030, true},
		{"docx", "a.docx", docxBytes(t, docx.String()), EncodingUTF8, false},
		{"html", "a.html", []byte(page.String()), EncodingUTF8, false},
		{"html gbk", "a.htm", gbPage, EncodingGB18030, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes(c.path, c.data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, s)
			if s.Encoding != c.enc {
				t.Errorf("Encoding = %q, want %q", s.Encoding, c.enc)
			}
			text := s.Text
			if c.prose {
				text = prose(s)
			}
			got := paragraphs(text)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("paragraphs differ:\n got %q\nwant %q", got, want)
			}
			if !bytes.Equal(s.Raw, c.data) {
				t.Errorf("Raw is not the input")
			}
			// A file read and written back in its encoding is unchanged.
			if s.Format == FormatText {
				out, err := Encode(s.Text, s.Encoding)
				if err != nil || !bytes.Equal(out, c.data) {
					t.Errorf("Encode(Text, %q) does not give the file back (err %v)", s.Encoding, err)
				}
			}
		})
	}
}

func mustEncode(t testing.TB, text, enc string) []byte {
	t.Helper()
	b, err := Encode(text, enc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEmptyDraft: a draft with nothing to check is an input error, so that
// an empty file is not reported clean. A file that is nothing but a
// byte-order mark is as empty as one of 0 bytes.
func TestEmptyDraft(t *testing.T) {
	utf16Blank := mustEncode(t, " \r\n　", EncodingUTF16LE)
	cases := []struct {
		name, path string
		data       []byte
		want       string // the whole message; "" when the draft is read
	}{
		{"0 bytes", "a.txt", nil, reasonEmpty},
		{"0 bytes, standard input", "-", []byte{}, reasonEmpty},
		{"0 bytes .md", "a.md", nil, reasonEmpty},
		{"0 bytes .html", "a.html", nil, reasonEmpty},
		{"0 bytes .docx", "a.docx", nil, reasonEmpty},
		{"UTF-8 BOM only", "a.txt", []byte("\xEF\xBB\xBF"), reasonEmpty},
		{"UTF-16LE BOM only", "a.md", []byte("\xFF\xFE"), reasonEmpty},
		{"UTF-16BE BOM only", "a.txt", []byte("\xFE\xFF"), reasonEmpty},
		{"white space", "a.txt", []byte(" \t\n\r\n"), reasonNoText},
		{"full-width spaces", "a.txt", []byte("　　\n"), reasonNoText},
		{"BOM and a line end", "a.txt", []byte("\xEF\xBB\xBF\n"), reasonNoText},
		{"UTF-16 white space", "a.txt", utf16Blank, reasonNoText},
		{"blank Markdown", "a.md", []byte("\n\n"), reasonNoText},
		{"HTML without visible text", "a.html", []byte("<html><head><title>题</title></head><body><p> </p></body></html>"), reasonNoText},
		{"one mark", "a.txt", []byte("。"), ""},
		// Markdown with no prose is refused as HTML with no text is.
		{"Markdown of markup only", "a.md", []byte("---\n"), reasonNoText},
		{"Markdown of code only", "a.md", []byte("```\n正文在代码里\n```\n\n    缩进代码\n"), reasonNoText},
		{"Markdown of a comment and a heading mark", "a.md", []byte("<!-- 备注 -->\n#\n"), reasonNoText},
		{"Markdown with one word of prose", "a.md", []byte("```\ncode\n```\n\n正文\n"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes(c.path, c.data, Limits{})
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				checkInvariants(t, s)
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) || err.Error() != c.want || ie.Path != c.path {
				t.Fatalf("got %v (%#v), want an *InputError for %q saying %q", err, ie, c.path, c.want)
			}
		})
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := File(path, Limits{}); err == nil || err.Error() != reasonEmpty || !errors.Is(err, ErrInput) {
		t.Errorf("File(empty) = %v", err)
	}
}

// TestInputErrorOmitsPath: the reports print the path beside the error,
// so the message must not repeat it; the path stays in the Path field.
func TestInputErrorOmitsPath(t *testing.T) {
	dir := t.TempDir()
	nul := filepath.Join(dir, "junk.bin")
	if err := os.WriteFile(nul, []byte("正文\x00正文"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		read func() error
	}{
		{nul, func() error { _, err := File(nul, Limits{}); return err }},
		{filepath.Join(dir, "missing.txt"), func() error { _, err := File(filepath.Join(dir, "missing.txt"), Limits{}); return err }},
		{dir, func() error { _, err := File(dir, Limits{}); return err }},
		{"a.docx", func() error { _, err := Bytes("a.docx", []byte("不是压缩包"), Limits{}); return err }},
		{"a.md", func() error { _, err := Bytes("a.md", []byte("---\nk: [未完\n---\n"), Limits{}); return err }},
		{"big.txt", func() error { _, err := Bytes("big.txt", make([]byte, 100), Limits{MaxFileBytes: 10}); return err }},
	} {
		err := c.read()
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: %v is not an *InputError", c.path, err)
			continue
		}
		if ie.Path != c.path {
			t.Errorf("%s: Path = %q", c.path, ie.Path)
		}
		if msg := err.Error(); msg == "" || strings.Contains(msg, c.path) || strings.Contains(msg, filepath.Base(c.path)) {
			t.Errorf("%s: message %q is empty or names the path", c.path, msg)
		}
	}
}
