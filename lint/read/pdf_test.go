package read

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPDFFixtures: the notice as LibreOffice and Chromium print it reads
// back as the notice's text, paragraph for paragraph: CJK through the
// fonts' ToUnicode maps (Chromium's names radicals such as ⾦ for 金),
// lines joined into paragraphs (a two-line title, a line that a closing
// quote pushed short, a paragraph across a page break), page numbers left
// out.
func TestPDFFixtures(t *testing.T) {
	want := strings.TrimSpace(readCorpus(t, filepath.Join(officeDir, "notice.txt")))
	for _, name := range []string{"notice.pdf", "notice-chromium.pdf", "deviant.pdf"} {
		s, err := Bytes(name, officeFile(t, name), Limits{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkInvariants(t, s)
		if s.Format != FormatPDF || s.Text != want {
			t.Errorf("%s:\n%s\nwant\n%s", name, s.Text, want)
		}
	}
	f, err := Bytes("features.pdf", officeFile(t, "features.pdf"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// What a PDF cannot give back: the deletion LibreOffice prints
	// struck through, the footnote at the page foot and its mark, the
	// table's cells as lines (a row is one line, cells apart by a tab).
	for _, w := range []string{"一、总体要求\n", "\n单位\t人数\n办公室\t3\n文本框里的字\n某某市人民政府办公室\n2024年3月5日\n"} {
		if !strings.Contains(f.Text, w) {
			t.Errorf("features.pdf lacks %q:\n%s", w, f.Text)
		}
	}
}

func TestPDFScan(t *testing.T) {
	_, err := Bytes("扫描件.pdf", officeFile(t, "scan.pdf"), Limits{})
	if err == nil || !strings.Contains(err.Error(), "无法读取：这是扫描版PDF，没有文字层") || !errors.Is(err, ErrInput) {
		t.Fatalf("err = %v", err)
	}
}

// pdfObjects writes a PDF from its objects (numbered from 1), with a
// correct cross-reference table.
func pdfObjects(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// simplePDF is one page showing text in a standard font.
func simplePDF(content string) []byte {
	return pdfObjects(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", []byte(content)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
}

// cjkPDF is one page of Chinese in a Type0 font with the predefined
// UniGB-UCS2-H CMap, as older Chinese writers make them (no ToUnicode).
func cjkPDF(text string) []byte {
	var hex strings.Builder
	for _, r := range text {
		fmt.Fprintf(&hex, "%04X", r)
	}
	return pdfObjects(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", []byte("BT /F1 16 Tf 80 700 Td <"+hex.String()+"> Tj ET")),
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
	)
}

func TestPDFText(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"simple font", simplePDF("BT /F1 12 Tf 72 700 Td (Hello World) Tj ET"), "Hello World"},
		{"predefined Chinese CMap", cjkPDF("关于做好工作的通知"), "关于做好工作的通知"},
		{"PDF 2.0 header", bytes.Replace(simplePDF("BT /F1 12 Tf 72 700 Td (v2) Tj ET"), []byte("%PDF-1.7"), []byte("%PDF-2.0"), 1), "v2"},
		{"paragraphs and page number", simplePDF("BT /F1 12 Tf 72 700 Td (A line long enough) Tj 0 -20 Td (to wrap.) Tj 24 -20 Td (Indented, a new one) Tj " +
			"-24 -20 Td (that ends here.) Tj 0 -20 Td (Short.) Tj 0 -20 Td (Not indented, full) Tj 250 -580 Td (- 1 -) Tj ET"),
			"A line long enough to wrap.\nIndented, a new one that ends here.\nShort.\nNot indented, full"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes("a.pdf", c.data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if s.Text != c.want {
				t.Errorf("Text = %q, want %q", s.Text, c.want)
			}
		})
	}
}

// TestPDFHostile: a stream bomb, page trees that loop, garbage: each is
// refused within the limits with a clear error, never a hang or a panic.
func TestPDFHostile(t *testing.T) {
	bomb := pdfObjects(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << >> /Contents 4 0 R >>",
		stream("/Filter /FlateDecode", deflate(bytes.Repeat([]byte("0 0 m "), 1<<20))),
	)
	loop := pdfObjects(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
	)
	extends := pdfObjects(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
		stream("/Type /ObjStm /N 0 /First 1 /Extends 3 0 R", []byte(" ")),
	)
	cases := []struct {
		name   string
		data   []byte
		limits Limits
		want   string
	}{
		{"stream bomb", bomb, Limits{MaxDecompressedBytes: mib}, "解压后超过1 MiB的上限"},
		{"page tree loops", loop, Limits{}, "页面树嵌套过深或成环"},
		{"object stream chain", extends, Limits{}, "对象流链"},
		{"truncated", simplePDF("BT ET")[:200], Limits{}, "结构已损坏"},
		{"no pages", pdfObjects("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"), Limits{}, "没有页面"},
		{"garbage content", simplePDF("BT /F1 12 Tf ] ] >> Q Q Q ET (x) Tj TJ"), Limits{}, ""},
		{"encrypted", bytes.Replace(simplePDF("BT ET"), []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Encrypt << /Filter /Standard /V 9 /R 9 >>"), 1), Limits{}, "加密"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Bytes("hostile.pdf", c.data, c.limits)
			if c.want == "" {
				if err != nil && !errors.Is(err, ErrInput) {
					t.Fatalf("not an input error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrInput) {
				t.Fatalf("err = %v, want an input error containing %q", err, c.want)
			}
		})
	}
}

func FuzzPDF(f *testing.F) {
	f.Add(simplePDF("BT /F1 12 Tf 72 700 Td (Hello) Tj ET"))
	f.Add(cjkPDF("通知"))
	if data, err := os.ReadFile(filepath.Join(officeDir, "features.pdf")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Bytes("fuzz.pdf", data, Limits{MaxDecompressedBytes: 4 * mib})
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		checkInvariants(t, s)
	})
}

// BenchmarkPDF reads a 27-page PDF LibreOffice wrote from two long State
// Council documents.
func BenchmarkPDF(b *testing.B) {
	data := officeFile(b, "long.pdf")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Bytes("long.pdf", data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestUnifiedIdeograph(t *testing.T) {
	for in, want := range map[rune]rune{'⾦': '金', '⻩': '黄', '⼀': '一', '⼾': '户', '⻔': '门', '金': '金', 'A': 'A'} {
		if got := unifiedIdeograph(in); got != want {
			t.Errorf("unifiedIdeograph(%c) = %c, want %c", in, got, want)
		}
	}
}
