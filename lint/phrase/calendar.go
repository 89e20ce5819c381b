package phrase

import "time"

// Working days. A deadline's burden is the working time it leaves, so a
// date is turned into working days between the date of the notice and
// the date it is due: Monday to Friday, less the public holidays and plus
// the weekend days made working days (调休) that the State Council
// announces each year. Only the years whose notice we can cite are
// listed; in any other year only weekends are rest days.

// holidayYears are the years whose 放假调休 the calendar knows, with the
// notice that fixes them.
var holidayYears = map[int]string{
	2019: "国办发明电〔2018〕15号《国务院办公厅关于2019年部分节假日安排的通知》",
	2025: "国办发明电〔2024〕12号《国务院办公厅关于2025年部分节假日安排的通知》",
	2026: "《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日）",
}

// dayRange is a run of days, inclusive, as the notices write them.
type dayRange struct{ m1, d1, m2, d2 int }

// holidays are the rest days of each known year (放假调休), and
// makeupDays the weekend days that are working days (上班).
var holidays = map[int][]dayRange{
	// 2019: 元旦 2018-12-30 – 2019-01-01; 春节 2-4 – 2-10; 清明 4-5 (with the
	// weekend); 劳动节 5-1; 端午 6-7; 中秋 9-13; 国庆 10-1 – 10-7.
	2019: {{1, 1, 1, 1}, {2, 4, 2, 10}, {4, 5, 4, 5}, {5, 1, 5, 1}, {6, 7, 6, 7}, {9, 13, 9, 13}, {10, 1, 10, 7}},
	// 2025: 元旦 1-1; 春节 1-28 – 2-4; 清明 4-4 – 4-6; 劳动节 5-1 – 5-5; 端午
	// 5-31 – 6-2; 国庆、中秋 10-1 – 10-8.
	2025: {{1, 1, 1, 1}, {1, 28, 2, 4}, {4, 4, 4, 6}, {5, 1, 5, 5}, {5, 31, 6, 2}, {10, 1, 10, 8}},
	// 2026: 元旦 1-1 – 1-3; 春节 2-15 – 2-23; 清明 4-4 – 4-6; 劳动节 5-1 – 5-5;
	// 端午 6-19 – 6-21; 中秋 9-25 – 9-27; 国庆 10-1 – 10-7.
	2026: {{1, 1, 1, 3}, {2, 15, 2, 23}, {4, 4, 4, 6}, {5, 1, 5, 5}, {6, 19, 6, 21}, {9, 25, 9, 27}, {10, 1, 10, 7}},
}

var makeupDays = map[int][][2]int{
	2019: {{2, 2}, {2, 3}, {9, 29}, {10, 12}}, // and 2018-12-29, outside the table's years
	2025: {{1, 26}, {2, 8}, {4, 27}, {9, 28}, {10, 11}},
	2026: {{1, 4}, {2, 14}, {2, 28}, {5, 9}, {9, 20}, {10, 10}},
}

// HolidaysKnown reports whether the calendar knows the public holidays of
// year, and names the notice it took them from.
func HolidaysKnown(year int) (string, bool) {
	s, ok := holidayYears[year]
	return s, ok
}

