package gongwen

import txt "github.com/gwlint/gwlint/lint/text"

// chineseDigit maps the Han digits 公文 numbering and dates use: 〇, and ○
// and 零 that people type for it, 一 to 九. 两 is a numeral (两千) but no
// heading or sequence number is written with it.
func chineseDigit(r rune) (int, bool) {
	if r == '两' {
		return 0, false
	}
	return txt.HanDigit(r)
}

// chineseUnit is the value of 十, 百 or 千, the units of a heading or
// sequence number; 0 for anything else (万 and 亿 number amounts, not
// headings).
func chineseUnit(r rune) int {
	if u := txt.HanUnit(r); u < 10000 {
		return u
	}
	return 0
}

// isChineseNumeral reports whether r may appear in the Han numeral of a
// heading, a date or a sequence number.
func isChineseNumeral(r rune) bool {
	_, ok := chineseDigit(r)
	return ok || chineseUnit(r) != 0
}

// ParseChineseNumber reads a number written in Han numerals (一百零五,
// 二〇一八): txt.ParseHanNumber, which every package shares.
func ParseChineseNumber(s string) (int, bool) { return txt.ParseHanNumber(s) }

// asciiDigits converts a run of Arabic digits, half-width or full-width,
// to its value. It reports false for anything else or for more than nine
// digits.
func asciiDigits(s string) (int, bool) {
	n, count := 0, 0
	for _, r := range s {
		d, ok := txt.ArabicDigit(r)
		if !ok {
			return 0, false
		}
		count++
		if count > 9 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, count > 0
}

func arabicDigit(r rune) (int, bool) { return txt.ArabicDigit(r) }
