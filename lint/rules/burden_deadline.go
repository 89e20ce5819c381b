package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
	"github.com/gwlint/gwlint/lint/phrase"
)

// BurdenDeadline reports demands to report or finish work within a time
// that leaves the lower level almost no working time. Each deadline of a
// demand (当天, 今晚10点前, 次日8时前, 接到通知后3小时内, 本周六, 8月8日前,
// 9月底前...) is resolved against the 成文日期 into a due date, and the
// working days from the 成文日期 to it are counted (weekends and, for the
// years whose State Council notice phrase.HolidaysKnown lists, public
// holidays and 调休 working days). A draft with no 成文日期 has only its
// relative deadlines resolved, counted from receipt, and the finding says
// so; its dates are left alone.
//
// Severity: warning for the same day or the next working day, asked of the
// grassroots (乡镇、街道、村、社区, in the sentence or the 主送机关): the 2025
// 《农村基层干部廉洁履行职责规定》 [V] names 层层加码 as misconduct, and its
// published commentary gives "当天反馈进展" for a week's task as the example;
// the 通报 name 当天或次日反馈 and 周五发出要求周六反馈. Info for two working
// days (the 通报 name 1—2个工作日内反馈, no rule fixes a minimum) and for
// the same day or next day asked of offices that are not the grassroots.
// Silent for reporting that law sets for emergencies (突发事件, 安全事故,
// 险情, 汛情, 疫情: 1小时内报告 is the law, not a burden), for deadlines
// before the 成文日期 (an error of the draft, not a burden), and for
// sentences that forbid, narrate or relieve (不得要求…当天报送).
var BurdenDeadline = &lint.Rule{
	ID:       "burden-deadline",
	Name:     "层层加码：时限过紧",
	Severity: lint.Warning,
	Source:   deadlineSourceWarning,
	Doc:      "要求当天、次日或1—2个工作日内报送、完成（按成文日期折算截止日和工作日）",
	Requires: phraseRules,
	Needs:    lint.NeedsWords,
	Run:      runBurdenDeadline,
}

const (
	deadlineSourceWarning = "《农村基层干部廉洁履行职责规定》（2025）：“层层加码、过度留痕，加重群众负担”（释义以“当天反馈进展”为例）；整治形式主义为基层减负典型问题通报：要求当天或次日反馈、周五发出要求周六反馈"
	deadlineSourceInfo    = "实务通行做法（整治形式主义为基层减负典型问题通报：要求当天或次日反馈、1—2个工作日内反馈）"
)

// deadlineModals mark a sentence that demands: 要求, 须, 请, 务必...
var deadlineModals = []string{"要求", "须", "必须", "务必", "务于", "务请", "应", "应当", "应于", "请", "要", "需", "需要",
	"确保", "限", "限于", "不得晚于", "不晚于", "最迟", "最晚"}

// deadlineActs are what a deadline is for: sending in, reporting,
// finishing.
var deadlineActs = []string{"报送", "上报", "报", "报告", "反馈", "提交", "填报", "完成", "办结", "上传", "发送", "发到", "发至",
	"报至", "报送至", "回复", "汇总", "录入", "交", "送", "传", "报来", "反馈至", "呈报", "呈送", "报备", "报给", "发给", "递交", "送交", "报县", "报镇", "报市", "报区", "整改", "落实", "核查", "摸排", "排查", "审核"}

// emergencyWords mark reporting that law sets for emergencies.
var emergencyWords = []string{"突发事件", "突发公共事件", "突发公共卫生事件", "安全事故", "生产安全事故", "事故", "险情", "灾情", "汛情",
	"防汛", "抗旱", "疫情", "火灾", "火情", "地震", "紧急情况", "紧急事项", "重大情况", "重大突发事件", "应急响应", "警情", "案情"}

// permissiveWords say the time is a latest date, not a push: 10月底前完成即可.
var permissiveWords = []string{"即可", "自行安排", "可于", "可在", "可以", "视情", "酌情"}

// grassrootsWords name the levels the 减负 rules protect.
var grassrootsWords = []string{"乡镇", "乡", "镇", "街道", "镇街", "各镇", "各乡", "各村", "村", "社区", "村（社区）", "基层", "网格",
	"村组", "村民小组", "镇（街道）", "乡镇（街道）", "村居", "村（居）", "村书记", "村干部", "社区工作者"}

// officeWords name doers that are not the grassroots: the offices of the
// issuing body itself.
var officeWords = []string{"科室", "处室", "股室", "各科室", "各处室", "各股室", "局机关", "机关各部门", "内设机构"}

