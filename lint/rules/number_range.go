package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
)

// NumberRange follows GB/T 15834—2011 4.13 (连接号) on the mark between the
// ends of a range: a range of values (3～5年, 10～20万元, 1.5～2倍) takes the
// 浪纹线 ～, a span of time (2024—2025年) the 一字线 — (or ～). Drafts type
// the ASCII hyphen "-", its full-width form "－" or the ASCII tilde "~",
// which is the 半字线 of product codes and dates, or half-width. Only a range
// that ends in a unit or a measure is reported, so that telephone numbers
// (0755-12345678), dates (2024-03-05), codes (GB/T 9704-2012, WZ-10) and
// scores (3-1) stay alone. The fix puts the right mark in.
var NumberRange = &lint.Rule{
	ID:       "number-range",
	Name:     "数值范围的连接号",
	Severity: lint.Warning,
	Source:   "GB/T 15834—2011 4.13",
	Doc:      "数值范围用了连字符或半角浪纹线（3-5年、10~20万元），应写作3～5年、10～20万元",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		text := doc.Prose
		owned := fmtOwned(doc)
		for off := 0; off < len(text); {
			i := strings.IndexAny(text[off:], "-~－")
			if i < 0 {
				break
			}
			at := off + i
			_, size := utf8.DecodeRuneInString(text[at:])
			off = at + size
			// 15%-30%: the sign after the first number.
			numEnd := at
			if r, size := utf8.DecodeLastRuneInString(text[:at]); r == '%' || r == '％' {
				numEnd = at - size
			}
			lo, ok := rangeStart(text, numEnd)
			if !ok {
				continue
			}
			hi, ok := rangeEnd(text, at+size)
			if !ok {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(text[hi:]); (r == '%' || r == '％') && !strings.ContainsAny(text[lo:at], "%％") {
				// 15-30%: number-percent-range adds the first sign and
				// writes the 浪纹线 in the same fix.
				continue
			}
			sp := doc.SpanOfBytes(at, at+size)
			if owned.contains(sp.Start) {
				continue
			}
			mark, what := "～", "数值范围"
			if rangeOfYears(text[lo:numEnd], text[at+size:hi]) {
				mark, what = "—", "时间范围"
			}
			whole := doc.SpanOfBytes(lo, hi)
			pass.Report(lint.Finding{
				Span: whole,
				Message: what + "“" + text[lo:hi] + text[hi:unitEnd(text, hi)] + "”中用了“" + text[at:at+size] +
					"”，起止之间应用" + markName(mark) + "“" + mark + "”：" + text[lo:at] + mark + text[at+size:hi] + text[hi:unitEnd(text, hi)],
				Fix: &lint.Fix{Span: sp, Text: mark},
			})
		}
	},
}

func markName(mark string) string {
	if mark == "—" {
		return "一字线"
	}
	return "浪纹线"
}

// rangeStart is where the number before the mark at begins: digits with
// at most one decimal point, not glued to a letter, a digit group, a code
// or a date before it, and not a number with a leading zero (0755).
func rangeStart(text string, at int) (int, bool) {
	i := at
	dots := 0
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r == '.' && dots == 0 && i < at {
			dots++
		} else if !fmtASCIIDigit(r) {
			break
		}
		i -= size
	}
	if i == at || at-i > 7 || text[i] == '.' {
		return 0, false
	}
	if text[i] == '0' && (i+1 >= at || text[i+1] != '.') {
		return 0, false
	}
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if fmtLatin(r) || strings.ContainsRune(".:/_-－~～—+#", r) {
			return 0, false
		}
		// A code after a space: GB/T 9704-2012, ISO 9001-2015.
		if before := strings.TrimRight(text[:i], " \u00a0"); len(before) < i {
			if r, _ := utf8.DecodeLastRuneInString(before); fmtLatin(r) || r == '/' {
				return 0, false
			}
		}
	}
	return i, true
}

// rangeEnd is where the number after the mark ends, when a unit or measure
// follows it: a Han character (年, 个, 万元, 倍) or a per cent sign.
func rangeEnd(text string, from int) (int, bool) {
	i := from
	dots := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '.' && dots == 0 && i > from && i+1 < len(text) && fmtASCIIDigit(rune(text[i+1])) {
			dots++
		} else if !fmtASCIIDigit(r) {
			break
		}
		i += size
	}
	if i == from || i-from > 7 || i >= len(text) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if r == '%' || r == '％' || unicode.Is(unicode.Han, r) {
		return i, true
	}
	return 0, false
}

// unitEnd is the end of the unit after a range, for the message: one Han
// character or sign, two for a compound unit (万元, 平方米 as 平方, 毫米).
func unitEnd(text string, from int) int {
	r, size := utf8.DecodeRuneInString(text[from:])
	i := from + size
	if strings.ContainsRune("万亿千百平立公毫厘学", r) && i < len(text) {
		if r2, size2 := utf8.DecodeRuneInString(text[i:]); unicode.Is(unicode.Han, r2) {
			i += size2
		}
	}
	return i
}

// rangeOfYears: both ends are years of this era (2024-2025年, 2024-2025
// 学年), a span of time, for which GB/T 15834 names the 一字线 first.
func rangeOfYears(a, b string) bool {
	year := func(s string) bool {
		return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
	}
	return year(a) && year(b) && a < b
}
