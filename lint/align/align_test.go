package align

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
	"reflect"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in   string
		want string
		orig []int
	}{
		{"", "", nil},
		{"全国，各地。", "全国各地", []int{0, 1, 3, 4}},
		{"ＡＢＣ１２３", "abc123", []int{0, 1, 2, 3, 4, 5}},
		{"（一）加强 领导", "一加强领导", []int{1, 3, 4, 6, 7}},
		{"㈠项", "一项", []int{0, 1}},
		{"IPv6地址", "ipv6地址", []int{0, 1, 2, 3, 4, 5}},
		{"“双随机、一公开”", "双随机一公开", []int{1, 2, 3, 5, 6, 7}},
		{"a\xffb", "ab", []int{0, 2}},
		{"\ue001私用", "私用", []int{1, 2}},
	}
	for _, tt := range tests {
		n := Normalize(tt.in)
		if got := string(n.Runes); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(n.Orig) != 0 || len(tt.orig) != 0 {
			if !reflect.DeepEqual(n.Orig, tt.orig) {
				t.Errorf("Normalize(%q).Orig = %v, want %v", tt.in, n.Orig, tt.orig)
			}
		}
		if n.OrigLen != len([]rune(tt.in)) {
			t.Errorf("Normalize(%q).OrigLen = %d, want %d", tt.in, n.OrigLen, len([]rune(tt.in)))
		}
	}
}

func TestOrigRange(t *testing.T) {
	n := Normalize("（一）全国，各地要加强。")
	// normalized: 一全国各地要加强 ; 全国各地 is normalized [1,5).
	if got := n.OrigRange(Range{Start: 1, End: 5}); got != (Range{Start: 3, End: 8}) {
		t.Errorf("OrigRange = %v, want {3 8}", got)
	}
	if got := n.NormRange(Range{Start: 3, End: 8}); got != (Range{Start: 1, End: 5}) {
		t.Errorf("NormRange = %v, want {1 5}", got)
	}
	if got := n.OrigRange(Range{Start: 5, End: 2}); got.Len() != 0 {
		t.Errorf("inverted range gave %v", got)
	}
}

func TestCanonicalize(t *testing.T) {
	tests := []struct{ a, b string }{
		{"全国各地要在2018年底前", "全省各地要在2024年底前"},
		{"国务院有关部门", "省人民政府有关部门"},
		{"各省、自治区、直辖市人民政府", "各市（州）人民政府"},
		{"第一条", "第十二条"},
		{"二〇一八年", "2024年"},
	}
	for _, tt := range tests {
		a, b := Normalize(tt.a), Normalize(tt.b)
		if string(a.canon) != string(b.canon) {
			t.Errorf("canonical forms of %q and %q differ: %q vs %q", tt.a, tt.b, a.canon, b.canon)
		}
	}
	if a, b := Normalize("全国各地"), Normalize("全部各地"); string(a.canon) == string(b.canon) {
		t.Errorf("全国 and 全部 must not be one class")
	}
	for _, c := range Classes {
		for _, w := range c.Words {
			n := Normalize(w)
			if len(n.canon) != 1 {
				t.Errorf("class %s word %q canonicalizes to %d tokens; another word's prefix hides it", c.Name, w, len(n.canon))
			}
		}
	}
}

