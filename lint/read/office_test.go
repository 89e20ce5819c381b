package read

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

// The office fixtures are written by LibreOffice and Chromium from corpus
// texts (testdata/office/make.py); the tests need neither program.
const officeDir = "../../testdata/office"

func officeFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(officeDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDetectByContent: the bytes choose the reader, whatever the name
// says, and a file no reader takes gets a reason a clerk can act on.
func TestDetectByContent(t *testing.T) {
	doc := officeFile(t, "notice.doc")
	docx := officeFile(t, "notice.docx")
	want := paragraphs(readCorpus(t, filepath.Join(officeDir, "notice.txt")))
	cases := []struct {
		name   string
		path   string
		data   []byte
		format Format
		err    string // "" when read
	}{
		{"doc as doc", "通知.doc", doc, FormatDoc, ""},
		{"doc named docx", "通知.docx", doc, FormatDoc, ""},
		{"doc named wps", "通知.wps", doc, FormatDoc, ""},
		{"doc named txt", "通知.txt", doc, FormatDoc, ""},
		{"docx named doc", "通知.doc", docx, FormatDocx, ""},
		{"docx named wps", "通知.wps", docx, FormatDocx, ""},
		{"html named doc", "网页.doc", []byte("<html><body><p>关于做好工作的通知</p></body></html>"), FormatHTML, ""},
		{"text named doc", "笔记.doc", []byte("关于做好工作的通知\n各部门：请落实。\n"), FormatText, ""},
		{"text mentioning %PDF-", "a.txt", []byte("文件头为%PDF-1.7的文件是PDF。"), FormatText, ""},
		{"rtf", "通知.doc", []byte(`{\rtf1\ansi 通知}`), "", "RTF格式"},
		{"mht", "通知.doc", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n"), "", "网页归档"},
		{"png", "扫描.pdf", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "", "图片文件"},
		{"jpeg", "扫描.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10}, "", "图片文件"},
		{"xlsx", "表.xlsx", zipBytes(t, docxPart{"xl/workbook.xml", "<workbook/>"}), "", "Excel表格"},
		{"plain zip", "材料.zip", zipBytes(t, docxPart{"a.txt", "甲"}), "", "zip压缩包"},
		{"binary wps", "旧稿.wps", []byte("\x00\x01WPS\x00\x00旧格式"), "", "该.wps文件不是可读取的格式"},
		{"binary doc", "旧稿.doc", []byte("\x31\xbe\x00\x00\x00\xab"), "", "不是Word 97-2003格式"},
		{"pdf that is not", "文件.pdf", []byte("下载失败"), "", "不是PDF格式"},
		{"ofd that is not", "文件.ofd", []byte("下载失败"), "", "不是OFD格式"},
		{"docx that is not", "文件.docx", []byte("not a zip"), "", "不是Word文档"},
		{"compound file without Word", "旧稿.wps", renameStream(t, doc, "WordDocument", "WordXocument"), "", "该.wps文件不是可读取的格式"},
		{"compound file without Word, as doc", "旧稿.doc", renameStream(t, doc, "WordDocument", "WordXocument"), "", "没有Word正文"},
		{"encrypted office file", "加密.docx", renameStream(t, doc, "WordDocument", "EncryptedPackage"), "", "已加密"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes(c.path, c.data, Limits{})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !errors.Is(err, ErrInput) {
					t.Fatalf("err = %v, want an input error containing %q", err, c.err)
				}
				var ie *InputError
				if !errors.As(err, &ie) || ie.Path != c.path {
					t.Errorf("error does not name the file: %#v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Format != c.format {
				t.Errorf("format = %s, want %s", s.Format, c.format)
			}
			if c.data == nil || (c.format != FormatDoc && c.format != FormatDocx) {
				return
			}
			if got := paragraphs(s.Text); strings.Join(got, "\n") != strings.Join(wantWithoutNumbers(want), "\n") && strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("text = %q", s.Text)
			}
		})
	}
}

// wantWithoutNumbers drops the heading numbers that automatic numbering
// supplies, for readers that do not render it (.doc).
func wantWithoutNumbers(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = headingNumber.ReplaceAllString(l, "")
	}
	return out
}

var headingNumber = regexp.MustCompile(`^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)`)

// renameStream renames a compound file's directory entry (a UTF-16LE
// name of up to 31 characters at the start of its 128-byte entry, its
// length in bytes, with the NUL, at byte 64).
func renameStream(t testing.TB, data []byte, from, to string) []byte {
	t.Helper()
	enc := func(s string) []byte {
		var b bytes.Buffer
		for _, u := range utf16.Encode([]rune(s)) {
			_ = binary.Write(&b, binary.LittleEndian, u)
		}
		return b.Bytes()
	}
	old := append(enc(from), 0, 0)
	i := bytes.Index(data, old)
	if i < 0 || i%128 != 0 {
		t.Fatalf("no entry %s", from)
	}
	out := bytes.Clone(data)
	field := out[i : i+64]
	clear(field)
	copy(field, append(enc(to), 0, 0))
	binary.LittleEndian.PutUint16(out[i+64:], uint16(2*len(utf16.Encode([]rune(to)))+2))
	return out
}

// cfbLayout is what the hostile cases need of a compound file: its sector
// size, where each FAT entry lives and the directory entries.
type cfbLayout struct {
	sector   int
	fatAt    []int // byte offset of FAT entry i
	dirStart int
}

func layoutOf(t testing.TB, d []byte) cfbLayout {
	l := cfbLayout{sector: 1 << binary.LittleEndian.Uint16(d[30:])}
	nfat := int(binary.LittleEndian.Uint32(d[44:]))
	l.dirStart = int(binary.LittleEndian.Uint32(d[48:]))
	for i := 0; i < nfat && i < 109; i++ {
		s := int(binary.LittleEndian.Uint32(d[76+4*i:]))
		for j := 0; j < l.sector/4; j++ {
			l.fatAt = append(l.fatAt, (s+1)*l.sector+4*j)
		}
	}
	return l
}

func (l cfbLayout) next(d []byte, s int) int { return int(binary.LittleEndian.Uint32(d[l.fatAt[s]:])) }

// streamStart is the first sector of the named stream.
func (l cfbLayout) streamStart(t testing.TB, d []byte, name string) int {
	for s := l.dirStart; s >= 0 && s < len(l.fatAt); s = l.next(d, s) {
		for k := 0; k < l.sector/128; k++ {
			e := d[(s+1)*l.sector+k*128:]
			n := int(binary.LittleEndian.Uint16(e[64:]))
			if n < 2 || n > 64 {
				continue
			}
			u := make([]uint16, n/2-1)
			for i := range u {
				u[i] = binary.LittleEndian.Uint16(e[2*i:])
			}
			if string(utf16.Decode(u)) == name {
				return int(binary.LittleEndian.Uint32(e[116:]))
			}
		}
	}
	t.Fatalf("no stream %s", name)
	return 0
}

// TestCompoundHostile: a compound file whose sector chains loop is
// refused or read within bounds, never a hang or a panic.
func TestCompoundHostile(t *testing.T) {
	base := officeFile(t, "notice.doc")
	l := layoutOf(t, base)
	dirLoop := bytes.Clone(base)
	binary.LittleEndian.PutUint32(dirLoop[l.fatAt[l.dirStart]:], uint32(l.dirStart))
	streamLoop := bytes.Clone(base)
	first := l.streamStart(t, base, "WordDocument")
	last := first
	for n := l.next(base, last); n < len(l.fatAt); n = l.next(base, last) {
		last = n
	}
	binary.LittleEndian.PutUint32(streamLoop[l.fatAt[last]:], uint32(first))
	huge := bytes.Clone(base)
	// The directory entry of WordDocument claims 1 GiB.
	for s := l.dirStart; s < len(l.fatAt); s = l.next(base, s) {
		i := bytes.Index(huge[(s+1)*l.sector:(s+2)*l.sector], []byte{'W', 0, 'o', 0, 'r', 0, 'd', 0, 'D', 0})
		if i >= 0 {
			binary.LittleEndian.PutUint64(huge[(s+1)*l.sector+i+120:], 1<<30)
			break
		}
	}
	cases := []struct {
		name string
		data []byte
		want string // "" when the file may read
	}{
		{"directory chain loops", dirLoop, "复合文档结构已损坏"},
		{"stream chain loops back", streamLoop, ""},
		{"stream larger than the file", huge, "比整个文件还大"},
		{"truncated", base[:len(base)/2], "损坏"},
		{"header only", base[:512], "损坏"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Bytes("hostile.doc", c.data, Limits{})
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

// TestDocText: what the .doc reader makes of Word's features, in a file
// LibreOffice wrote: table cells one a line (no line for the row's end),
// a tab kept, the manual line break between 署名 and 日期 a line of its
// own, the PAGE field's result kept, the tracked deletion left out and
// the insertion kept, the comment, footnote and text box out.
func TestDocText(t *testing.T) {
	s, err := Bytes("features.doc", officeFile(t, "features.doc"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
	for _, want := range []string{
		"请认真落实安全生产责任制度。本页为第1页。\n",
		"\n联系人：张三\t电话：12345678\n单位\n人数\n办公室\n3\n",
		"\n某某市人民政府办公室\n2024年3月5日",
	} {
		if !strings.Contains(s.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, s.Text)
		}
	}
	for _, absent := range []string{"删去的字", "批注不是正文", "脚注不是正文", "PAGE"} {
		if strings.Contains(s.Text, absent) {
			t.Errorf("text has %q:\n%s", absent, s.Text)
		}
	}
}

func TestSprmFlag(t *testing.T) {
	cases := []struct {
		name   string
		grpprl []byte
		want   bool
	}{
		{"set", []byte{0x00, 0x08, 0x01}, true},
		{"cleared", []byte{0x00, 0x08, 0x00}, false},
		{"after a two-byte operand", []byte{0x3D, 0x4A, 0x01, 0x02, 0x00, 0x08, 0x01}, true},
		{"after a variable operand", []byte{0x15, 0xC6, 0x02, 0xAA, 0xBB, 0x00, 0x08, 0x01}, true},
		{"truncated", []byte{0x15, 0xC6, 0x09, 0x00}, false},
		{"empty", nil, false},
	}
	for _, c := range cases {
		if got := sprmFlag(c.grpprl, sprmCFRMarkDel); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func FuzzDoc(f *testing.F) {
	for _, name := range []string{"notice.doc", "features.doc"} {
		data, err := os.ReadFile(filepath.Join(officeDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Bytes("fuzz.doc", data, Limits{MaxFileBytes: 1 << 20})
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		checkInvariants(t, s)
	})
}

func BenchmarkDoc(b *testing.B) {
	data := officeFile(b, "long.doc")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Bytes("long.doc", data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDocNumbering: the .doc LibreOffice wrote numbers its headings by
// list (PlfLst, PlfLfo, sprmPIlfo/sprmPIlvl); they read as the notice's
// text, "一、" and "（一）" in place and marked as generated.
func TestDocNumbering(t *testing.T) {
	s, err := Bytes("notice.doc", officeFile(t, "notice.doc"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := readCorpus(t, filepath.Join(officeDir, "notice.txt")); s.Text+"\n" != want {
		t.Errorf("notice.doc:\n%s\nwant\n%s", s.Text, want)
	}
	var gen []string
	runes := []rune(s.Text)
	for _, r := range s.Generated {
		gen = append(gen, string(runes[r.Start:r.End]))
	}
	if got := strings.Join(gen, " "); got != "一、 二、 （一） （二） （三） 三、 四、" {
		t.Errorf("Generated = %s", got)
	}
	checkInvariants(t, s)
}
