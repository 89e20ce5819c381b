package phrase

import (
	"strings"
	"testing"
)

func TestParseDeadline(t *testing.T) {
	tests := []struct {
		in    string
		kind  DeadlineKind
		n     int
		tight bool
	}{
		{"当天", SameDay, 0, true},
		{"当日", SameDay, 0, true},
		{"即日", SameDay, 0, true},
		{"次日", NextDay, 0, true},
		{"次日12时前", NextDay, 0, true},
		{"第二天", NextDay, 0, true},
		{"24小时内", WithinHours, 24, true},
		{"72小时以内", WithinHours, 72, false},
		{"2个工作日内", WithinWorkDays, 2, true},
		{"两个工作日内", WithinWorkDays, 2, true},
		{"5个工作日内", WithinWorkDays, 5, false},
		{"3日内", WithinDays, 3, true},
		{"七天以内", WithinDays, 7, false},
		{"周六", Weekday, 0, true},
		{"星期日前", Weekday, 0, true},
		{"周末前", Weekend, 0, true},
		{"本周五", Weekday, 0, false},
		{"6月20日前", OnDate, 0, false},
		{"6月20日18：00前", OnDate, 0, false},
		{"2024年7月1日17时之前", OnDate, 0, false},
	}
	for _, tt := range tests {
		d, ok := ParseDeadline(tt.in)
		if !ok {
			t.Errorf("%q: not parsed", tt.in)
			continue
		}
		if d.Kind != tt.kind || (tt.n != 0 && d.N != tt.n) || d.Tight() != tt.tight || d.Text != tt.in {
			t.Errorf("%q: got %+v tight=%v, want kind %d n %d tight %v", tt.in, d, d.Tight(), tt.kind, tt.n, tt.tight)
		}
	}
	for _, bad := range []string{"", "即日起", "6月20日", "13月1日前", "0小时内", "工作日内", "小时", "三四天内", "2024年", "立即"} {
		if d, ok := ParseDeadline(bad); ok {
			t.Errorf("%q parsed as %+v", bad, d)
		}
	}
}

func TestDeadlineEarlier(t *testing.T) {
	parse := func(s string) Deadline {
		d, ok := ParseDeadline(s)
		if !ok {
			t.Fatalf("%q not parsed", s)
		}
		return d
	}
	tests := []struct {
		a, b                string
		earlier, comparable bool
	}{
		{"当天", "3个工作日内", true, true},
		{"5个工作日内", "3个工作日内", false, true},
		{"6月10日前", "6月20日前", true, true},
		{"6月20日前", "6月20日前", false, true},
		{"2024年12月1日前", "2025年1月1日前", true, true},
		{"周六", "3个工作日内", false, false},
		{"6月10日前", "3个工作日内", false, false},
	}
	for _, tt := range tests {
		e, c := parse(tt.a).Earlier(parse(tt.b))
		if e != tt.earlier || c != tt.comparable {
			t.Errorf("%s vs %s: got %v,%v want %v,%v", tt.a, tt.b, e, c, tt.earlier, tt.comparable)
		}
	}
}

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in    string
		kind  TargetKind
		value float64
	}{
		{"100%", Percent, 100},
		{"80%以上", Percent, 80},
		{"95.5%", Percent, 95.5},
		{"百分之百", Full, 100},
		{"全覆盖", Full, 100},
		{"不少于2次", AtLeast, 2},
		{"至少三篇", AtLeast, 3},
		{"不低于90%", Percent, 90},
		{"每月", Frequency, 30},
		{"按季度", Frequency, 91},
		{"每年度", Frequency, 365},
		{"一次", Times, 1},
	}
	for _, tt := range tests {
		x, ok := ParseTarget(tt.in)
		if !ok || x.Kind != tt.kind || x.Value != tt.value {
			t.Errorf("%q: got %+v ok=%v, want kind %d value %v", tt.in, x, ok, tt.kind, tt.value)
		}
	}
	for _, bad := range []string{"", "季度", "不少于", "百分之", "%", "次"} {
		if x, ok := ParseTarget(bad); ok {
			t.Errorf("%q parsed as %+v", bad, x)
		}
	}
}

// TestWholeWords: the look-alikes of the 层层加码 literature stay quiet
// because matching is on word boundaries.
func TestWholeWords(t *testing.T) {
	l, err := LoadBytes("t.yaml", []byte(`classes:
  often: [每月, 按月, 每周]
entries:
  - rule: t-immediate
    severity: info
    pattern: 立即
    message: m
    source: s
    match: [请立即报送]
    nomatch: [建立即时通报机制]
  - rule: t-ranking
    severity: info
    pattern: "{often} … 排名 … 通报"
    message: m
    source: s
    match: [每月排名通报, 按月对各县排名并通报]
    nomatch: [排名靠前的城市, 每月通报进展。排名靠前的予以表扬]
  - rule: t-checkin
    severity: info
    pattern: 打卡
    except: [打卡地|打卡点]
    message: m
    source: s
    match: [要求每日打卡]
    nomatch: [红色旅游打卡地]
`))
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(l)
	// Deadlines found in running text respect word boundaries too.
	_, text := m.FindIn("建立即时报送机制，请于次日报送，自即日起施行。")
	var got []string
	for _, d := range text.Deadlines(0, len(text.Runes())) {
		got = append(got, d.Text)
	}
	if strings.Join(got, ",") != "次日" {
		t.Errorf("deadlines %v, want [次日]", got)
	}
}

