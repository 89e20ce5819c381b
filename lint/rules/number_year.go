package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
)

// NumberYear reports two-digit years (08年, ’08): GB/T 15835—2011 (出版物上
// 数字用法, numerals in publications) asks for the year in full, 2008年.
// A number before 年 is far more often a duration (18年来, 工作10年) than a
// year, so only forms that cannot be a duration are reported: a two-digit
// number followed by a month (18年3月), by 度/初/底/末 or 上半年/下半年, a
// leading zero (08年: nobody counts years as 08), a range with one (08—10年),
// or an apostrophe year (’08). The 成文日期 and 发文字号 are judged by their
// own rules and skipped here. The century is a guess, so there is no fix.
var NumberYear = &lint.Rule{
	ID:       "number-year",
	Name:     "年份简写",
	Severity: lint.Warning,
	Source:   "GB/T 15835—2011",
	Doc:      "年份简写为两位数字（08年、’08），应写全称（2008年）",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		owned := fmtOwned(doc)
		seen := map[int]bool{}
		for _, re := range shortYearPatterns {
			for _, m := range re.findAll(doc.Prose) {
				y0, y1 := m[2], m[3]
				if y0 > 0 {
					if r, _ := utf8.DecodeLastRuneInString(doc.Prose[:y0]); fmtDigit(r) || r == '.' || r == '第' || fmtLatin(r) {
						continue
					}
				}
				// The match may end in a digit of a longer number (08年 of
				// 08年3月 never does, but ’081 must not count as ’08).
				if r, _ := utf8.DecodeRuneInString(doc.Prose[m[1]:]); fmtDigit(r) || r == '代' {
					continue
				}
				sp := doc.SpanOfBytes(m[0], m[1])
				if seen[sp.Start] || owned.contains(sp.Start) {
					continue
				}
				seen[sp.Start] = true
				year := doc.Prose[y0:y1]
				pass.Reportf(sp, "“%s”中的年份简写成了两位数字，年份应写全称，如“%s年”",
					doc.Prose[m[0]:m[1]], fullYear(year))
			}
		}
	},
}

// shortYearPatterns: group 1 is the two-digit year. Go's regexp has no
// look-behind, so what may not precede the year is checked in Run.
// Each runs only around a 年 after a digit, or a quote before one.
var shortYearPatterns = []*gatedPattern{
	{
		re:      regexp.MustCompile(`(\d{2})年(?:\d{1,2}月|度|初|底|末|上半年|下半年)`),
		anchors: []string{"年"},
		reach: func(text string, at, end int) (int, int, bool) {
			return runesBack(text, at, 2), runesOn(text, end, 3), asciiDigitBefore(text, at)
		},
	},
	{
		re:      regexp.MustCompile(`(0\d)年`),
		anchors: []string{"年"},
		reach: func(text string, at, end int) (int, int, bool) {
			return runesBack(text, at, 2), end, asciiDigitBefore(text, at)
		},
	},
	{
		re:      regexp.MustCompile(`(0\d)[—–\-～~至到]\d{2}年`),
		anchors: []string{"年"},
		reach: func(text string, at, end int) (int, int, bool) {
			return runesBack(text, at, 5), end, asciiDigitBefore(text, at)
		},
	},
	{
		re:      regexp.MustCompile(`['’‘](\d{2})`),
		anchors: []string{"'", "’", "‘"},
		reach: func(text string, at, end int) (int, int, bool) {
			return at, runesOn(text, end, 2), end < len(text) && text[end] >= '0' && text[end] <= '9'
		},
	},
}

// fullYear guesses the century of a two-digit year for the message only.
func fullYear(two string) string {
	n, err := strconv.Atoi(two)
	if err != nil {
		return two
	}
	if n >= 50 {
		return fmt.Sprint(1900 + n)
	}
	return fmt.Sprint(2000 + n)
}
