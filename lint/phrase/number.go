package phrase

// scanNumber reads a whole number at r[p:]: ASCII or full-width digits, or
// Chinese numerals up to 九千九百九十九 (with 两 and 〇). It returns the value
// and the offset after it. Values are capped so that no input overflows.
func scanNumber(r []rune, p int) (n, end int, ok bool) {
	const limit = 1_000_000
	i := p
	for i < len(r) {
		d, isDigit := digitValue(r[i])
		if !isDigit {
			break
		}
		if i-p == maxNumberDigits {
			// No date, time or count has this many digits (an ID or
			// account number does): not a number. Reading no further
			// keeps a scan that tries every position of a run of digits
			// linear in its length.
			return 0, p, false
		}
		if n < limit {
			n = n*10 + d
		}
		i++
	}
	if i > p {
		return min(n, limit), i, true
	}
	return scanChineseNumber(r, p)
}

// maxNumberDigits is the longest run of digits scanNumber reads as a
// number; counts are capped at a million, years have four digits.
const maxNumberDigits = 12

func digitValue(c rune) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= '０' && c <= '９':
		return int(c - '０'), true
	}
	return 0, false
}

var chineseDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var chineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// scanChineseNumber reads 三, 十二, 二十, 一百零五, 两千 and the like.
func scanChineseNumber(r []rune, p int) (n, end int, ok bool) {
	i, total, digit, seen := p, 0, -1, false
	for i < len(r) && i-p < 8 {
		c := r[i]
		if d, isDigit := chineseDigits[c]; isDigit {
			if digit >= 0 && d != 0 && digit != 0 {
				break // 三四 is an estimate, not a number
			}
			digit = d
			seen = true
			i++
			continue
		}
		if u, isUnit := chineseUnits[c]; isUnit {
			if digit < 0 {
				digit = 1 // 十二 = 12
			}
			total += digit * u
			digit = -1
			seen = true
			i++
			continue
		}
		break
	}
	if !seen {
		return 0, p, false
	}
	if digit > 0 {
		total += digit
	}
	return total, i, true
}
