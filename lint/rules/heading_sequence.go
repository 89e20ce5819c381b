package rules

import (
	"fmt"
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// HeadingSequence checks the 结构层次序数 (structural numbers) of GB/T
// 9704—2012 7.3.3: "文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注".
// The clause says 可以 ("may"), so every finding is a warning.
//
// What it reports, one section at a time (a forwarded or attached
// document numbers its headings afresh, and so does each parent heading):
//   - a form the standard does not use: 1、 （一）、 一. (一) (1) 1．, with a
//     fix to the standard form when the level is plain (1、→1.);
//   - a skipped number (一、 then 三、) or a repeated one (二、 twice);
//   - a higher level appearing after the document has already used a
//     lower one at its top (（一） … then 一、): the levels are out of order.
//
// What it accepts, because published State Council documents do it: a
// document whose top level is （一） or 1. (short notices); a level that
// skips one below its parent (1. directly under 一、); and a list that
// starts again at 1 under the same parent after running text.
var HeadingSequence = &lint.Rule{
	ID:       "heading-sequence",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 7.3.3",
	Doc:      "结构层次序数不按“一、”“（一）”“1.”“（1）”的形式和顺序，或跳号、重号",
	Run: func(pass *lint.Pass) {
		st := pass.Doc.Structure
		if len(st.Sections) == 0 {
			checkHeadings(pass, st.Headings)
			return
		}
		for _, sec := range st.Sections {
			if sec.HeadingStart < 0 || sec.HeadingEnd > len(st.Headings) || sec.HeadingStart >= sec.HeadingEnd {
				continue
			}
			checkHeadings(pass, st.Headings[sec.HeadingStart:sec.HeadingEnd])
		}
	},
}

// headingForm is what a wrong form stands for: its level, when plain, and
// whether writing it in the standard form is mechanical.
func headingForm(h gongwen.Heading) (level gongwen.HeadingLevel, fixable bool) {
	if h.Level >= gongwen.Level1 && h.Level <= gongwen.Level4 && h.Form != "1．" {
		return h.Level, false
	}
	f := h.Form
	switch {
	case f == "1．" || f == "1、" || f == "１." || f == "１．" || f == "１、":
		return gongwen.Level3, true
	case f == "一." || f == "一．":
		return gongwen.Level1, true
	case strings.HasPrefix(f, "（一）") || strings.HasPrefix(f, "(一"):
		return gongwen.Level2, true
	case strings.HasPrefix(f, "（1）") || strings.HasPrefix(f, "(1") || strings.HasPrefix(f, "(１") || strings.HasPrefix(f, "（１"):
		return gongwen.Level4, true
	}
	// 1） and 1): a level the writer did not say; left out of the sequence.
	return gongwen.LevelUnknown, false
}

// canonicalMarker writes number n at a level in the standard form.
func canonicalMarker(level gongwen.HeadingLevel, n int) string {
	switch level {
	case gongwen.Level1:
		return hanNumber(n) + "、"
	case gongwen.Level2:
		return "（" + hanNumber(n) + "）"
	case gongwen.Level3:
		return fmt.Sprintf("%d.", n)
	case gongwen.Level4:
		return fmt.Sprintf("（%d）", n)
	}
	return ""
}

// hanNumber writes 1 to 99 as a heading writes it: 一, 十, 十一, 二十三.
func hanNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if n <= 0 || n >= 100 {
		return fmt.Sprint(n)
	}
	if n < 10 {
		return digits[n]
	}
	tens, ones := n/10, n%10
	s := "十" + digits[ones]
	if tens > 1 {
		s = digits[tens] + s
	}
	return s
}

var levelName = map[gongwen.HeadingLevel]string{
	gongwen.Level1: "第一层“一、”", gongwen.Level2: "第二层“（一）”",
	gongwen.Level3: "第三层“1.”", gongwen.Level4: "第四层“（1）”",
}