// checkDeadlineInvariants holds what the rules rely on when they compare
// and judge deadlines: a relative deadline knows its hours, a date or a
// weekend does not; hours are never negative (a huge count must not wrap);
// Tight means a short time (a weekend, or three days at most) and any
// deadline of two days or less is tight; a deadline is never earlier than
// itself.
func checkDeadlineInvariants(t *testing.T, d Deadline) {
	t.Helper()
	h, known := d.Hours()
	relative := !d.Calendar()
	if known != relative {
		t.Fatalf("%q (kind %d): Hours known = %v", d.Text, d.Kind, known)
	}
	if known && h < 0 {
		t.Fatalf("%q: Hours = %d", d.Text, h)
	}
	tight := d.Tight()
	if tight && d.Kind != Weekend && d.Kind != Weekday && !(known && h <= 72) {
		t.Fatalf("%q: Tight with %d hours (known %v)", d.Text, h, known)
	}
	if known && h <= 48 && !tight {
		t.Fatalf("%q: %d hours but not Tight", d.Text, h)
	}
	earlier, comparable := d.Earlier(d)
	if earlier {
		t.Fatalf("%q is earlier than itself", d.Text)
	}
	_, point := d.yearPoint()
	if comparable != (known || point) {
		t.Fatalf("%q: Earlier(itself) comparable = %v", d.Text, comparable)
	}
}

// FuzzDeadline: the deadline and target parsers never panic, what they
// accept is the whole input, and a parsed deadline keeps the invariants
// of checkDeadlineInvariants.
func FuzzDeadline(f *testing.F) {
	for _, s := range []string{"当天", "今晚10点前", "接到本通知后3小时内", "收文当日下班前", "本周六（4月12日）中午12时前", "9月底前", "8月上旬", "2025年底前", "17:30前", "不得晚于次日7时", "每周一前", "次日12时前", "3个工作日内", "24小时内", "6月20日18：00前", "2024年7月1日前", "周六", "即日起", "一百零五天内", "100%", "不少于2次", "每季度", "99999999999999999999小时内", "12:3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDeadline(s); ok {
			if d.Text != s {
				t.Fatalf("ParseDeadline(%q).Text = %q", s, d.Text)
			}
			if d.Kind < SameDay || d.Kind > lastKind {
				t.Fatalf("bad kind %d", d.Kind)
			}
			checkDeadlineInvariants(t, d)
		}
		if x, ok := ParseTarget(s); ok && x.Text == "" {
			t.Fatalf("ParseTarget(%q) has no text", s)
		}
		r := []rune(s)
		for p := 0; p < len(r); p++ {
			if _, e, ok := scanDeadline(r, p); ok && (e <= p || e > len(r)) {
				t.Fatalf("scanDeadline(%q, %d) ended at %d", s, p, e)
			}
			if _, e, ok := scanTarget(r, p); ok && (e <= p || e > len(r)) {
				t.Fatalf("scanTarget(%q, %d) ended at %d", s, p, e)
			}
		}
	})
}

// FuzzPhraseList: the list loader returns a list or an error naming the
// file, never panics, and a list it accepts can be matched on any text.
func FuzzPhraseList(f *testing.F) {
	f.Add([]byte("entries:\n  - rule: a-b\n    severity: info\n    pattern: 一票否决\n    message: m\n    source: s\n    match: [一票否决]\n    nomatch: [否决]\n"), "实行一票否决")
	f.Add([]byte("classes:\n  d: [要求, 请]\nentries:\n  - rule: a\n    severity: warning\n    pattern: \"{d} … {tight_deadline}? {number} …3 报送\"\n    message: m\n    source: s\n    match: [请3报送]\n    nomatch: [x]\n"), "请于当天3日报送")
	f.Add([]byte("entries: [{rule: x, severity: info, pattern: [\"a|b …\"], message: m, source: s, match: [a], nomatch: [c]}]"), "ab")
	f.Add([]byte("{{{"), "")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		l, err := Parse("fuzz.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(text) > 2000 {
			text = text[:2000]
		}
		matches, tx := NewMatcher(l).FindIn(text)
		n := len(tx.Runes())
		for _, m := range matches {
			if m.Span.Start < 0 || m.Span.End > n || m.Span.Start >= m.Span.End {
				t.Fatalf("bad span %+v in %q", m.Span, text)
			}
		}
	})
}
