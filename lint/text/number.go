package text

import "strings"

// ArabicDigit is the value of an Arabic digit, half- or full-width.
func ArabicDigit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// HanDigit is the value of a Han digit: 〇, ○ and 零 are 0, 两 is 2.
func HanDigit(r rune) (int, bool) {
	switch r {
	case '〇', '○', '零':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
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

// HanUnit is the value of a Han numeral unit: 十, 百, 千, 万, 亿; 0 for
// any other rune.
func HanUnit(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万':
		return 10000
	case '亿':
		return 100000000
	}
	return 0
}

// IsHanNumeral reports a rune of a number in Han numerals: a digit or a
// unit.
func IsHanNumeral(r rune) bool {
	_, ok := HanDigit(r)
	return ok || HanUnit(r) != 0
}

// maxPositional is the most digits a number read digit by digit may have
// (a year has four; a long run is no number).
const maxPositional = 9

// ParseHanNumber reads a number written in Han numerals, in either of the
// two ways 公文 write them:
//
//   - with units: 十一, 二十三, 一百零五, 两千, 三万五千, 一亿二千万;
//   - digit by digit, as the year of a date: 二〇一八 → 2018, with 〇, ○,
//     零, or the Latin O people type for 〇 (二O二五), as zero.
//
// A string with no unit is read digit by digit. It reports false for
// anything else: Arabic digits, an empty string, two digits before one
// unit (二三十, an estimate), a unit out of order (一百千), a trailing 零.
func ParseHanNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if strings.ContainsAny(s, "Oo") {
		// O is 〇 only among Han numerals: "O" alone is a letter.
		if strings.Trim(s, "Oo") == "" {
			return 0, false
		}
		s = strings.NewReplacer("O", "〇", "o", "〇").Replace(s)
	}
	if !strings.ContainsAny(s, "十百千万亿") {
		return positional(s)
	}
	// Sections of up to 9999, scaled by 亿 and 万 in that order.
	total := 0
	rest := s
	for _, big := range []string{"亿", "万"} {
		i := strings.Index(rest, big)
		if i < 0 {
			continue
		}
		n, ok := section(rest[:i], total > 0)
		if !ok {
			return 0, false
		}
		total += n * HanUnit([]rune(big)[0])
		rest = rest[i+len(big):]
	}
	if rest != "" {
		n, ok := section(rest, total > 0)
		if !ok {
			return 0, false
		}
		total += n
	}
	return total, true
}

// section reads a number below 10000 with units (一百零五, 十二, 三千).
// lower: a higher section came before, so a leading 零 is allowed
// (一万零五百) and the section may be all 零-free digits.
func section(s string, lower bool) (int, bool) {
	if s == "" {
		return 0, false
	}
	total, cur := 0, -1
	lastUnit := 10000
	zero := false
	first := true
	for _, r := range s {
		if d, ok := HanDigit(r); ok {
			if cur >= 0 {
				return 0, false // two digits in a row: 二三十
			}
			if d == 0 {
				if zero || (total == 0 && !(lower && first)) {
					return 0, false
				}
				zero = true
				first = false
				continue
			}
			cur = d
			zero = false
			first = false
			continue
		}
		u := HanUnit(r)
		if u == 0 || u >= lastUnit || (zero && !(u == 10 && total == 0 && lower)) {
			return 0, false
		}
		if cur < 0 {
			// 十 may open a section (十一 = 11, 一万零十 = 10010); no other
			// unit may.
			if total != 0 || u != 10 {
				return 0, false
			}
			cur = 1
		}
		total += cur * u
		cur = -1
		lastUnit = u
		zero = false
		first = false
	}
	if cur >= 0 {
		total += cur
	} else if zero {
		return 0, false // trailing 零: 一百零
	}
	return total, true
}

// positional reads digits one by one: 二〇一八 → 2018.
func positional(s string) (int, bool) {
	n, count := 0, 0
	for _, r := range s {
		d, ok := HanDigit(r)
		if !ok {
			return 0, false
		}
		count++
		if count > maxPositional {
			return 0, false
		}
		n = n*10 + d
	}
	return n, count > 0
}
