package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/gwlint/gwlint/lint"
)

var updateHTML = flag.Bool("update-html", false, "rewrite the HTML report's golden files")

// htmlSpanOf finds the rune span of the first occurrence of s in text.
func htmlSpanOf(t *testing.T, text, s string) lint.Span {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the draft", s)
	}
	start := utf8.RuneCountInString(text[:i])
	return lint.Span{Start: start, End: start + utf8.RuneCountInString(s)}
}

// htmlNoticeResult is the testdata draft with findings placed by hand, so
// that the golden file depends on the report alone, not on the rules.
func htmlNoticeResult(t *testing.T) *lint.Result {
	t.Helper()
	draft, err := os.ReadFile("testdata/html/notice.txt")
	if err != nil {
		t.Fatal(err)
	}
	parent, err := os.ReadFile("testdata/html/parent.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := lint.ParseText("testdata/html/notice.txt", string(draft))
	text := doc.Text
	copied := htmlSpanOf(t, text, "动员社会各界扩大贫困地区产品和服务消费。鼓励各级机关、国有企事业单位等带头参与消费扶贫，在同等条件下优先采购贫困地区产品")
	parentText := strings.TrimSpace(string(parent))
	parentPassage := []rune(parentText[:strings.Index(parentText, "，优先从")])
	deadline := htmlSpanOf(t, text, "3日内")
	photo := htmlSpanOf(t, text, "拍照留痕")
	colon := htmlSpanOf(t, text, "部门:")
	colon.Start = colon.End - 1
	astral := htmlSpanOf(t, text, "𠀾字样")
	note := htmlSpanOf(t, text, "目录。")
	findings := []lint.Finding{
		{Rule: "length-cap", Scope: lint.ScopeDraft, Severity: lint.Warning, Message: "正文超过上限", Span: lint.Span{Start: 17, End: doc.Len()}, Source: "《整治形式主义为基层减负若干规定》第2条"},
		{Rule: "punct-halfwidth", Severity: lint.Warning, Message: "中文文本中使用了半角冒号“:”，应为全角“：”", Span: colon, Source: "GB/T 15834—2011 4.1", Fix: &lint.Fix{Span: colon, Text: "："}},
		{Rule: "copy-passage", Scope: lint.ScopeCopied, Severity: lint.Info, Message: "本段与上级文件原文高度重合", Span: copied, Source: "《整治形式主义为基层减负若干规定》第2条",
			Related: []lint.Related{{Path: "testdata/html/parent.txt", Span: lint.Span{Start: 0, End: len(parentPassage)}, Start: lint.Position{Line: 1, Column: 1}, End: lint.Position{Line: 1, Column: 97}, Message: "上级文件原文", Text: string(parentPassage)}}},
		{Rule: "burden-deadline", Severity: lint.Warning, Message: "“3日内”报送时限过短", Span: deadline, Source: "《整治形式主义为基层减负若干规定》第4条"},
		{Rule: "burden-proof", Severity: lint.Error, Message: "要求“拍照留痕”", Span: photo, Source: "《整治形式主义为基层减负若干规定》第5条"},
		{Rule: "punct-halfwidth", Severity: lint.Info, Message: "生僻字之后", Span: lint.Span{Start: astral.Start + 1, End: astral.Start + 1}, Source: "实务通行做法"},
		{Rule: "attachment-note", Severity: lint.Warning, Message: "附件说明末尾不加标点", Span: lint.Span{Start: note.End - 1, End: note.End}, Source: "GB/T 9704—2012 7.3.5"},
	}
	lint.SortFindings(findings)
	return &lint.Result{
		Path: doc.Path, Doc: doc, Title: doc.Title(), Kind: doc.Kind(),
		Chars: lint.CountChars(text), Counted: lint.Span{Start: 0, End: doc.Len()},
		Cap: 100, CapReason: "地方和部门文件",
		Copy: &lint.CopyFacts{Ratio: 0.4312, Parents: []lint.ParentShare{
			{Path: "testdata/html/parent.txt", Title: "国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见", Ratio: 0.4312, Coverage: 0.6},
		}},
		Findings: findings,
	}
}

func TestHTMLGolden(t *testing.T) {
	results := []*lint.Result{
		htmlNoticeResult(t),
		{Path: "testdata/html/missing.docx", Err: &os.PathError{Op: "open", Path: "testdata/html/missing.docx", Err: os.ErrNotExist}},
	}
	var buf bytes.Buffer
	if err := HTML(&buf, results, Options{ToolVersion: "0.1.0"}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "html", "notice.golden.html")
	if *updateHTML {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update-html to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("HTML report differs from %s (go test -update-html rewrites it)", golden)
	}
	// The same results give byte-identical output.
	var again bytes.Buffer
	if err := HTML(&again, results, Options{ToolVersion: "0.1.0"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two runs on the same results differ")
	}
}

// TestHTMLView checks what a reviewer relies on in the report, element by
// element: every finding has an anchor in the text and an entry in the
// list, the marked text reads as the draft, the meter and bars are there.
func TestHTMLView(t *testing.T) {
	r := htmlNoticeResult(t)
	var buf bytes.Buffer
	if err := HTML(&buf, []*lint.Result{r}, Options{ToolVersion: "test"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	root, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	var draft *html.Node
	var marks, passages, meters int
	walkHTML(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if id := attr(n, "id"); id != "" {
			if ids[id] {
				t.Errorf("duplicate id %q", id)
			}
			ids[id] = true
		}
		switch {
		case hasClass(n, "gw-draft"):
			draft = n
		case hasClass(n, "gw-mark"):
			marks++
		case hasClass(n, "gw-passage"):
			passages++
		case hasClass(n, "gw-meter"):
			meters++
		}
	})
	for i := range r.Findings {
		id := "file1-f" + strconv.Itoa(i+1)
		if !ids[id] || !ids["li-"+id] {
			t.Errorf("finding %d (%s): anchor %v, list entry %v", i+1, r.Findings[i].Rule, ids[id], ids["li-"+id])
		}
	}
	if draft == nil {
		t.Fatal("no draft view")
	}
	if got := textOf(draft); got != r.Doc.Text {
		t.Errorf("the draft view does not read as the draft:\n got %q\nwant %q", got, r.Doc.Text)
	}
	// One mark per run of text under the same findings (the copied passage,
	// the deadline, 拍照留痕, the colon, the 。) plus the empty-span point.
	if marks != 6 {
		t.Errorf("%d marks, want 6", marks)
	}
	if passages != 1 {
		t.Errorf("%d passages side by side, want 1", passages)
	}
	// 字数 meter, overall copy bar, and two bars for the one parent.
	if meters != 4 {
		t.Errorf("%d meters, want 4", meters)
	}
	for _, want := range []string{"43.1%", "60.0%", "超出", "对照上级文件原文", "<ins>", "<del>", "建议改为“：”"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestHTMLEscapesDraft(t *testing.T) {
	hostile := "关于<script>alert(1)</script>的通知\n\n正文<img src=x onerror=alert(2)>结束。\n\" onmouseover=\"alert(3)\n</textarea></style></script><b>粗</b>"
	doc := lint.ParseText("<svg onload=alert(4)>.txt", hostile)
	span := htmlSpanOf(t, hostile, "<img src=x onerror=alert(2)>")
	res := &lint.Result{
		Path: doc.Path, Doc: doc, Title: doc.Title(), Chars: lint.CountChars(hostile), Cap: 5000, CapReason: "<i>理由</i>",
		Copy: &lint.CopyFacts{Ratio: 0.5, Parents: []lint.ParentShare{{Path: "<p>.txt", Title: "<script>alert(5)</script>", Ratio: 0.5, Coverage: 0.5}}},
		Findings: []lint.Finding{
			{Rule: "copy-passage", Scope: lint.ScopeCopied, Severity: lint.Warning, Message: "<b>消息</b>", Span: span, Source: "<a href=javascript:alert(6)>依据</a>",
				Related: []lint.Related{{Path: "<p>.txt", Message: "<i>", Text: "<img src=y onerror=alert(7)>"}},
				Fix:     &lint.Fix{Span: span, Text: "<script>alert(8)</script>"}},
		},
	}
	var buf bytes.Buffer
	if err := HTML(&buf, []*lint.Result{res}, Options{ToolVersion: "<v>"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script>alert", "<img", "<svg", "<b>", "<i>", "<p>", "<a href=javascript", "</textarea></style>"} {
		if strings.Contains(out, bad) {
			t.Errorf("draft text became markup: %q in the report", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the <script> of the draft is not shown as text")
	}
	root, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	scripts := 0
	walkHTML(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script":
			scripts++
		case "img", "svg", "iframe", "object", "embed", "b", "i":
			t.Errorf("element <%s> from the draft", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
		}
	})
	if scripts != 1 {
		t.Errorf("%d script elements, want the report's own one", scripts)
	}
}

func TestHTMLSegmentsOverlapping(t *testing.T) {
	text := []rune("甲乙丙丁戊己庚")
	f := func(rule string, sev lint.Severity, a, b int) lint.Finding {
		f := lint.Finding{Rule: rule, Severity: sev, Message: rule, Span: lint.Span{Start: a, End: b}}
		switch rule {
		case "copy-passage":
			f.Scope = lint.ScopeCopied
		case "length-cap":
			f.Scope = lint.ScopeDraft
		}
		return f
	}
	spans := []inlineSpan{
		{id: "a", span: lint.Span{Start: 1, End: 5}, finding: f("copy-passage", lint.Info, 1, 5)},
		{id: "b", span: lint.Span{Start: 2, End: 3}, finding: f("x", lint.Error, 2, 3)},
		{id: "c", span: lint.Span{Start: 3, End: 3}, finding: f("y", lint.Info, 3, 3)},
		{id: "d", span: lint.Span{Start: 0, End: 7}, finding: f("length-cap", lint.Warning, 0, 7), wide: true},
		{id: "e", span: lint.Span{Start: 7, End: 7}, finding: f("z", lint.Info, 7, 7)},
	}
	got := segmentText(text, spans)
	type seg struct{ text, findings, class, anchors, points string }
	want := []seg{
		{"甲", "", "", "d", ""},
		{"乙", "a", "copied", "a", ""},
		{"丙", "a b", "sev-error copied", "b", ""},
		{"丁戊", "a", "copied", "c", "c"},
		{"己庚", "", "", "", ""},
		{"", "", "", "e", "e"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d segments, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		gs := seg{g.Text, g.Findings, g.Class, strings.Join(g.Anchors, " "), strings.Join(g.Points, " ")}
		if gs != w {
			t.Errorf("segment %d = %+v, want %+v", i, gs, w)
		}
	}
}

func TestDiffRunes(t *testing.T) {
	tests := []struct {
		parent, draft     string
		wantPar, wantDraf string // changed runs in brackets
	}{
		{"甲乙丙", "甲乙丙", "甲乙丙", "甲乙丙"},
		{"甲乙丙丁", "甲丙丁", "甲[乙]丙丁", "甲丙丁"},
		{"甲丙丁", "甲乙丙丁", "甲丙丁", "甲[乙]丙丁"},
		{"各级机关、国有企事业单位、金融机构等", "各级机关、国有企事业单位等", "各级机关、国有企事业单位[、金融机构]等", "各级机关、国有企事业单位等"},
		{"甲乙", "丙丁", "[甲乙]", "[丙丁]"},
		{"", "甲", "", "[甲]"},
		{"𠀾甲", "𠀾乙", "𠀾[甲]", "𠀾[乙]"},
	}
	show := func(ps []diffPiece) string {
		var b strings.Builder
		for _, p := range ps {
			if p.Changed {
				b.WriteString("[" + p.Text + "]")
			} else {
				b.WriteString(p.Text)
			}
		}
		return b.String()
	}
	for _, tt := range tests {
		p, d := diffRunes([]rune(tt.parent), []rune(tt.draft))
		if show(p) != tt.wantPar || show(d) != tt.wantDraf {
			t.Errorf("diff(%q, %q) = %q, %q; want %q, %q", tt.parent, tt.draft, show(p), show(d), tt.wantPar, tt.wantDraf)
		}
	}
}

func FuzzDiffRunes(f *testing.F) {
	f.Add("各级机关、国有企事业单位、金融机构等", "各级机关、国有企事业单位等")
	f.Add("", "")
	f.Add("甲乙丙", "丙乙甲")
	f.Fuzz(func(t *testing.T, parent, draft string) {
		pr, dr := []rune(parent), []rune(draft)
		p, d := diffRunes(pr, dr)
		join := func(ps []diffPiece, changed bool) (all, kept string) {
			for _, x := range ps {
				all += x.Text
				if !x.Changed {
					kept += x.Text
				}
			}
			return
		}
		pAll, pKept := join(p, false)
		dAll, dKept := join(d, false)
		if pAll != string(pr) || dAll != string(dr) {
			t.Fatalf("pieces do not add up to the passages")
		}
		if pKept != dKept {
			t.Fatalf("the kept parts differ: %q vs %q", pKept, dKept)
		}
	})
}

func walkHTML(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func TestCopiedPassages(t *testing.T) {
	draft := lint.ParseText("d.txt", "前言。动员社会各界扩大消费。另起一段，鼓励各级机关带头参与。")
	parentDoc := lint.ParseText("p.txt", "第一段。\n动员社会各界扩大贫困地区消费。鼓励各级机关带头参与。")
	parent := &lint.Parent{Doc: parentDoc, Path: "p.txt"}
	first := htmlSpanOf(t, draft.Text, "动员社会各界扩大消费。")
	second := htmlSpanOf(t, draft.Text, "鼓励各级机关带头参与。")
	pFirst := htmlSpanOf(t, parentDoc.Text, "动员社会各界扩大贫困地区消费。")
	pSecond := htmlSpanOf(t, parentDoc.Text, "鼓励各级机关带头参与。")
	res := &lint.Result{
		Path: "d.txt", Doc: draft,
		Copy: &lint.CopyFacts{Passages: []lint.CopyPassage{
			{Draft: first, Parent: parent, ParentSpan: pFirst},
			{Draft: second, Parent: parent, ParentSpan: pSecond},
		}},
		Findings: []lint.Finding{
			{Rule: "punct-halfwidth", Span: lint.Span{Start: 0, End: 1}},
			{Rule: "copy-passage", Scope: lint.ScopeCopied, Span: second},
		},
	}
	got := CopiedPassages(res)
	if len(got) != 2 {
		t.Fatalf("%d passages, want 2", len(got))
	}
	if got[0].ParentText != "动员社会各界扩大贫困地区消费。" || got[0].Finding != -1 || got[0].ParentStart != (lint.Position{Line: 2, Column: 1}) {
		t.Errorf("first passage %+v", got[0])
	}
	if got[1].ParentText != "鼓励各级机关带头参与。" || got[1].Finding != 1 {
		t.Errorf("second passage %+v", got[1])
	}
	// Without the comparison's passages, the findings' related text serves.
	res.Copy = nil
	res.Findings[1].Related = []lint.Related{lint.RelatedIn(parentDoc, "p.txt", pSecond, "上级文件原文")}
	got = CopiedPassages(res)
	if len(got) != 1 || got[0].ParentText != "鼓励各级机关带头参与。" || got[0].Finding != 1 || got[0].ParentPath != "p.txt" {
		t.Errorf("passages from findings %+v", got)
	}
}

// FuzzHTMLReport gives the report arbitrary text and spans, in range or
// not: it must neither fail nor lose or alter any of the draft's text.
func FuzzHTMLReport(f *testing.F) {
	f.Add("关于<b>的通知\n正文,𠀾。", 2, 5, 0, 3, "<i>")
	f.Add("", 0, 0, -1, 10, "")
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int, related string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := lint.ParseText("f.txt", text)
		res := &lint.Result{Path: "f.txt", Doc: doc, Findings: []lint.Finding{
			{Rule: "copy-passage", Scope: lint.ScopeCopied, Severity: lint.Info, Span: lint.Span{Start: a, End: b}, Related: []lint.Related{{Path: "p", Text: related}}},
			{Rule: "punct-halfwidth", Severity: lint.Error, Span: lint.Span{Start: c, End: d}},
			{Rule: "length-cap", Scope: lint.ScopeDraft, Severity: lint.Warning, Span: lint.Span{Start: 0, End: doc.Len()}},
		}}
		var buf bytes.Buffer
		if err := HTML(&buf, []*lint.Result{res}, Options{}); err != nil {
			t.Fatal(err)
		}
		root, err := html.Parse(&buf)
		if err != nil {
			t.Fatal(err)
		}
		walkHTML(root, func(n *html.Node) {
			if hasClass(n, "gw-draft") {
				// The parser drops NULs and folds CRLF; compare what survives.
				want := strings.NewReplacer("\x00", "", "\r\n", "\n", "\r", "\n").Replace(text)
				if got := textOf(n); got != want && strings.ReplaceAll(got, "\ufffd", "") != strings.ReplaceAll(want, "\ufffd", "") {
					t.Fatalf("draft view %q, want %q", got, want)
				}
			}
		})
	})
}