func runBurdenDeadline(pass *lint.Pass) {
	if critiqueDocument(pass.Doc) {
		return
	}
	matches, text := phraseMatches(pass, lint.Span{})
	// Sentences a list entry recognized as a demand with a deadline; an
	// entry with no deadline in it (a user's) is reported as it stands.
	listed := map[int]bool{}
	for _, x := range matches {
		if !imposes(text, x) {
			continue
		}
		if _, ok := x.Capture("tight_deadline"); ok {
			listed[x.Sentence.Start] = true
			continue
		}
		if _, ok := x.Capture("deadline"); ok {
			listed[x.Sentence.Start] = true
			continue
		}
		reportPhrase(pass, text, x, "")
	}
	issued, dated := documentDate(pass.Doc)
	toGrassroots := addressedToGrassroots(pass.Doc)
	sentences := text.Sentences()
	for i, s := range sentences {
		if f, ok := judgeDeadlines(text, s, issued, dated, toGrassroots, listed[s.Start]); ok {
			if relievedLater(text, sentences[i+1:], f) {
				continue
			}
			pass.Report(f)
		}
	}
}

// judgeDeadlines reports the tightest deadline the sentence s demands, if
// it leaves two working days or less.
func judgeDeadlines(text *phrase.Text, s phrase.Span, issued time.Time, dated, toGrassroots, listed bool) (lint.Finding, bool) {
	if !mayHoldDeadline(text.Runes()[s.Start:s.End]) {
		return lint.Finding{}, false
	}
	ds := text.Deadlines(s.Start, s.End)
	if len(ds) == 0 {
		return lint.Finding{}, false
	}
	if !listed && !hasWord(text, s.Start, s.End, deadlineModals) && !imperativeOpening(text, s) && !assignedWithDate(text, s, ds) {
		return lint.Finding{}, false
	}
	if !hasWord(text, s.Start, s.End, deadlineActs) {
		return lint.Finding{}, false
	}
	if emergencySentence(text, s) || hasWord(text, s.Start, s.End, permissiveWords) {
		return lint.Finding{}, false
	}
	// 周五发文要求周六反馈: the sentence names the day the notice goes
	// out, and the deadline counts from there.
	origin := ""
	if wd, word, ok := sendingWeekday(text, s); ok {
		if !dated {
			issued = phrase.Date(2024, 1, 7) // a Sunday of a year without holiday tables
		}
		issued = issued.AddDate(0, 0, (wd-int(issued.Weekday())+7)%7)
		dated, origin = true, word
	}
	best, bestW, found := phrase.DeadlineAt{}, phrase.Window{}, false
	for _, d := range ds {
		if d.Kind == phrase.Recurring || !deadlineRole(text, s, d) {
			continue
		}
		if !imposesDeadline(text, s, d.Span) {
			continue
		}
		w, ok := d.Resolve(issued, dated)
		if !ok || w.Before {
			continue
		}
		if !found || w.Workdays < bestW.Workdays {
			best, bestW, found = d, w, true
		}
	}
	if !found || bestW.Workdays > 2 {
		return lint.Finding{}, false
	}
	grassroots := toGrassroots
	if hasWord(text, s.Start, s.End, grassrootsWords) {
		grassroots = true
	} else if hasWord(text, s.Start, s.End, officeWords) {
		grassroots = false
	}
	sev, source := lint.Info, deadlineSourceInfo
	if bestW.Workdays <= 1 && grassroots {
		sev, source = lint.Warning, deadlineSourceWarning
	}
	msg := fmt.Sprintf("“%s”：%s。时限应与工作量相称，给承办单位留出必要的办理时间；确属突发事件等紧急情况的，应在文中写明依据", clip(text.Slice(best.Span), 40), windowWords(best.Deadline, bestW, issued, origin))
	if sev == lint.Warning {
		msg += "；向基层压缩时限属于“层层加码”"
	}
	return lint.Finding{Severity: sev, Span: lint.Span{Start: best.Span.Start, End: best.Span.End}, Message: msg, Source: source}, true
}

// mayHoldDeadline is a cheap test before the sentence is segmented: a
// deadline needs a digit, a numeral or one of the day words' runes.
func mayHoldDeadline(r []rune) bool {
	for _, c := range r {
		switch c {
		case '前', '内', '当', '今', '明', '次', '翌', '周', '底', '旬', '晚', '早':
			return true
		}
	}
	return false
}

// imperativeOpening reports a sentence opening with 把 or 将 (把各村…
// 于次日8时前报送): an order with its subject left out.
func imperativeOpening(text *phrase.Text, s phrase.Span) bool {
	r := text.Runes()
	for i := s.Start; i < s.End; i++ {
		if r[i] == ' ' || r[i] == '\u3000' {
			continue
		}
		return (r[i] == '把' || r[i] == '将') && text.Boundary(i+1)
	}
	return false
}

