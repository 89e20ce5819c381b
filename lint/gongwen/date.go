package gongwen

import (
	"strings"
	"unicode/utf8"
)

// CalendarDate is a date read from a 成文日期 or 印发日期.
type CalendarDate struct {
	Year, Month, Day int
}

// ParseDate reads s (surrounding white space ignored) as a whole date in
// any of the forms drafts use, right or wrong, so that a date rule can
// judge the form: 2018年11月7日, 2018年11月07日, 二〇一八年十一月七日,
// 二○一八年十一月七日, 18年11月7日, 2018.11.7, 2018-11-07, 2018/11/7,
// with half-width or full-width digits. The year of a numeric form must
// have four digits; the month and day must be plausible.
func ParseDate(s string) (CalendarDate, bool) {
	s = strings.TrimFunc(s, isSpaceRune)
	if s == "" || len(s) > 80 {
		return CalendarDate{}, false
	}
	if strings.HasSuffix(s, "日") || strings.HasSuffix(s, "号") {
		y, rest, ok := strings.Cut(s, "年")
		if !ok {
			return CalendarDate{}, false
		}
		m, d, ok := strings.Cut(rest, "月")
		if !ok {
			return CalendarDate{}, false
		}
		d = strings.TrimSuffix(strings.TrimSuffix(d, "日"), "号")
		y, m, d = strings.TrimFunc(y, isSpaceRune), strings.TrimFunc(m, isSpaceRune), strings.TrimFunc(d, isSpaceRune)
		yv, ok1 := dateNumber(y)
		mv, ok2 := dateNumber(m)
		dv, ok3 := dateNumber(d)
		if !ok1 || !ok2 || !ok3 {
			return CalendarDate{}, false
		}
		if n := utf8.RuneCountInString(y); n != 2 && n != 4 {
			return CalendarDate{}, false
		}
		return checkDate(yv, mv, dv)
	}
	for _, sep := range []string{".", "-", "/", "．", "－", "／"} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 {
			continue
		}
		if utf8.RuneCountInString(parts[0]) != 4 {
			return CalendarDate{}, false
		}
		yv, ok1 := asciiDigits(parts[0])
		mv, ok2 := asciiDigits(parts[1])
		dv, ok3 := asciiDigits(parts[2])
		if !ok1 || !ok2 || !ok3 || len(parts[1]) > 2*3 || len(parts[2]) > 2*3 {
			return CalendarDate{}, false
		}
		return checkDate(yv, mv, dv)
	}
	return CalendarDate{}, false
}

// dateNumber reads one field of a date: Arabic digits, or Han numerals
// either with units (十一) or digit by digit (二〇一八).
func dateNumber(s string) (int, bool) {
	if s == "" || utf8.RuneCountInString(s) > 4 {
		return 0, false
	}
	if v, ok := asciiDigits(s); ok {
		return v, true
	}
	if strings.ContainsAny(s, latinZeros) && strings.ContainsAny(s, "一二三四五六七八九") {
		// 二OO三年: the Latin letter O (or a digit 0) typed for 〇, a
		// slip common enough that the date must still be read, and judged.
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(latinZeros, r) {
				return '〇'
			}
			return r
		}, s)
	}
	return ParseChineseNumber(s)
}

// latinZeros are what drafts type for the 〇 of a Han-numeral year.
const latinZeros = "OoＯｏ0０"

// HasLatinZero reports whether a date written in Han numerals uses a
// Latin O or a digit 0 for 〇 (二OO三年).
func HasLatinZero(s string) bool {
	return strings.ContainsAny(s, latinZeros) && strings.ContainsAny(s, "一二三四五六七八九")
}

func checkDate(y, m, d int) (CalendarDate, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return CalendarDate{}, false
	}
	if y < 100 {
		// 18年: a two-digit year, itself a fault a date rule reports.
		if y >= 50 {
			y += 1900
		} else {
			y += 2000
		}
	}
	if y < 1900 || y > 2199 {
		return CalendarDate{}, false
	}
	return CalendarDate{Year: y, Month: m, Day: d}, true
}
