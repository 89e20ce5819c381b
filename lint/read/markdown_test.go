package read

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// texts returns the text of each range.
func texts(text string, rs []Range) []string {
	runes := []rune(text)
	var out []string
	for _, r := range rs {
		out = append(out, string(runes[r.Start:r.End]))
	}
	return out
}

func TestMarkdownSkippedAndMarkup(t *testing.T) {
	cases := []struct {
		name    string
		src     string
		skipped []string
		markup  []string
	}{
		{"plain", "正文，没有标记。", nil, nil},
		{"code span", "正文`a, b`正文", []string{"`a, b`"}, nil},
		{"double code span", "正文`` a`b ``正文", []string{"`` a`b ``"}, nil},
		{"fenced code", "正文\n\n```go\nx := 1\n```\n\n正文", []string{"```go\nx := 1\n```"}, nil},
		{"fenced code in quote", "正文\n\n> ```\n> x\n> ```\n", []string{"```\n> x\n> ```"}, []string{">"}},
		{"unclosed fence", "正文\n\n~~~\n未关闭,\n", []string{"~~~\n未关闭,"}, nil},
		{"empty fence", "```\n```\n正文", []string{"```\n```"}, nil},
		{"indented code", "正文\n\n    x = 1\n    y = 2\n\n正文", []string{"x = 1\n    y = 2"}, nil},
		{"html block", "<div>\n块,\n</div>\n\n正文", []string{"<div>\n块,\n</div>"}, nil},
		{"html comment block", "<!-- gwlint-disable a -->\n正文", []string{"<!-- gwlint-disable a -->"}, nil},
		{"inline html", "正文<b>粗</b>正文", []string{"<b>", "</b>"}, nil},
		{"link", `见[通知](http://www.gov.cn/a_(b).htm "标题")。`, []string{`(http://www.gov.cn/a_(b).htm "标题")`}, []string{"[", "]"}},
		{"link angle destination", "[通知](<a b.htm>)", []string{"(<a b.htm>)"}, []string{"[", "]"}},
		{"empty link text", "前文[](http://x.cn)后文", []string{"(http://x.cn)"}, []string{"[]"}},
		{"link with code", "正文[`a]`](u)", []string{"`a]`", "(u)"}, []string{"[", "]"}},
		{"image", "![图一](a.png)", []string{"(a.png)"}, []string{"![", "]"}},
		{"autolink", "见<http://www.gov.cn>。", []string{"<http://www.gov.cn>"}, nil},
		{"reference link", "[文字][ref]\n\n[ref]: http://x.cn \"t\"\n", []string{"[ref]", `[ref]: http://x.cn "t"`}, []string{"[", "]"}},
		{"shortcut reference", "[ref]\n\n[ref]: http://x.cn\n", []string{"[ref]: http://x.cn"}, []string{"[", "]"}},
		{"atx heading", "# 标题 #\n\n## 二级", nil, []string{"#", "#", "##"}},
		{"setext heading", "标题\n===\n\n标题\n---", nil, []string{"===", "---"}},
		{"setext starting with #", "#标题\n===", nil, []string{"==="}},
		{"block quote", "> 引用\n>\n> > 二层", nil, []string{">", ">", ">", ">"}},
		{"lists", "- 项目\n\n1. 一\n2) 二\n", nil, []string{"-", "1.", "2)"}},
		{"emphasis", "**粗体**和*斜体*、***粗斜***", nil, []string{"**", "**", "*", "*", "***", "***"}},
		{"escapes", `\*不是强调\*`, nil, []string{`\*`, `\*`}},
		{"escaped semicolon and backslash", `甲\;乙\\丙\&amp;丁`, nil, []string{`\;`, `\\`, `\&`}},
		{"hard line break", "甲\\\n乙\\\r\n丙", nil, []string{`\`, `\`}},
		{"entities", "内容&amp;乙&#x4E00;&#X4e00;&#12289;&mdash;&nbsp;&CounterClockwiseContourIntegral;。", nil,
			[]string{"&amp;", "&#x4E00;&#X4e00;&#12289;&mdash;&nbsp;&CounterClockwiseContourIntegral;"}},
		{"not entities", "&nosuch;甲&#;乙&#x;丙&#12345678;丁&#x1234567;戊&amp", nil, nil},
		{"entity in heading, emphasis and link text", "# 甲&amp;乙\n\n**丙&lt;丁**[戊&gt;](u)", []string{"(u)"},
			[]string{"#", "&amp;", "**", "&lt;", "**[", "&gt;]"}},
		{"entity in code is skipped", "`&amp;`正文", []string{"`&amp;`"}, nil},
		{"thematic break", "正文\n\n* * *\n\n正文", nil, []string{"*", "*", "*"}},
		{"intraword underscore", "a_b_c", nil, nil},
		{"unclosed emphasis", "正文 *未闭合", nil, nil},
		{"emphasis around link", "*[链接](u)*", []string{"(u)"}, []string{"*[", "]", "*"}},
		{"list in quote", "> - 项目\n>   续行", nil, []string{">", "-", ">"}},
		{"front matter", "---\ntitle: 通知\n---\n正文", []string{"---\ntitle: 通知\n---"}, nil},
		{"CRLF fence and setext", "```\r\nx\r\n```\r\n\r\n标题\r\n===\r\n", []string{"```\r\nx\r\n```"}, []string{"==="}},
		{"CR only", "> 引用\r\r# 标题\r", nil, []string{">", "#"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes("a.md", []byte(c.src), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, s)
			if s.Text != c.src {
				t.Errorf("Text = %q, want the source", s.Text)
			}
			if got := texts(s.Text, s.Skipped); !reflect.DeepEqual(got, c.skipped) {
				t.Errorf("Skipped = %q, want %q", got, c.skipped)
			}
			if got := texts(s.Text, s.Markup); !reflect.DeepEqual(got, c.markup) {
				t.Errorf("Markup = %q, want %q", got, c.markup)
			}
		})
	}
}

// TestMarkdownReferencesAreNotProse: the ";" of a character reference and
// the mark after a backslash are Markdown syntax. Left in the prose, they
// were reported as half-width punctuation and "fixed" into "&amp；".
func TestMarkdownReferencesAreNotProse(t *testing.T) {
	src := "# 关于做好A&amp;B项目工作的通知\n\n各单位：\n\n内容&amp;乙，见&#x4E00;号、&#12289;与&mdash;说明\\;另见\\*注\\*。\n"
	s, err := Bytes("draft.md", []byte(src), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
	if s.Text != src {
		t.Fatalf("Text = %q, want the source unchanged", s.Text)
	}
	p := prose(s)
	if strings.ContainsAny(p, ";&\\*#") {
		t.Errorf("prose keeps reference or escape syntax: %q", p)
	}
	want := "关于做好AB项目工作的通知\n\n各单位：\n\n内容乙，见号、与说明另见注。\n"
	if p != " "+want {
		t.Errorf("prose = %q, want %q", p, " "+want)
	}
}

func TestMarkdownComments(t *testing.T) {
	src := "<!-- gwlint-disable punct-halfwidth -->\n中文正文<!--gwlint-disable-next-line date-format-->正文\n\n" +
		"<div>\n<!-- 块内 -->\n</div>\n\n```\n<!-- 代码里不算 -->\n```\n\n`<!-- 代码也不算 -->`\n<!-- 未闭合"
	s, err := Bytes("a.md", []byte(src), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
	var bodies, ranges []string
	for _, c := range s.Comments {
		bodies = append(bodies, c.Body)
		ranges = append(ranges, texts(s.Text, []Range{c.Range})[0])
	}
	wantBodies := []string{"gwlint-disable punct-halfwidth", "gwlint-disable-next-line date-format", "块内", "未闭合"}
	wantRanges := []string{"<!-- gwlint-disable punct-halfwidth -->", "<!--gwlint-disable-next-line date-format-->", "<!-- 块内 -->", "<!-- 未闭合"}
	if !reflect.DeepEqual(bodies, wantBodies) || !reflect.DeepEqual(ranges, wantRanges) {
		t.Errorf("comments %q at %q,\nwant %q at %q", bodies, ranges, wantBodies, wantRanges)
	}
	if r := s.Comments[1].Range; r.Start != 44 { // 39 + "\n" + 中文正文
		t.Errorf("second comment starts at rune %d, want 44", r.Start)
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	cases := []struct {
		name, src string
		want      map[string]string
		err       string
	}{
		{"keys", "---\ncomprehensive: true\ncap: 4000\ntags: [a, b]\nnested:\n  x: 1\n---\n正文", map[string]string{"comprehensive": "true", "cap": "4000"}, ""},
		{"dots close", "---\n文种: 通知\n...\n正文", map[string]string{"文种": "通知"}, ""},
		{"CRLF", "---\r\nkind: 通知\r\n---\r\n正文", map[string]string{"kind": "通知"}, ""},
		{"scalar, not a mapping", "---\n标题：关于……\n---\n正文", nil, ""},
		{"no closing line: a thematic break", "---\n正文", nil, ""},
		{"not at the top", "正文\n---\nk: v\n---\n", nil, ""},
		{"invalid YAML", "---\nk: [未完\n---\n正文", nil, "文首元数据（第1—3行）不是合法的YAML"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes("a.md", []byte(c.src), Limits{})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !errors.Is(err, ErrInput) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, s)
			if len(s.FrontMatter) != len(c.want) || (len(c.want) > 0 && !reflect.DeepEqual(s.FrontMatter, c.want)) {
				t.Errorf("FrontMatter = %v, want %v", s.FrontMatter, c.want)
			}
			if !strings.HasPrefix(c.src, "---") || c.want == nil && !strings.Contains(c.name, "scalar") {
				return
			}
			if len(s.Skipped) == 0 || s.Skipped[0].Start != 0 || !strings.HasSuffix(texts(s.Text, s.Skipped[:1])[0], "---") && !strings.HasSuffix(texts(s.Text, s.Skipped[:1])[0], "...") {
				t.Errorf("front matter not skipped: %q", texts(s.Text, s.Skipped))
			}
			if strings.Contains(prose(s), ":") {
				t.Errorf("front matter leaks into prose: %q", prose(s))
			}
		})
	}
}

// TestMarkdownOffsets checks that a rune offset in Text is the same rune
// in the file, whatever the encoding and however many multi-byte
// characters precede it.
func TestMarkdownOffsets(t *testing.T) {
	src := "# 关于𠀀节假日的通知\r\n\r\n各省、自治区：`代码`经国务院批准，<b>现将</b>安排**通知**如下。\r\n"
	for _, enc := range []string{EncodingUTF8, EncodingUTF16LE, EncodingGB18030} {
		s, err := Bytes("a.md", mustEncode(t, src, enc), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, s)
		if s.Text != src {
			t.Fatalf("%s: Text differs from the source", enc)
		}
		runeAt := func(sub string) int { return utf8.RuneCountInString(src[:strings.Index(src, sub)]) }
		wantSkipped := []Range{
			{runeAt("`代码`"), runeAt("`代码`") + 4},
			{runeAt("<b>"), runeAt("<b>") + 3},
			{runeAt("</b>"), runeAt("</b>") + 4},
		}
		if !reflect.DeepEqual(s.Skipped, wantSkipped) {
			t.Errorf("%s: Skipped = %v, want %v", enc, s.Skipped, wantSkipped)
		}
		if got := texts(s.Text, s.Markup); !reflect.DeepEqual(got, []string{"#", "**", "**"}) {
			t.Errorf("%s: Markup = %q", enc, got)
		}
		if s.Markup[1].Start != runeAt("**通知") {
			t.Errorf("%s: ** at rune %d, want %d", enc, s.Markup[1].Start, runeAt("**通知"))
		}
	}
}

// TestMarkdownDeepNesting: absurd nesting is refused quickly with a clear
// error; deep but legal nesting parses in bounded time.
func TestMarkdownDeepNesting(t *testing.T) {
	indented := func(levels int) string {
		var b strings.Builder
		for i := 0; i < levels; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- 项\n")
		}
		return b.String()
	}
	cases := []struct {
		name, src, err string
	}{
		{"quotes", strings.Repeat(">", 100000) + " 正文\n", "Markdown第1行嵌套了100000层引用和列表，超过100层，已拒绝"},
		{"spaced quotes", strings.Repeat("> ", 100000) + "正文\n", "嵌套了100000层"},
		{"lists", strings.Repeat("- ", 100000) + "正文\n", "嵌套了100000层"},
		{"ordered lists", strings.Repeat("1. ", 100000) + "正文\n", "嵌套了100000层"},
		{"indented lists", indented(2000), "Markdown第202行缩进402列，超过400列"},
		{"quotes at the limit", strings.Repeat("> ", 100) + "正文\n", ""},
		{"indentation at the limit", indented(200), ""},
		// Delimiters by the hundred thousand in one paragraph cost goldmark
		// hundreds of megabytes; they are refused before it parses.
		{"emphasis", strings.Repeat("*a ", 100000) + strings.Repeat(" a*", 100000), "超过10000个“[”或强调符号"},
		{"strong", strings.Repeat("*", 100000) + "a" + strings.Repeat("*", 100000), "超过10000个“[”或强调符号"},
		{"links", strings.Repeat("[", 100000) + "a" + strings.Repeat("](u)", 100000), "超过10000个“[”或强调符号"},
		{"brackets", strings.Repeat("[", 100000), "超过10000个“[”或强调符号"},
		{"emphasis at the limit", strings.Repeat("*a* ", 5000) + "\n\n" + strings.Repeat("[链接](u) ", 10000), ""},
		{"code spans", strings.Repeat("`a", 100000), ""},
		{"html", strings.Repeat("<a ", 100000), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			// The size limit would refuse the largest of these before the
			// nesting check is reached; lift it to test the nesting check.
			s, err := Bytes("deep.md", []byte(c.src), Limits{MaxTextBytes: 64 * mib})
			elapsed := time.Since(start)
			t.Logf("%d bytes in %v", len(c.src), elapsed)
			if elapsed > 10*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !errors.Is(err, ErrInput) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, s)
		})
	}
}