func TestCompareSwapsAndNumbers(t *testing.T) {
	parent := "一、总体要求\n到2020年，全国所有贫困县要建立健全消费扶贫工作机制，国务院有关部门要加强指导。各省、自治区、直辖市人民政府要结合实际抓好落实。"
	draft := "一、总体要求\n到2025年，全省所有贫困县要建立健全消费扶贫工作机制，省人民政府有关部门要加强指导。各市（州）人民政府要结合实际抓好落实。"
	res := Compare(Normalize(draft), []*Normalized{Normalize(parent)}, Options{})
	if len(res.Passages) != 1 {
		t.Fatalf("got %d passages, want 1: %+v", len(res.Passages), res.Passages)
	}
	p := res.Passages[0]
	dr := []rune(draft)
	if got := string(dr[p.Draft.Start:p.Draft.End]); !strings.HasPrefix(got, "一、总体要求") || !strings.HasSuffix(got, "抓好落实") {
		t.Errorf("passage %q does not span the whole text", got)
	}
	if p.Similarity >= 1 || p.Similarity < 0.8 {
		t.Errorf("similarity %.3f, want in [0.8,1)", p.Similarity)
	}
	var edits []string
	for _, e := range p.Edits {
		edits = append(edits, string(dr[e.Draft.Start:e.Draft.End]))
	}
	want := []string{"5", "省", "省人民政府", "市（州"} // spans end at the last kept character
	if !reflect.DeepEqual(edits, want) {
		t.Errorf("edits %q, want %q", edits, want)
	}
	if res.Ratio < 0.99 {
		t.Errorf("ratio %.3f, want ~1", res.Ratio)
	}
}

func TestCompareMergesSmallGaps(t *testing.T) {
	parent := "各地区各部门要坚持问题导向和目标导向相统一，把握好政务新媒体的功能定位，切实提升政务服务水平，及时回应社会关切。"
	draft := "各地区各部门要坚持问题导向与目标导向相统一，把握好政务新媒体的功能定位，切实提高政务服务水平，及时回应社会关切。"
	res := Compare(Normalize(draft), []*Normalized{Normalize(parent)}, Options{})
	if len(res.Passages) != 1 {
		t.Fatalf("got %d passages, want 1 merged: %+v", len(res.Passages), res.Passages)
	}
	if got := res.Passages[0].Len - res.Passages[0].Exact; got != 2 {
		t.Errorf("%d differing characters, want 2", got)
	}
	// Without gap merging, the changed characters split the passage.
	res = Compare(Normalize(draft), []*Normalized{Normalize(parent)}, Options{MaxGap: -1})
	if len(res.Passages) < 2 {
		t.Errorf("MaxGap -1 still merged: %+v", res.Passages)
	}
}

func TestCompareNoMatch(t *testing.T) {
	res := Compare(Normalize("完全不同的一段文字，没有任何相同之处。"), []*Normalized{Normalize("毫无关系的另外一个文件内容在这里出现。"), nil}, Options{})
	if len(res.Passages) != 0 || res.Ratio != 0 || len(res.Parents) != 2 {
		t.Errorf("unexpected result %+v", res)
	}
	res = Compare(nil, nil, Options{})
	if res.Total != 0 || res.Ratio != 0 {
		t.Errorf("empty compare gave %+v", res)
	}
}

func TestCompareMultipleParents(t *testing.T) {
	a := "坚持以人民为中心的发展思想，全面落实就业优先政策，努力实现更高质量和更充分就业。"
	b := "坚持以人民为中心的发展思想，全面落实就业优先政策，另外还有一段话完全不一样的内容在此处。"
	c := "加快推进农业机械化和农机装备产业转型升级，为实现农业农村现代化提供有力支撑。"
	draft := a + c
	res := Compare(Normalize(draft), []*Normalized{Normalize(b), Normalize(a), Normalize(c)}, Options{})
	if len(res.Passages) != 2 {
		t.Fatalf("got %d passages, want 2: %+v", len(res.Passages), res.Passages)
	}
	if res.Passages[0].Parent != 1 || res.Passages[1].Parent != 2 {
		t.Errorf("attribution %d,%d, want 1,2 (longest first)", res.Passages[0].Parent, res.Passages[1].Parent)
	}
	if !reflect.DeepEqual(res.Passages[0].AlsoIn, []int(nil)) {
		// b shares only the first half of a's passage: below 80%.
		t.Errorf("AlsoIn = %v, want none", res.Passages[0].AlsoIn)
	}
	res = Compare(Normalize(draft), []*Normalized{Normalize(a), Normalize(a + "。")}, Options{})
	if len(res.Passages) != 1 || !reflect.DeepEqual(res.Passages[0].AlsoIn, []int{1}) {
		t.Errorf("identical parents: %+v", res.Passages)
	}
	if res.Parents[0].Coverage < 0.99 || res.Parents[1].Coverage < 0.99 {
		t.Errorf("identical parents must both show full coverage: %+v", res.Parents)
	}
	if res.Parents[1].Ratio != 0 {
		t.Errorf("second identical parent got ratio %.3f; characters are attributed once", res.Parents[1].Ratio)
	}
}

