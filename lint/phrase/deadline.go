package phrase

import "fmt"

// DeadlineKind is the form of a deadline expression.
type DeadlineKind int

const (
	// SameDay: 当天, 当日, 即日, 今天, 今日, 今晚, 收文当日 (the day the
	// notice arrives), with an optional time of day: 今天17:30前.
	SameDay DeadlineKind = iota + 1
	// NextDay: 次日, 翌日, 第二天, 明天, 明日, 明早 (次日8时前).
	NextDay
	// WithinHours: 24小时内, 接到本通知后3小时内, 签收后48小时内.
	WithinHours
	// WithinWorkDays: 3个工作日内.
	WithinWorkDays
	// WithinDays: 5日内, 7天以内.
	WithinDays
	// Weekend: 周末前 (the coming Saturday).
	Weekend
	// OnDate: 6月20日前, 2024年7月1日18时前, 8月8日（周五）前.
	OnDate
	// Weekday: 本周六, 下周一上班前, 周日（6月8日）18时前; Weekday and
	// Week say which day. A date in brackets after it is kept in Month
	// and Day and wins over the weekday when the two are resolved.
	Weekday
	// MonthEnd: 9月底前, 2025年12月底前, 月底前 (Month 0: the month the
	// notice is dated in).
	MonthEnd
	// MonthPart: 8月上旬, 8月中旬前, 9月下旬 (Part 1, 2, 3).
	MonthPart
	// YearEnd: 年底前, 年内, 今年年底前, 2025年底前.
	YearEnd
	// Clock: a time of day with no day, 17:30前, 18时前, 下午5点前: the day
	// the notice arrives.
	Clock
	// Recurring: 每周一前, 每月5日前 — a deadline in every period, which
	// is a frequency rather than a single date; Period is its length in
	// days.
	Recurring
)

// lastKind is the largest DeadlineKind, for checks.
const lastKind = Recurring

// Deadline is a parsed deadline expression.
type Deadline struct {
	Kind DeadlineKind
	// N is the count of hours, work days or days for the Within kinds.
	N int
	// Year (0 when not written), Month (0 when not written) and Day of a
	// date; Hour and Minute of the time of day (-1 and 0 when not
	// written). 今晚12时 is Hour 24; 下班前 is 18, 上班前 9.
	Year, Month, Day, Hour, Minute int
	// Weekday is the day of the week of a Weekday or Recurring deadline,
	// 0 for Sunday to 6 for Saturday, -1 when none is written.
	Weekday int
	// Week is 0 for 本周 (the week of the notice, Monday to Sunday), 1 for
	// 下周, -1 when not written (the next such day).
	Week int
	// Part is the 旬 of a MonthPart: 1 上旬, 2 中旬, 3 下旬.
	Part int
	// Period is the length in days of a Recurring deadline's period.
	Period int
	// Latest is set when the deadline is written as a bound, 不得晚于 or
	// 最迟, where a bare date or time means the same as with 前.
	Latest bool
	Text   string
}

// Calendar reports whether the deadline is a date or a day of the week,
// which only the date of the notice turns into a time left.
func (d Deadline) Calendar() bool {
	switch d.Kind {
	case OnDate, Weekday, Weekend, MonthEnd, MonthPart, YearEnd, Recurring:
		return true
	}
	return false
}

// Hours is the time the deadline leaves, counted from the day the notice
// is received, in hours: a working day counts 24, 当天 counts 8 (the rest
// of a working day). It is false for the calendar kinds, which depend on
// the date the notice goes out.
func (d Deadline) Hours() (int, bool) {
	switch d.Kind {
	case SameDay, Clock:
		return 8, true
	case NextDay:
		if d.Hour >= 0 && d.Hour <= 12 {
			return 20, true // by noon the next day
		}
		return 24, true
	case WithinHours:
		return d.N, true
	case WithinWorkDays, WithinDays:
		return d.N * 24, true
	}
	return 0, false
}

