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
// starts again at 1 under the same parent after running text. Numbered
// notes under a table or figure ("注：1、…" and the lines after it) are
// notes, not 结构层次, and are left alone.
//
// 1． (a full-width point after an Arabic number) is reported at info, not
// as a warning: GB/T 9704 prints 1. in a full-width typeface, where the two
// points look alike; 新华社 releases and many published 通报 write 1．; the
// level and its order are not in doubt. A wrong mark (1、 一. （一）、) or a
// half-width bracket ((一)) changes the form and stays a warning.
var HeadingSequence = &lint.Rule{
	ID:       "heading-sequence",
	Name:     "结构层次序数",
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
	case strings.HasPrefix(f, "（一") || strings.HasPrefix(f, "(一"):
		return gongwen.Level2, true
	case strings.HasPrefix(f, "（1") || strings.HasPrefix(f, "(1") || strings.HasPrefix(f, "(１") || strings.HasPrefix(f, "（１"):
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

// levelOrdinal and levelMarks say, for a message, which level a marker
// stands at and how the standard writes that level.
var (
	levelOrdinal = map[gongwen.HeadingLevel]string{
		gongwen.Level1: "第一层", gongwen.Level2: "第二层", gongwen.Level3: "第三层", gongwen.Level4: "第四层",
	}
	levelMarks = map[gongwen.HeadingLevel]string{
		gongwen.Level1: "汉字数字后用顿号“、”",
		gongwen.Level2: "汉字数字外用全角括号“（）”，括号后不加标点",
		gongwen.Level3: "阿拉伯数字后用半角点号“.”",
		gongwen.Level4: "阿拉伯数字外用全角括号“（）”，括号后不加标点",
	}
)

// headingFault names what sets a marker's form (the shape gongwen records,
// written with the number 1 or 一) apart from the standard form of its
// level. widthOnly is true when the only fault is the full-width point of
// 1．, the published variant that is reported at info.
func headingFault(form string, level gongwen.HeadingLevel) (fault string, widthOnly bool) {
	rs := []rune(form)
	if len(rs) < 2 {
		return "不是规范形式", false
	}
	switch level {
	case gongwen.Level1:
		return "在汉字数字后用了“" + string(rs[1]) + "”", false
	case gongwen.Level3:
		var used []string
		if rs[0] == '１' {
			used = append(used, "全角数字“１”")
		}
		switch rs[1] {
		case '．':
			used = append(used, "全角点号“．”")
		case '、':
			used = append(used, "顿号“、”")
		}
		if len(used) == 0 {
			return "不是规范形式", false
		}
		return "用了" + strings.Join(used, "和"), rs[0] != '１' && rs[1] == '．'
	}
	// Level2 and Level4: （一） （1） with a half-width bracket or a mark
	// after the closing one.
	var faults []string
	closeAt := strings.IndexFunc(form, func(r rune) bool { return r == '）' || r == ')' })
	open, close := rs[0], rune(0)
	extra := ""
	if closeAt >= 0 {
		rest := []rune(form[closeAt:])
		close, extra = rest[0], string(rest[1:])
	}
	switch {
	case open == '(' && close == ')':
		faults = append(faults, "用了半角括号“()”")
	case open == '(':
		faults = append(faults, "前括号用了半角“(”")
	case close == ')':
		faults = append(faults, "后括号用了半角“)”")
	}
	if extra != "" {
		faults = append(faults, "括号后多了“"+extra+"”")
	}
	if len(faults) == 0 {
		return "不是规范形式", false
	}
	return strings.Join(faults, "，"), false
}

// checkHeadings judges the headings of one section: each marker's form,
// the order of the levels, and the numbering within each level.
func checkHeadings(pass *lint.Pass, hs []gongwen.Heading) {
	w := newHeadingWalk(pass, hs)
	prevPara := -1
	notes := noteItems(pass.Doc.Structure.Paragraphs, hs)
	for i, h := range hs {
		above := prevPara
		prevPara = h.Para
		if notes[i] {
			continue
		}
		level := checkHeadingForm(pass, h)
		if level == gongwen.LevelUnknown {
			continue
		}
		w.checkOrder(i, h, level)
		w.checkNumber(h, level, above)
	}
}

// headingWalk is what checkHeadings remembers while it walks a section's
// headings.
type headingWalk struct {
	pass *lint.Pass
	hs   []gongwen.Heading
	// last is the last number seen at each level under the current
	// parents, lastAny at each level anywhere in the section.
	last, lastAny [gongwen.LevelUnknown]int
	top           gongwen.HeadingLevel // the highest level used so far
	warnedOrder   bool
	// lastAt[l] is the index of the last heading at level l under the
	// current parents (-1: none); childLevel[i] is the level of the first
	// heading under heading i. A parent may skip a level (1. directly
	// under 一、), but its children then may not climb back: 一、 1. （一）.
	lastAt     [gongwen.LevelUnknown]int
	childLevel map[int]gongwen.HeadingLevel
}

func newHeadingWalk(pass *lint.Pass, hs []gongwen.Heading) *headingWalk {
	w := &headingWalk{pass: pass, hs: hs, top: gongwen.LevelNone, childLevel: map[int]gongwen.HeadingLevel{}}
	for l := range w.lastAt {
		w.lastAt[l] = -1
	}
	return w
}

// checkHeadingForm reports a marker not written in its level's standard
// form and returns the level its form stands for.
func checkHeadingForm(pass *lint.Pass, h gongwen.Heading) gongwen.HeadingLevel {
	level, fixable := headingForm(h)
	if level == h.Level && h.Form != "1．" {
		return level
	}
	marker := strings.TrimSpace(h.Marker)
	f := lint.Finding{Span: h.MarkerPos}
	if fixable {
		right := canonicalMarker(level, h.Number)
		fault, widthOnly := headingFault(h.Form, level)
		f.Message = fmt.Sprintf("结构层次序数“%s”%s，%s应写作“%s”：%s；层次依次用“一、”“（一）”“1.”“（1）”",
			marker, fault, levelOrdinal[level], right, levelMarks[level])
		f.Fix = &lint.Fix{Span: h.MarkerPos, Text: right}
		if widthOnly {
			f.Severity = lint.Info
		}
	} else {
		f.Message = fmt.Sprintf("结构层次序数“%s”不是规范形式，应按层次改用“（1）”或“1.”；层次依次用“一、”“（一）”“1.”“（1）”", marker)
	}
	pass.Report(f)
	return level
}

// checkOrder reports, once per section, a higher level used after a lower
// one, in the section or under one parent.
func (w *headingWalk) checkOrder(i int, h gongwen.Heading, level gongwen.HeadingLevel) {
	marker := strings.TrimSpace(h.Marker)
	if w.top == gongwen.LevelNone {
		w.top = level
	} else if level < w.top {
		if !w.warnedOrder {
			w.pass.Reportf(h.MarkerPos, "“%s”（%s）出现在已经使用的下级序数之后：上级序数应在前，层次依次为“一、”“（一）”“1.”“（1）”",
				marker, levelName[level])
			w.warnedOrder = true
		}
		w.top = level
	}
	parent := -1
	for l := gongwen.LevelNone; l < level; l++ {
		parent = max(parent, w.lastAt[l])
	}
	if parent >= 0 {
		if first, ok := w.childLevel[parent]; !ok {
			w.childLevel[parent] = level
		} else if level < first && !w.warnedOrder {
			w.pass.Reportf(h.MarkerPos, "“%s”（%s）出现在同一上级序数“%s”下已经使用的%s之后：上级序数应在前，层次依次为“一、”“（一）”“1.”“（1）”",
				marker, levelName[level], strings.TrimSpace(w.hs[parent].Marker), levelName[first])
			w.warnedOrder = true
		}
	}
	w.lastAt[level] = i
}

// checkNumber reports a number repeated, skipped, missing or backwards
// within its level; above is the paragraph of the previous heading.
func (w *headingWalk) checkNumber(h gongwen.Heading, level gongwen.HeadingLevel, above int) {
	marker := strings.TrimSpace(h.Marker)
	prev := w.last[level]
	for l := level + 1; l < gongwen.LevelUnknown; l++ {
		w.last[l] = 0 // numbering restarts under each parent
		w.lastAt[l] = -1
	}
	w.last[level] = h.Number
	running := w.lastAny[level]
	w.lastAny[level] = h.Number
	pass := w.pass
	switch {
	case h.Number == prev:
		pass.Reportf(h.MarkerPos, "结构层次序数“%s”与上一个同级序数重复，应为“%s”",
			marker, canonicalMarker(level, prev+1))
	case h.Number == prev+1, h.Number == 1:
		// the next number, or a new list under the same parent
	case prev == 0 && h.Number == running+1:
		// numbered on across parents: 一、（一）（二） 二、（三）, as
		// State Council documents with many measures do
	case prev == 0 && markedAbove(pass.Doc, h, level, above):
		// the number before it stands inside a line the recognizer
		// did not take for a heading ("一、1996年…")
	case prev == 0:
		pass.Reportf(h.MarkerPos, "结构层次序数“%s”前缺少本层的“%s”：同级序数应从一开始依次编号",
			marker, canonicalMarker(level, 1))
	case h.Number > prev+1:
		pass.Reportf(h.MarkerPos, "结构层次序数跳号：上一个同级序数是“%s”，这里是“%s”，应为“%s”",
			canonicalMarker(level, prev), marker, canonicalMarker(level, prev+1))
	default:
		pass.Reportf(h.MarkerPos, "结构层次序数倒序：上一个同级序数是“%s”，这里是“%s”，应为“%s”",
			canonicalMarker(level, prev), marker, canonicalMarker(level, prev+1))
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

// noteLabels open a 注 (note) under a table or figure.
var noteLabels = []string{"注：", "注:", "备注：", "备注:"}

// noteItems marks the headings that number the items of a note: a list
// opened by a line that is only "注：" (its first item numbered 1), or by
// "注：1、…" (the first item inside the label's line, so the list goes on
// at 2), and continued by the next numbers of the same form on the
// paragraphs right after. govcn_5345410 ends a table with "注：1、坐标系统
// …" "2、L为弧长…" "3、红线是指…". A heading that merely follows a note
// line with another number (三、 after a note inside section 二) goes on
// with the document's own sequence and is not a note.
func noteItems(paras []gongwen.Paragraph, hs []gongwen.Heading) []bool {
	notes := make([]bool, len(hs))
	for i, h := range hs {
		if i > 0 && notes[i-1] {
			p := hs[i-1]
			if h.Para == p.Para+1 && h.Form == p.Form && h.Number == p.Number+1 {
				notes[i] = true
				continue
			}
		}
		if h.Para < 1 || h.Para > len(paras) {
			continue
		}
		rest, ok := afterNoteLabel(paras[h.Para-1].Text)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		switch {
		case rest == "" && h.Number == 1:
			notes[i] = true
		case h.Number == 2 && strings.HasPrefix(rest, h.Form):
			// Form writes the number as 1 or 一: the label's line holds
			// item 1 in the same form.
			notes[i] = true
		}
	}
	return notes
}

// afterNoteLabel returns what follows a note label that opens line.
func afterNoteLabel(line string) (string, bool) {
	for _, l := range noteLabels {
		if rest, ok := strings.CutPrefix(line, l); ok {
			return rest, true
		}
	}
	return "", false
}