// Date makes the civil date y-m-d (normalized as time.Date does).
func Date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// IsWorkday reports whether t's day is a working day: Monday to Friday,
// less the listed holidays, plus the listed makeup days.
func IsWorkday(t time.Time) bool {
	y, m, d := t.Date()
	for _, md := range makeupDays[y] {
		if md[0] == int(m) && md[1] == d {
			return true
		}
	}
	for _, r := range holidays[y] {
		if inRange(int(m), d, r) {
			return false
		}
	}
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

func inRange(m, d int, r dayRange) bool {
	v, a, b := m*100+d, r.m1*100+r.d1, r.m2*100+r.d2
	return v >= a && v <= b
}

// WorkdaysAfter counts the working days after from, up to and including
// to; 0 when to is not after from. Dates far apart are counted to a cap:
// beyond a few weeks no deadline is tight.
func WorkdaysAfter(from, to time.Time) int {
	const limit = 400
	n := 0
	for day, i := from.AddDate(0, 0, 1), 0; !day.After(to) && i < limit; day, i = day.AddDate(0, 0, 1), i+1 {
		if IsWorkday(day) {
			n++
		}
	}
	return n
}

// NthWorkday is the n-th working day after from (n ≥ 1).
func NthWorkday(from time.Time, n int) time.Time {
	day := from
	for i := 0; n > 0 && i < 1000; i++ {
		day = day.AddDate(0, 0, 1)
		if IsWorkday(day) {
			n--
		}
	}
	return day
}

// Window is the time a deadline leaves, resolved against the date of the
// notice.
type Window struct {
	// Due is the day the deadline falls on; Hour the hour of that day
	// (-1: the whole day).
	Due  time.Time
	Hour int
	// Workdays are the working days after the date of the notice up to
	// Due, not counting Due when it is due before noon (次日8时前 leaves
	// no working day): 0 is the same day, 1 the next working day.
	Workdays int
	// RestDay is set when Due is a weekend day or a holiday.
	RestDay bool
	// Before is set when the deadline is earlier than the notice's date,
	// an error of the draft, not a burden: nothing else is meaningful.
	Before bool
	// Dated is false when the draft has no date and the window was
	// counted from an unknown day: only relative deadlines resolve so.
	Dated bool
}

// Resolve turns the deadline into the window it leaves after a notice
// dated issued. When dated is false the notice has no date: relative
// deadlines (当天, 次日, 24小时内, 3个工作日内) still resolve, counted in
// working days from receipt; dates, weekdays and periods do not (ok is
// false).
func (d Deadline) Resolve(issued time.Time, dated bool) (w Window, ok bool) {
	w.Hour = d.Hour
	w.Dated = dated
	if !dated {
		switch d.Kind {
		case SameDay, Clock:
			return w, true
		case NextDay:
			w.Workdays = 1
			if d.Hour >= 0 && d.Hour < 12 {
				w.Workdays = 0
			}
			return w, true
		case WithinHours:
			w.Workdays = d.N / 24
			return w, true
		case WithinWorkDays, WithinDays:
			w.Workdays = d.N
			return w, true
		}
		return w, false
	}
	due, ok := d.dueDay(issued)
	if !ok {
		return w, false
	}
	w.Due = due
	if due.Before(issued) {
		w.Before = true
		return w, true
	}
	if d.Kind == WithinWorkDays {
		w.Workdays = min(d.N, 400)
		w.Due = NthWorkday(issued, d.N)
		return w, true
	}
	w.RestDay = !IsWorkday(due)
	w.Workdays = WorkdaysAfter(issued, due)
	if w.Workdays > 0 && !w.RestDay && d.Hour >= 0 && d.Hour < 12 {
		w.Workdays-- // due before noon: the day itself gives no time
	}
	return w, true
}

// dueDay is the day the deadline falls on after a notice dated issued.
func (d Deadline) dueDay(issued time.Time) (time.Time, bool) {
	y, m, _ := issued.Date()
	switch d.Kind {
	case SameDay, Clock:
		return issued, true
	case NextDay:
		return issued.AddDate(0, 0, 1), true
	case WithinHours:
		return issued.AddDate(0, 0, min(d.N/24, 1000)), true
	case WithinDays:
		return issued.AddDate(0, 0, min(d.N, 1000)), true
	case WithinWorkDays:
		return NthWorkday(issued, min(d.N, 1000)), true
	case OnDate:
		if d.Day > daysIn(yearFor(d.Year, d.Month, issued), d.Month) {
			return time.Time{}, false // 2月30日: no such day
		}
		return Date(yearFor(d.Year, d.Month, issued), d.Month, d.Day), true
	case MonthEnd:
		month := d.Month
		if month == 0 {
			month = int(m)
		}
		yy := yearFor(d.Year, month, issued)
		return Date(yy, month, daysIn(yy, month)), true
	case MonthPart:
		yy := yearFor(d.Year, d.Month, issued)
		if d.Part >= 3 {
			return Date(yy, d.Month, daysIn(yy, d.Month)), true
		}
		return Date(yy, d.Month, d.Part*10), true
	case YearEnd:
		if d.Year != 0 {
			return Date(d.Year, 12, 31), true
		}
		return Date(y, 12, 31), true
	case Weekday, Weekend, Recurring:
		if d.Month > 0 { // 本周六（4月12日）: the date wins
			yy := yearFor(0, d.Month, issued)
			if d.Day > daysIn(yy, d.Month) {
				return time.Time{}, false
			}
			return Date(yy, d.Month, d.Day), true
		}
		if d.Weekday < 0 {
			return time.Time{}, false // 每月5日前: the first is this month's or the next
		}
		wd := int(issued.Weekday())
		switch d.Week {
		case 0, 1: // 本周, 下周: weeks run Monday to Sunday
			mon := issued.AddDate(0, 0, -((wd + 6) % 7))
			return mon.AddDate(0, 0, 7*d.Week+(d.Weekday+6)%7), true
		default: // the next such day, the notice's own day excluded
			ahead := (d.Weekday - wd + 7) % 7
			if ahead == 0 {
				ahead = 7
			}
			return issued.AddDate(0, 0, ahead), true
		}
	}
	return time.Time{}, false
}

// yearFor is the year of a date written without one (year 0): the year
// of the notice, or the next when the month is early in the year and the
// notice late in it (a notice of 12月20日 asking for 1月10日前).
func yearFor(year, month int, issued time.Time) int {
	if year != 0 {
		return year
	}
	y, m, _ := issued.Date()
	if int(m) >= 11 && month <= 2 {
		return y + 1
	}
	return y
}

func daysIn(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	return Date(y, m+1, 0).Day()
}