// Tight reports, without the date of the notice, whether the deadline is
// one that the published 通报 name as a burden: 当天 or 次日 feedback, a
// few hours, one or two working days, or a weekend. Three calendar days
// is tight too: over a weekend it is less than one working day.
func (d Deadline) Tight() bool {
	switch d.Kind {
	case SameDay, NextDay, Weekend, Clock:
		return true
	case Weekday:
		return d.Weekday == 0 || d.Weekday == 6
	case WithinHours:
		return d.N <= 48
	case WithinWorkDays:
		return d.N <= 2
	case WithinDays:
		return d.N <= 3
	}
	return false
}

// Earlier reports whether d leaves less time than other, when the two can
// be compared: both relative (hours), or both dates or periods of a year
// (6月20日前, 9月底前, 年底前) in the same year or with no year written.
func (d Deadline) Earlier(other Deadline) (earlier, comparable bool) {
	if h1, ok1 := d.Hours(); ok1 {
		if h2, ok2 := other.Hours(); ok2 {
			return h1 < h2, true
		}
		return false, false
	}
	a, ok1 := d.yearPoint()
	b, ok2 := other.yearPoint()
	if !ok1 || !ok2 {
		return false, false
	}
	if d.Year != 0 && other.Year != 0 && d.Year != other.Year {
		return d.Year < other.Year, true
	}
	if d.Hour < 0 || other.Hour < 0 {
		a, b = a/100, b/100
	}
	return a < b, true
}

// yearPoint orders the dates and periods of one year: month, day and
// hour as MMDDHH, the end of the period for 月底, 旬 and 年底.
func (d Deadline) yearPoint() (int, bool) {
	hour := max(d.Hour, 0)
	switch d.Kind {
	case OnDate:
		return d.Month*10000 + d.Day*100 + hour, true
	case MonthEnd:
		if d.Month == 0 {
			return 0, false
		}
		return d.Month*10000 + 3100 + hour, true
	case MonthPart:
		return d.Month*10000 + min(d.Part*10, 31)*100 + hour, true
	case YearEnd:
		return 12*10000 + 3100 + hour, true
	}
	return 0, false
}

// String says the deadline in words, for messages.
func (d Deadline) String() string {
	if d.Text != "" {
		return d.Text
	}
	return fmt.Sprintf("deadline(%d,%d)", d.Kind, d.N)
}

// ParseDeadline reads s, all of it, as a deadline expression. It is the
// entry point for tests and for callers holding a short phrase; matching
// in text uses the same scanner at word boundaries.
func ParseDeadline(s string) (Deadline, bool) {
	r := []rune(s)
	d, end, ok := scanDeadline(r, 0)
	if !ok || end != len(r) {
		return Deadline{}, false
	}
	return d, true
}

var (
	sameDayWords = []string{"收文当日", "收文当天", "当天", "当日", "即日", "今天", "今日", "今晚", "今早", "本日"}
	nextDayWords = []string{"次日", "翌日", "第二天", "隔天", "明天", "明日", "明早", "明晚"}
	beforeWords  = []string{"之前", "以前", "前"}
	withinWords  = []string{"以内", "之内", "内"}
	// latestWords open a deadline written as a bound: 不得晚于次日7时.
	latestWords = []string{"不得晚于", "不晚于", "最迟于", "最迟", "最晚"}
	// anchorWords open a deadline counted from receipt: 接到本通知后3小时内.
	anchorVerbs  = []string{"接到", "收到", "签收", "收文", "收悉", "接收"}
	anchorThings = []string{"本通知", "通知", "本文", "文件", "此件", "本函", "函件", "指令", "任务"}
	// partsOfDay, with the hours they add to a clock reading below 12 and
	// the hour they stand for alone.
	partsOfDay = []struct {
		word  string
		shift int
		alone int
	}{
		{"上班前", 0, 9}, {"下班前", 0, 18}, {"凌晨", 0, 6}, {"一早", 0, 9}, {"早上", 0, 9}, {"上午", 0, 12},
		{"中午", 0, 12}, {"下午", 12, 18}, {"傍晚", 12, 18}, {"晚上", 12, 24}, {"夜间", 12, 24}, {"晚", 12, 24}, {"早", 0, 9},
	}
	weekdayNames = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '日': 0, '天': 0}
)