// checkHeadings judges the headings of one section.
func checkHeadings(pass *lint.Pass, hs []gongwen.Heading) {
	var last [gongwen.LevelUnknown]int    // last number seen at each level under the current parents
	var lastAny [gongwen.LevelUnknown]int // last number seen at each level anywhere in the section
	top := gongwen.LevelNone              // the highest level used so far
	warnedOrder := false
	prevPara := -1
	for _, h := range hs {
		above := prevPara
		prevPara = h.Para
		level, fixable := headingForm(h)
		marker := strings.TrimSpace(h.Marker)
		if level != h.Level || h.Form == "1．" {
			f := lint.Finding{Span: h.MarkerPos}
			if fixable {
				right := canonicalMarker(level, h.Number)
				f.Message = fmt.Sprintf("结构层次序数“%s”不合规范，%s应写作“%s”（GB/T 9704—2012 7.3.3：依次用“一、”“（一）”“1.”“（1）”）",
					marker, levelName[level], right)
				f.Fix = &lint.Fix{Span: h.MarkerPos, Text: right}
			} else {
				f.Message = fmt.Sprintf("结构层次序数“%s”不是规范形式，应按层次改用“（1）”或“1.”（GB/T 9704—2012 7.3.3：依次用“一、”“（一）”“1.”“（1）”）", marker)
			}
			pass.Report(f)
		}
		if level == gongwen.LevelUnknown {
			continue
		}
		if top == gongwen.LevelNone {
			top = level
		} else if level < top {
			if !warnedOrder {
				pass.Reportf(h.MarkerPos, "“%s”（%s）出现在已经使用的下级序数之后：上级序数应在前，层次依次为“一、”“（一）”“1.”“（1）”（GB/T 9704—2012 7.3.3）",
					marker, levelName[level])
				warnedOrder = true
			}
			top = level
		}
		prev := last[level]
		for l := level + 1; l < gongwen.LevelUnknown; l++ {
			last[l] = 0 // numbering restarts under each parent
		}
		last[level] = h.Number
		running := lastAny[level]
		lastAny[level] = h.Number
		switch {
		case h.Number == prev:
			pass.Reportf(h.MarkerPos, "结构层次序数“%s”与上一个同级序数重复，应为“%s”（GB/T 9704—2012 7.3.3）",
				marker, canonicalMarker(level, prev+1))
		case h.Number == prev+1, h.Number == 1:
			// the next number, or a new list under the same parent
		case prev == 0 && h.Number == running+1:
			// numbered on across parents: 一、（一）（二） 二、（三）, as
			// State Council documents with many measures do
		case prev == 0 && markedAbove(pass.Doc, h, level, above):
			// the number before it stands inside a line the recognizer
			// did not take for a heading ("一、1996年…", "注：1、…")
		case prev == 0:
			pass.Reportf(h.MarkerPos, "结构层次序数“%s”前缺少本层的“%s”：同级序数应从一开始依次编号（GB/T 9704—2012 7.3.3）",
				marker, canonicalMarker(level, 1))
		case h.Number > prev+1:
			pass.Reportf(h.MarkerPos, "结构层次序数跳号：上一个同级序数是“%s”，这里是“%s”，应为“%s”（GB/T 9704—2012 7.3.3）",
				canonicalMarker(level, prev), marker, canonicalMarker(level, prev+1))
		default:
			pass.Reportf(h.MarkerPos, "结构层次序数倒序：上一个同级序数是“%s”，这里是“%s”，应为“%s”（GB/T 9704—2012 7.3.3）",
				canonicalMarker(level, prev), marker, canonicalMarker(level, prev+1))
		}
	}
}

// markedAbove reports whether a paragraph between the previous heading
// (index after) and h holds the number that should precede h, written in
// the standard form or in h's own form: then the sequence is whole and
// only the recognizer missed the heading.
func markedAbove(doc *lint.Document, h gongwen.Heading, level gongwen.HeadingLevel, after int) bool {
	if h.Number < 2 {
		return false
	}
	want := []string{canonicalMarker(level, h.Number-1)}
	if rs := []rune(strings.TrimSpace(h.Marker)); len(rs) > 0 {
		delim := string(rs[len(rs)-1])
		switch level {
		case gongwen.Level1:
			want = append(want, hanNumber(h.Number-1)+delim)
		case gongwen.Level3:
			want = append(want, fmt.Sprint(h.Number-1)+delim)
		}
	}
	paras := doc.Structure.Paragraphs
	from := max(after+1, h.Para-30, 0)
	for i := from; i < h.Para && i < len(paras); i++ {
		t := paras[i].Text
		for _, w := range want {
			if strings.HasPrefix(t, w) || strings.Contains(t, "："+w) || strings.Contains(t, ":"+w) {
				return true
			}
		}
	}
	return false
}
