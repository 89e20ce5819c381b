package rules

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// formatCase is one draft for one rule: how many findings it must give,
// and, when fixed is set, the text after applying their fixes.
type formatCase struct {
	name  string
	rule  *lint.Rule
	text  string
	n     int
	fixed string
}

// formatNotice wraps a body in a minimal 通知 so that the recognizer finds
// a title, a 发文字号, addressees, a signature and a date.
func formatNotice(title, docno, addressees, body, date string) string {
	return title + "\n" + docno + "\n\n" + addressees + "\n" + body + "\n" + "XX市人民政府\n" + date + "\n"
}

func runFormatCases(t *testing.T, cases []formatCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.rule.ID+"/"+c.name, func(t *testing.T) {
			fs := runRule(t, c.rule, c.text)
			if len(fs) != c.n {
				for _, f := range fs {
					t.Logf("%v %q: %s", f.Span, []rune(c.text)[f.Span.Start:f.Span.End], f.Message)
				}
				t.Fatalf("%d findings, want %d", len(fs), c.n)
			}
			for _, f := range fs {
				if f.Source == "" || citesInMessage(f) {
					t.Errorf("finding without source, or citing it in its message: %+v", f)
				}
				if f.Fix != nil && (f.Fix.Span.Start < f.Span.Start || f.Fix.Span.End > f.Span.End) {
					t.Errorf("fix %v outside its finding %v", f.Fix.Span, f.Span)
				}
			}
			if c.fixed != "" {
				got, _ := lint.ApplyFixes(c.text, fs)
				if got != c.fixed {
					t.Errorf("fixed text:\n%s\nwant:\n%s", got, c.fixed)
				}
			}
		})
	}
}

func TestDocnoFormat(t *testing.T) {
	n := func(docno string) string {
		return formatNotice("XX市人民政府关于做好防汛工作的通知", docno, "各区人民政府：", "现将有关事项通知如下。", "2024年7月1日")
	}
	runFormatCases(t, []formatCase{
		{"standard", DocnoFormat, n("国发〔2018〕38号"), 0, ""},
		{"ling number", DocnoFormat, n("国令第706号"), 0, ""},
		{"round brackets", DocnoFormat, n("国发（2005）43号"), 1, n("国发〔2005〕43号")},
		{"Chinese year", DocnoFormat, n("某政发〔二〇二四〕3号"), 1, n("某政发〔2024〕3号")},
		{"Chinese sequence", DocnoFormat, n("某政发〔2024〕十二号"), 1, n("某政发〔2024〕12号")},
		{"year with 年", DocnoFormat, n("某政发2024年3号"), 1, n("某政发〔2024〕3号")},
		{"square brackets", DocnoFormat, n("汕府办[2015]29号"), 1, n("汕府办〔2015〕29号")},
		{"mis-encoded", DocnoFormat, n("国办发„2009‟3号"), 1, n("国办发〔2009〕3号")},
		{"ordinal", DocnoFormat, n("国发〔2005〕第43号"), 1, n("国发〔2005〕43号")},
		{"padded", DocnoFormat, n("国发〔2005〕043号"), 1, n("国发〔2005〕43号")},
		{"two-digit year, no fix", DocnoFormat, n("国发〔05〕43号"), 1, n("国发〔05〕43号")},
		{"cited in body", DocnoFormat, formatNotice("XX市人民政府关于转发省政府文件的通知", "X府〔2024〕3号", "各区人民政府：",
			"根据《省政府关于做好防汛工作的通知》（粤府办[2015]22号）要求，现通知如下。", "2024年7月1日"), 1, ""},
	})
}

