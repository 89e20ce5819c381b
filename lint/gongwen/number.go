package gongwen

import "strings"

// chineseDigit maps the Han digits used in 公文 numbering and dates. 〇
// (U+3007) is the standard zero of dates; ○ (U+25CB, a geometric circle)
// and 零 are what people type for it in practice, so all three count.
func chineseDigit(r rune) (int, bool) {
	switch r {
	case '〇', '○', '零':
		return 0, true
	case '一':
		return 1, true
	case '二':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

func chineseUnit(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

// isChineseNumeral reports whether r may appear in a Han numeral.
func isChineseNumeral(r rune) bool {
	_, ok := chineseDigit(r)
	return ok || chineseUnit(r) != 0
}

// ParseChineseNumber reads a number written in Han numerals, in either of
// the two ways 公文 use them:
//
//   - with units, as in structural headings and article numbers:
//     一 … 十 … 十一 … 二十三 … 九十九, and on to 一百零五 or 一千 (up to 9999);
//   - digit by digit, as in the year of a date: 二〇一八 → 2018, with 〇, ○
//     or 零 for zero.
//
// A string with no unit (十, 百, 千) is read digit by digit. It reports
// false for anything else, including Arabic digits and an empty string.
func ParseChineseNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if !strings.ContainsAny(s, "十百千") {
		return positional(s, chineseDigit)
	}
	total, cur := 0, -1
	lastUnit := 10000
	zero := false
	for _, r := range s {
		if d, ok := chineseDigit(r); ok {
			if cur >= 0 {
				return 0, false // two digits in a row: 二三十
			}
			if d == 0 {
				if zero || total == 0 {
					return 0, false
				}
				zero = true
				continue
			}
			cur = d
			zero = false
			continue
		}
		u := chineseUnit(r)
		if u == 0 || u >= lastUnit || zero {
			return 0, false
		}
		if cur < 0 {
			// 十 may open a number (十一 = 11); no other unit may.
			if total != 0 || u != 10 {
				return 0, false
			}
			cur = 1
		}
		total += cur * u
		cur = -1
		lastUnit = u
	}
	if cur >= 0 {
		total += cur
	} else if zero {
		return 0, false // trailing 零: 一百零
	}
	return total, true
}

// asciiDigits converts a run of Arabic digits, half-width or full-width,
// to its value. It reports false for anything else or for more than nine
// digits.
func asciiDigits(s string) (int, bool) { return positional(s, arabicDigit) }

// positional reads s digit by digit (二〇一八, 2018), with digit telling
// each character's value; more than nine digits is no number of a 公文.
func positional(s string, digit func(rune) (int, bool)) (int, bool) {
	if s == "" {
		return 0, false
	}
	n, count := 0, 0
	for _, r := range s {
		d, ok := digit(r)
		if !ok {
			return 0, false
		}
		count++
		if count > 9 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

func arabicDigit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}