// deadlineVocabulary are the terms deadlines are made of, for splitting
// dictionary words such as 工作日内, 当天反馈 or 于本周 where they join
// them.
var deadlineVocabulary = []string{"当天", "当日", "即日", "今天", "今日", "今晚", "今早", "次日", "翌日", "第二天", "隔天",
	"明天", "明日", "明早", "明晚", "周六", "周日", "周末", "星期六", "星期日", "星期天", "本周", "下周", "小时", "工作日",
	"月底", "月末", "年底", "年末", "年内", "上旬", "中旬", "下旬", "上午", "中午", "下午", "晚上", "上班", "下班",
	"收文", "接到", "签收", "于", "之前", "以前", "以内", "之内", "内", "前", "时", "点", "不得晚于", "不晚于", "最迟"}

// deadlineOpeners are the runes other than numerals a deadline may start
// with; deadlineOpener is the switch the matcher runs at every word.
const deadlineOpeners = "当即次翌第隔周星礼今明本收接签不最每年月上下中早晚凌傍夜这"

func deadlineOpener(c rune) bool {
	switch c {
	case '当', '即', '次', '翌', '第', '隔', '周', '星', '礼', '今', '明', '本', '收', '接', '签', '不', '最', '每',
		'年', '月', '上', '下', '中', '早', '晚', '凌', '傍', '夜', '这':
		return true
	}
	return false
}

func hasPrefixAt(r []rune, p int, w string) (int, bool) {
	i := p
	for _, c := range w {
		if i >= len(r) || r[i] != c {
			return p, false
		}
		i++
	}
	return i, true
}

func firstPrefix(r []rune, p int, words [][]rune) (int, bool) {
	if p >= len(r) {
		return p, false
	}
	c := r[p]
	for _, w := range words {
		if w[0] != c || p+len(w) > len(r) {
			continue
		}
		ok := true
		for i := 1; i < len(w); i++ {
			if r[p+i] != w[i] {
				ok = false
				break
			}
		}
		if ok {
			return p + len(w), true
		}
	}
	return p, false
}

// firstPrefixS is firstPrefix for a list held as strings.
func firstPrefixS(r []rune, p int, words []string) (int, bool) {
	for _, w := range words {
		if e, ok := hasPrefixAt(r, p, w); ok {
			return e, true
		}
	}
	return p, false
}

// scanDeadline reads a deadline at r[p:] and returns where it ends.
func scanDeadline(r []rune, p int) (Deadline, int, bool) {
	if p >= len(r) || !deadlineFirst(r[p]) {
		return Deadline{}, p, false // most runes open no deadline: the cheap test first
	}
	latest := false
	start := p
	if e, ok := firstPrefix(r, p, latestWordsR); ok {
		latest, p = true, e
		if e2, ok := hasPrefixAt(r, p, "于"); ok {
			p = e2
		}
	}
	d, end, ok := scanDeadlineCore(r, p, latest)
	if !ok {
		return Deadline{}, start, false
	}
	d.Latest = latest
	d.Text = string(r[start:end])
	return d, end, true
}

