package gongwen

import "testing"

func TestParseChineseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一", 1, true}, {"九", 9, true}, {"十", 10, true}, {"十一", 11, true},
		{"二十", 20, true}, {"二十三", 23, true}, {"九十九", 99, true},
		{"一百零五", 105, true}, {"一百二十", 120, true}, {"一千零五十", 1050, true},
		{"二〇一八", 2018, true}, {"二○○九", 2009, true}, {"一九九七", 1997, true}, {"二零二四", 2024, true},
		{"〇", 0, true},
		{"", 0, false}, {"12", 0, false}, {"二三十", 0, false}, {"十十", 0, false},
		{"百", 0, false}, {"一百零", 0, false}, {"零十", 0, false}, {"十二百", 0, false},
		{"一是", 0, false}, {"两", 2, true}, // a numeral (两千), though no heading is written with it
	}
	for _, tt := range tests {
		got, ok := ParseChineseNumber(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseChineseNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsKind(t *testing.T) {
	if len(Kinds) != 15 {
		t.Fatalf("Kinds has %d entries, the 条例 lists 15", len(Kinds))
	}
	for _, k := range Kinds {
		if !IsKind(k) {
			t.Errorf("IsKind(%q) = false", k)
		}
	}
	for _, k := range []string{"令", "命令（令）"} {
		if !IsKind(k) {
			t.Errorf("IsKind(%q) = false", k)
		}
	}
	for _, k := range []string{"方案", "办法", "复函", "答复", "请示报告", "指导意见", "", "通"} {
		if IsKind(k) {
			t.Errorf("IsKind(%q) = true", k)
		}
	}
}

func TestParseDocNumber(t *testing.T) {
	tests := []struct {
		in                      string
		agency, year, seq       string
		open, close             string
		ordinal, standard, okay bool
	}{
		{"国发〔2018〕38号", "国发", "2018", "38", "〔", "〕", false, true, true},
		{"国办函〔2018〕71号", "国办函", "2018", "71", "〔", "〕", false, true, true},
		{"国办发明电〔2018〕15号", "国办发明电", "2018", "15", "〔", "〕", false, true, true},
		{"  国办发〔2019〕2号 ", "国办发", "2019", "2", "〔", "〕", false, true, true},
		{"国令第706号", "国令", "", "706", "", "", true, false, true},
		{"第38号", "", "", "38", "", "", true, false, true},
		{"国发（2005）43号", "国发", "2005", "43", "（", "）", false, false, true},
		{"汕府办[2015]29号", "汕府办", "2015", "29", "[", "]", false, false, true},
		{"国办发„2009‟3号", "国办发", "2009", "3", "„", "‟", false, false, true},
		{"国发〔2018〕038号", "国发", "2018", "038", "〔", "〕", false, false, true},
		{"国发〔18〕38号", "国发", "18", "38", "〔", "〕", false, false, true},
		{"国发〔2018〕第38号", "国发", "2018", "38", "〔", "〕", true, false, true},
		{"京政发【2020】5号", "京政发", "2020", "5", "【", "】", false, false, true},
		{"国发〔2018〕 38 号", "国发", "2018", "38", "〔", "〕", false, true, true},
		{"某政发〔二〇二四〕3号", "某政发", "二〇二四", "3", "〔", "〕", false, false, true},
		{"某政发〔2024〕三号", "某政发", "2024", "三", "〔", "〕", false, false, true},
		{"某政发〔2024〕十二号", "某政发", "2024", "十二", "〔", "〕", false, false, true},
		{"某政发2024年3号", "某政发", "2024", "3", "", "年", false, false, true},
		{"某政办函2024-3号", "某政办函", "2024", "3", "", "-", false, false, true},
		// Look-alikes.
		{"会议定于2024年3号", "", "", "", "", "", false, false, false},
		{"2024年3号", "", "", "", "", "", false, false, false},
		{"某政发〔2024〕三二十号", "", "", "", "", "", false, false, false},
		{"国发〔2018〕38", "", "", "", "", "", false, false, false},
		{"38号", "", "", "", "", "", false, false, false},
		{"根据国发〔2018〕38号文件精神", "", "", "", "", "", false, false, false},
		{"国发〔201〕38号", "", "", "", "", "", false, false, false},
		{"国发，〔2018〕38号", "", "", "", "", "", false, false, false},
		{"", "", "", "", "", "", false, false, false},
	}
	for _, tt := range tests {
		d, ok := ParseDocNumber(tt.in)
		if ok != tt.okay {
			t.Errorf("ParseDocNumber(%q) ok = %v, want %v", tt.in, ok, tt.okay)
			continue
		}
		if !ok {
			continue
		}
		if d.Agency != tt.agency || d.Year != tt.year || d.Seq != tt.seq || d.Open != tt.open || d.Close != tt.close || d.Ordinal != tt.ordinal {
			t.Errorf("ParseDocNumber(%q) = %+v", tt.in, d)
		}
		if d.Standard() != tt.standard {
			t.Errorf("ParseDocNumber(%q).Standard() = %v, want %v", tt.in, d.Standard(), tt.standard)
		}
	}
	d, _ := ParseDocNumber("国发（2005）43号")
	if got := d.String(); got != "国发（2005）43号" {
		t.Errorf("String() = %q", got)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		y, m, d int
		ok      bool
	}{
		{"2018年11月7日", 2018, 11, 7, true},
		{"2018年11月07日", 2018, 11, 7, true},
		{"二〇一八年十一月七日", 2018, 11, 7, true},
		{"二○○九年十二月二十八日", 2009, 12, 28, true},
		{"一九九六年七月十七日", 1996, 7, 17, true},
		{"2018.11.7", 2018, 11, 7, true},
		{"2018-11-07", 2018, 11, 7, true},
		{"2018/11/7", 2018, 11, 7, true},
		{"２０１８年１１月７日", 2018, 11, 7, true},
		{"18年11月7日", 2018, 11, 7, true},
		{" 2019年1月1日 ", 2019, 1, 1, true},
		{"2018年13月7日", 0, 0, 0, false},
		{"2018年11月", 0, 0, 0, false},
		{"2018年11月7日印发", 0, 0, 0, false},
		{"11月7日", 0, 0, 0, false},
		{"1.5", 0, 0, 0, false},
		{"18.11.7", 0, 0, 0, false},
		{"2018年度", 0, 0, 0, false},
		{"今年11月7日", 0, 0, 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if ok != tt.ok || (ok && got != (CalendarDate{tt.y, tt.m, tt.d})) {
			t.Errorf("ParseDate(%q) = %+v, %v", tt.in, got, ok)
		}
	}
}

func TestClassifyHeading(t *testing.T) {
	tests := []struct {
		in     string
		level  HeadingLevel
		number int
		marker string
		form   string
	}{
		{"一、总体要求", Level1, 1, "一、", "一、"},
		{"十一、附则", Level1, 11, "十一、", "一、"},
		{"二十三、其他", Level1, 23, "二十三、", "一、"},
		{"九十九、末项", Level1, 99, "九十九、", "一、"},
		{"（一）指导思想。", Level2, 1, "（一）", "（一）"},
		{"（十二）加强领导。", Level2, 12, "（十二）", "（一）"},
		{"1.问题导向。", Level3, 1, "1.", "1."},
		{"12.其他事项", Level3, 12, "12.", "1."},
		{"130.第一百三十项", Level3, 130, "130.", "1."},
		{"1．问题导向", Level3, 1, "1．", "1．"},
		{"（1）有专职工作人员；", Level4, 1, "（1）", "（1）"},
		{"（10）其他", Level4, 10, "（10）", "（1）"},
		// A Han number cannot run on into digits, so a year may follow it.
		{"一、1996年我国地震活动情况和1997年及未来几年地震趋势", Level1, 1, "一、", "一、"},
		{"三、　2024年重点任务", Level1, 3, "三、", "一、"},
		{"（二）2019年工作安排", Level2, 2, "（二）", "（一）"},
		{"二.2020年以来", LevelUnknown, 2, "二.", "一."},
		// Wrong forms.
		{"1、加强领导", LevelUnknown, 1, "1、", "1、"},
		{"（一）、指导思想", LevelUnknown, 1, "（一）、", "（一）、"},
		{"一.总体要求", LevelUnknown, 1, "一.", "一."},
		{"一．总体要求", LevelUnknown, 1, "一．", "一．"},
		{"(一)强行指派", LevelUnknown, 1, "(一)", "(一)"},
		{"(2)其他", LevelUnknown, 2, "(2)", "(1)"},
		{"（1）、其他", LevelUnknown, 1, "（1）、", "（1）、"},
		{"（一)混合括号", LevelUnknown, 1, "（一)", "（一)"},
		{"3）其他", LevelUnknown, 3, "3）", "1）"},
		{"１.全角数字", LevelUnknown, 1, "１.", "１."},
	}
	for _, tt := range tests {
		m, ok := classifyHeading(tt.in)
		if !ok {
			t.Errorf("classifyHeading(%q): not a heading", tt.in)
			continue
		}
		if m.level != tt.level || m.number != tt.number || m.marker != tt.marker || m.form != tt.form {
			t.Errorf("classifyHeading(%q) = %v %d %q %q; want %v %d %q %q", tt.in, m.level, m.number, m.marker, m.form, tt.level, tt.number, tt.marker, tt.form)
		}
		if tt.in[:m.end] != tt.marker {
			t.Errorf("classifyHeading(%q) end %d does not close the marker", tt.in, m.end)
		}
	}
	for _, neg := range []string{
		"1.5亿元用于", "2018年以来", "一是加强领导", "一些地方", "十分重要", "二〇一八年",
		"第一条　为了", "一、", "（一）", "1.", "1、2月份", "（2018—2035年）", "(1", "（一", "一百、过大",
		"1234.编号过长", "一、二级医院", "三、四类人员", "15172.500", "0.其他", "零、无", "（〇）无", "附件1.名称", "",
		// After an Arabic number a digit continues it: a decimal, a range, a section number.
		"1、2月", "2.1.5亿元", "3.2　应急报告", "１．５亿元", "1）2日",
	} {
		if m, ok := classifyHeading(neg); ok {
			t.Errorf("classifyHeading(%q) = %+v, want no heading", neg, m)
		}
	}
}

func TestArticleMarker(t *testing.T) {
	tests := []struct {
		in     string
		unit   string
		number int
		ok     bool
	}{
		{"第一条　为了规范", "条", 1, true},
		{"第一百零五条 本条例", "条", 105, true},
		{"第二章  总则", "章", 2, true},
		{"第三节 附则", "节", 3, true},
		{"第一条的规定", "", 0, false},
		{"第二批支持创新", "", 0, false},
		{"第5条", "", 0, false},
		{"第一", "", 0, false},
	}
	for _, tt := range tests {
		unit, n, _, ok := articleMarker(tt.in)
		if ok != tt.ok || unit != tt.unit || n != tt.number {
			t.Errorf("articleMarker(%q) = %q %d %v", tt.in, unit, n, ok)
		}
	}
}

func TestTitleGenre(t *testing.T) {
	tests := []struct {
		title, kind, text string
	}{
		{"国务院关于支持自由贸易试验区深化改革创新若干措施的通知", "通知", "通知"},
		{"国务院办公厅关于印发《政府网站集约化试点工作方案》的通知", "通知", "通知"},
		{"国务院办公厅关于印发国家粮食应急预案的函", "函", "函"},
		{"国务院办公厅关于黄金经济政策有关问题的复函", "函", "复函"},
		{"国务院办公厅关于加快发展体育竞赛表演产业的指导意见", "意见", "指导意见"},
		{"国务院关于促进综合保税区高水平开放高质量发展的若干意见", "意见", "若干意见"},
		{"XX市关于贯彻落实…的实施意见", "意见", "实施意见"},
		{"国务院办公厅对十届全国人大四次会议第7264号建议的答复", "", "答复"},
		{"专利代理条例", "", "条例"},
		{"XX县2024年防汛工作方案", "", "方案"},
		{"关于申请专项资金的请示报告", "", "请示报告"},
		{"关于申请专项资金的申请报告", "", "申请报告"},
		{"关于上半年工作的汇报", "", "汇报"},
		{"国务院办公厅转发民政部关于清理整顿社会团体意见的通知", "通知", "通知"},
		{"关于进一步加强管理的通知。", "通知", "通知"},
		{"关于进一步加强管理的通知（征求意见稿）", "通知", "通知"},
		{"XX市物业管理办法（试行）", "", "办法"},
		{"关于2起典型问题的情况通报（珠海香洲+韶关）", "通报", "通报"},
		{"协 调 委 员 会 组 建 方 案", "", "方案"},
		{"国务院关于嘉奖XX的命令", "命令", "命令"},
		{"中华人民共和国主席令", "命令", "令"},
		{"2024年第一次专题会议纪要", "纪要", "会议纪要"},
		{"关于召开会议的有关事项", "", ""},
	}
	for _, tt := range tests {
		g, start, end, ok := titleGenre(tt.title)
		if tt.text == "" {
			if ok {
				t.Errorf("titleGenre(%q) = %+v, want none", tt.title, g)
			}
			continue
		}
		if !ok || g.kind != tt.kind || g.text != tt.text {
			t.Errorf("titleGenre(%q) = %+v %v; want %q/%q", tt.title, g, ok, tt.kind, tt.text)
			continue
		}
		if got := compact(string([]rune(tt.title)[start:end])); got != tt.text {
			t.Errorf("titleGenre(%q) span covers %q", tt.title, got)
		}
	}
}
