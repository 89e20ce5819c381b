package rules

import (
	"sort"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/read"
)

func layoutFindings(t *testing.T, doc *lint.Document) []string {
	t.Helper()
	var out []string
	for _, r := range layoutRules {
		for _, f := range runRuleOn(t, r, doc) {
			if f.Severity != lint.Warning || f.Source == "" {
				t.Errorf("%s: %s %q", f.Rule, f.Severity, f.Source)
			}
			out = append(out, f.Rule+": "+f.Message)
		}
	}
	sort.Strings(out)
	return out
}

// TestLayoutFixtures: LibreOffice's .docx of a notice in the GB/T 9704
// layout has no layout finding; the same notice with a deviation of
// every kind has each reported once, at the paragraph concerned.
func TestLayoutFixtures(t *testing.T) {
	std, err := lint.ParseFile("../../testdata/office/notice.docx")
	if err != nil {
		t.Fatal(err)
	}
	if got := layoutFindings(t, std); len(got) != 0 {
		t.Errorf("standard layout:\n%s", strings.Join(got, "\n"))
	}
	dev, err := lint.ParseFile("../../testdata/office/deviant.docx")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"layout-body: 正文字体为宋体，一般应为仿宋（另有4段相同）",
		"layout-body: 正文字号为小四（12磅），一般应为3号（16磅）（另有4段相同）",
		"layout-grid: 每行约排36字，一般应为28字（版心宽156mm，3号字）",
		"layout-grid: 每面约排41行（行距15.6磅），一般应为22行（版心225mm、行距约28.95磅）",
		"layout-headings: 一级标题“一、关于黄金地质勘探资金…”的字体为宋体，一般应为黑体",
		"layout-margins: 天头（上白边）为25.4mm，一般应为37mm±1mm",
		"layout-margins: 版心为152.3mm×228.6mm，一般应为156mm×225mm（上白边37mm、下白边35mm、左白边28mm、右白边26mm）",
		"layout-margins: 订口（左白边）为31.8mm，一般应为28mm±1mm",
		"layout-page-number: 页脚中没有页码，一般应在版心下边缘之下用4号半角宋体阿拉伯数字标注，数字左右各放一条一字线，如“— 1 —”",
		"layout-paper: 纸张为215.9mm×279.4mm（Letter），一般应为A4（210mm×297mm）",
		"layout-title: 标题字体为黑体，一般应为小标宋（如方正小标宋简体）",
		"layout-title: 标题字号为小二（18磅），一般应为2号（22磅）",
	}
	got := layoutFindings(t, dev)
	have := map[string]bool{}
	for _, g := range got {
		have[g] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("missing %s", w)
		}
	}
	// Four 一级 and three 二级 headings, each its own finding.
	n := 0
	for _, g := range got {
		if strings.HasPrefix(g, "layout-headings:") {
			n++
		}
	}
	if n != 7 || len(got) != len(want)-1+7 {
		t.Errorf("%d heading findings, %d in all:\n%s", n, len(got), strings.Join(got, "\n"))
	}
	// Findings point at the paragraph: the body's first slip is on the
	// paragraph after the addressees, line 4.
	for _, f := range runRuleOn(t, LayoutBody, dev) {
		if p := dev.Position(f.Span.Start); p.Line != 4 {
			t.Errorf("%s at line %d", f.Message, p.Line)
		}
	}
}

// a4 is the standard page in twips: A4, 天头 37mm, 下白边 35mm, 订口 28mm,
// 右白边 26mm.
var a4 = read.Page{Known: true, MarginsKnown: true, Width: 11906, Height: 16838, Top: 2098, Bottom: 1984, Left: 1587, Right: 1474}

// layoutDoc is a notice whose paragraphs have the given looks: title,
// addressee, a first-level heading and a body paragraph.
func layoutDoc(page read.Page, title, heading, body read.ParagraphLayout, footers ...read.Footer) *lint.Document {
	lines := []string{"某某市人民政府关于做好防汛工作的通知", "各区人民政府：", "一、总体要求", "请认真落实防汛责任。", "某某市人民政府", "2024年7月1日"}
	looks := []read.ParagraphLayout{title, body, heading, body, body, body}
	l := &read.Layout{Page: page, Footers: footers}
	at := 0
	for i, line := range lines {
		n := len([]rune(line))
		p := looks[i]
		p.Range = read.Range{Start: at, End: at + n}
		if len(p.Runs) == 0 {
			p.Runs = []read.RunLayout{{Range: p.Range, Font: p.Font, Size: p.Size}}
		} else {
			// Runs given relative to the paragraph.
			runs := make([]read.RunLayout, len(p.Runs))
			for k, r := range p.Runs {
				r.Range.Start += at
				r.Range.End = min(r.Range.End+at, at+n)
				runs[k] = r
			}
			p.Runs = runs
		}
		l.Paragraphs = append(l.Paragraphs, p)
		at += n + 1
	}
	return lint.Parse(&read.Source{Path: "a.docx", Format: read.FormatDocx, Text: strings.Join(lines, "\n"), Layout: l})
}

func look(font string, size int, outline int) read.ParagraphLayout {
	return read.ParagraphLayout{Font: font, Size: size, Outline: outline, LineRule: "exact", Line: 579}
}