// scanDeadlineCore reads the deadline proper; latest says a bound word
// came before it, so that a bare date or time needs no 前.
func scanDeadlineCore(r []rune, p int, latest bool) (Deadline, int, bool) {
	d := Deadline{Hour: -1, Weekday: -1, Week: -1}
	if e, ok := firstPrefix(r, p, anchorVerbsR); ok {
		return scanAnchored(r, p, e)
	}
	if e, ok := firstPrefix(r, p, sameDayWordsR); ok {
		// 即日起 is an effective date, not a deadline.
		if _, starts := hasPrefixAt(r, e, "起"); starts && string(r[p:e]) == "即日" {
			return Deadline{}, p, false
		}
		d.Kind = SameDay
		if r[e-1] == '晚' { // 今晚: a clock reading below 12 is in the evening
			return d.dayTime(r, e, 12, 24, latest)
		}
		if r[e-1] == '早' {
			return d.dayTime(r, e, 0, 9, latest)
		}
		return d.dayTime(r, e, 0, -1, latest)
	}
	if e, ok := firstPrefix(r, p, nextDayWordsR); ok {
		d.Kind = NextDay
		switch r[e-1] {
		case '晚':
			return d.dayTime(r, e, 12, 24, latest)
		case '早':
			return d.dayTime(r, e, 0, 9, latest)
		}
		return d.dayTime(r, e, 0, -1, latest)
	}
	if e, ok := hasPrefixAt(r, p, "每"); ok {
		return scanRecurring(r, p, e)
	}
	if e, ok := scanWeekday(r, p, &d); ok {
		return d.dayTime(r, e, 0, -1, latest)
	}
	if e, ok := firstPrefix(r, p, w1); ok {
		e2, ok := firstPrefix(r, e, beforeWordsR)
		if !ok && !latest {
			return Deadline{}, p, false
		}
		d.Kind = YearEnd
		return d, max(e, e2), true
	}
	if e, ok := firstPrefix(r, p, w2); ok {
		d.Kind = YearEnd
		return d, e, true
	}
	if e, ok := firstPrefix(r, p, w3); ok {
		e2, ok := firstPrefix(r, e, beforeWordsR)
		if !ok && !latest {
			return Deadline{}, p, false
		}
		d.Kind = MonthEnd
		return d, max(e, e2), true
	}
	if e, shift, ok := scanPartOfDay(r, p, &d); ok {
		// 下午5点前, 上班前 with no day: the day the notice arrives.
		d.Kind = Clock
		return d.finishTime(r, e, shift, latest)
	}
	if n, e, ok := scanNumber(r, p); ok {
		return scanCounted(r, p, n, e, latest)
	}
	return Deadline{}, p, false
}

// dayTime finishes a deadline on a known day (当天, 次日, 本周六): an
// optional part of the day and clock, then 前. shift and alone are what a
// day word such as 今晚 implies: hours to add to a clock reading of 12 or
// less, and the hour it stands for with no clock (-1: none).
func (d Deadline) dayTime(r []rune, e, shift, alone int, latest bool) (Deadline, int, bool) {
	if alone >= 0 {
		d.Hour = alone
	}
	i := e
	if j, s, ok := scanPartOfDay(r, i, &d); ok {
		i, shift = j, s
		if r[j-1] == '前' {
			return d, j, true // 下班前, 上班前
		}
	}
	if h, m, j, ok := scanClock(r, i); ok {
		d.Hour, d.Minute, i = shifted(h, shift), m, j
	}
	if j, ok := firstPrefix(r, i, beforeWordsR); ok {
		i = j
	}
	return d, i, true
}

// shifted is a clock reading h in a part of the day that adds shift
// hours: 下午5点 is 17, 晚上12点 is 24, 中午12点 stays 12.
func shifted(h, shift int) int {
	if shift > 0 && h <= 12 {
		return h + shift
	}
	return h
}

// scanPartOfDay reads 上午, 下午, 晚上, 上班前, 下班前 and the like, sets
// the hour the part stands for alone and returns the hours it adds to a
// clock reading.
func scanPartOfDay(r []rune, p int, d *Deadline) (end, shift int, ok bool) {
	for i, w := range partsOfDayR {
		if e, ok := firstPrefix(r, p, w); ok {
			x := partsOfDay[i]
			if x.word == "早" || x.word == "晚" {
				continue // only after a day word: 今早, 明晚
			}
			d.Hour = x.alone
			return e, x.shift, true
		}
	}
	return p, 0, false
}