func TestDateFormat(t *testing.T) {
	n := func(date string) string {
		return formatNotice("XX市人民政府关于做好防汛工作的通知", "X府〔2024〕3号", "各区人民政府：", "现将有关事项通知如下。", date)
	}
	old := func(date string) string {
		return formatNotice("XX市人民政府关于做好防汛工作的通知", "X府〔2004〕3号", "各区人民政府：", "现将有关事项通知如下。", date)
	}
	runFormatCases(t, []formatCase{
		{"standard", DateFormat, n("2024年7月1日"), 0, ""},
		{"padded", DateFormat, n("2024年07月01日"), 1, n("2024年7月1日")},
		{"dots", DateFormat, n("2024.7.1"), 1, n("2024年7月1日")},
		{"dashes", DateFormat, n("2024-07-01"), 1, n("2024年7月1日")},
		{"slashes", DateFormat, n("2024/7/1"), 1, n("2024年7月1日")},
		{"han numerals after 2012", DateFormat, n("二〇二四年七月一日"), 1, n("2024年7月1日")},
		// A document of 2004 is in the form of its time; a draft numbered
		// 〔2024〕 with the same date is not, and a Latin O is wrong in both.
		{"han numerals before 2012", DateFormat, old("二〇〇四年十一月四日"), 0, ""},
		{"old date in a new draft", DateFormat, n("二〇〇四年十一月四日"), 1, n("2004年11月4日")},
		{"Latin O", DateFormat, old("二OO四年十一月四日"), 1, old("2004年11月4日")},
		{"digit 0", DateFormat, n("二0二四年七月一日"), 1, n("2024年7月1日")},
	})
	fs := runRule(t, DateFormat, n("二〇二四年七月一日"))
	if len(fs) != 1 || fs[0].Severity != lint.Warning {
		t.Errorf("Han-numeral date: want one warning, got %+v", fs)
	}
}

func TestHeadingSequence(t *testing.T) {
	n := func(body string) string {
		return formatNotice("XX市人民政府关于做好防汛工作的通知", "X府〔2024〕3号", "各区人民政府：", body, "2024年7月1日")
	}
	runFormatCases(t, []formatCase{
		{"standard", HeadingSequence, n("一、总体要求\n（一）指导思想。略。\n1.目标。略。\n（1）细化。略。\n（二）基本原则。略。\n二、主要任务\n（一）任务。略。"), 0, ""},
		{"top level 二 only", HeadingSequence, n("（一）加强领导。略。\n（二）强化保障。略。"), 0, ""},
		{"skip", HeadingSequence, n("一、总体要求\n略。\n三、保障措施\n略。"), 1, ""},
		{"1. straight under 一、", HeadingSequence, n("一、总体要求\n1.加强领导。略。\n2.强化保障。略。\n二、工作措施\n略。"), 0, ""},
		{"（一） after 1. under one 一、", HeadingSequence, n("一、总体要求\n1.加强领导。略。\n（一）明确责任。略。\n2.强化保障。略。\n（二）加强督查。略。\n二、工作措施\n略。"), 1, ""},
		{"1. after （1） under one 一、", HeadingSequence, n("一、总体要求\n（1）加强领导。略。\n1.明确责任。略。\n（2）强化保障。略。\n2.加强督查。略。"), 1, ""},
		{"repeat", HeadingSequence, n("一、总体要求\n略。\n一、保障措施\n略。"), 1, ""},
		{"continuous across parents", HeadingSequence, n("一、甲\n（一）a。\n（二）b。\n二、乙\n（三）c。"), 0, ""},
		{"wrong form 1、", HeadingSequence, n("一、总体要求\n1、目标明确。\n2、责任清楚。"), 2, n("一、总体要求\n1.目标明确。\n2.责任清楚。")},
		{"wrong form （一）、", HeadingSequence, n("一、总体要求\n（一）、目标明确。"), 1, n("一、总体要求\n（一）目标明确。")},
		{"wrong form 一.", HeadingSequence, n("一.总体要求\n二.保障措施"), 2, n("一、总体要求\n二、保障措施")},
		{"higher level after lower", HeadingSequence, n("（一）加强领导。略。\n一、总体要求\n略。"), 1, ""},
		{"wrong form (一)", HeadingSequence, n("一、总体要求\n(一)目标明确。"), 1, n("一、总体要求\n（一）目标明确。")},
		{"wrong form （一)", HeadingSequence, n("一、总体要求\n（一)目标明确。"), 1, n("一、总体要求\n（一）目标明确。")},
		{"full-width point 1．", HeadingSequence, n("一、总体要求\n1．目标明确。\n2．责任清楚。"), 2, n("一、总体要求\n1.目标明确。\n2.责任清楚。")},
		// Numbered notes under a table are notes, not 结构层次
		// (govcn_5345410:454-456).
		{"note run after 注：1、", HeadingSequence, n("一、总体要求\n表1 坐标\n注：1、坐标系统为独立坐标系统。\n2、L为弧长，R为半径。\n3、红线是指口岸区边界。\n二、保障措施\n略。"), 0, ""},
		{"note run after 注：", HeadingSequence, n("一、总体要求\n表1 坐标\n注：\n1、坐标系统为独立坐标系统。\n2、L为弧长。\n二、保障措施\n略。"), 0, ""},
		{"heading after a note goes on", HeadingSequence, n("一、总体要求\n注：本表数据截至6月。\n二、保障措施\n略。\n四、组织实施\n略。"), 1, ""},
		// Running text ends the note, so 3、 is judged: its form, and the
		// 1. its level lacks.
		{"note run ends at a gap", HeadingSequence, n("一、总体要求\n注：1、坐标系统为独立坐标系统。\n2、L为弧长。\n正文继续。\n3、责任清楚。"), 2, ""},
	})
}

