package phrase

import (
	"strings"

	"github.com/gwlint/gwlint/lint/gongwen"
)

// Amounts and periodic frequencies, the figures 加数量 and 增速度 change
// between a parent and a draft: 80亿元 → 120亿元, 96项 → 172项, 1.2万亩,
// 一百六十亿元, 3至5个, 两年一次 → 一年一次.

// amountUnits are the units an amount must carry: a bare number is a
// year, an article or a code, not a target.
var amountUnits = []string{
	"平方公里", "平方米", "立方米", "公顷", "公里", "千米", "千瓦", "万千瓦", "人次", "元", "亩", "米", "吨", "斤",
	"个", "项", "人", "名", "户", "家", "所", "座", "套", "台", "辆", "场", "篇", "条", "件", "份", "批", "处",
	"栋", "间", "张", "本", "支", "部", "种", "类", "倍", "期", "轮", "届", "位", "块", "组", "村", "镇", "次",
}

// multipliers scale a number: 1.2万, 80亿, 3千.
var multipliers = []struct {
	word  string
	value float64
}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}, {"千", 1e3}}

// rangeSigns join the two ends of a range: 3至5个, 100—120亿元.
var rangeSigns = []string{"—", "－", "-", "～", "~", "至", "到", "―", "–"}

// periodDays are the periods of "N年一次" frequencies, in days.
var periodDays = []struct {
	word string
	days float64
}{{"季度", 91}, {"年", 365}, {"个月", 30}, {"月", 30}, {"周", 7}, {"星期", 7}, {"天", 1}, {"日", 1}}

// isHanNumeral reports a rune of a number in Han numerals; O and o are
// what people type for 〇 in 二O二五, and count only between Han numerals.
func isHanNumeral(c rune) bool {
	switch c {
	case '〇', '○', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千':
		return true
	}
	return false
}

// scanNumeral reads a number at r[p:]: Arabic digits with an optional
// decimal part (half- or full-width), or Han numerals read by
// gongwen.ParseChineseNumber (一百六十, 二〇二五, 两千). A run of Han digits
// without a unit and without a zero (三四, 五六) is an estimate, not a
// number. 千 is left to the multiplier when it ends an Arabic number.
func scanNumeral(r []rune, p int) (float64, int, bool) {
	i := p
	n := 0.0
	for i < len(r) {
		d, ok := digitValue(r[i])
		if !ok {
			break
		}
		n = min(n*10+float64(d), 1e15)
		i++
	}
	if i > p {
		if i+1 < len(r) && (r[i] == '.' || r[i] == '．') {
			if _, ok := digitValue(r[i+1]); ok {
				div, j := 10.0, i+1
				for j < len(r) {
					d, ok := digitValue(r[j])
					if !ok || j-i > 6 {
						break
					}
					n += float64(d) / div
					div *= 10
					j++
				}
				i = j
			}
		}
		return n, i, true
	}
	// Han numerals: the longest run, with O/o for 〇 between them.
	var run []rune
	for i < len(r) && i-p < 12 {
		c := r[i]
		if (c == 'O' || c == 'o') && len(run) > 0 && i+1 < len(r) && isHanNumeral(r[i+1]) {
			c = '〇'
		} else if !isHanNumeral(c) {
			break
		}
		if c == '两' {
			c = '二'
		}
		run = append(run, c)
		i++
	}
	// A trailing 千 before 万 or 亿 belongs to the number (三千万); 千
	// alone after digits is handled as a multiplier by the caller.
	for len(run) > 0 {
		s := string(run)
		if v, ok := gongwen.ParseChineseNumber(s); ok {
			hasUnit := strings.ContainsAny(s, "十百千")
			zero := strings.ContainsAny(s, "〇○零")
			if len(run) == 1 || hasUnit || zero {
				return float64(v), p + len(run), true
			}
			return 0, p, false // 三四: an estimate
		}
		run = run[:len(run)-1]
	}
	return 0, p, false
}

// scanAmountEnd reads the multiplier and unit after a number: 万元, 亿元,
// 亩, 个. It returns the scale, the unit and the end.
func scanAmountEnd(r []rune, i int) (scale float64, unit string, end int) {
	scale = 1
	for _, m := range multipliers {
		if j, ok := hasPrefixAt(r, i, m.word); ok {
			scale, i = m.value, j
			break
		}
	}
	if j, ok := hasPrefixAt(r, i, "个"); ok {
		if k, ok := firstPrefix(r, j, w15); ok {
			_ = k
			return scale, "", i // 3个月 is a period, 3个百分点 a share
		}
	}
	for _, u := range amountUnits {
		if j, ok := hasPrefixAt(r, i, u); ok {
			return scale, u, j
		}
	}
	return scale, "", i
}

// scanAmount reads an amount with its unit, or a range of two: 80亿元,
// 1.2万亩, 一百六十亿元, 96项, 3至5个, 100—120亿元, 10%—20% is a Percent
// range read by scanPercentRange.
func scanAmount(r []rune, p int) (Target, int, bool) {
	v, e, ok := scanNumeral(r, p)
	if !ok {
		return Target{}, p, false
	}
	scale, unit, end := scanAmountEnd(r, e)
	lo := v * scale
	// A range: the sign, then the other end with the unit both share.
	if j, ok := firstPrefix(r, end, rangeSignsR); ok {
		if v2, e2, ok := scanNumeral(r, j); ok {
			scale2, unit2, end2 := scanAmountEnd(r, e2)
			if unit2 != "" && (unit == "" || unit == unit2) {
				if unit == "" && scale == 1 {
					lo *= scale2 // 100—120亿元: both in 亿
				}
				hi := v2 * scale2
				if hi >= lo {
					return Target{Kind: Amount, Value: lo, High: hi, Unit: unit2, Text: string(r[p:end2])}, end2, true
				}
			}
		}
	}
	if unit == "" || unit == "次" && scale == 1 {
		return Target{}, p, false // a bare number; N次 is Times
	}
	return Target{Kind: Amount, Value: lo, High: lo, Unit: unit, Text: string(r[p:end])}, end, true
}

// scanPeriodOnce reads the frequencies written as a period and a count:
// 两年一次, 一年一创建, 每两年, 一季度一次, 半年一次, 三个月一次. It returns a
// Frequency whose Value is the period in days.
func scanPeriodOnce(r []rune, p int) (Target, int, bool) {
	i := p
	every := false
	if j, ok := hasPrefixAt(r, i, "每"); ok {
		every, i = true, j
	}
	n := 1.0
	if j, ok := hasPrefixAt(r, i, "半"); ok {
		n, i = 0.5, j
	} else if v, j, ok := scanNumeral(r, i); ok && v >= 1 && v <= 100 {
		n, i = v, j
	} else if !every {
		return Target{}, p, false
	}
	for _, pd := range periodDays {
		j, ok := hasPrefixAt(r, i, pd.word)
		if !ok {
			continue
		}
		days := n * pd.days
		if k, ok := hasPrefixAt(r, j, "一"); ok && k < len(r) && !isHanNumeral(r[k]) && r[k] != '个' {
			if k2, ok := firstPrefix(r, k, w16); ok {
				k = k2
			}
			return Target{Kind: Frequency, Value: days, Text: string(r[p:k])}, k, true
		}
		if every && n != 1 { // 每两年, 每三个月; 每年 is in the frequency list
			return Target{Kind: Frequency, Value: days, Text: string(r[p:j])}, j, true
		}
		return Target{}, p, false
	}
	return Target{}, p, false
}
