package rules

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// datedNotice wraps a sentence in a notice to the 乡镇 dated date ("" for
// a draft with no 成文日期).
func datedNotice(sentence, date string) string {
	s := "关于做好有关工作的通知\n各乡镇人民政府，县直各单位：\n" + sentence + "\n特此通知。\n某县人民政府办公室\n"
	if date != "" {
		s += date + "\n"
	}
	return s
}

// TestBurdenDeadlineDates: the finding says the resolved date and the
// working days, and the severity follows them.
func TestBurdenDeadlineDates(t *testing.T) {
	tests := []struct {
		date, sentence string
		sev            lint.Severity // lint.Off: no finding
		says           []string
	}{
		// 2025-08-07 is a Thursday.
		{"2025年8月7日", "请各乡镇于8月8日前报送辖区排查情况。", lint.Warning, []string{"成文日期2025年8月7日（周四）", "8月8日（周五）前", "仅1个工作日"}},
		{"2025年8月7日", "请各乡镇于8月11日前报送辖区排查情况。", lint.Info, []string{"8月11日（周一）前", "仅2个工作日"}},
		{"2025年8月7日", "请各乡镇于8月12日前报送辖区排查情况。", lint.Off, nil},
		{"2025年8月7日", "请各乡镇于8月1日前报送辖区排查情况。", lint.Off, nil},  // before the 成文日期
		{"2025年8月7日", "请各乡镇于2月30日前报送辖区排查情况。", lint.Off, nil}, // no such day
		{"2025年8月7日", "请各乡镇于99月99日前报送辖区排查情况。", lint.Off, nil},
		{"2025年8月8日", "请各村于本周六中午12时前反馈。", lint.Warning, []string{"8月9日（周六）12时前", "不足1个工作日", "休息日"}},
		{"2025年8月7日", "请各乡镇今天17:30前完成填报。", lint.Warning, []string{"要求当天17:30前完成", "不足1个工作日"}},
		{"2025年8月7日", "请各科室于今天17:30前完成填报。", lint.Info, []string{"不足1个工作日"}},
		{"2025年9月30日", "请各乡镇于次日报送。", lint.Warning, []string{"10月1日（周三）前", "休息日"}},
		{"2025年9月30日", "请各乡镇于10月底前报送。", lint.Off, nil},
		{"2025年10月29日", "请各乡镇于10月底前报送。", lint.Info, []string{"10月31日（周五）前", "仅2个工作日"}},
		{"2024年5月9日", "请各乡镇于次日报送。", lint.Warning, []string{"仅1个工作日", "未计法定节假日"}},
		{"", "请各乡镇于24小时内报送。", lint.Warning, []string{"未标注成文日期", "仅1个工作日"}},
		{"", "请各乡镇于8月8日前报送。", lint.Off, nil}, // a date needs the 成文日期
		{"", "周五发文要求各乡镇周六反馈。", lint.Warning, []string{"周五发文", "周六", "不足1个工作日"}},
		{"2025年8月7日", "各村报送当日巡查情况的时间不得晚于次日7时，迟报一次扣1分。", lint.Warning, []string{"不得晚于次日7时", "8月8日（周五）7时前"}},
		{"2025年8月7日", "发生生产安全事故后，各乡镇须在1小时内向县应急管理局报告。", lint.Off, nil},
		{"2025年8月7日", "不得要求基层当天或次日报送材料。", lint.Off, nil},
		{"2025年8月7日", "本事项不设硬性时限，8月8日前完成即可。", lint.Off, nil},
		{"2025年8月7日", "各村于次日上午报送入户核查结果。", lint.Warning, []string{"8月8日（周五）12时前", "仅1个工作日"}},
		{"2025年8月7日", "收文当日，县政府办公室完成登记，并于次日送达各承办单位。", lint.Off, nil},
	}
	for _, tt := range tests {
		t.Run(tt.date+tt.sentence, func(t *testing.T) {
			fs := runRule(t, BurdenDeadline, datedNotice(tt.sentence, tt.date))
			if tt.sev == lint.Off {
				if len(fs) != 0 {
					t.Fatalf("fired: %v", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("%d findings, want 1: %v", len(fs), fs)
			}
			if fs[0].Severity != tt.sev {
				t.Errorf("severity %v, want %v: %s", fs[0].Severity, tt.sev, fs[0].Message)
			}
			for _, w := range tt.says {
				if !strings.Contains(fs[0].Message, w) {
					t.Errorf("message lacks %q: %s", w, fs[0].Message)
				}
			}
		})
	}
}

// deadlineScore counts how burden-deadline does on labelled sentences.
type deadlineScore struct {
	pos, flagged, rightSeverity, neg, negWarned, negFlagged int
	missed, falseAlarms                                     []string
}

func scoreDeadlines(t *testing.T, rows [][3]string, date string) deadlineScore {
	var s deadlineScore
	for _, row := range rows {
		label, sev, sentence := row[0], row[1], row[2]
		fs := runRule(t, BurdenDeadline, datedNotice(sentence, date))
		got := lint.Off
		for _, f := range fs {
			if f.Severity > got {
				got = f.Severity
			}
		}
		if label == "pos" {
			s.pos++
			if got != lint.Off {
				s.flagged++
			} else {
				s.missed = append(s.missed, sentence)
			}
			if got.String() == sev {
				s.rightSeverity++
			}
			continue
		}
		s.neg++
		if got >= lint.Warning {
			s.negWarned++
		}
		if got != lint.Off {
			s.negFlagged++
			s.falseAlarms = append(s.falseAlarms, sentence)
		}
	}
	return s
}

func readTSV(t *testing.T, path string, cols func([]string) ([3]string, bool)) [][3]string {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%v", err)
	}
	defer f.Close()
	var rows [][3]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for first := true; sc.Scan(); first = false {
		if first {
			continue
		}
		if r, ok := cols(strings.Split(sc.Text(), "\t")); ok {
			rows = append(rows, r)
		}
	}
	return rows
}

// TestBurdenDeadlineHeldOut measures the rule on sentences written for it
// and kept out of its development (testdata/deadline_heldout.tsv), in a
// notice dated 2025-08-07, a Thursday.
//
// deadline_heldout.tsv was measured blind once (15/16 flagged, 0/16
// look-alikes flagged); its one miss (各乡镇于明日17:00前提交, no modal and
// 前提 cut as a word) was then fixed, so it is a regression set now.
// deadline_heldout2.tsv was written after that fix and measured blind
// once: 10/10 flagged at the labelled severity, 1/6 look-alikes warned
// (发生人员伤亡事故的…1小时内报告: 伤亡事故 is one word, so the emergency
// words are now looked for inside words).
func TestBurdenDeadlineHeldOut(t *testing.T) {
	for _, file := range []string{"testdata/deadline_heldout.tsv", "testdata/deadline_heldout2.tsv"} {
		rows := readTSV(t, file, func(c []string) ([3]string, bool) {
			if len(c) != 3 {
				return [3]string{}, false
			}
			return [3]string{c[0], c[1], c[2]}, true
		})
		scoreHeldOut(t, file, rows)
	}
}

func scoreHeldOut(t *testing.T, file string, rows [][3]string) {
	s := scoreDeadlines(t, rows, "2025年8月7日")
	t.Logf("%s: %d/%d demands flagged, %d at the labelled severity; %d/%d look-alikes warned, %d flagged",
		file, s.flagged, s.pos, s.rightSeverity, s.negWarned, s.neg, s.negFlagged)
	for _, m := range s.missed {
		t.Logf("missed: %s", m)
	}
	for _, m := range s.falseAlarms {
		t.Logf("false alarm: %s", m)
	}
	if s.pos == 0 || float64(s.flagged) < 0.9*float64(s.pos) || s.negWarned > 0 {
		t.Errorf("below the floor: %+v", s)
	}
}

// TestBurdenDeadlineDevset measures the rule on the deadline rows of the
// shared development set, when it is there, in notices of three kinds:
// dated on a Thursday in August, dated in April (the week some rows name)
// and undated.
func TestBurdenDeadlineDevset(t *testing.T) {
	rows := readTSV(t, "../../../shared/corpus/burden/devset.tsv", func(c []string) ([3]string, bool) {
		if len(c) != 6 || c[1] != "deadline" {
			return [3]string{}, false
		}
		return [3]string{c[0], c[2], c[5]}, true
	})
	if len(rows) == 0 {
		t.Skip("no deadline rows")
	}
	for _, date := range []string{"2025年8月7日", "2025年4月10日", ""} {
		s := scoreDeadlines(t, rows, date)
		t.Logf("devset, 成文日期 %q: %d/%d demands flagged, %d at the labelled severity; %d/%d look-alikes warned, %d flagged",
			date, s.flagged, s.pos, s.rightSeverity, s.negWarned, s.neg, s.negFlagged)
		for _, m := range s.missed {
			t.Logf("  missed: %s", m)
		}
		for _, m := range s.falseAlarms {
			t.Logf("  false alarm: %s", m)
		}
		if s.negWarned > 1 || s.flagged < s.pos/2 {
			t.Errorf("below the floor: %+v", s)
		}
	}
}