// TestFormatMessages pins what a message says in the cases where an
// earlier wording misled: it must name the fault and quote the text as
// written.
func TestFormatMessages(t *testing.T) {
	n := func(body string) string {
		return formatNotice("XX市人民政府关于做好防汛工作的通知", "X府〔2024〕3号", "各区人民政府：", body, "2024年7月1日")
	}
	tests := []struct {
		name     string
		rule     *lint.Rule
		text     string
		severity lint.Severity
		want     []string
		not      []string
	}{
		{"1．", HeadingSequence, n("一、总体要求\n1．目标明确。"), lint.Info,
			[]string{"“1．”用了全角点号“．”", "第三层应写作“1.”", "半角点号"}, []string{"不合规范"}},
		{"2、", HeadingSequence, n("一、总体要求\n1.目标明确。\n2、责任清楚。"), lint.Warning,
			[]string{"“2、”用了顿号“、”", "应写作“2.”"}, []string{"第三层“1.”"}},
		{"１．", HeadingSequence, n("一、总体要求\n１．目标明确。"), lint.Warning,
			[]string{"全角数字“１”和全角点号“．”", "应写作“1.”"}, nil},
		{"(一)", HeadingSequence, n("一、总体要求\n(一)目标明确。"), lint.Warning,
			[]string{"“(一)”用了半角括号", "第二层应写作“（一）”"}, []string{"第二层“（一）”"}},
		{"（一）、", HeadingSequence, n("一、总体要求\n（一）、目标明确。"), lint.Warning,
			[]string{"“（一）、”括号后多了“、”", "应写作“（一）”"}, nil},
		{"一.", HeadingSequence, n("一.总体要求"), lint.Warning,
			[]string{"“一.”在汉字数字后用了“.”", "第一层应写作“一、”", "顿号"}, nil},
		{"引号 items", PunctDunhaoBetweenQuotes, "推进“僵尸”、“睡眠”企业出清", lint.Info,
			[]string{"删去顿号，写作“僵尸”“睡眠”"}, []string{"“”“”"}},
		{"书名号 items clipped", PunctDunhaoBetweenQuotes, "《内地与香港关于建立更紧密经贸关系的安排》、《预算法》", lint.Info,
			[]string{"写作《内地与香港关于建立更紧密经贸关…》《预算法》"}, []string{"》《”"}},
		{"half-width ( left open", PunctPair, "(“", lint.Error,
			[]string{"前括号“(”在本段内没有配对的“)”"}, []string{"“（”"}},
		{"full-width （ left open", PunctPair, "根据规定（略", lint.Error,
			[]string{"前括号“（”在本段内没有配对的“）”"}, nil},
		{"half-width ) stray", PunctPair, "根据预算法)要求。", lint.Error,
			[]string{"后括号“)”前面没有与之配对的“(”"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule.ID+"/"+tt.name, func(t *testing.T) {
			var fs []lint.Finding
			for _, f := range runRule(t, tt.rule, tt.text) {
				if f.Rule == tt.rule.ID {
					fs = append(fs, f)
				}
			}
			if len(fs) == 0 {
				t.Fatal("no finding")
			}
			f := fs[0]
			if f.Severity != tt.severity {
				t.Errorf("severity %v, want %v", f.Severity, tt.severity)
			}
			for _, w := range tt.want {
				if !strings.Contains(f.Message, w) {
					t.Errorf("message %q lacks %q", f.Message, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(f.Message, w) {
					t.Errorf("message %q says %q", f.Message, w)
				}
			}
		})
	}
}

func TestAttachmentNote(t *testing.T) {
	doc := func(note string) string {
		return "XX市人民政府关于做好防汛工作的通知\nX府〔2024〕3号\n\n各区人民政府：\n现将有关事项通知如下。\n" + note + "\nXX市人民政府\n2024年7月1日\n"
	}
	runFormatCases(t, []formatCase{
		{"standard", AttachmentNote, doc("附件：1.防汛责任人名单\n2.物资清单"), 0, ""},
		{"half-width colon", AttachmentNote, doc("附件:防汛责任人名单"), 1, doc("附件：防汛责任人名单")},
		{"trailing punctuation", AttachmentNote, doc("附件：1.防汛责任人名单；\n2.物资清单。"), 2, doc("附件：1.防汛责任人名单\n2.物资清单")},
		{"顿号 after number", AttachmentNote, doc("附件：1、防汛责任人名单\n2、物资清单"), 2, doc("附件：1.防汛责任人名单\n2.物资清单")},
		{"no colon", AttachmentNote, doc("附件1.防汛责任人名单\n2.物资清单"), 1, doc("附件：1.防汛责任人名单\n2.物资清单")},
		{"Chinese numerals", AttachmentNote, doc("附件：一、防汛责任人名单\n二、物资清单。"), 3, ""},
		{"no numbers", AttachmentNote, doc("附件：防汛责任人名单\n物资清单"), 2, ""},
		{"second without number", AttachmentNote, doc("附件：1.防汛责任人名单\n物资清单"), 1, ""},
		{"one without number", AttachmentNote, doc("附件：防汛责任人名单"), 0, ""},
		{"file extension", AttachmentNote, doc("附件：1.防汛责任人名单.doc\n2.物资清单.XLSX"), 2, doc("附件：1.防汛责任人名单\n2.物资清单")},
		{"a number in the name", AttachmentNote, doc("附件：1.2024年防汛方案（第1.5版）"), 0, ""},
	})
}

func TestTitleFormat(t *testing.T) {
	n := func(title string) string {
		return formatNotice(title, "X府〔2024〕3号", "各区人民政府：", "现将有关事项通知如下。", "2024年7月1日")
	}
	runFormatCases(t, []formatCase{
		{"standard", TitleFormat, n("XX市人民政府关于做好防汛工作的通知"), 0, ""},
		{"forwarding keeps its 关于", TitleFormat, n("XX市人民政府转发省人民政府关于做好防汛工作的通知"), 0, ""},
		{"trailing stop", TitleFormat, n("XX市人民政府关于做好防汛工作的通知。"), 1, n("XX市人民政府关于做好防汛工作的通知")},
		{"two 关于", TitleFormat, n("XX市人民政府关于关于做好防汛工作的通知"), 1, ""},
		// Nested forwarding is reported under both IDs: title-format for the
		// title's form, forward-nested-title for the layered forwarding.
		{"nested 转发", TitleFormat, n("XX县人民政府转发市人民政府转发省人民政府关于做好防汛工作的通知的通知"), 1, ""},
		{"nested 转发", ForwardNestedTitle, n("XX县人民政府转发市人民政府转发省人民政府关于做好防汛工作的通知的通知"), 1, ""},
		{"nested 批转 and 转发", TitleFormat, n("XX县人民政府转发市人民政府批转市发展改革委关于做好防汛工作意见的通知的通知"), 1, ""},
		{"关于转发…关于…的通知的通知", TitleFormat, n("XX县人民政府关于转发市人民政府关于做好防汛工作的通知的通知"), 1, ""},
		{"关于转发…关于…的通知的通知", ForwardNestedTitle, n("XX县人民政府关于转发市人民政府关于做好防汛工作的通知的通知"), 1, ""},
		{"forwarding keeps the quoted 关于", TitleFormat, n("XX县人民政府关于转发《市人民政府关于做好防汛工作的通知》的通知"), 0, ""},
		{"forwarding keeps the quoted 关于", ForwardNestedTitle, n("XX县人民政府关于转发《市人民政府关于做好防汛工作的通知》的通知"), 0, ""},
		{"关于转发 one level", TitleFormat, n("XX县人民政府关于转发市人民政府防汛工作方案的通知"), 0, ""},
		{"nested 转发 with a stop", TitleFormat, n("XX县人民政府转发市人民政府转发省人民政府关于做好防汛工作的通知的通知。"), 2, ""},
	})
}

func TestAddresseeAndCC(t *testing.T) {
	doc := func(addr, cc string) string {
		s := "XX市人民政府关于做好防汛工作的通知\nX府〔2024〕3号\n\n" + addr + "\n现将有关事项通知如下。\nXX市人民政府\n2024年7月1日\n"
		if cc != "" {
			s += cc + "\nXX市人民政府办公室　　2024年7月1日印发\n"
		}
		return s
	}
	runFormatCases(t, []formatCase{
		{"standard", AddresseeFormat, doc("各区人民政府，市政府各部门：", ""), 0, ""},
		{"half-width colon", AddresseeFormat, doc("各区人民政府，市政府各部门:", ""), 1, doc("各区人民政府，市政府各部门：", "")},
		{"standard", CCFormat, doc("各区人民政府：", "抄送：市委办公室，市人大常委会办公室。"), 0, ""},
		{"half-width colon, no stop", CCFormat, doc("各区人民政府：", "抄送:市委办公室，市人大常委会办公室"), 2,
			doc("各区人民政府：", "抄送：市委办公室，市人大常委会办公室。")},
		{"comma at end", CCFormat, doc("各区人民政府：", "抄送：市委办公室，市人大常委会办公室，"), 1,
			doc("各区人民政府：", "抄送：市委办公室，市人大常委会办公室。")},
	})
}

func TestHeaderMarks(t *testing.T) {
	doc := func(marks string) string {
		return marks + "\nXX市人民政府文件\nX府〔2024〕3号\nXX市人民政府关于做好防汛工作的通知\n\n各区人民政府：\n现将有关事项通知如下。\nXX市人民政府\n2024年7月1日\n"
	}
	runFormatCases(t, []formatCase{
		{"standard", HeaderMarks, doc("000001\n秘密★1年\n特急"), 0, ""},
		{"short copy number", HeaderMarks, doc("12\n特急"), 1, doc("000012\n特急")},
		{"wrong urgency", HeaderMarks, doc("急件"), 1, ""},
		{"特级 for 特急", HeaderMarks, doc("特级"), 1, doc("特急")},
		{"no star", HeaderMarks, doc("秘密1年"), 1, doc("秘密★1年")},
	})
}

func TestGenreRules(t *testing.T) {
	up := func(title, addr, body string) string {
		return title + "\n\n" + addr + "\n" + body + "\nXX县人民政府\n2024年7月1日\n"
	}
	runFormatCases(t, []formatCase{
		{"standard", GenreKind, up("XX县人民政府关于申请防汛资金的请示", "XX市人民政府：", "请批准。"), 0, ""},
		{"请示报告", GenreKind, up("XX县人民政府关于申请防汛资金的请示报告", "XX市人民政府：", "请批准。"), 1, ""},
		{"申请", GenreKind, up("XX县人民政府关于防汛资金的申请", "XX市人民政府：", "请批准。"), 1, ""},
		{"方案 with 关于", GenreKind, up("XX县人民政府关于防汛工作的方案", "各乡镇：", "略。"), 1, ""},
		{"regulation", GenreKind, "专利代理条例\n\n第一条　为了规范专利代理行为，制定本条例。\n", 0, ""},
		{"答复 to a 建议", GenreKind, up("国务院办公厅对十届全国人大四次会议第7264号建议的答复", "XX代表：", "略。"), 0, ""},
		{"report asks", GenreReportRequest, up("XX县人民政府关于防汛工作情况的报告", "XX市人民政府：", "今年防汛工作取得成效。\n以上报告妥否，请批示。"), 1, ""},
		{"report informs", GenreReportRequest, up("XX县人民政府关于防汛工作情况的报告", "XX市人民政府：", "今年防汛工作取得成效。\n特此报告。"), 0, ""},
		{"one request", GenreOneRequest, up("XX县人民政府关于申请防汛资金的请示", "XX市人民政府：", "申请资金100万元。\n妥否，请批示。"), 0, ""},
		{"several requests", GenreOneRequest, up("XX县人民政府关于防汛有关事项的请示", "XX市人民政府：",
			"一、申请资金100万元，请批准。\n二、申请增加编制5名，请予审批。\n妥否，请批示。"), 1, ""},
		{"bare 文种", GenreTitle, up("通知", "各乡镇：", "明天开会。"), 1, ""},
		{"full title", GenreTitle, up("XX县人民政府关于召开防汛会议的通知", "各乡镇：", "明天开会。"), 0, ""},
		// 关于… without the issuer is accepted when something else names it:
		// the 版头, the 发文字号 (in brackets, or beside the date) or the 署名.
		{"no issuer anywhere", GenreTitle, "关于召开防汛会议的通知\n\n各乡镇：\n明天开会。\n", 1, ""},
		{"issuer line above", GenreTitle, "XX县人民政府办公室\n关于召开防汛会议的通知\n\n各乡镇：\n明天开会。\n", 0, ""},
		{"number in brackets", GenreTitle, "关于召开防汛会议的通知\n（X政办发〔2024〕3号）\n\n各乡镇：\n明天开会。\n", 0, ""},
		{"number beside date", GenreTitle, "关于召开防汛会议的通知\nX政办发〔2024〕3号　2024年7月5日\n\n各乡镇：\n明天开会。\n", 0, ""},
		{"one superior", GenreUpwardAddressee, up("XX县人民政府关于申请防汛资金的请示", "XX市人民政府：", "请批准。"), 0, ""},
		{"several superiors", GenreUpwardAddressee, up("XX县人民政府关于申请防汛资金的请示", "XX市人民政府、XX市财政局：", "请批准。"), 1, ""},
		{"a leader", GenreUpwardAddressee, up("XX县人民政府关于防汛工作情况的报告", "张市长：", "略。"), 1, ""},
	})
}

func TestPunctRules(t *testing.T) {
	runFormatCases(t, []formatCase{
		{"comma", PunctHalfwidth, "加强领导,落实责任。", 1, "加强领导，落实责任。"},
		{"comma and space", PunctHalfwidth, "加强领导, 落实责任.", 2, "加强领导，落实责任。"},
		{"numbers", PunctHalfwidth, "增长3.5%，共1,000人，比例4:3。", 0, ""},
		{"url", PunctHalfwidth, "详见http://www.gov.cn/zhengce/content.htm?id=1,2。", 0, ""},
		{"latin", PunctHalfwidth, "英文写作Hello, world。", 0, ""},
		{"parens around Chinese", PunctHalfwidth, "各部门(单位)要落实。", 2, "各部门（单位）要落实。"},
		{"parens around Latin", PunctHalfwidth, "国内生产总值(GDP)稳定增长。", 0, ""},
		{"mixed parens", PunctHalfwidth, "高中阶段教育（普通高中、技工教育)、高等教育。", 1, "高中阶段教育（普通高中、技工教育）、高等教育。"},
		{"semicolon", PunctHalfwidth, "免予缴纳个人所得税;在中国境内居住。", 1, "免予缴纳个人所得税；在中国境内居住。"},
		{"paired", PunctPair, "根据《中华人民共和国预算法》（2018年修正）和“放管服”要求。", 0, ""},
		{"unclosed 书名号", PunctPair, "根据《中华人民共和国预算法要求。", 1, ""},
		{"stray closing", PunctPair, "根据预算法）要求。", 1, ""},
		{"quotation over paragraphs", PunctPair, "他指出：\n“第一段。\n“第二段。\n“第三段。”", 0, ""},
		{"list marker", PunctPair, "1）落实责任。", 0, ""},
		{"书名号 顿号", PunctDunhaoBetweenQuotes, "《内地与香港关于建立更紧密经贸关系的安排》、《海峡两岸经济合作框架协议》", 1, "《内地与香港关于建立更紧密经贸关系的安排》《海峡两岸经济合作框架协议》"},
		{"引号 顿号", PunctDunhaoBetweenQuotes, "推进“放管服”、“最多跑一次”改革", 1, "推进“放管服”“最多跑一次”改革"},
		{"note between", PunctDunhaoBetweenQuotes, "《预算法》（2018年修正）、《审计法》", 0, ""},
		{"08年", NumberYear, "08年发生地震。", 1, ""},
		{"18年3月", NumberYear, "18年3月召开会议。", 1, ""},
		{"duration", NumberYear, "改革开放40年来，工作满10年的职工，18年间。", 0, ""},
		{"full year", NumberYear, "2008年5月12日。", 0, ""},
		{"decade", NumberYear, "20世纪80年代。", 0, ""},
		{"range", NumberPercentRange, "比例为15～30%。", 1, "比例为15%～30%。"},
		{"range with 至", NumberPercentRange, "提高10至20%。", 1, "提高10%至20%。"},
		{"right", NumberPercentRange, "比例为15%～30%。", 0, ""},
		{"range with hyphen", NumberPercentRange, "比例为15-30%。", 1, "比例为15%～30%。"},
		{"3-5年", NumberRange, "力争用3-5年时间完成。", 1, "力争用3～5年时间完成。"},
		{"ASCII tilde", NumberRange, "补助10~20万元。", 1, "补助10～20万元。"},
		{"full-width hyphen", NumberRange, "提高1.5－2倍。", 1, "提高1.5～2倍。"},
		{"years", NumberRange, "2024-2025学年和2024-2025年。", 2, "2024—2025学年和2024—2025年。"},
		{"percent range for the other rule", NumberRange, "比例为15-30%。", 0, ""},
		{"both signs", NumberRange, "比例为15%-30%。", 1, "比例为15%～30%。"},
		{"telephone", NumberRange, "电话：0755-12345678。", 0, ""},
		{"date", NumberRange, "日期2024-03-05前。", 0, ""},
		{"standard number", NumberRange, "执行GB/T 9704-2012标准和GB 50016-2014规范。", 0, ""},
		{"model", NumberRange, "购置WZ-10型设备。", 0, ""},
		{"score", NumberRange, "比分3-1，赢了。", 0, ""},
		{"right mark", NumberRange, "用3～5年时间。", 0, ""},
		{"三、五天", NumberApprox, "每隔三、五天检查一次。", 1, "每隔三五天检查一次。"},
		{"七、八个", NumberApprox, "来了七、八个人。", 1, "来了七八个人。"},
		{"二、三产业", NumberApprox, "发展二、三产业。", 0, ""},
		{"第三、四批", NumberApprox, "第三、四批试点。", 0, ""},
		{"一、二级", NumberApprox, "一、二级保护区。", 0, ""},
		{"五、六年级", NumberApprox, "五、六年级学生参加。", 0, ""},
		{"三、四年度", NumberApprox, "三、四年度考核。", 0, ""},
		{"两、三年", NumberApprox, "用两、三年时间完成。", 1, "用两三年时间完成。"},
	})
}

// TestFormatFixIdempotent runs every rule of the three families, applies
// the fixes, and runs them again: no fixable finding may be left.
func TestFormatFixIdempotent(t *testing.T) {
	draft := "12\n急件\nXX市人民政府关于做好防汛工作的通知。\n汕府办[2015]29号\n\n各区人民政府,市政府各部门:\n" +
		"一.总体要求\n加强领导,落实责任;比例为15～30%.每隔三、五天检查一次。\n1、明确目标。\n（一）、细化任务。\n" +
		"根据《预算法》、《审计法》和“放管服”、“最多跑一次”要求(试行)。\n" +
		"附件:1、防汛责任人名单;\n2、物资清单。\nXX市人民政府\n2024年07月01日\n" +
		"抄送:市委办公室，市人大常委会办公室\nXX市人民政府办公室　　2024.7.1印发\n"
	doc := lint.ParseText("draft.txt", draft)
	first := formatCheck(t, doc)
	fixed, n := lint.ApplyFixes(draft, first)
	if n == 0 {
		t.Fatal("no fix applied to a draft full of mechanical faults")
	}
	again := formatCheck(t, lint.ParseText("draft.txt", fixed))
	for _, f := range again {
		if f.Fix != nil {
			t.Errorf("fixable finding left after --fix: %s %s (%v)", f.Rule, f.Message, f.Span)
		}
	}
	for _, want := range []string{"汕府办〔2015〕29号", "各区人民政府，市政府各部门：", "2024年7月1日", "15%～30%", "三五天", "抄送：", "人大常委会办公室。", "附件：1.防汛责任人名单\n2.物资清单\n"} {
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed draft lacks %q:\n%s", want, fixed)
		}
	}
}

// TestFormatRoundTrip injects mechanical faults into a published
// document and checks that the fixes give the original back byte for byte.
func TestFormatRoundTrip(t *testing.T) {
	for _, name := range []string{"govcn_5342665.txt", "govcn_5358604.txt", "govcn_5360002.txt"} {
		data, err := os.ReadFile(formatGovDir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		orig := string(data)
		broken := strings.Replace(orig, "〔", "[", 1)
		broken = strings.Replace(broken, "〕", "]", 1)
		broken = strings.Replace(broken, "，", ",", 3)
		// The 成文日期 written with zero padding: 2018年11月7日 → 2018年11月07日.
		od := lint.ParseText(name, orig)
		date := od.Slice(od.Structure.Date)
		d, ok := gongwen.ParseDate(date)
		if !ok {
			t.Fatalf("%s: no 成文日期 recognized (%q)", name, date)
		}
		padded := fmt.Sprintf("%d年%02d月%02d日", d.Year, d.Month, d.Day)
		if padded == date {
			t.Fatalf("%s: pick a document whose date has a one-digit month or day", name)
		}
		i := strings.LastIndex(broken, date)
		broken = broken[:i] + padded + broken[i+len(date):]
		if !strings.Contains(broken, "[") || !strings.Contains(broken, padded) || strings.Count(broken, ",") < 3 {
			t.Fatalf("%s: the bracket, date and comma faults were not all injected", name)
		}
		// Only the fixes of the injected kinds: the info-level advice of
		// punct-dunhao-between-quotes would rightly change the original.
		fixed := broken
		for pass := 0; pass < 3; pass++ {
			var fs []lint.Finding
			for _, f := range formatCheck(t, lint.ParseText(name, fixed)) {
				switch f.Rule {
				case "docno-format", "date-format", "punct-halfwidth":
					fs = append(fs, f)
				}
			}
			fixed, _ = lint.ApplyFixes(fixed, fs)
		}
		if fixed != orig {
			t.Errorf("%s: fixing the injected faults did not restore the original", name)
			gl, ol := strings.Split(fixed, "\n"), strings.Split(orig, "\n")
			for i := range min(len(gl), len(ol)) {
				if gl[i] != ol[i] {
					t.Logf("line %d:\n got %s\nwant %s", i+1, gl[i], ol[i])
				}
			}
		}
	}
}

// TestHalfwidthAfterMarkdownCode: a colon after a Markdown code span
// closes Latin text, not Chinese, however Chinese what follows it is.
func TestHalfwidthAfterMarkdownCode(t *testing.T) {
	doc, err := lint.ParseBytes("a.md", []byte("- `gov/a.txt`: 国发〔2018〕39号\n- 各地要做好工作,确保安全。\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := runRuleOn(t, PunctHalfwidth, doc)
	if len(fs) != 1 || doc.Index().Slice(fs[0].Span) != "," {
		t.Errorf("findings %v, want only the comma of the second line", fs)
	}
	// Emphasis and links are not code: the comma after them is Chinese.
	for _, md := range []string{"要认真**落实**,确保实效。\n", "要认真*落实*,确保实效。\n", "要认真[落实](x.md),确保实效。\n"} {
		doc, err := lint.ParseBytes("b.md", []byte(md))
		if err != nil {
			t.Fatal(err)
		}
		if fs := runRuleOn(t, PunctHalfwidth, doc); len(fs) != 1 || doc.Index().Slice(fs[0].Span) != "," {
			t.Errorf("%q: findings %v, want the comma", md, fs)
		}
	}
}
