package gongwen

import (
	"strings"
	"unicode/utf8"
)

// headingMarker is what classifyHeading found at the start of a line.
type headingMarker struct {
	level  HeadingLevel
	number int
	marker string // as written
	form   string // canonical form name, or the wrong form seen
	end    int    // byte length of the marker in the line
}

// classifyHeading reads the 结构层次序数 (structural number) that opens
// line, if any. It looks at no more than the first few runes, so a very
// long line costs nothing.
//
// Forms of GB/T 9704—2012 7.3.3 get their level: 一、 （一） 1. （1）.
// 1． with a full-width dot is taken as level 3 as well, with Form "1．":
// the mark differs only in width and a writer means the same level, so
// the level sequence stays right while a format rule can still report
// the form. Other heading-like numbers get LevelUnknown with Form set to
// the shape seen: 1、 （一）、 一. 一． (一) (1) （1）、 1） 1).
//
// Not headings: an Arabic number followed by a digit (1.5亿元, 1、2月), a
// year (2018年), 一是, article numbers (第一条), and a marker with nothing
// after it. A Han number may be followed by digits: 一、1996年….
func classifyHeading(line string) (headingMarker, bool) {
	if line == "" {
		return headingMarker{}, false
	}
	r, size := utf8.DecodeRuneInString(line)
	switch {
	case r == '（' || r == '(':
		return parenHeading(line, size, r == '（')
	case isChineseNumeral(r):
		return hanHeading(line)
	default:
		if _, ok := arabicDigit(r); ok {
			return arabicHeading(line)
		}
	}
	return headingMarker{}, false
}

// hanHeading handles 一、 and the wrong 一. 一．
func hanHeading(line string) (headingMarker, bool) {
	i := 0
	for i < len(line) && i < 3*4 {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isChineseNumeral(r) {
			break
		}
		i += size
	}
	num := line[:i]
	n, ok := headingNumber(num, true)
	if !ok || i >= len(line) {
		return headingMarker{}, false
	}
	delim, dsize := utf8.DecodeRuneInString(line[i:])
	end := i + dsize
	if !hasHeadingText(line[end:], true) {
		return headingMarker{}, false
	}
	switch delim {
	case '、':
		// 一、二级医院 lists numbers; it does not open a heading.
		if r, size := utf8.DecodeRuneInString(line[end:]); isChineseNumeral(r) {
			if next, _ := utf8.DecodeRuneInString(line[end+size:]); strings.ContainsRune("、级类等期批", next) {
				return headingMarker{}, false
			}
		}
		return headingMarker{Level1, n, line[:end], "一、", end}, true
	case '.', '．':
		return headingMarker{LevelUnknown, n, line[:end], "一" + string(delim), end}, true
	}
	return headingMarker{}, false
}

// arabicHeading handles 1. and the wrong 1、 1） 1).
func arabicHeading(line string) (headingMarker, bool) {
	i := 0
	fullWidth := false
	for i < len(line) && i < 3*4 {
		r, size := utf8.DecodeRuneInString(line[i:])
		if _, ok := arabicDigit(r); !ok {
			break
		}
		if size > 1 {
			fullWidth = true
		}
		i += size
	}
	num := line[:i]
	// Up to three digits: a list of 130 items (1. … 130.) is real, a
	// four-digit number is a year.
	if utf8.RuneCountInString(num) > 3 || i >= len(line) {
		return headingMarker{}, false
	}
	n, ok := asciiDigits(num)
	if !ok || n == 0 {
		return headingMarker{}, false
	}
	delim, dsize := utf8.DecodeRuneInString(line[i:])
	end := i + dsize
	if !hasHeadingText(line[end:], false) {
		return headingMarker{}, false
	}
	digit := "1"
	if fullWidth {
		digit = "１"
	}
	switch delim {
	case '.':
		if fullWidth {
			return headingMarker{LevelUnknown, n, line[:end], digit + ".", end}, true
		}
		return headingMarker{Level3, n, line[:end], "1.", end}, true
	case '．':
		if fullWidth {
			return headingMarker{LevelUnknown, n, line[:end], digit + "．", end}, true
		}
		return headingMarker{Level3, n, line[:end], "1．", end}, true
	case '、', '）', ')':
		return headingMarker{LevelUnknown, n, line[:end], digit + string(delim), end}, true
	}
	return headingMarker{}, false
}

