package demand

import (
	"strings"

	"github.com/gwlint/gwlint/lint/phrase"
)

// The built-in parsers a slot may name: {deadline} and {tight_deadline}
// (package phrase's deadlines: 当天, 次日8时前, 3个工作日内), {number}, and
// numbers with what they count: {count} (3次, 两名, 200人), {score} (扣1分,
// 加0.5分, 计10分), {share} (100%, 百分之九十) and {money} (200元, 5万元).

// counters are the measure words of a {count}.
const counters = "次个项份篇条张人户名本种件场期家所批轮遍天小时分钟字页"

// manyCounters are the measure words of a {many}: items of a scheme.
const manyCounters = "项个条字页"

func isDigit(c rune) bool { return c >= '0' && c <= '9' || c >= '０' && c <= '９' }

func isHanNumeral(c rune) bool {
	return strings.ContainsRune("〇零一二两三四五六七八九十百千万", c)
}

// scanNumber reads a number at p: Arabic with an optional decimal part,
// or a run of Chinese numerals.
func scanNumber(r []rune, p, limit int) (int, bool) {
	e := p
	if e < limit && isDigit(r[e]) {
		for e < limit && (isDigit(r[e]) || (r[e] == '.' || r[e] == '．') && e+1 < limit && isDigit(r[e+1])) {
			e++
		}
		return e, true
	}
	for e < limit && isHanNumeral(r[e]) {
		e++
	}
	return e, e > p
}

func findBuiltin(t *phrase.Text, name string, in Span) (Span, bool) {
	switch name {
	case "department":
		return findDepartment(t.Runes(), in)
	case "deadline", "tight_deadline":
		for _, d := range t.Deadlines(in.Start, in.End) {
			if name == "deadline" || d.Tight() {
				return d.Span, true
			}
		}
		return Span{}, false
	}
	r := t.Runes()
	for p := in.Start; p < in.End; p++ {
		if p > in.Start && (isDigit(r[p-1]) || isHanNumeral(r[p-1]) && isHanNumeral(r[p])) {
			continue // inside a number
		}
		if name == "share" && runesIs(r, p, in.End, "百分之") {
			if e, ok := scanNumber(r, p+3, in.End); ok {
				return Span{Start: p, End: e}, true
			}
		}
		e, ok := scanNumber(r, p, in.End)
		if !ok {
			continue
		}
		arabic := isDigit(r[p])
		switch name {
		case "number":
			if arabic || e-p >= 1 && e < in.End && strings.ContainsRune(counters, r[e]) {
				return Span{Start: p, End: e}, true
			}
		case "count", "many":
			c := e
			if c < in.End && (r[c] == '余' || r[c] == '多') {
				c++
			}
			if c < in.End && (name == "count" && strings.ContainsRune(counters, r[c]) || name == "many" && strings.ContainsRune(manyCounters, r[c]) && numberValue(r[p:e]) >= 50) {
				return Span{Start: p, End: c + 1}, true
			}
		case "score":
			if e < in.End && r[e] == '分' && (arabic || e-p >= 1) {
				if b := p - 1; b >= in.Start && strings.ContainsRune("扣加计得减赋", r[b]) || p-2 >= in.Start && strings.ContainsRune("扣加计得减赋", r[p-2]) {
					return Span{Start: max(in.Start, p-2), End: e + 1}, true
				}
			}
		case "fine_score":
			if arabic && e < in.End && r[e] == '分' && numberValue(r[p:e]) < 1 && numberValue(r[p:e]) > 0 {
				return Span{Start: p, End: e + 1}, true
			}
		case "share":
			if e < in.End && (r[e] == '%' || r[e] == '％') {
				return Span{Start: p, End: e + 1}, true
			}
		case "money":
			for _, u := range []string{"万元", "亿元", "元"} {
				if runesIs(r, e, in.End, u) {
					return Span{Start: p, End: e + len([]rune(u))}, true
				}
			}
		}
	}
	return Span{}, false
}

func runesIs(r []rune, p, limit int, w string) bool {
	_, ok := runesAt(r, p, limit, []rune(w))
	return ok
}

// numberValue is the value of an Arabic number, or of Chinese numerals
// up to the thousands; -1 when it cannot be read.
func numberValue(r []rune) float64 {
	if len(r) > 0 && isDigit(r[0]) {
		v, frac, scale := 0.0, false, 0.1
		for _, c := range r {
			switch {
			case c == '.' || c == '．':
				frac = true
			case frac:
				v += float64(digit(c)) * scale
				scale /= 10
			default:
				v = v*10 + float64(digit(c))
			}
		}
		return v
	}
	total, cur := 0.0, 0.0
	for _, c := range r {
		switch c {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			total += cur * 100
			cur = 0
		case '千':
			total += cur * 1000
			cur = 0
		case '万':
			total = (total + cur) * 10000
			cur = 0
		default:
			cur = float64(strings.IndexRune("零一二三四五六七八九", c))
			if c == '两' {
				cur = 2
			}
			if cur < 0 {
				cur = 0
			}
		}
	}
	return total + cur
}

func digit(c rune) int {
	if c >= '０' && c <= '９' {
		return int(c - '０')
	}
	return int(c - '0')
}

// findDepartment finds a 部门 or 议事协调机构 named as the actor: a name
// of a 县/市/区/省 organ ending in 局, 委, 厅 or 办公室 (县农业农村局, 市城市
// 管理局, 县领导小组办公室), or 本局, 我局.
func findDepartment(r []rune, in Span) (Span, bool) {
	for p := in.Start; p < in.End; p++ {
		end := 0
		switch {
		case runesIs(r, p, in.End, "本局") || runesIs(r, p, in.End, "我局"):
			return Span{Start: p, End: p + 2}, true
		case r[p] == '局' && !(p+1 < in.End && strings.ContainsRune("面部势限长", r[p+1])):
			end = p + 1
		case runesIs(r, p, in.End, "领导小组办公室"):
			end = p + 7
		case runesIs(r, p, in.End, "指挥部办公室"):
			end = p + 6
		case runesIs(r, p, in.End, "委员会") && !(p > in.Start && strings.ContainsRune("居村", r[p-1])):
			end = p + 3
		default:
			continue
		}
		// The name opens with the level of government, within a few
		// characters and no punctuation.
		for b := p - 1; b >= in.Start && b >= p-14; b-- {
			if !isHan(r[b]) {
				break
			}
			if strings.ContainsRune("县市区省州盟旗", r[b]) && (b == in.Start || !isHan(r[b-1]) || strings.ContainsRune("由经将对现以是", r[b-1])) {
				if strings.Contains(string(r[b:end]), "人民政府") && !strings.Contains(string(r[b:end]), "办公室") {
					break
				}
				return Span{Start: b, End: end}, true
			}
		}
	}
	return Span{}, false
}

func isHan(c rune) bool { return c >= 0x4e00 && c <= 0x9fff }