func TestLayoutRules(t *testing.T) {
	title, h1, body := look("方正小标宋简体", 44, -1), look("黑体", 32, 0), look("仿宋_GB2312", 32, -1)
	page := read.Footer{Text: "— 1 —", PageField: true}
	cases := []struct {
		name string
		doc  *lint.Document
		want []string // rules that fire
	}{
		{"standard", layoutDoc(a4, title, h1, body, page), nil},
		{"font names offices use", layoutDoc(a4, look("方正小标宋_GBK", 44, -1), look("SimHei", 32, 0), look("FangSong", 32, -1), page), nil},
		{"方正仿宋_GBK body, 黑体 heading phrase running into 仿宋", layoutDoc(a4, title,
			read.ParagraphLayout{Font: "方正仿宋_GBK", Size: 32, Outline: -1, LineRule: "exact", Line: 579,
				Runs: []read.RunLayout{{Range: read.Range{Start: 0, End: 6}, Font: "黑体", Size: 32}}},
			look("方正仿宋_GBK", 32, -1), page), nil},
		{"微软雅黑 is not 黑体", layoutDoc(a4, title, look("微软雅黑", 32, 0), body, page), []string{"layout-headings"}},
		{"margins within 1mm", layoutDoc(read.Page{Known: true, MarginsKnown: true, Width: 11906, Height: 16838, Top: 2140, Bottom: 1950, Left: 1610, Right: 1460}, title, h1, body, page), nil},
		{"天头 38.2mm", layoutDoc(read.Page{Known: true, MarginsKnown: true, Width: 11906, Height: 16838, Top: 2166, Bottom: 1916, Left: 1587, Right: 1474}, title, h1, body, page), []string{"layout-margins"}},
		{"gutter counts in the 订口", layoutDoc(read.Page{Known: true, MarginsKnown: true, Width: 11906, Height: 16838, Top: 2098, Bottom: 1984, Left: 1020, Right: 1474, Gutter: 567}, title, h1, body, page), nil},
		{"no page number", layoutDoc(a4, title, h1, body), []string{"layout-page-number"}},
		{"hyphens around the number", layoutDoc(a4, title, h1, body, read.Footer{Text: "-1-", PageField: true}), []string{"layout-page-number"}},
		{"第1页", layoutDoc(a4, title, h1, body, read.Footer{Text: "第1页", PageField: true}), []string{"layout-page-number"}},
		{"no spaces is fine", layoutDoc(a4, title, h1, body, read.Footer{Text: "—1—", PageField: true}), nil},
		{"23 lines", layoutDoc(a4, title, func() read.ParagraphLayout { b := h1; b.Line = 550; return b }(), func() read.ParagraphLayout { b := body; b.Line = 550; return b }(), page), []string{"layout-grid"}},
		{"grid of 28 characters", layoutDoc(func() read.Page {
			p := a4
			p.GridType = "linesAndChars"
			p.LinePitch = 579
			p.CharSpace = -820
			return p
		}(), title, h1, body, page), nil},
		{"grid of 26 characters", layoutDoc(func() read.Page {
			p := a4
			p.GridType = "linesAndChars"
			p.LinePitch = 579
			p.CharSpace = 4096
			return p
		}(), title, h1, body, page), []string{"layout-grid"}},
		{"unknown page: nothing said", layoutDoc(read.Page{}, title, h1, body, page), nil},
		{"paper without margins: only the paper is judged", layoutDoc(read.Page{Known: true, Width: 12240, Height: 15840}, title, h1, body, page), []string{"layout-paper"}},
		{"title 黑体 小二", layoutDoc(a4, look("黑体", 36, -1), h1, body, page), []string{"layout-title", "layout-title"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range layoutRules {
				for _, f := range runRuleOn(t, r, c.doc) {
					got = append(got, f.Rule)
					t.Log(f.Rule, f.Message)
				}
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("fired %v, want %v", got, c.want)
			}
		})
	}
	// A plain-text draft has no layout: nothing is said.
	if got := layoutFindings(t, lint.ParseText("a.txt", "关于做好防汛工作的通知\n各区：\n一、总体要求\n")); len(got) != 0 {
		t.Errorf("text draft: %v", got)
	}
}

func TestFontKind(t *testing.T) {
	for name, want := range map[string]string{
		"仿宋_GB2312": "仿宋", "仿宋": "仿宋", "FangSong": "仿宋", "FangSong_GB2312": "仿宋", "方正仿宋_GBK": "仿宋", "华文仿宋": "仿宋", "STFangsong": "仿宋",
		"方正小标宋简体": "小标宋", "方正小标宋_GBK": "小标宋", "FZXiaoBiaoSong-B05S": "小标宋",
		"黑体": "黑体", "SimHei": "黑体", "方正黑体_GBK": "黑体", "微软雅黑": "雅黑", "Microsoft YaHei": "雅黑",
		"楷体_GB2312": "楷体", "KaiTi": "楷体", "方正楷体_GBK": "楷体", "华文楷体": "楷体",
		"宋体": "宋体", "SimSun": "宋体", "": "", "Times New Roman": "Times New Roman",
	} {
		if got := fontKind(name); got != want {
			t.Errorf("fontKind(%q) = %q, want %q", name, got, want)
		}
	}
}
