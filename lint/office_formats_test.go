package lint

import (
	"path/filepath"
	"testing"
)

// TestOfficeFormatsAgree: one notice, as .txt and as the .docx, .doc and
// .pdf LibreOffice wrote from it (and the PDF Chromium printed), gives the
// same title, 文种 and 字数; the headings' "一、" and "（一）" come from
// automatic numbering in the .docx and the .doc alike.
func TestOfficeFormatsAgree(t *testing.T) {
	dir := filepath.Join("..", "testdata", "office")
	base, err := ParseFile(filepath.Join(dir, "notice.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if base.Chars() < 800 || base.Kind() != "函" {
		t.Fatalf("notice.txt: %d chars, kind %q", base.Chars(), base.Kind())
	}
	cases := []struct {
		name string
		lost int // 字数 the format loses
	}{
		{"notice.docx", 0},
		{"notice.pdf", 0},
		{"notice-chromium.pdf", 0},
		{"notice.doc", 0},
	}
	for _, c := range cases {
		doc, err := ParseFile(filepath.Join(dir, c.name))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if doc.Title() != base.Title() || doc.Kind() != base.Kind() || doc.Chars() != base.Chars()-c.lost {
			t.Errorf("%s: title %q kind %q 字数 %d, want %q %q %d", c.name, doc.Title(), doc.Kind(), doc.Chars(), base.Title(), base.Kind(), base.Chars()-c.lost)
		}
	}
}