// deadlineRole reports whether a deadline is the time a demand is due,
// not a day named for what happens on it: 当天反馈 and 于次日报送 are
// deadlines, 报送当日巡查情况 names the day the patrol was made.
func deadlineRole(text *phrase.Text, s phrase.Span, d phrase.DeadlineAt) bool {
	bare := (d.Kind == phrase.SameDay || d.Kind == phrase.NextDay || d.Kind == phrase.Weekday) && d.Hour < 0 && !d.Latest &&
		!strings.HasSuffix(d.Text, "前")
	if !bare {
		return true
	}
	r := text.Runes()
	if p := d.Span.Start - 1; p >= s.Start && (r[p] == '于' || r[p] == '在' || r[p] == '，' || r[p] == ',') {
		return true
	}
	if d.Span.Start == s.Start {
		return true
	}
	// The act follows the day word within a few runes: 当天反馈, 次日即报送.
	return hasWord(text, d.Span.End, min(d.Span.End+4, s.End), deadlineActs) ||
		hasWord(text, max(s.Start, d.Span.Start-3), d.Span.Start, deadlineModals)
}

// windowWords says the resolved deadline and the working time it leaves:
// 成文日期8月7日，要求8月8日（周五）前完成，仅1个工作日.
func windowWords(d phrase.Deadline, w phrase.Window, issued time.Time, origin string) string {
	var b strings.Builder
	if origin != "" {
		fmt.Fprintf(&b, "%s，要求%s（%s）完成", origin, d.Text, weekdayWords[w.Due.Weekday()])
	} else if w.Dated && w.Due.Equal(issued) {
		fmt.Fprintf(&b, "成文日期%s，要求当天%s完成", dateWords(issued, true), strings.TrimSuffix(strings.TrimPrefix(dueWords(d, w, issued), dateWords(w.Due, false)), "前")+sameDayBefore(w))
	} else if w.Dated {
		fmt.Fprintf(&b, "成文日期%s，要求%s完成", dateWords(issued, true), dueWords(d, w, issued))
	} else {
		fmt.Fprintf(&b, "文稿未标注成文日期，按收文当日起算，要求%s完成", d.Text)
	}
	switch {
	case w.Workdays == 0:
		b.WriteString("，不足1个工作日")
	default:
		fmt.Fprintf(&b, "，仅%d个工作日", w.Workdays)
	}
	if w.Dated && w.RestDay {
		b.WriteString("，且截止日是休息日")
	}
	if w.Dated && origin == "" {
		if _, known := phrase.HolidaysKnown(w.Due.Year()); !known {
			b.WriteString("（未计法定节假日）")
		}
	}
	return b.String()
}

// dueWords is the due date as it reads in a message: 8月8日（周五）前,
// with the hour when one was written.
func dueWords(d phrase.Deadline, w phrase.Window, issued time.Time) string {
	s := dateWords(w.Due, w.Due.Year() != issued.Year())
	if w.Hour >= 0 {
		if d.Minute > 0 {
			s += fmt.Sprintf("%d:%02d", w.Hour, d.Minute)
		} else {
			s += fmt.Sprintf("%d时", w.Hour)
		}
	}
	return s + "前"
}

var weekdayWords = []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// dateWords writes a date as 8月7日（周四）, with the year when asked.
func dateWords(t time.Time, year bool) string {
	s := fmt.Sprintf("%d月%d日（%s）", int(t.Month()), t.Day(), weekdayWords[t.Weekday()])
	if year {
		s = fmt.Sprintf("%d年", t.Year()) + s
	}
	return s
}

// documentDate is the 成文日期 of the main document, when it has one.
func documentDate(doc *lint.Document) (time.Time, bool) {
	st := doc.Structure
	if st == nil || st.Date.Empty() {
		return time.Time{}, false
	}
	d, ok := gongwen.ParseDate(doc.Slice(lint.Span{Start: st.Date.Start, End: st.Date.End}))
	if !ok {
		return time.Time{}, false
	}
	return phrase.Date(d.Year, d.Month, d.Day), true
}

// addressedToGrassroots reports whether the 主送机关 names the grassroots.
func addressedToGrassroots(doc *lint.Document) bool {
	st := doc.Structure
	if st == nil || st.Addressees.Empty() {
		return false
	}
	a := doc.Slice(lint.Span{Start: st.Addressees.Start, End: st.Addressees.End})
	for _, w := range []string{"乡", "镇", "街道", "村", "社区"} {
		if strings.Contains(a, w) {
			return true
		}
	}
	return false
}