// partsOfDayR are the words of partsOfDay as runes, one list each.
var partsOfDayR = func() [][][]rune {
	out := make([][][]rune, len(partsOfDay))
	for i, x := range partsOfDay {
		out[i] = [][]rune{[]rune(x.word)}
	}
	return out
}()

// finishTime reads a clock after a part of the day that ends at e and
// adds shift hours, then the 前 (or the bound word before) that makes it
// a deadline.
func (d Deadline) finishTime(r []rune, e, shift int, latest bool) (Deadline, int, bool) {
	i := e
	before := r[e-1] == '前' // 上班前
	if h, m, j, ok := scanClock(r, i); ok {
		d.Hour, d.Minute, i = shifted(h, shift), m, j
		before = false
	}
	if j, ok := firstPrefix(r, i, beforeWordsR); ok {
		return d, j, true
	}
	if before || latest {
		return d, i, true
	}
	return Deadline{}, e, false
}

// scanAnchored reads a deadline counted from receipt, whose anchor verb
// ends at e: 接到本通知后3小时内, 签收后48小时内, 收文后二十四小时内,
// 收到通知当日.
func scanAnchored(r []rune, p, e int) (Deadline, int, bool) {
	i := e
	if j, ok := firstPrefix(r, i, anchorThingsR); ok {
		i = j
	}
	if j, ok := firstPrefix(r, i, w4); ok {
		i = j
	}
	if i == e && !(e-p == 2 && string(r[p:e]) == "收文") {
		// 接到 with neither a thing nor 后 is not yet an anchor, except
		// 收文, which is one alone (收文当日).
		if _, ok := firstPrefix(r, i, w5); !ok {
			return Deadline{}, p, false
		}
	}
	if j, ok := firstPrefix(r, i, w6); ok {
		d := Deadline{Kind: SameDay, Hour: -1, Weekday: -1, Week: -1}
		return d.dayTime(r, j, 0, -1, false)
	}
	n, j, ok := scanNumber(r, i)
	if !ok {
		return Deadline{}, p, false
	}
	d, end, ok := scanCounted(r, i, n, j, false)
	if !ok || (d.Kind != WithinHours && d.Kind != WithinDays && d.Kind != WithinWorkDays) {
		return Deadline{}, p, false
	}
	return d, end, true
}

// scanWeekday reads 本周六, 下周一, 周日, 星期五 with an optional date in
// brackets: 本周六（4月12日）.
func scanWeekday(r []rune, p int, d *Deadline) (int, bool) {
	i := p
	week := -1
	if j, ok := firstPrefix(r, i, w7); ok {
		week, i = 0, j
	} else if j, ok := firstPrefix(r, i, w8); ok {
		week, i = 1, j
	} else if j, ok := firstPrefix(r, i, w9); ok {
		i = j
	} else {
		return p, false
	}
	if i >= len(r) {
		return p, false
	}
	if j, ok := hasPrefixAt(r, i, "末"); ok {
		d.Kind, d.Weekday, d.Week = Weekend, 6, week
		i = j
	} else if wd, ok := weekdayNames[r[i]]; ok {
		if r[i] == '天' && (i == p || r[i-1] == '周') {
			return p, false // 周天 is not written in 公文; 一周天 is a span
		}
		d.Kind, d.Weekday, d.Week = Weekday, wd, week
		i++
	} else {
		return p, false
	}
	// （4月12日）: the date of that day.
	if i < len(r) && (r[i] == '（' || r[i] == '(') {
		if m, j, ok := scanNumber(r, i+1); ok && m >= 1 && m <= 12 {
			if j2, ok := hasPrefixAt(r, j, "月"); ok {
				if day, j3, ok := scanNumber(r, j2); ok && day >= 1 && day <= 31 {
					if j4, ok := firstPrefix(r, j3, w10); ok && j4 < len(r) && (r[j4] == '）' || r[j4] == ')') {
						d.Month, d.Day = m, day
						i = j4 + 1
					}
				}
			}
		}
	}
	return i, true
}

