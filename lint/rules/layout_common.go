package rules

import (
	"fmt"
	"math"
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/read"
)

// The layout-* rules read the page and the type of a .docx (read.Layout,
// styles resolved) against GB/T 9704—2012. Every clause they rest on says
// 一般, and 5.2.2 and 5.2.3 allow 适当调整 in particular cases, so they
// warn. A draft in any other format has no layout and is left alone.

// layoutOf is the draft's layout, or nil.
func layoutOf(doc *lint.Document) *read.Layout {
	if doc.Source == nil {
		return nil
	}
	return doc.Source.Layout
}

// twipsPerMM: Word stores lengths in twentieths of a point.
const twipsPerMM = 1440 / 25.4

func mm(twips int) float64 { return float64(twips) / twipsPerMM }

// formatMM writes a length as offices read it: "37mm", "25.4mm".
func formatMM(v float64) string {
	r := math.Round(v*10) / 10
	if r == math.Trunc(r) {
		return fmt.Sprintf("%.0fmm", r)
	}
	return fmt.Sprintf("%.1fmm", r)
}

// fontKind is the family a font name belongs to, as GB/T 9704 names
// them: 仿宋, 黑体, 楷体, 小标宋 or 宋体. Offices use many names for one
// family: 仿宋_GB2312, 仿宋, FangSong, 方正仿宋_GBK, 华文仿宋 (STFangsong);
// 黑体, SimHei, 方正黑体_GBK; 楷体_GB2312, KaiTi, 方正楷体_GBK;
// 方正小标宋简体, 方正小标宋_GBK, FZXiaoBiaoSong-B05S. 微软雅黑 is not 黑体.
func fontKind(name string) string {
	n := strings.ToLower(strings.ReplaceAll(name, " ", ""))
	switch {
	case n == "":
		return ""
	case strings.Contains(n, "仿宋") || strings.Contains(n, "fangsong"):
		return "仿宋"
	case strings.Contains(n, "小标宋") || strings.Contains(n, "xiaobiaosong"):
		return "小标宋"
	case strings.Contains(n, "楷") || strings.Contains(n, "kaiti") || strings.Contains(n, "simkai"):
		return "楷体"
	case strings.Contains(n, "雅黑") || strings.Contains(n, "yahei"):
		return "雅黑"
	case strings.Contains(n, "黑") || strings.Contains(n, "simhei") || strings.Contains(n, "heiti"):
		return "黑体"
	case strings.Contains(n, "宋") || strings.Contains(n, "simsun") || strings.Contains(n, "song"):
		return "宋体"
	}
	return name
}

// Chinese type sizes (字号) in half-points.
var sizeNames = []struct {
	half int
	name string
}{
	{84, "初号"}, {72, "小初"}, {52, "一号"}, {48, "小一"}, {44, "2号"}, {36, "小二"},
	{32, "3号"}, {30, "小三"}, {28, "4号"}, {24, "小四"}, {21, "五号"}, {18, "小五"},
}

// describeSize writes a size as "小四（12磅）", or "13磅" when it has no
// name.
func describeSize(half int) string {
	pt := strconv2(float64(half) / 2)
	for _, s := range sizeNames {
		if s.half == half {
			return s.name + "（" + pt + "磅）"
		}
	}
	return pt + "磅"
}

func strconv2(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// paragraphAt is the layout paragraph holding rune offset off, or nil.
func paragraphAt(l *read.Layout, off int) *read.ParagraphLayout {
	for i := range l.Paragraphs {
		p := &l.Paragraphs[i]
		if p.Range.Start <= off && off < max(p.Range.End, p.Range.Start+1) {
			return p
		}
	}
	return nil
}

// runAt is the look of the text at rune offset off in p: the run that
// holds it, else the paragraph's own.
func runAt(p *read.ParagraphLayout, off int) (font string, size int) {
	for _, r := range p.Runs {
		if r.Range.Start <= off && off < r.Range.End {
			return r.Font, r.Size
		}
	}
	for _, r := range p.Runs {
		if r.Range.Start >= off {
			return r.Font, r.Size
		}
	}
	return p.Font, p.Size
}

func span(r read.Range) lint.Span { return lint.Span{Start: r.Start, End: r.End} }

// firstPageSpan is where findings about the page as a whole point: the
// first paragraph with text.
func firstPageSpan(l *read.Layout) lint.Span {
	for _, p := range l.Paragraphs {
		if p.Range.End > p.Range.Start {
			return span(p.Range)
		}
	}
	return lint.Span{}
}
