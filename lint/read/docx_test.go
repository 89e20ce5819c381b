package read

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDocxText(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"empty paragraph", `<w:p/><w:p><w:r><w:t>一</w:t></w:r></w:p><w:p></w:p>`, "\n一\n"},
		{"runs join", `<w:p><w:r><w:t>关于</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">通知 </w:t></w:r></w:p>`, "关于通知 "},
		{"entities", `<w:p><w:r><w:t>A&amp;B&lt;C&#x3001;</w:t></w:r></w:p>`, "A&B<C、"},
		{"tab and breaks", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` +
			`<w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t><w:cr/><w:t>四</w:t>` +
			`<w:br w:type="page"/><w:t>五</w:t><w:br w:type="textWrapping"/><w:t>六</w:t><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>`,
			"一\t二\n三\n四五\n六-"},
		// A manual line break (Shift+Enter) is a line break: 署名 and
		// 成文日期 typed as one paragraph are two lines, as Word shows them.
		{"line break between signature and date", `<w:p><w:r><w:t>某某市人民政府办公室</w:t><w:br/><w:t>2024年3月5日</w:t></w:r></w:p>`,
			"某某市人民政府办公室\n2024年3月5日"},
		{"page and column breaks are not text", `<w:p><w:r><w:t>C。</w:t><w:br w:type="page"/><w:t>D</w:t><w:br w:type="column"/><w:t>E</w:t></w:r></w:p>`, "C。DE"},
		{"hidden text", `<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t><w:br/></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也看得见</w:t></w:r></w:p>`, "看得见也看得见"},
		{"tracked changes", `<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del>` +
			`<w:ins w:id="2"><w:r><w:t>插入</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom>` +
			`<w:moveTo><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>`, "保留插入移来"},
		{"table cells", `<w:p><w:r><w:t>表前</w:t></w:r></w:p><w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:r><w:t>甲二</w:t></w:r></w:p></w:tc>` +
			`<w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>表后</w:t></w:r></w:p>`,
			"表前\n甲\n甲二\n乙\n丙\n表后"},
		{"fields", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
			`<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2024年7月1日</w:t></w:r></w:fldSimple></w:p>`, "3\n2024年7月1日"},
		{"text box and fallback", `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>续</w:t></w:r></w:p><w:p><w:r><w:t>下段</w:t></w:r></w:p>`, "正文续\n文本框\n下段"},
		{"content control", `<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>`, "控件"},
		{"hyperlink", `<w:p><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>`, "链接"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes("a.docx", docxBytes(t, c.body), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, s)
			if s.Text != c.want || s.Format != FormatDocx {
				t.Errorf("Text = %q, want %q", s.Text, c.want)
			}
		})
	}
}

func TestDocxParts(t *testing.T) {
	strict := `<?xml version="1.0"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>`
	s, err := Bytes("a.docx", zipBytes(t, docxPart{"word/document.xml", strict}), Limits{})
	if err != nil || s.Text != "严格" {
		t.Errorf("strict OOXML without _rels: %v, %v", s, err)
	}
	rels := strings.Replace(docxRels, "word/document.xml", "/word/document2.xml", 1)
	s, err = Bytes("a.docx", zipBytes(t,
		docxPart{"_rels/.rels", rels},
		docxPart{"word/document.xml", docxHead + docxParagraph("旧") + docxTail},
		docxPart{"word/document2.xml", docxHead + docxParagraph("主文档") + docxTail},
	), Limits{})
	if err != nil || s.Text != "主文档" {
		t.Errorf("main part from _rels: %v, %v", s, err)
	}
}

func TestDocxErrors(t *testing.T) {
	valid := docxBytes(t, docxParagraph("正文"))
	doc := func(xml string) []byte { return zipBytes(t, docxPart{"word/document.xml", xml}) }
	many := []docxPart{{"word/document.xml", docxHead + docxTail}}
	for _, n := range []string{"a", "b", "c", "d"} {
		many = append(many, docxPart{n, ""})
	}
	cases := []struct {
		name   string
		data   []byte
		limits Limits
		want   string
	}{
		{"not a zip", []byte("这不是压缩包"), Limits{}, "该.docx文件不是Word文档（不是zip封装）"},
		{"empty file", nil, Limits{}, "文件是空的"},
		{"empty body", docxBytes(t, ``), Limits{}, "文件中没有文字"},
		{"only empty paragraphs", docxBytes(t, `<w:p/><w:p><w:r><w:t xml:space="preserve">　 </w:t></w:r></w:p>`), Limits{}, "文件中没有文字"},
		{"truncated", valid[:len(valid)/2], Limits{}, "该文件已损坏，不是完整的Word文档或zip封装"},
		{"no document.xml", zipBytes(t, docxPart{"word/styles.xml", "<x/>"}), Limits{}, "该文件缺少word/document.xml，不是Word文档"},
		{"main part named but missing", zipBytes(t, docxPart{"_rels/.rels", strings.Replace(docxRels, "word/document.xml", "word/main.xml", 1)}), Limits{}, "缺少_rels/.rels指明的正文部件word/main.xml"},
		{"too many entries", zipBytes(t, many...), Limits{MaxZipEntries: 3}, "zip封装有5个部件，超过3的上限"},
		{"inflates too far", docxBytes(t, strings.Repeat(docxParagraph("正文"), 20000)), Limits{MaxDecompressedBytes: mib}, "word/document.xml解压后超过1 MiB的上限"},
		{"lying zip header", lyingZip(t, 2*mib), Limits{MaxDecompressedBytes: mib}, "word/document.xml在zip封装中已损坏（zip: not a valid zip file）"},
		{"billion laughs", doc(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
			`<w:document xmlns:w="` + nsWord + `"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`), Limits{}, "word/document.xml含有Word从不写入的DOCTYPE声明"},
		{"undeclared entity", doc(docxHead + `<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>` + docxTail), Limits{}, "word/document.xml不是合法的XML（第2行：invalid character entity &lol;）"},
		{"malformed", doc(docxHead + `<w:p><w:r><w:t>未闭合</w:r></w:p>` + docxTail), Limits{}, "不是合法的XML"},
		{"truncated XML", doc(docxHead + `<w:p><w:r><w:t>未完`), Limits{}, "不是合法的XML"},
		{"no body", doc(`<w:document xmlns:w="` + nsWord + `"/>`), Limits{}, "word/document.xml中没有正文（w:body）"},
		{"deep nesting", doc(docxHead + strings.Repeat("<w:p>", 3000) + docxTail), Limits{}, "元素嵌套超过2000层"},
		{"bad rels", zipBytes(t, docxPart{"_rels/.rels", "<Relationships>"}), Limits{}, "_rels/.rels不是合法的XML"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes("a.docx", c.data, c.limits)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, %v; want an error containing %q", s, err, c.want)
			}
			if testing.Verbose() {
				t.Log(err)
			}
			if !errors.Is(err, ErrInput) {
				t.Errorf("%v is not an input error", err)
			}
		})
	}
}

// lyingZip is a .docx whose document.xml inflates to size bytes while its
// header claims 100.
func lyingZip(t testing.TB, size int) []byte {
	t.Helper()
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	fw.Write([]byte(docxHead))
	fw.Write(bytes.Repeat([]byte(" "), size))
	fw.Write([]byte(docxTail))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: 100, CRC32: 0,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestBoundedReader(t *testing.T) {
	for _, c := range []struct {
		size, limit int
		fails       bool
	}{{10, 10, false}, {11, 10, true}, {0, 0, false}, {100000, 4096, true}} {
		br := &boundedReader{rc: io.NopCloser(bytes.NewReader(make([]byte, c.size))), left: int64(c.limit)}
		got, err := io.ReadAll(br)
		if c.fails != errors.Is(err, errInflateLimit) || len(got) > c.limit+1 {
			t.Errorf("size %d limit %d: read %d bytes, err %v", c.size, c.limit, len(got), err)
		}
	}
}

func FuzzDocx(f *testing.F) {
	f.Add(docxBytes(f, docxParagraph("正文")+`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t><w:tab/><w:br/></w:r></w:p></w:tc></w:tr></w:tbl>`))
	f.Add(zipBytes(f, docxPart{"word/document.xml", `<w:document xmlns:w="` + nsWord + `"><w:body><w:p><w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:p></w:body></w:document>`}))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Bytes("fuzz.docx", data, Limits{MaxDecompressedBytes: 4 * mib})
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		checkInvariants(t, s)
	})
}

func BenchmarkDocx(b *testing.B) {
	var body strings.Builder
	for _, l := range strings.Split(readCorpus(b, benchmarkDoc), "\n") {
		body.WriteString(docxParagraph(l))
	}
	data := docxBytes(b, body.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes("bench.docx", data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
