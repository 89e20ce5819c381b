package phrase

import "fmt"

// DeadlineKind is the form of a deadline expression.
type DeadlineKind int

const (
	// SameDay: 当天, 当日, 即日 (feedback the day a notice arrives).
	SameDay DeadlineKind = iota + 1
	// NextDay: 次日, 翌日, 第二天.
	NextDay
	// WithinHours: 24小时内, 48小时之内.
	WithinHours
	// WithinWorkDays: 3个工作日内.
	WithinWorkDays
	// WithinDays: 5日内, 7天以内.
	WithinDays
	// Weekend: a deadline on a 周六 or 周日 (周五发文要求周六反馈).
	Weekend
	// OnDate: 6月20日前, 2024年7月1日18时前.
	OnDate
)

// Deadline is a parsed deadline expression.
type Deadline struct {
	Kind DeadlineKind
	// N is the count of hours, work days or days for the Within kinds.
	N int
	// Year (0 when not written), Month, Day and Hour (-1 when not
	// written) of an OnDate deadline; Hour also for 次日12时前.
	Year, Month, Day, Hour int
	Text                   string
}

// Hours is the time the deadline leaves, counted from the day the notice
// is received, in hours: a working day counts 24, 当天 counts 8 (the rest
// of a working day). It is false for OnDate and Weekend, which depend on
// the date the notice goes out.
func (d Deadline) Hours() (int, bool) {
	switch d.Kind {
	case SameDay:
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

// Tight reports whether the deadline is one that the published 通报 name
// as a burden: 当天 or 次日 feedback, a few hours, one or two working days,
// or a weekend. Three calendar days is tight too: over a weekend it is
// less than one working day.
func (d Deadline) Tight() bool {
	switch d.Kind {
	case SameDay, NextDay, Weekend:
		return true
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
// be compared: both relative (hours), or both dates in the same year.
func (d Deadline) Earlier(other Deadline) (earlier, comparable bool) {
	if h1, ok1 := d.Hours(); ok1 {
		if h2, ok2 := other.Hours(); ok2 {
			return h1 < h2, true
		}
		return false, false
	}
	if d.Kind == OnDate && other.Kind == OnDate {
		if d.Year != 0 && other.Year != 0 && d.Year != other.Year {
			return d.Year < other.Year, true
		}
		a := d.Month*10000 + d.Day*100 + max(d.Hour, 0)
		b := other.Month*10000 + other.Day*100 + max(other.Hour, 0)
		if d.Hour < 0 || other.Hour < 0 {
			a, b = a/100, b/100
		}
		return a < b, true
	}
	return false, false
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
	sameDayWords = []string{"当天", "当日", "即日"}
	nextDayWords = []string{"次日", "翌日", "第二天", "隔天"}
	weekendWords = []string{"周六", "周日", "周末", "星期六", "星期日", "星期天", "礼拜六", "礼拜天", "礼拜日"}
	beforeWords  = []string{"之前", "以前", "前"}
	withinWords  = []string{"以内", "之内", "内"}
)

// deadlineVocabulary are the terms deadlines are made of, for splitting
// dictionary words such as 工作日内 or 当天反馈 where they join them.
var deadlineVocabulary = []string{"当天", "当日", "即日", "次日", "翌日", "第二天", "隔天", "周六", "周日", "周末",
	"星期六", "星期日", "星期天", "小时", "工作日", "之前", "以前", "以内", "之内", "内", "前", "时", "点"}

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

func firstPrefix(r []rune, p int, words []string) (int, bool) {
	for _, w := range words {
		if e, ok := hasPrefixAt(r, p, w); ok {
			return e, true
		}
	}
	return p, false
}

// scanDeadline reads a deadline at r[p:] and returns where it ends.
func scanDeadline(r []rune, p int) (Deadline, int, bool) {
	d := Deadline{Hour: -1}
	end := p
	if e, ok := firstPrefix(r, p, sameDayWords); ok {
		d.Kind, end = SameDay, e
		// 即日起 is an effective date, not a deadline.
		if _, starts := hasPrefixAt(r, e, "起"); starts && string(r[p:e]) == "即日" {
			return Deadline{}, p, false
		}
	} else if e, ok := firstPrefix(r, p, nextDayWords); ok {
		d.Kind, end = NextDay, e
		if h, e2, ok := scanClock(r, e); ok {
			d.Hour, end = h, e2
		}
		if e2, ok := firstPrefix(r, end, beforeWords); ok {
			end = e2
		}
	} else if e, ok := firstPrefix(r, p, weekendWords); ok {
		d.Kind, end = Weekend, e
		if e2, ok := firstPrefix(r, end, beforeWords); ok {
			end = e2
		}
	} else if n, e, ok := scanNumber(r, p); ok {
		return scanCounted(r, p, n, e)
	} else {
		return Deadline{}, p, false
	}
	d.Text = string(r[p:end])
	return d, end, true
}

// scanCounted continues a deadline that opens with a number n ending at
// e: 24小时内, 3个工作日内, 5日内, 6月20日前, 2024年7月1日18时前.
func scanCounted(r []rune, p, n, e int) (Deadline, int, bool) {
	d := Deadline{Hour: -1}
	i := e
	if j, ok := hasPrefixAt(r, i, "个"); ok {
		i = j
	}
	within := func(kind DeadlineKind, after int) (Deadline, int, bool) {
		j, ok := firstPrefix(r, after, withinWords)
		if !ok || n <= 0 {
			return Deadline{}, p, false
		}
		d.Kind, d.N, d.Text = kind, n, string(r[p:j])
		return d, j, true
	}
	if j, ok := hasPrefixAt(r, i, "小时"); ok {
		return within(WithinHours, j)
	}
	if j, ok := hasPrefixAt(r, i, "工作日"); ok {
		return within(WithinWorkDays, j)
	}
	if i == e { // no 个: 5日内, 7天内, or a date
		if j, ok := firstPrefix(r, i, []string{"天", "日"}); ok {
			if _, isWithin := firstPrefix(r, j, withinWords); isWithin {
				return within(WithinDays, j)
			}
		}
		return scanDate(r, p, n, e)
	}
	return Deadline{}, p, false
}

// scanDate reads [YYYY年]M月D日[H时|H:MM][前|之前] from the number n that
// ends at e. The 前 is required: a bare date is when something happens,
// not by when it is due.
func scanDate(r []rune, p, n, e int) (Deadline, int, bool) {
	d := Deadline{Kind: OnDate, Hour: -1}
	i := e
	if j, ok := hasPrefixAt(r, i, "年"); ok {
		if n < 1900 || n > 2200 {
			return Deadline{}, p, false
		}
		d.Year = n
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
	day, k, ok := scanNumber(r, j)
	if !ok || day < 1 || day > 31 {
		return Deadline{}, p, false
	}
	k2, ok := firstPrefix(r, k, []string{"日", "号"})
	if !ok {
		return Deadline{}, p, false
	}
	d.Day, i = day, k2
	if h, k3, ok := scanClock(r, i); ok {
		d.Hour, i = h, k3
	}
	k4, ok := firstPrefix(r, i, beforeWords)
	if !ok {
		return Deadline{}, p, false
	}
	d.Text = string(r[p:k4])
	return d, k4, true
}

// scanClock reads a time of day: 12时, 17点, 18:00, 18：00, 17时30分.
func scanClock(r []rune, p int) (hour, end int, ok bool) {
	h, i, ok := scanNumber(r, p)
	if !ok || h > 24 {
		return 0, p, false
	}
	if j, ok := firstPrefix(r, i, []string{"时", "点"}); ok {
		if m, k, ok := scanNumber(r, j); ok && m < 60 {
			if k2, ok := hasPrefixAt(r, k, "分"); ok {
				return h, k2, true
			}
		}
		return h, j, true
	}
	if i < len(r) && (r[i] == ':' || r[i] == '：') {
		if m, k, ok := scanNumber(r, i+1); ok && m < 60 && k-(i+1) == 2 {
			return h, k, true
		}
	}
	return 0, p, false
}
