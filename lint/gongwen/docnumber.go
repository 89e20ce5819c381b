package gongwen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DocNumber is a 发文字号 (document number) taken apart: 机关代字 (the
// issuing organ's abbreviation), 年份 (year) and 发文顺序号 (sequence),
// as in 国办发〔2018〕129号. The parts are kept as written, so that a
// format rule can say what is wrong: brackets other than 〔〕, a short
// year, a padded sequence (038), a 第 before it.
type DocNumber struct {
	Agency  string // 机关代字, e.g. 国办发; "" when absent
	Open    string // the opening bracket as written, "" when there is no year
	Year    string // digits as written, e.g. 2018, 18 or 二〇一八
	Close   string // the closing bracket as written
	Ordinal bool   // a 第 stands before the sequence, as in 国令第706号
	Seq     string // digits as written, e.g. 38, 038 or 三十八
}

// Standard reports whether the number has the form GB/T 9704—2012 7.2.5
// fixes: a four-digit year in 〔〕, a sequence without 第 and without
// leading zeros, closed by 号. A 令 number (国令第706号) is not a
// 发文字号 and is not standard by this test.
func (d DocNumber) Standard() bool {
	return d.Open == "〔" && d.Close == "〕" && len(d.Year) == 4 && isASCIIDigits(d.Year) &&
		!d.Ordinal && isASCIIDigits(d.Seq) && !strings.HasPrefix(d.Seq, "0")
}

// String writes the number back as parsed.
func (d DocNumber) String() string {
	var b strings.Builder
	b.WriteString(d.Agency)
	b.WriteString(d.Open)
	b.WriteString(d.Year)
	b.WriteString(d.Close)
	if d.Ordinal {
		b.WriteString("第")
	}
	b.WriteString(d.Seq)
	b.WriteString("号")
	return b.String()
}

// bracket pairs seen around the year of a 发文字号, right and wrong. „‟
// is what a mis-encoded 〔〕 turns into in some published texts
// (国办发„2009‟3号).
var docNumberOpen = "〔［[（(【„〈<{｛「"
var docNumberClose = "〕］]）)】‟〉>}｝」\""

// ParseDocNumber reads s (surrounding white space ignored) as a whole
// 发文字号, tolerating wrong brackets, short years, padded sequences, a
// 第 and spaces between the parts: 国发〔2018〕38号, 国发（2005）43号,
// 汕府办[2015]29号, 国办发„2009‟3号, 国发〔2018〕038号, 国发〔18〕38号,
// 国令第706号, 第38号, and numbers written in Chinese numerals
// (〔二〇二四〕3号, 〔2024〕三号) or with the year unbracketed (国发2024年3号,
// 国发2024-3号: only after a 机关代字 ending in 发, 函, 字, 办 or 电, so
// that 会议定于2024年3号 is no number). It reports false for anything
// else, including a sentence that merely mentions a number.
func ParseDocNumber(s string) (DocNumber, bool) {
	s = strings.TrimFunc(s, isSpaceRune)
	if s == "" || len(s) > 120 || !strings.HasSuffix(s, "号") {
		return DocNumber{}, false
	}
	body := strings.TrimSuffix(s, "号")
	body = strings.TrimRightFunc(body, isSpaceRune)
	// The sequence: trailing digits, Arabic or Chinese.
	i := trailingNumber(body, arabicDigit)
	if i == len(body) {
		i = trailingNumber(body, isSeqNumeral)
		if _, ok := ParseChineseNumber(body[i:]); !ok {
			return DocNumber{}, false
		}
	}
	var d DocNumber
	d.Seq = body[i:]
	if d.Seq == "" || utf8.RuneCountInString(d.Seq) > 6 {
		return DocNumber{}, false
	}
	rest := strings.TrimRightFunc(body[:i], isSpaceRune)
	if strings.HasSuffix(rest, "第") {
		d.Ordinal = true
		rest = strings.TrimRightFunc(strings.TrimSuffix(rest, "第"), isSpaceRune)
	}
	// The year in brackets, if any.
	if r, size := utf8.DecodeLastRuneInString(rest); size > 0 && strings.ContainsRune(docNumberClose, r) {
		d.Close = string(r)
		inner := rest[:len(rest)-size]
		j := trailingNumber(inner, arabicDigit)
		if j == len(inner) {
			j = trailingNumber(inner, chineseDigit) // 〔二〇二四〕
		}
		d.Year = inner[j:]
		n := utf8.RuneCountInString(d.Year)
		if n != 2 && n != 4 {
			return DocNumber{}, false
		}
		before := strings.TrimRightFunc(inner[:j], isSpaceRune)
		o, osz := utf8.DecodeLastRuneInString(before)
		if osz == 0 || !strings.ContainsRune(docNumberOpen, o) {
			return DocNumber{}, false
		}
		d.Open = string(o)
		rest = strings.TrimRightFunc(before[:len(before)-osz], isSpaceRune)
	} else if y, sep, ok := unbracketedYear(rest); ok && !d.Ordinal {
		// 国发2024年3号, 国发2024-3号
		d.Year, d.Close = y, sep
		rest = strings.TrimRightFunc(strings.TrimSuffix(strings.TrimSuffix(rest, sep), y), isSpaceRune)
		if !strings.ContainsAny(lastRune(rest), "发函字办电") {
			return DocNumber{}, false
		}
	} else if !d.Ordinal {
		// Without a year only the 令 form 国令第706号 / 第38号 is a number.
		return DocNumber{}, false
	}
	// The 机关代字: a short run of Han characters or Latin letters.
	if utf8.RuneCountInString(rest) > 16 {
		return DocNumber{}, false
	}
	for _, r := range rest {
		if !(unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return DocNumber{}, false
		}
	}
	d.Agency = rest
	return d, true
}

// trailingNumber returns where the run of digits (as digit reads them)
// at the end of s begins.
func trailingNumber(s string, digit func(rune) (int, bool)) int {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if _, ok := digit(r); !ok {
			break
		}
		i -= size
	}
	return i
}

// isSeqNumeral accepts the characters of a sequence number written in
// Chinese: digits and the units 十, 百 and 千.
func isSeqNumeral(r rune) (int, bool) {
	if d, ok := chineseDigit(r); ok {
		return d, true
	}
	return 0, chineseUnit(r) != 0
}

// unbracketedYear reads a four-digit Arabic year that ends s, followed by
// 年 or a hyphen: the 2024年 of 国发2024年3号.
func unbracketedYear(s string) (year, sep string, ok bool) {
	for _, sep := range []string{"年", "-", "－"} {
		if rest, found := strings.CutSuffix(s, sep); found {
			i := trailingNumber(rest, arabicDigit)
			if y := rest[i:]; utf8.RuneCountInString(y) == 4 {
				return y, sep, true
			}
		}
	}
	return "", "", false
}

func lastRune(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}

func isASCIIDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