func TestRuneIndex(t *testing.T) {
	// 1600 bytes, and 512: a length that is a whole number of blocks.
	for _, src := range [][]byte{[]byte(strings.Repeat("a中𠀀", 200)), []byte(strings.Repeat("a中𠀀", 64))} {
		x := newRuneIndex(src)
		for b := 0; b <= len(src); b++ {
			atStart := b == len(src) || utf8.RuneStart(src[b])
			if got, want := x.at(b), utf8.RuneCount(src[:b]); atStart && got != want {
				t.Fatalf("len %d: at(%d) = %d, want %d", len(src), b, got, want)
			}
		}
		n := utf8.RuneCount(src)
		if x.at(-5) != 0 || x.at(len(src)+5) != n {
			t.Errorf("len %d: out-of-range offsets not clamped", len(src))
		}
	}
}

func TestSubtractAndMerge(t *testing.T) {
	got := subtract(mergeRanges([]Range{{8, 12}, {0, 5}, {4, 6}}), []Range{{1, 2}, {5, 9}, {11, 20}})
	want := []Range{{0, 1}, {2, 5}, {9, 11}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"---\nk: v\n---\n# 标题 #\n\n> 引用*强调*`代码`<!-- c -->\n\n- [链接](http://x.cn \"t\")\n\n```\ncode\n```\n",
		"[a][b]\n\n[b]: <u> 't'\n\n标题\n===\n\n***\n\n\\*x\\*",
		"<div>\n<!-- x\n</div>\n\n    indented\n",
		"一\r二\r\n> > 三",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Bytes("fuzz.md", data, Limits{})
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		checkInvariants(t, s)
	})
}

// benchmarkDoc is a published notice of about 5,000 characters
// (国发〔2018〕38号).
const benchmarkDoc = "../../testdata/corpus/gov/govcn_5342665.txt"

func BenchmarkMarkdown(b *testing.B) {
	body := readCorpus(b, benchmarkDoc)
	var md strings.Builder
	md.WriteString("---\ncomprehensive: false\n---\n\n")
	for i, l := range strings.Split(body, "\n") {
		switch {
		case i == 0:
			md.WriteString("# " + l + "\n\n")
		case strings.HasPrefix(l, "一、") || strings.HasPrefix(l, "二、"):
			md.WriteString("## " + l + "\n\n")
		case l != "":
			md.WriteString(l + "**重点**`x`\n\n")
		}
	}
	data := []byte(md.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes("bench.md", data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