// scanRecurring reads 每周一前, 每周五下班前, 每月5日前: a deadline in
// every period. 每 ends at e.
func scanRecurring(r []rune, p, e int) (Deadline, int, bool) {
	d := Deadline{Kind: Recurring, Hour: -1, Weekday: -1, Week: -1}
	if j, ok := scanWeekday(r, e, &d); ok && d.Week < 0 {
		d.Kind, d.Period = Recurring, 7
		dd, end, ok := d.dayTime(r, j, 0, -1, false)
		if !ok || end == j && !hasBefore(r, j) {
			return Deadline{}, p, false
		}
		return dd, end, true
	}
	d = Deadline{Kind: Recurring, Hour: -1, Weekday: -1, Week: -1}
	if j, ok := hasPrefixAt(r, e, "月"); ok {
		if day, j2, ok := scanNumber(r, j); ok && day >= 1 && day <= 31 {
			if j3, ok := firstPrefix(r, j2, w10); ok {
				if j4, ok := firstPrefix(r, j3, beforeWordsR); ok {
					d.Day, d.Period = day, 30
					return d, j4, true
				}
			}
		}
	}
	return Deadline{}, p, false
}

func hasBefore(r []rune, p int) bool {
	_, ok := firstPrefix(r, p, beforeWordsR)
	return ok
}

// scanCounted continues a deadline that opens with a number n ending at
// e: 24小时内, 3个工作日内, 5日内, 6月20日前, 2024年7月1日18时前, 9月底前,
// 8月中旬, 17:30前, 18时前.
func scanCounted(r []rune, p, n, e int, latest bool) (Deadline, int, bool) {
	d := Deadline{Hour: -1, Weekday: -1, Week: -1}
	i := e
	if j, ok := hasPrefixAt(r, i, "个"); ok {
		i = j
	}
	within := func(kind DeadlineKind, after int) (Deadline, int, bool) {
		j, ok := firstPrefix(r, after, withinWordsR)
		if !ok || n <= 0 {
			return Deadline{}, p, false
		}
		d.Kind, d.N = kind, n
		return d, j, true
	}
	if j, ok := hasPrefixAt(r, i, "小时"); ok {
		return within(WithinHours, j)
	}
	if j, ok := hasPrefixAt(r, i, "工作日"); ok {
		return within(WithinWorkDays, j)
	}
	if i != e {
		return Deadline{}, p, false
	}
	// no 个: 5日内, 7天内, a date, or a clock
	if j, ok := firstPrefix(r, i, w11); ok {
		if _, isWithin := firstPrefix(r, j, withinWordsR); isWithin {
			return within(WithinDays, j)
		}
	}
	if h, m, j, ok := scanClock(r, p); ok {
		// 17:30前, 18时前: a time of the day the notice arrives.
		if k, ok := firstPrefix(r, j, beforeWordsR); ok {
			d.Kind, d.Hour, d.Minute = Clock, h, m
			return d, k, true
		}
		if latest {
			d.Kind, d.Hour, d.Minute = Clock, h, m
			return d, j, true
		}
	}
	return scanDate(r, p, n, e, latest)
}