// parenHeading handles （一） （1） and the wrong (一) (1) （一）、 （1）、.
func parenHeading(line string, open int, fullOpen bool) (headingMarker, bool) {
	i := open
	han, arabic := false, false
	for i < len(line) && i-open < 3*4 {
		r, size := utf8.DecodeRuneInString(line[i:])
		if isChineseNumeral(r) {
			han = true
		} else if _, ok := arabicDigit(r); ok {
			arabic = true
		} else {
			break
		}
		i += size
	}
	if han == arabic || i >= len(line) {
		return headingMarker{}, false
	}
	num := line[open:i]
	var n int
	var ok bool
	if han {
		n, ok = headingNumber(num, true)
	} else {
		n, ok = asciiDigits(num)
		ok = ok && n > 0 && utf8.RuneCountInString(num) <= 2
	}
	if !ok {
		return headingMarker{}, false
	}
	closer, csize := utf8.DecodeRuneInString(line[i:])
	if closer != '）' && closer != ')' {
		return headingMarker{}, false
	}
	end := i + csize
	fullClose := closer == '）'
	// A 顿号 after the closing parenthesis is the classic wrong form （一）、.
	extra := ""
	if r, size := utf8.DecodeRuneInString(line[end:]); r == '、' || r == '.' || r == '．' {
		extra = string(r)
		end += size
	}
	if !hasHeadingText(line[end:], han) {
		return headingMarker{}, false
	}
	digit := "1"
	if han {
		digit = "一"
	}
	if fullOpen && fullClose && extra == "" {
		level := Level4
		if han {
			level = Level2
		}
		return headingMarker{level, n, line[:end], "（" + digit + "）", end}, true
	}
	o, c := "(", ")"
	if fullOpen {
		o = "（"
	}
	if fullClose {
		c = "）"
	}
	return headingMarker{LevelUnknown, n, line[:end], o + digit + c + extra, end}, true
}

// headingNumber reads the Han number of a heading, 1 to 99.
func headingNumber(s string, han bool) (int, bool) {
	if strings.ContainsAny(s, "〇○零百千") {
		return 0, false
	}
	n, ok := ParseChineseNumber(s)
	if !ok || n < 1 || n > 99 {
		return 0, false
	}
	// Digit-by-digit strings (二三) are not heading numbers.
	if utf8.RuneCountInString(s) > 1 && !strings.Contains(s, "十") {
		return 0, false
	}
	return n, true
}

// hasHeadingText reports whether something follows a marker, and that it
// does not continue the marker's number. After an Arabic number a digit
// does: "1.5亿元" is a decimal and "1、2月" a range, not headings. After a
// Han number it cannot, so digits are heading text there: "一、1996年我国
// 地震活动情况" opens a section; hanNumber says the number was Han.
func hasHeadingText(rest string, hanNumber bool) bool {
	rest = strings.TrimLeftFunc(rest, isSpaceRune)
	if rest == "" {
		return false
	}
	if hanNumber {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	_, digit := arabicDigit(r)
	return !digit
}

// articleMarker reads 第一条, 第二章, 第三节, 第一编 at the start of a line:
// the articles and chapters of 条例, 规定 and laws, which are numbered
// differently from structural headings and must not be mistaken for them.
func articleMarker(line string) (unit string, number int, end int, ok bool) {
	if !strings.HasPrefix(line, "第") {
		return "", 0, 0, false
	}
	i := len("第")
	start := i
	for i < len(line) && i-start < 3*8 {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isChineseNumeral(r) {
			break
		}
		i += size
	}
	if i == start || i >= len(line) {
		return "", 0, 0, false
	}
	n, good := ParseChineseNumber(line[start:i])
	if !good || n < 1 {
		return "", 0, 0, false
	}
	r, size := utf8.DecodeRuneInString(line[i:])
	switch r {
	case '条', '章', '节', '编':
	default:
		return "", 0, 0, false
	}
	end = i + size
	// 第一条规定… in running text is rare, but 第三章节 is not a chapter.
	if next, _ := utf8.DecodeRuneInString(line[end:]); next == '的' || next == '节' || next == '款' || next == '项' {
		return "", 0, 0, false
	}
	return string(r), n, end, true
}