func TestCompareExclude(t *testing.T) {
	quote := "习近平总书记指出：“就业是最大的民生，也是经济发展的重中之重。”"
	parent := "就业是最大的民生，也是经济发展的重中之重。各地要把稳就业放在更加突出的位置。"
	draft := quote + "我们要把稳就业放在更加突出的位置。"
	refs := FindReferences(draft)
	var ex []Range
	for _, r := range refs {
		if r.Kind == KindQuotation {
			ex = append(ex, r.Range)
		}
	}
	if len(ex) != 1 {
		t.Fatalf("quotation not found: %+v", refs)
	}
	full := Compare(Normalize(draft), []*Normalized{Normalize(parent)}, Options{})
	cut := Compare(Normalize(draft), []*Normalized{Normalize(parent)}, Options{Exclude: ex})
	if cut.Copied >= full.Copied || cut.Total != full.Total {
		t.Errorf("exclusion did not reduce the copied count: %d vs %d", cut.Copied, full.Copied)
	}
	for _, p := range cut.Passages {
		if p.Draft.Start < ex[0].End {
			t.Errorf("passage %v inside the excluded quotation %v", p.Draft, ex[0])
		}
	}
}

func TestFindReferences(t *testing.T) {
	type ref struct {
		text string
		kind ReferenceKind
	}
	tests := []struct {
		in   string
		want []ref
	}{
		{"根据《国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见》（国办发〔2018〕129号），结合实际",
			[]ref{
				{"根据《国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见》（国办发〔2018〕129号）", KindQuotation},
				{"《国务院办公厅关于深入开展消费扶贫助力打赢脱贫攻坚战的指导意见》", KindTitle},
				{"国办发〔2018〕129号", KindDocNumber},
			}},
		// The word saying what of the document is followed belongs to the
		// citation.
		{"按照《关于〈某规定〉的通知》要求", []ref{
			{"按照《关于〈某规定〉的通知》要求", KindQuotation},
			{"《关于〈某规定〉的通知》", KindTitle},
		}},
		{"总书记强调：“要坚持“两个毫不动摇”不动摇。”此后", []ref{
			{"“要坚持“两个毫不动摇”不动摇。”", KindQuotation},
		}},
		{"汕府办[2015]29号转发", []ref{{"汕府办[2015]29号", KindDocNumber}}},
		// The sentence before a 发文字号 is not its 机关代字.
		{"西藏自治区人民政府要按照国办发〔1993〕71号文件的规定", []ref{{"国办发〔1993〕71号", KindDocNumber}}},
		{"现将安监总厅科技函〔2017〕57号转发给你们", []ref{{"安监总厅科技函〔2017〕57号", KindDocNumber}}},
		{"发展改革委将按照《决定》精神，尽快研究办理", []ref{
			{"按照《决定》精神", KindQuotation},
			{"《决定》", KindTitle},
		}},
		{"《没有闭合\n》", nil},
		{"要求：“没有闭合", nil},
		{"", nil},
	}
	for _, tt := range tests {
		rs := []rune(tt.in)
		var got []ref
		for _, r := range FindReferences(tt.in) {
			got = append(got, ref{string(rs[r.Range.Start:r.Range.End]), r.Kind})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("FindReferences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// The fast paths of foldRune must agree with the general path, and the
// general path must be NFKC, width folding and lower case.
func TestFoldRuneSlow(t *testing.T) {
	for _, r := range "Ａ①ⅣＫ㈠﹏ｶ" {
		want := []rune{}
		for _, c := range norm.NFKC.String(string(r)) {
			if f := []rune(width.Fold.String(string(c))); len(f) == 1 {
				c = f[0]
			}
			c = unicode.ToLower(c)
			if keepRune(c) {
				want = append(want, c)
			}
		}
		if got := foldRuneSlow(r, nil); string(got) != string(want) {
			t.Errorf("foldRuneSlow(%q) = %q, want %q", r, string(got), string(want))
		}
	}
}

// The fast paths of foldRune must agree with the general path.
func TestFoldRuneFastPaths(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		fast := string(foldRune(r, nil))
		slow := foldRuneSlow(r, nil)
		if fast != string(slow) {
			t.Errorf("foldRune(%U) = %q, general path gives %q", r, fast, string(slow))
		}
	}
}

// TestPassageAcrossCitation: a copied sentence with a citation in it is one
// passage, whether the draft keeps the parent's citation or shortens it,
// and the citation's characters are not counted in its Len or the ratio.
// A heading of the parent that the draft left out does not split it
// either; an Exclude range still does.
func TestPassageAcrossCitation(t *testing.T) {
	const before = "为深入贯彻落实党中央决策部署，发展改革委将按照"
	const after = "精神，尽快研究办理有关事项，确保各项政策措施落地见效，切实减轻企业负担。"
	parent := before + "《国务院关于深化改革加强食品安全工作的决定》" + after
	tests := []struct {
		name, draft string
		cite, hard  string // the draft text passed as Cite, as Exclude
		passages    int
		len         int
	}{
		{"citation kept", parent, "按照《国务院关于深化改革加强食品安全工作的决定》", "", 1, len(Normalize(before+after).Runes) - 2},
		{"citation shortened", before + "《决定》" + after, "按照《决定》", "", 1, len(Normalize(before+after).Runes) - 2},
		{"cut by Exclude", parent, "", "按照《国务院关于深化改革加强食品安全工作的决定》", 2, len(Normalize(before+after).Runes) - 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rangeOf := func(s string) []Range {
				if s == "" {
					return nil
				}
				i := strings.Index(tt.draft, s)
				start := len([]rune(tt.draft[:i]))
				return []Range{{Start: start, End: start + len([]rune(s))}}
			}
			res := Compare(Normalize(tt.draft), []*Normalized{Normalize(parent)}, Options{Cite: rangeOf(tt.cite), Exclude: rangeOf(tt.hard)})
			if len(res.Passages) != tt.passages {
				t.Fatalf("%d passages, want %d: %+v", len(res.Passages), tt.passages, res.Passages)
			}
			if res.Copied != tt.len {
				t.Errorf("copied %d, want %d (the citation left out)", res.Copied, tt.len)
			}
			if tt.passages == 1 && len(res.Passages[0].Edits) != 0 {
				t.Errorf("the citation is reported as an edit: %+v", res.Passages[0].Edits)
			}
		})
	}

	// A heading the draft left out.
	p := "各地区要加强组织领导，明确责任分工，抓好工作落实。\n三、强化保障措施\n各有关部门要加大资金投入，完善配套政策，形成工作合力。"
	d := "各地区要加强组织领导，明确责任分工，抓好工作落实。\n各有关部门要加大资金投入，完善配套政策，形成工作合力。"
	res := Compare(Normalize(d), []*Normalized{Normalize(p)}, Options{})
	if len(res.Passages) != 1 || res.Ratio < 0.99 {
		t.Errorf("a heading left out: %d passages, ratio %.2f; want one passage and all of the draft", len(res.Passages), res.Ratio)
	}
}
