package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// DateFormat enforces the form of the 成文日期 (date of issue, GB/T 9704—2012
// 7.3.5.4, 成文日期中的数字) and of the 印发日期 (printing date, 7.4.3):
// "用阿拉伯数字将年、月、
// 日标全，年份应标全称，月、日不编虚位（即1不编为01）": 2024年7月1日, never
// 2024年07月01日, 2024.7.1, 2024-07-01 or 2024/7/1.
//
// 二〇二四年七月一日 was the form of GB/T 9704—1999; the 2012 standard
// replaced it, and documents dated before it took effect (2012-07-01) are
// right to use it, so they are left alone. In a newer document it is a
// warning rather than an error: many organs still print it, and the date
// is not wrong, only in the old form. Its fix to Arabic numerals is
// mechanical (the value is the same), so it has one. A two-digit year
// needs the century and has no fix.
//
// Dates in the body are the writer's business (except two-digit years,
// number-year), and dates of forwarded documents belong to those
// documents.
var DateFormat = &lint.Rule{
	ID:       "date-format",
	Name:     "成文日期格式",
	Severity: lint.Error,
	Source:   "GB/T 9704—2012 7.3.5.4",
	Doc:      "成文日期或印发日期不是“2024年7月1日”的形式（阿拉伯数字、年份全称、月日不编虚位）",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		if !st.Date.Empty() {
			start, rs := fmtRunesOf(doc, st.Date)
			checkDate(pass, lint.Span{Start: start, End: start + len(rs)}, string(rs), "成文日期", "GB/T 9704—2012 7.3.5.4")
		}
		if !st.PrintedBy.Empty() {
			line := doc.Slice(st.PrintedBy)
			if m := datePattern.FindStringIndex(line); m != nil {
				x := lint.NewIndex(line)
				sp := x.SpanOfBytes(m[0], m[1])
				sp.Start += st.PrintedBy.Start
				sp.End += st.PrintedBy.Start
				checkDate(pass, sp, line[m[0]:m[1]], "印发日期", "GB/T 9704—2012 7.4.3")
			}
		}
	},
}

// datePattern finds a date inside the 印发机关和印发日期 line.
var datePattern = regexp.MustCompile(`[0-9０-９〇○零OoＯｏ一二三四五六七八九十]{2,4} *年 *[0-9０-９一二三四五六七八九十]{1,3} *月 *[0-9０-９一二三四五六七八九十]{1,3} *[日号]|\d{4}[./\-]\d{1,2}[./\-]\d{1,2}`)

// gb9704Effective is when GB/T 9704—2012 took effect; dates before it
// followed GB/T 9704—1999, which wrote them in Han numerals.
var gb9704Effective = gongwen.CalendarDate{Year: 2012, Month: 7, Day: 1}

func dateBefore(a, b gongwen.CalendarDate) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// checkDate judges one date as written and reports what is wrong.
func checkDate(pass *lint.Pass, sp lint.Span, text, what, source string) {
	d, ok := gongwen.ParseDate(text)
	if !ok {
		return
	}
	right := fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
	if text == right {
		return
	}
	var sev lint.Severity // the rule's default, unless a fault below rests on weaker authority
	var faults []string
	han := strings.ContainsAny(text, "〇○零一二三四五六七八九十")
	switch {
	case han:
		latin := gongwen.HasLatinZero(text)
		// A date before the 2012 standard is in the form of its time,
		// unless the text itself is later: it names a later year (a
		// 〔2019〕 number, 2015年), so the draft is new and its date is
		// wrong in form and likely in value. Only 发文字号 years count: a
		// 2010 plan names 2020年 as its target. A Latin O is wrong in both.
		if dateBefore(d, gb9704Effective) && !latin && latestYear(pass.Doc.Prose) <= d.Year {
			return
		}
		sev = pass.AtMost(lint.Warning)
		faults = append(faults, "应使用阿拉伯数字，汉字数字是GB/T 9704—1999的写法")
		if latin {
			faults = append(faults, "其中的“O”或“0”也不是汉字“〇”")
		}
		if y := latestYear(pass.Doc.Prose); dateBefore(d, gb9704Effective) && y > d.Year {
			faults = append(faults, fmt.Sprintf("文中提到%d年，成文日期的年份也请核对", y))
		}
	case strings.ContainsAny(text, "./-／－．"):
		faults = append(faults, "应写作“年月日”，不用点号、连接号或斜线分隔")
	}
	short := false
	if y, _, ok := strings.Cut(text, "年"); ok && !han && len([]rune(strings.TrimSpace(y))) == 2 {
		short = true
		faults = append(faults, "年份应标全称")
	}
	if !han && zeroPadded.MatchString(text) {
		faults = append(faults, "月、日不编虚位（1不编为01）")
	}
	if strings.ContainsAny(text, "０１２３４５６７８９") {
		faults = append(faults, "数字应使用半角阿拉伯数字")
	}
	if strings.HasSuffix(text, "号") {
		faults = append(faults, "日期以“日”结尾，不用“号”")
	}
	if strings.ContainsAny(text, " \u3000") {
		faults = append(faults, "年月日之间不加空格")
	}
	if len(faults) == 0 {
		faults = append(faults, "应写作“"+right+"”")
	}
	f := lint.Finding{Span: sp, Severity: sev, Source: source}
	if short {
		f.Message = fmt.Sprintf("%s“%s”不合格式：%s", what, text, strings.Join(faults, "；"))
	} else {
		f.Message = fmt.Sprintf("%s“%s”应为“%s”：%s", what, text, right, strings.Join(faults, "；"))
		f.Fix = &lint.Fix{Span: sp, Text: right}
	}
	pass.Report(f)
}

// latestYear is the latest year of a 发文字号 the text names (〔2019〕), or 0.
func latestYear(text string) int {
	latest := 0
	for _, m := range namedYear.FindAllStringSubmatch(text, -1) {
		if y, err := strconv.Atoi(m[1]); err == nil && y > latest {
			latest = y
		}
	}
	return latest
}

var namedYear = regexp.MustCompile(`[〔［\[]((?:19|20)[0-9]{2})[〕］\]]`)

// zeroPadded finds a month or day written with a leading zero.
var zeroPadded = regexp.MustCompile(`([年月./\-／－．])\s*[0０][0-9０-９]`)
