package rules

import (
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// TestCopyStructureCase checks testdata/cases/copy-structure-draft.txt (see
// its README) against 国办发〔2018〕129号: the copied first paragraph is one
// copied passage, not a quotation, although it holds a 贯彻落实《…》; the
// paragraphs copied with the heading 二、 left out and a 按照《指导意见》要求
// inserted are one passage; the 主送机关, the date range, the 成文日期 and
// （此件公开发布） are not copied passages; the citation is not counted.
func TestCopyStructureCase(t *testing.T) {
	const (
		draft  = "../../testdata/cases/copy-structure-draft.txt"
		parent = "../../testdata/corpus/pairs/pair04_parent_guobanfa-2018-129_xiaofei-fupin.txt"
	)
	res := checkWithParents(t, []*lint.Rule{CopyRatio, CopyPassage, CopyQuotation}, draft, parent)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	doc := res.Doc
	var passages []lint.Finding
	for _, f := range res.Findings {
		switch f.Rule {
		case "copy-quotation":
			t.Errorf("copy-quotation on a copied passage: %s", f.Message)
		case "copy-passage":
			passages = append(passages, f)
		}
	}
	if len(passages) != 2 {
		for _, p := range passages {
			t.Logf("passage %q", doc.Slice(p.Span))
		}
		t.Fatalf("%d copied passages, want 2 (the first paragraph; the three paragraphs after the draft's own lines)", len(passages))
	}
	first, rest := doc.Slice(passages[0].Span), doc.Slice(passages[1].Span)
	if !strings.HasPrefix(first, "消费扶贫是社会各界") || !strings.Contains(first, "现提出如下意见") {
		t.Errorf("first passage %q, want the whole first paragraph", first)
	}
	if !strings.HasPrefix(rest, "以习近平新时代") || !strings.Contains(rest, "（一）推动各级机关") || !strings.Contains(rest, "各地要按照《指导意见》要求") || !strings.Contains(rest, "东西部扶贫协作") {
		t.Errorf("second passage does not run across the heading left out and the citation: %q", rest)
	}
	// Structure: nothing copied in the 主送机关, the date range line, the
	// 署名 and date, the 附注.
	for _, line := range []string{"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", "本通知自2019年1月1日至2020年12月31日执行。", "2018年12月30日", "（此件公开发布）"} {
		i := strings.Index(doc.Text, line)
		start := len([]rune(doc.Text[:i]))
		sp := lint.Span{Start: start, End: start + len([]rune(line))}
		for _, p := range passages {
			if p.Span.Start < sp.End && sp.Start < p.Span.End {
				t.Errorf("%q is reported as copied", line)
			}
		}
	}
	// The citation 按照《指导意见》要求 lies inside the second passage but is
	// not counted: its Len is the passage's normalized length without it.
	for _, p := range res.Copy.Passages {
		if s := doc.Slice(p.Draft); strings.Contains(s, "按照《指导意见》要求") {
			if n := len([]rune(normalizedChars(s))) - len([]rune("按照指导意见要求")); p.Len != n {
				t.Errorf("passage Len %d, want %d (the citation left out)", p.Len, n)
			}
		}
	}
}

// normalizedChars keeps what copy detection counts: letters and digits.
func normalizedChars(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