// sendingWeekday finds, before a deadline, the day of the week the
// sentence says the notice goes out: 周五发文, 星期五下发, 周五下午印发.
func sendingWeekday(text *phrase.Text, s phrase.Span) (weekday int, words string, ok bool) {
	r := text.Runes()
	for p := s.Start; p < s.End; p++ {
		var day phrase.Deadline
		if r[p] != '周' && r[p] != '星' {
			continue
		}
		d, ok := phrase.ParseDeadline(string(r[p:min(p+3, s.End)]))
		if !ok || d.Kind != phrase.Weekday {
			d, ok = phrase.ParseDeadline(string(r[p:min(p+2, s.End)]))
		}
		if !ok || d.Kind != phrase.Weekday || d.Week >= 0 {
			continue
		}
		day = d
		e := p + len([]rune(d.Text))
		for _, part := range []string{"下午", "上午", "晚上", "傍晚", ""} {
			i := e
			if part != "" {
				if !strings.HasPrefix(string(r[i:min(i+2, s.End)]), part) {
					continue
				}
				i += 2
			}
			for _, v := range []string{"发文", "下发", "印发", "发出", "发通知", "下达", "转发"} {
				if strings.HasPrefix(string(r[i:min(i+len([]rune(v)), s.End)]), v) {
					return day.Weekday, string(r[p : i+len([]rune(v))]), true
				}
			}
		}
	}
	return 0, "", false
}

// negatedDemands negate the demand itself wherever they stand before the
// deadline in the sentence: 不得要求基层在收到通知后，当天报送.
var negatedDemands = []string{"不得要求", "不再要求", "不要求", "严禁要求", "禁止要求", "无需", "不需", "不需要", "不必", "不设", "取消"}

// imposesDeadline reports whether the sentence s imposes the deadline at
// d: no narration in the sentence, no negated demand before it, and no
// negation in the clause that holds it. The clause bounds the negation
// so that an object (把各村环境整治问题清单，于次日8时前报送) or a
// purpose clause before it does not silence the demand.
func imposesDeadline(text *phrase.Text, s, d phrase.Span) bool {
	if hasWord(text, s.Start, s.End, narrationCues) || hasWord(text, s.Start, d.Start, negatedDemands) {
		return false
	}
	r := text.Runes()
	from, to := s.Start, s.End
	for i := d.Start - 1; i >= s.Start; i-- {
		if isClauseMark(r[i]) {
			from = i + 1
			break
		}
	}
	for i := d.End; i < s.End; i++ {
		if isClauseMark(r[i]) {
			to = i
			break
		}
	}
	return !hasWord(text, from, d.Start, negators) && !hasWord(text, d.End, to, afterNegators)
}

func isClauseMark(c rune) bool { return c == '，' || c == ',' || c == '；' || c == ';' || c == '：' }

// relievedLater reports whether a later sentence of the same paragraph
// lifts the deadline the finding f reports: 市里明确要求当天反馈。经请示，
// ……镇街无需当日报送. The first sentence tells what the upper level asked;
// the paragraph's own word is the relief.
func relievedLater(text *phrase.Text, later []phrase.Span, f lint.Finding) bool {
	d, ok := phrase.ParseDeadline(text.Slice(phrase.Span{Start: f.Span.Start, End: f.Span.End}))
	if !ok {
		return false
	}
	r := text.Runes()
	prev := f.Span.End
	for _, s := range later {
		for i := prev; i < s.Start; i++ {
			if r[i] == '\n' {
				return false // another paragraph
			}
		}
		prev = s.End
		for _, x := range text.Deadlines(s.Start, s.End) {
			if x.Kind == d.Kind && hasWord(text, s.Start, x.Span.Start, negatedDemands) {
				return true
			}
		}
	}
	return false
}

// sameDayBefore is the 前 of a same-day deadline with an hour: 当天17:30前.
func sameDayBefore(w phrase.Window) string {
	if w.Hour >= 0 {
		return "前"
	}
	return ""
}

// assignedWithDate reports the subject-first order of county notices,
// which needs no modal: 各乡镇于明日17:00前提交整改清单 — the sentence opens
// with 各 and a deadline follows 于 or 在.
func assignedWithDate(text *phrase.Text, s phrase.Span, ds []phrase.DeadlineAt) bool {
	r := text.Runes()
	i := s.Start
	for i < s.End && (r[i] == ' ' || r[i] == '\u3000') {
		i++
	}
	if i >= s.End || r[i] != '各' {
		return false
	}
	for _, d := range ds {
		if p := d.Span.Start - 1; p > i && (r[p] == '于' || r[p] == '在') {
			return true
		}
	}
	return false
}

// emergencySentence reports a sentence about an emergency. The words are
// looked for inside words too: the segmenter keeps 伤亡事故 and 交通事故
// whole, and erring towards quiet is right for emergency reporting.
func emergencySentence(text *phrase.Text, s phrase.Span) bool {
	t := text.Slice(s)
	for _, w := range emergencyWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}
