package read

import (
	"path/filepath"
	"strings"
	"testing"
)

const (
	testStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="loop"><w:name w:val="loop"/><w:basedOn w:val="loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="loop2"><w:name w:val="loop2"/><w:basedOn w:val="loop"/></w:style>
<w:style w:type="character" w:styleId="big"><w:name w:val="big"/><w:rPr><w:sz w:val="44"/><w:b/></w:rPr></w:style>
</w:styles>`
	testNumbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`
	testTheme = `<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="Office">
<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>`
)

// styledDocx is a .docx with the test styles, numbering and theme.
func styledDocx(t testing.TB, body string) []byte {
	t.Helper()
	return zipBytes(t,
		docxPart{"[Content_Types].xml", docxContentTypes},
		docxPart{"_rels/.rels", docxRels},
		docxPart{"word/document.xml", docxHead + body + docxTail},
		docxPart{"word/styles.xml", testStyles},
		docxPart{"word/numbering.xml", testNumbering},
		docxPart{"word/theme/theme1.xml", testTheme},
	)
}

func para(style, text string) string {
	if style == "" {
		return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func numbered(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// TestDocxNumbering: automatic numbering stands where Word shows it, from
// a paragraph style (heading 1 and 2, one based on the other) or direct
// numPr, with levels restarting under a higher one, and is marked as
// generated.
func TestDocxNumbering(t *testing.T) {
	body := para("1", "总体要求") + para("", "正文。") +
		para("2", "加强领导") + para("2", "压实责任") +
		numbered("1", "2", "第一步") + numbered("1", "3", "细项") + numbered("1", "2", "第二步") +
		para("1", "工作安排") + para("2", "时间安排") +
		`<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>去掉编号的标题</w:t></w:r></w:p>` +
		numbered("2", "0", "项目符号") +
		numbered("4", "0", "从五起") + numbered("4", "0", "续") +
		numbered("9", "0", "不存在的列表") + para("loop", "循环的样式")
	s, err := Bytes("a.docx", styledDocx(t, body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "一、总体要求\n正文。\n（一）加强领导\n（二）压实责任\n1.第一步\n（1）细项\n2.第二步\n二、工作安排\n（一）时间安排\n去掉编号的标题\n项目符号\n五、从五起\n六、续\n不存在的列表\n循环的样式"
	if s.Text != want {
		t.Fatalf("Text =\n%s\nwant\n%s", s.Text, want)
	}
	var gen []string
	runes := []rune(s.Text)
	for _, r := range s.Generated {
		gen = append(gen, string(runes[r.Start:r.End]))
	}
	if got := strings.Join(gen, " "); got != "一、 （一） （二） 1. （1） 2. 二、 （一） 五、 六、" {
		t.Errorf("Generated = %s", got)
	}
	checkInvariants(t, s)
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {21, "taiwaneseCountingThousand", "二十一"}, {101, "chineseCountingThousand", "一百〇一"},
		{110, "chineseCounting", "一百一十"}, {1000, "chineseCounting", "一千"}, {10001, "chineseCounting", "一万〇一"},
		{3, "chineseLegalSimplified", "叁"}, {12, "chineseLegalSimplified", "拾贰"},
		{10, "ideographDigital", "一〇"}, {3, "ideographTraditional", "丙"}, {11, "ideographTraditional", "11"},
		{3, "decimalEnclosedCircle", "③"}, {3, "decimalEnclosedParen", "⑶"}, {12, "decimalFullWidth", "１２"},
		{28, "lowerLetter", "bb"}, {4, "upperRoman", "IV"}, {9, "lowerRoman", "ix"},
		{7, "decimalZero", "07"}, {7, "decimal", "7"}, {7, "", "7"}, {7, "none", ""},
	}
	for _, c := range cases {
		if got := formatNumber(c.n, c.format); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.n, c.format, got, c.want)
		}
	}
}

// TestDocxStyleResolution: a run's font and size come from document
// defaults (through the theme), the paragraph style chain, a character
// style and direct formatting, in that order.
func TestDocxStyleResolution(t *testing.T) {
	body := para("", "正文用默认段落样式") +
		para("2", "二级标题继承一级的字号") +
		`<w:p><w:r><w:rPr><w:rStyle w:val="big"/></w:rPr><w:t>字符样式放大加粗的字比较多</w:t></w:r><w:r><w:t>少</w:t></w:r></w:p>` +
		`<w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr><w:t>直接设置</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="none"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/></w:rPr><w:t>主题字体</w:t></w:r></w:p>`
	s, err := Bytes("a.docx", styledDocx(t, body), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	type look struct {
		font    string
		size    int
		bold    bool
		outline int
	}
	want := []look{{"仿宋_GB2312", 32, false, -1}, {"楷体_GB2312", 32, false, 1}, {"仿宋_GB2312", 44, true, -1}, {"宋体", 24, false, -1}, {"等线", 32, false, -1}}
	if len(s.Layout.Paragraphs) != len(want) {
		t.Fatalf("%d paragraphs", len(s.Layout.Paragraphs))
	}
	for i, p := range s.Layout.Paragraphs {
		if got := (look{p.Font, p.Size, p.Bold, p.Outline}); got != want[i] {
			t.Errorf("paragraph %d: %+v, want %+v", i, got, want[i])
		}
	}
}

// TestDocxFixtures: LibreOffice's .docx of a corpus notice reads as the
// notice's text, its "一、" and "（一）" from automatic numbering; the
// features file places table cells, the text box and the line break.
func TestDocxFixtures(t *testing.T) {
	want := readCorpus(t, filepath.Join(officeDir, "notice.txt"))
	s, err := Bytes("notice.docx", officeFile(t, "notice.docx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Text+"\n" != want {
		t.Errorf("notice.docx:\n%s\nwant\n%s", s.Text, want)
	}
	if len(s.Generated) != 7 {
		t.Errorf("%d generated numbers, want 7 (4 一、, 3 （一）)", len(s.Generated))
	}
	f, err := Bytes("features.docx", officeFile(t, "features.docx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"\n一、总体要求\n请认真落实安全生产责任制度。本页为第1页。\n（一）加强领导\n（二）压实责任\n二、工作安排\n（一）时间安排\n",
		"\n单位\n人数\n办公室\n3\n\n文本框里的字\n某某市人民政府办公室\n2024年3月5日"} {
		if !strings.Contains(f.Text, w) {
			t.Errorf("features.docx lacks %q:\n%s", w, f.Text)
		}
	}
	for _, absent := range []string{"删去的字", "批注不是正文", "脚注不是正文", "PAGE"} {
		if strings.Contains(f.Text, absent) {
			t.Errorf("features.docx has %q", absent)
		}
	}
	if len(f.Layout.Footers) != 1 || !f.Layout.Footers[0].PageField || f.Layout.Footers[0].Text != "— 1 —" {
		t.Errorf("footers = %+v", f.Layout.Footers)
	}
}

// TestDocxPage: the page setup of the standard and the deviant fixture.
func TestDocxPage(t *testing.T) {
	s, err := Bytes("notice.docx", officeFile(t, "notice.docx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	pg := s.Layout.Page
	if !pg.Known || pg.Width != 11906 || pg.Height != 16838 || pg.Top != 2098 || pg.Bottom != 1984 || pg.Left != 1587 || pg.Right != 1474 ||
		pg.GridType != "lines" || pg.LinePitch != 580 {
		t.Errorf("notice page = %+v", pg)
	}
	d, err := Bytes("deviant.docx", officeFile(t, "deviant.docx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Layout.Page.Width != 12240 || d.Layout.Page.Top != 1440 {
		t.Errorf("deviant page = %+v", d.Layout.Page)
	}
}

func TestDocGridCharSpace(t *testing.T) {
	body := `<w:p><w:r><w:t>正文</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="4294966476"/></w:sectPr>`
	s, err := Bytes("a.docx", zipBytes(t, docxPart{"word/document.xml", docxHead + body + `</w:body></w:document>`}), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if g := s.Layout.Page; g.GridType != "linesAndChars" || g.LinePitch != 579 || g.CharSpace != -820 {
		t.Errorf("page = %+v", g)
	}
}
