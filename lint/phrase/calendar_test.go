package phrase

import (
	"testing"
	"time"
)

// TestParseDeadlineFields holds the parser to the fields it must read,
// one row per form the county notices use.
func TestParseDeadlineFields(t *testing.T) {
	type f struct {
		kind                           DeadlineKind
		n, year, month, day, hour, min int
		weekday, week, part            int
	}
	tests := []struct {
		in   string
		want f
	}{
		{"今天", f{kind: SameDay, hour: -1, weekday: -1, week: -1}},
		{"今日18时前", f{kind: SameDay, hour: 18, weekday: -1, week: -1}},
		{"今天17:30前", f{kind: SameDay, hour: 17, min: 30, weekday: -1, week: -1}},
		{"今晚10点前", f{kind: SameDay, hour: 22, weekday: -1, week: -1}},
		{"今晚12时前", f{kind: SameDay, hour: 24, weekday: -1, week: -1}},
		{"收文当日下班前", f{kind: SameDay, hour: 18, weekday: -1, week: -1}},
		{"明日上午9时前", f{kind: NextDay, hour: 9, weekday: -1, week: -1}},
		{"明天", f{kind: NextDay, hour: -1, weekday: -1, week: -1}},
		{"次日8时前", f{kind: NextDay, hour: 8, weekday: -1, week: -1}},
		{"明天一早", f{kind: NextDay, hour: 9, weekday: -1, week: -1}},
		{"不得晚于次日7时", f{kind: NextDay, hour: 7, weekday: -1, week: -1}},
		{"接到本通知后3小时内", f{kind: WithinHours, n: 3, hour: -1, weekday: -1, week: -1}},
		{"签收后48小时内", f{kind: WithinHours, n: 48, hour: -1, weekday: -1, week: -1}},
		{"收文后二十四小时内", f{kind: WithinHours, n: 24, hour: -1, weekday: -1, week: -1}},
		{"24小时内", f{kind: WithinHours, n: 24, hour: -1, weekday: -1, week: -1}},
		{"本周六", f{kind: Weekday, hour: -1, weekday: 6, week: 0}},
		{"下周一上班前", f{kind: Weekday, hour: 9, weekday: 1, week: 1}},
		{"本周六（4月12日）中午12时前", f{kind: Weekday, month: 4, day: 12, hour: 12, weekday: 6, week: 0}},
		{"周日（6月8日）18时前", f{kind: Weekday, month: 6, day: 8, hour: 18, weekday: 0, week: -1}},
		{"周五", f{kind: Weekday, hour: -1, weekday: 5, week: -1}},
		{"每周一前", f{kind: Recurring, hour: -1, weekday: 1, week: -1}},
		{"17:30前", f{kind: Clock, hour: 17, min: 30, weekday: -1, week: -1}},
		{"18时前", f{kind: Clock, hour: 18, weekday: -1, week: -1}},
		{"下午5点前", f{kind: Clock, hour: 17, weekday: -1, week: -1}},
		{"8月8日前", f{kind: OnDate, month: 8, day: 8, hour: -1, weekday: -1, week: -1}},
		{"8月8日（周五）9时前", f{kind: OnDate, month: 8, day: 8, hour: 9, weekday: -1, week: -1}},
		{"2025年12月31日17时前", f{kind: OnDate, year: 2025, month: 12, day: 31, hour: 17, weekday: -1, week: -1}},
		{"9月底前", f{kind: MonthEnd, month: 9, hour: -1, weekday: -1, week: -1}},
		{"2025年12月底前", f{kind: MonthEnd, year: 2025, month: 12, hour: -1, weekday: -1, week: -1}},
		{"月底前", f{kind: MonthEnd, hour: -1, weekday: -1, week: -1}},
		{"8月上旬", f{kind: MonthPart, month: 8, part: 1, hour: -1, weekday: -1, week: -1}},
		{"8月中旬前", f{kind: MonthPart, month: 8, part: 2, hour: -1, weekday: -1, week: -1}},
		{"年底前", f{kind: YearEnd, hour: -1, weekday: -1, week: -1}},
		{"2025年底前", f{kind: YearEnd, year: 2025, hour: -1, weekday: -1, week: -1}},
		{"年内", f{kind: YearEnd, hour: -1, weekday: -1, week: -1}},
	}
	for _, tt := range tests {
		d, ok := ParseDeadline(tt.in)
		if !ok {
			t.Errorf("%q: not parsed", tt.in)
			continue
		}
		got := f{d.Kind, d.N, d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Weekday, d.Week, d.Part}
		if got != tt.want {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"每周一", "年底", "9月底", "下午", "18时", "接到通知", "周天", "当天往返"} {
		if d, ok := ParseDeadline(bad); ok {
			t.Errorf("%q parsed as %+v", bad, d)
		}
	}
}

// TestResolveDeadline: every expected date and count of working days
// below was worked out by hand from a printed calendar and the State
// Council's holiday notices (calendar.go): 2025-08-07 is a Thursday;
// 2025-10-01 to 10-08 are rest days and 09-28 (Sunday) and 10-11
// (Saturday) working days; 2026-01-01 to 01-03 and 02-15 to 02-23 rest
// days, 2026-01-04 and 02-14 working days. 2024 is not in the tables:
// weekends only.
func TestResolveDeadline(t *testing.T) {
	tests := []struct {
		issued   string // "" for a draft with no date
		in       string
		due      string // "" when not dated
		workdays int
		rest     bool
		before   bool
	}{
		{"2025-08-07", "8月8日前", "2025-08-08", 1, false, false},
		{"2025-08-07", "当天", "2025-08-07", 0, false, false},
		{"2025-08-07", "次日", "2025-08-08", 1, false, false},
		{"2025-08-08", "次日", "2025-08-09", 0, true, false},
		{"2025-08-08", "本周六", "2025-08-09", 0, true, false},
		{"2025-08-08", "下周一上班前", "2025-08-11", 0, false, false},
		{"2025-08-07", "3个工作日内", "2025-08-12", 3, false, false},
		{"2025-09-30", "3个工作日内", "2025-10-11", 3, false, false},
		{"2025-09-30", "次日", "2025-10-01", 0, true, false},
		{"2025-09-26", "2个工作日内", "2025-09-29", 2, false, false},
		{"2025-08-07", "24小时内", "2025-08-08", 1, false, false},
		{"2025-08-07", "48小时内", "2025-08-09", 1, true, false},
		{"2025-08-07", "9月底前", "2025-09-30", 39, false, false},
		{"2025-08-07", "8月中旬", "2025-08-20", 9, false, false},
		{"2025-08-07", "8月上旬前", "2025-08-10", 1, true, false},
		{"2025-12-20", "1月10日前", "2026-01-10", 14, true, false},
		{"2025-08-07", "8月1日前", "2025-08-01", 0, false, true},
		{"2025-08-07", "年底前", "2025-12-31", 100, false, false},
		{"2026-02-13", "3个工作日内", "2026-02-25", 3, false, false},
		{"2024-05-10", "次日", "2024-05-11", 0, true, false},
		{"2025-08-07", "今晚10点前", "2025-08-07", 0, false, false},
		{"2025-08-07", "明日上午9时前", "2025-08-08", 0, false, false},
		{"2025-08-07", "周日（8月10日）18时前", "2025-08-10", 1, true, false},
		{"2025-06-04", "本周六", "2025-06-07", 2, true, false},
		{"2025-08-07", "17:30前", "2025-08-07", 0, false, false},
		{"2025-08-07", "接到本通知后3小时内", "2025-08-07", 0, false, false},
		{"2025-08-07", "收文后二十四小时内", "2025-08-08", 1, false, false},
		{"2025-08-07", "5日内", "2025-08-12", 3, false, false},
		{"2025-08-07", "周五", "2025-08-08", 1, false, false},
		{"2025-08-08", "周五", "2025-08-15", 5, false, false},
		{"", "24小时内", "", 1, false, false},
		{"", "当天", "", 0, false, false},
		{"", "次日8时前", "", 0, false, false},
		{"", "3个工作日内", "", 3, false, false},
	}
	for _, tt := range tests {
		d, ok := ParseDeadline(tt.in)
		if !ok {
			t.Errorf("%q: not parsed", tt.in)
			continue
		}
		var issued time.Time
		if tt.issued != "" {
			var err error
			if issued, err = time.Parse("2006-01-02", tt.issued); err != nil {
				t.Fatal(err)
			}
		}
		w, ok := d.Resolve(issued, tt.issued != "")
		if !ok {
			t.Errorf("%s %q: not resolved", tt.issued, tt.in)
			continue
		}
		due := ""
		if w.Dated {
			due = w.Due.Format("2006-01-02")
		}
		if due != tt.due || w.Before != tt.before || (!tt.before && (w.Workdays != tt.workdays || w.RestDay != tt.rest)) {
			t.Errorf("%s %q: got due %s, %d working days, rest %v, before %v; want %s, %d, %v, %v",
				tt.issued, tt.in, due, w.Workdays, w.RestDay, w.Before, tt.due, tt.workdays, tt.rest, tt.before)
		}
	}
	// A date, a weekday or a period needs the date of the notice.
	for _, s := range []string{"8月8日前", "本周六", "9月底前", "年底前"} {
		d, _ := ParseDeadline(s)
		if _, ok := d.Resolve(time.Time{}, false); ok {
			t.Errorf("%q resolved without a date", s)
		}
	}
	// No such day is no deadline, not a crash.
	d, _ := ParseDeadline("2月30日前")
	if _, ok := d.Resolve(Date(2025, 2, 1), true); ok {
		t.Errorf("2月30日 resolved")
	}
}

// TestWorkdays counts working days over the holidays the tables know and,
// outside them, over weekends only.
func TestWorkdays(t *testing.T) {
	tests := []struct {
		from, to string
		want     int
	}{
		{"2025-08-07", "2025-08-07", 0},
		{"2025-08-07", "2025-08-08", 1},
		{"2025-08-08", "2025-08-10", 0},
		{"2025-08-08", "2025-08-11", 1},
		{"2025-09-30", "2025-10-08", 0}, // 国庆、中秋
		{"2025-09-27", "2025-09-28", 1}, // Sunday 09-28 is a working day
		{"2025-01-24", "2025-02-08", 6}, // 01-26 (Sunday), 01-27, 02-05, 02-06, 02-07, 02-08 (Saturday); 01-28..02-04 rest
		{"2026-02-13", "2026-02-24", 2}, // 02-14 (Saturday, working), 02-24
		{"2024-10-01", "2024-10-07", 4}, // 2024 unknown: weekends only (10-01..04 are weekdays)
		{"2025-08-08", "2025-08-07", 0}, // backwards
		{"2019-09-30", "2019-10-12", 5}, // 2019: 10-01..07 rest, 10-08..11 and 10-12 (Saturday) work
	}
	for _, tt := range tests {
		a, _ := time.Parse("2006-01-02", tt.from)
		b, _ := time.Parse("2006-01-02", tt.to)
		if got := WorkdaysAfter(a, b); got != tt.want {
			t.Errorf("%s → %s: %d working days, want %d", tt.from, tt.to, got, tt.want)
		}
	}
	if _, ok := HolidaysKnown(2025); !ok {
		t.Error("2025 holidays unknown")
	}
	if _, ok := HolidaysKnown(2031); ok {
		t.Error("2031 holidays claimed")
	}
}

// FuzzResolveDeadline: whatever parses resolves without panicking against
// any date, and a window never has negative working days.
func FuzzResolveDeadline(f *testing.F) {
	for _, s := range []string{"本周六（4月12日）中午12时前", "2月30日前", "9999年12月31日前", "月底前", "每周日前", "下周日", "接到通知后999999小时内", "12月31日前"} {
		f.Add(s, 2025, 12, 31)
	}
	f.Fuzz(func(t *testing.T, s string, y, m, day int) {
		d, ok := ParseDeadline(s)
		if !ok {
			return
		}
		issued := Date(1900+((y%300)+300)%300, 1+((m%12)+12)%12, 1+((day%28)+28)%28)
		for _, dated := range []bool{true, false} {
			if w, ok := d.Resolve(issued, dated); ok && w.Workdays < 0 {
				t.Fatalf("%q at %v: %d working days", s, issued, w.Workdays)
			}
		}
	})
}
