package phrase

// TargetKind is the form of a numeric target.
type TargetKind int

const (
	// Percent: 80%, 百分之百, 100%以上.
	Percent TargetKind = iota + 1
	// AtLeast: 不少于2次, 至少3篇, 不低于5个.
	AtLeast
	// Full: 全覆盖, 全面覆盖, 全员 — a share of 100%.
	Full
	// Frequency: 每月, 每周, 按季度, 逐日 — how often.
	Frequency
	// Times: 一次, 2次 — a plain count of occurrences.
	Times
	// Amount: a number with its unit, 80亿元, 1.2万亩, 96项, or a range
	// of them, 3至5个 (Value the low end, High the high end).
	Amount
)

// Target is a parsed numeric target or frequency.
type Target struct {
	Kind TargetKind
	// Value is the percentage (Percent, Full: 100), the count (AtLeast,
	// Times), or the period in days (Frequency: 每月 30, 每周 7).
	Value float64
	// High is the top of an Amount range (Value when not a range).
	High float64
	// Unit is the counter word of AtLeast and Times (次, 篇, 个...), or
	// the unit of an Amount (元, 亩, 项...), without its 万 or 亿.
	Unit string
	Text string
}

// Share is the target as a percentage, for Percent and Full.
func (t Target) Share() (float64, bool) {
	switch t.Kind {
	case Percent, Full:
		return t.Value, true
	}
	return 0, false
}

// ParseTarget reads s, all of it, as a target.
func ParseTarget(s string) (Target, bool) {
	r := []rune(s)
	t, end, ok := scanTarget(r, 0)
	if !ok || end != len(r) {
		return Target{}, false
	}
	return t, true
}

var (
	atLeastWords = []string{"不得少于", "不少于", "不低于", "至少", "最少"}
	fullWords    = []string{"全覆盖", "全面覆盖", "全部覆盖", "全员覆盖", "百分之百", "全员"}
	counterWords = []string{"人次", "次", "篇", "个", "条", "场", "期", "家", "户", "份", "项", "件", "批"}
	// frequencies and their period in days.
	frequencies = []struct {
		word string
		days float64
	}{
		{"每天", 1}, {"每日", 1}, {"逐日", 1}, {"按日", 1}, {"按天", 1}, {"日报", 1},
		{"每周", 7}, {"按周", 7}, {"逐周", 7}, {"周报", 7}, {"每星期", 7},
		{"每旬", 10}, {"每半月", 15},
		{"每月", 30}, {"按月", 30}, {"逐月", 30}, {"月度", 30}, {"月报", 30},
		{"每季度", 91}, {"按季度", 91}, {"每季", 91}, {"按季", 91}, {"季报", 91},
		{"每半年", 182},
		{"每年度", 365}, {"每年", 365}, {"按年", 365}, {"年报", 365},
	}
)

// targetVocabulary are the terms targets are made of.
func targetVocabulary() []string {
	v := append([]string{"%", "％", "以上"}, atLeastWords...)
	v = append(v, fullWords...)
	v = append(v, counterWords...)
	for _, f := range frequencies {
		v = append(v, f.word)
	}
	return v
}

// scanTarget reads a target at r[p:].
func scanTarget(r []rune, p int) (Target, int, bool) {
	if articleNumber(r, p) {
		return Target{}, p, false // 第三十条, 第十四条、十六条: articles, not counts
	}
	if t, e, ok := scanPeriodOnce(r, p); ok {
		return t, e, true
	}
	for _, w := range fullWords {
		if e, ok := hasPrefixAt(r, p, w); ok {
			return Target{Kind: Full, Value: 100, Text: w}, e, true
		}
	}
	for _, f := range frequencies {
		if e, ok := hasPrefixAt(r, p, f.word); ok {
			return Target{Kind: Frequency, Value: f.days, Text: f.word}, e, true
		}
	}
	if e, ok := hasPrefixAt(r, p, "百分之"); ok {
		if n, e2, ok := scanNumber(r, e); ok && n <= 100 {
			e2 = skipWords(r, e2, "以上")
			return Target{Kind: Percent, Value: float64(n), Text: string(r[p:e2])}, e2, true
		}
	}
	if e, ok := firstPrefix(r, p, atLeastWordsR); ok {
		if n, e2, ok := scanNumber(r, e); ok {
			if t, e3, ok := scanPercentSign(r, p, n, e2); ok {
				t.Kind = Percent
				return t, e3, true
			}
			if e3, ok := firstPrefix(r, e2, counterWordsR); ok {
				return Target{Kind: AtLeast, Value: float64(n), Unit: string(r[e2:e3]), Text: string(r[p:e3])}, e3, true
			}
		}
		return Target{}, p, false
	}
	n, e, ok := scanNumber(r, p)
	if !ok {
		return Target{}, p, false
	}
	if t, e2, ok := scanPercentSign(r, p, n, e); ok {
		return t, e2, true
	}
	if e2, ok := firstPrefix(r, e, w17); ok && n > 0 {
		return Target{Kind: Times, Value: float64(n), Unit: "次", Text: string(r[p:e2])}, e2, true
	}
	return scanAmount(r, p)
}

// scanPercentSign finishes 80% or 80.5%, with an optional 以上.
func scanPercentSign(r []rune, p, n, e int) (Target, int, bool) {
	value := float64(n)
	i := e
	if i+1 < len(r) && r[i] == '.' {
		if frac, j, ok := scanNumber(r, i+1); ok && j-(i+1) <= 3 {
			div := 1.0
			for k := i + 1; k < j; k++ {
				div *= 10
			}
			value += float64(frac) / div
			i = j
		}
	}
	if i < len(r) && (r[i] == '%' || r[i] == '％') {
		i = skipWords(r, i+1, "以上")
		return Target{Kind: Percent, Value: value, Text: string(r[p:i])}, i, true
	}
	return Target{}, p, false
}

func skipWords(r []rune, p int, words ...string) int {
	if e, ok := firstPrefixS(r, p, words); ok {
		return e
	}
	return p
}

// articleNumber reports whether the number at r[p:] continues a 第: 第三十条,
// or 第十四条、十六条 and 第二条至五条, where the later numbers drop it.
func articleNumber(r []rune, p int) bool {
	for i := p - 1; i >= 0 && i >= p-12; i-- {
		c := r[i]
		if c == '第' {
			return true
		}
		if _, ok := digitValue(c); ok || isHanNumeral(c) {
			continue
		}
		switch c {
		case '、', '和', '至', '及', '或', '条', '款', '项', '章', '节', '，':
			continue
		}
		return false
	}
	return false
}