// scanDate reads [YYYY年]M月D日[（周X）][H时|H:MM][前|之前], [YYYY年]M月底前,
// [YYYY年]M月上旬 and YYYY年底前 from the number n that ends at e. The
// 前 is required (or a bound word before, latest): a bare date is when
// something happens, not by when it is due.
func scanDate(r []rune, p, n, e int, latest bool) (Deadline, int, bool) {
	d := Deadline{Kind: OnDate, Hour: -1, Weekday: -1, Week: -1}
	i := e
	if j, ok := hasPrefixAt(r, i, "年"); ok {
		if n < 1900 || n > 2200 {
			return Deadline{}, p, false
		}
		d.Year = n
		if k, ok := firstPrefix(r, j, w12); ok {
			k2, ok := firstPrefix(r, k, beforeWordsR)
			if !ok && !latest {
				return Deadline{}, p, false
			}
			d.Kind = YearEnd
			return d, max(k, k2), true
		}
		m, k, ok := scanNumber(r, j)
		if !ok {
			return Deadline{}, p, false
		}
		n, i = m, k
	}
	j, ok := hasPrefixAt(r, i, "月")
	if !ok || n < 1 || n > 12 {
		return Deadline{}, p, false
	}
	d.Month = n
	if k, ok := firstPrefix(r, j, w13); ok {
		k2, ok := firstPrefix(r, k, beforeWordsR)
		if !ok && !latest {
			return Deadline{}, p, false
		}
		d.Kind = MonthEnd
		return d, max(k, k2), true
	}
	for part, w := range []string{"上旬", "中旬", "下旬"} {
		if k, ok := hasPrefixAt(r, j, w); ok {
			d.Kind, d.Part = MonthPart, part+1
			if k2, ok := firstPrefix(r, k, beforeWordsR); ok {
				k = k2
			}
			return d, k, true
		}
	}
	day, k, ok := scanNumber(r, j)
	if !ok || day < 1 || day > 31 {
		return Deadline{}, p, false
	}
	k2, ok := firstPrefix(r, k, w10)
	if !ok {
		return Deadline{}, p, false
	}
	d.Day, i = day, k2
	// （周五）, （星期五）: the weekday of the date, read and not needed.
	if i < len(r) && (r[i] == '（' || r[i] == '(') {
		var w Deadline
		if j, ok := scanWeekday(r, i+1, &w); ok && j < len(r) && (r[j] == '）' || r[j] == ')') {
			i = j + 1
		}
	}
	shift := 0
	if j, s, ok := scanPartOfDay(r, i, &d); ok {
		i, shift = j, s
		if r[j-1] == '前' {
			return d, j, true
		}
	}
	if h, m, k3, ok := scanClock(r, i); ok {
		d.Hour, d.Minute, i = shifted(h, shift), m, k3
	}
	k4, ok := firstPrefix(r, i, beforeWordsR)
	if !ok {
		if !latest {
			return Deadline{}, p, false
		}
		k4 = i
	}
	return d, k4, true
}

// scanClock reads a time of day: 12时, 17点, 18:00, 18：00, 17时30分,
// 10点半. It returns the hour and minute.
func scanClock(r []rune, p int) (hour, minute, end int, ok bool) {
	h, i, ok := scanNumber(r, p)
	if !ok || h > 24 {
		return 0, 0, p, false
	}
	if j, ok := firstPrefix(r, i, w14); ok {
		if m, k, ok := scanNumber(r, j); ok && m < 60 {
			if k2, ok := hasPrefixAt(r, k, "分"); ok {
				return h, m, k2, true
			}
		}
		if k, ok := hasPrefixAt(r, j, "半"); ok {
			return h, 30, k, true
		}
		return h, 0, j, true
	}
	if i < len(r) && (r[i] == ':' || r[i] == '：') {
		if m, k, ok := scanNumber(r, i+1); ok && m < 60 && k-(i+1) == 2 {
			return h, m, k, true
		}
	}
	return 0, 0, p, false
}

// YearDay is the day of the year (1 to 365) a date or a period of a year
// ends on (6月20日前: 171, 9月底前: 273, 年底前: 365), counted in a year
// that is not a leap year, for saying how much earlier one deadline is
// than another.
func (d Deadline) YearDay() (int, bool) {
	if _, ok := d.yearPoint(); !ok {
		return 0, false
	}
	m, day := d.Month, d.Day
	switch d.Kind {
	case MonthEnd:
		day = daysIn(2025, m)
	case MonthPart:
		day = min(d.Part*10, daysIn(2025, m))
		if d.Part >= 3 {
			day = daysIn(2025, m)
		}
	case YearEnd:
		m, day = 12, 31
	}
	if m < 1 || m > 12 || day < 1 {
		return 0, false
	}
	return Date(2025, m, min(day, daysIn(2025, m))).YearDay(), true
}
