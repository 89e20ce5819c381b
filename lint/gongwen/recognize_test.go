package gongwen

import (
	"strings"
	"testing"
)

// text returns what sp covers.
func text(doc string, sp Span) string { return SpanText(doc, sp) }

// A complete draft in the layout of GB/T 9704—2012, indented with
// full-width spaces as word processors export it.
const fullDraft = `000001
机密★1年
特急
XX市人民政府办公室文件
X政办发〔2024〕12号
关于加强
安全生产工作的通知
各县（市、区）人民政府，市政府各部门：
　　现将有关事项通知如下：
　　一、总体要求
　　（一）指导思想。以安全为本。
　　1.问题导向。加强整改。
　　（1）排查隐患。
　　2.1.5亿元专项资金已下达。
　　二、工作措施
　　一是加强领导。二是压实责任。
　　2018年以来成效明显。
　　附件：1.安全生产检查表
　　　　　2.隐患整改台账
XX市人民政府办公室
2024年7月1日
（此件公开发布）
附件1
安全生产检查表
一、检查范围
附件2
隐患整改台账
一、台账内容
二、填报要求
抄送：市委办公室，市人大常委会办公室。
XX市人民政府办公室　　　　2024年7月1日印发
`

func TestRecognizeFullDraft(t *testing.T) {
	s := Recognize(fullDraft)
	checks := []struct {
		name string
		sp   Span
		want string
	}{
		{"CopyNumber", s.CopyNumber, "000001"},
		{"Secrecy", s.Secrecy, "机密★1年"},
		{"Urgency", s.Urgency, "特急"},
		{"DocNumber", s.DocNumber, "X政办发〔2024〕12号"},
		{"Title", s.Title, "关于加强\n安全生产工作的通知"},
		{"Addressees", s.Addressees, "各县（市、区）人民政府，市政府各部门："},
		{"AttachmentNote", s.AttachmentNote, "附件：1.安全生产检查表\n　　　　　2.隐患整改台账"},
		{"Issuer", s.Issuer, "XX市人民政府办公室"},
		{"Date", s.Date, "2024年7月1日"},
		{"Notes", s.Notes, "（此件公开发布）"},
		{"CC", s.CC, "抄送：市委办公室，市人大常委会办公室。"},
		{"PrintedBy", s.PrintedBy, "XX市人民政府办公室　　　　2024年7月1日印发"},
		{"KindSpan", s.KindSpan, "通知"},
	}
	for _, c := range checks {
		if got := text(fullDraft, c.sp); got != c.want {
			t.Errorf("%s = %q, want %q", c.name, got, c.want)
		}
	}
	if s.TitleText != "关于加强安全生产工作的通知" || s.Kind != "通知" || s.KindText != "通知" {
		t.Errorf("title %q kind %q/%q", s.TitleText, s.Kind, s.KindText)
	}
	if !strings.HasPrefix(text(fullDraft, s.TitleBlock), "000001") || !strings.HasSuffix(text(fullDraft, s.TitleBlock), "的通知") {
		t.Errorf("TitleBlock = %q", text(fullDraft, s.TitleBlock))
	}
	if b := text(fullDraft, s.Body); !strings.HasPrefix(b, "现将有关事项") || !strings.HasSuffix(b, "2018年以来成效明显。") {
		t.Errorf("Body = %q", b)
	}
	if !strings.HasPrefix(text(fullDraft, s.Imprint), "抄送") || !strings.HasSuffix(text(fullDraft, s.Imprint), "印发") {
		t.Errorf("Imprint = %q", text(fullDraft, s.Imprint))
	}
	type h struct {
		level  HeadingLevel
		number int
	}
	var got []h
	for _, x := range s.Headings {
		got = append(got, h{x.Level, x.Number})
	}
	want := []h{{Level1, 1}, {Level2, 1}, {Level3, 1}, {Level4, 1}, {Level1, 2}, {Level1, 1}, {Level1, 1}, {Level1, 2}}
	if len(got) != len(want) {
		t.Fatalf("headings = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("heading %d = %v, want %v", i, got[i], want[i])
		}
	}
	if m := text(fullDraft, s.Headings[0].MarkerPos); m != "一、" {
		t.Errorf("MarkerPos = %q", m)
	}
	if len(s.AttachmentNotes) != 2 || s.AttachmentNotes[0].Number != 1 || s.AttachmentNotes[0].Name != "安全生产检查表" ||
		s.AttachmentNotes[1].Number != 2 || s.AttachmentNotes[1].Name != "隐患整改台账" {
		t.Errorf("AttachmentNotes = %+v", s.AttachmentNotes)
	}
	if len(s.Attachments) != 2 || s.Attachments[0].Number != 1 || s.Attachments[0].Name != "安全生产检查表" ||
		s.Attachments[1].Number != 2 || s.Attachments[1].Name != "隐患整改台账" {
		t.Errorf("Attachments = %+v", s.Attachments)
	}
	if len(s.Sections) != 3 || s.Sections[1].Kind != SectionAttachment ||
		s.Sections[1].HeadingEnd-s.Sections[1].HeadingStart != 1 || s.Sections[2].HeadingEnd-s.Sections[2].HeadingStart != 2 {
		t.Errorf("Sections = %+v", s.Sections)
	}
}

func TestRecognizeLineEnds(t *testing.T) {
	lf := "关于开展检查的通知\n国办发〔2024〕3号\n各省人民政府：\n一、范围\n国务院办公厅\n2024年1月9日"
	for name, doc := range map[string]string{
		"LF":   lf,
		"CRLF": strings.ReplaceAll(lf, "\n", "\r\n"),
		"CR":   strings.ReplaceAll(lf, "\n", "\r"),
	} {
		s := Recognize(doc)
		if len(s.Paragraphs) != 6 {
			t.Errorf("%s: %d paragraphs", name, len(s.Paragraphs))
		}
		if text(doc, s.Title) != "关于开展检查的通知" || text(doc, s.DocNumber) != "国办发〔2024〕3号" ||
			text(doc, s.Addressees) != "各省人民政府：" || text(doc, s.Issuer) != "国务院办公厅" ||
			text(doc, s.Date) != "2024年1月9日" || len(s.Headings) != 1 {
			t.Errorf("%s: %+v", name, s)
		}
	}
}

func TestRecognizeAddressees(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"list", "关于X的通知\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n正文。", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："},
		{"person", "关于X的复函\n马万祺副主席：\n正文。", "马万祺副主席："},
		{"half-width colon", "关于X的通知\n各区教育局:\n正文。", "各区教育局:"},
		{"wrapped", "关于X的通知\n各省、自治区、直辖市人民政府，\n国务院各部委、各直属机构：\n正文。", "各省、自治区、直辖市人民政府，\n国务院各部委、各直属机构："},
		{"no colon", "关于X的通知\n各县（市、区）人民政府，市政府各部门\n正文。", "各县（市、区）人民政府，市政府各部门"},
		{"sentence", "关于X的通知\n现将有关事项通知如下：\n一、范围", ""},
		{"sentence 2", "关于X的通知\n为做好有关工作，提出以下意见：\n一、范围", ""},
		{"sentence 3", "关于X的通知\n主要任务是：\n一、范围", ""},
		{"no colon, no 各", "关于X的通知\n市财政局\n正文。", ""},
		{"attachment note", "关于X的通知\n附件：名单\n", ""},
	}
	for _, tt := range tests {
		s := Recognize(tt.doc)
		if got := text(tt.doc, s.Addressees); got != tt.want {
			t.Errorf("%s: Addressees = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRecognizeTitle(t *testing.T) {
	tests := []struct {
		name, doc, title, docno string
	}{
		{"corpus layout", "国务院关于X的通知\n国发〔2018〕38号\n各省人民政府：", "国务院关于X的通知", "国发〔2018〕38号"},
		{"number above", "国发〔2018〕38号\n国务院关于X的通知\n各省人民政府：", "国务院关于X的通知", "国发〔2018〕38号"},
		{"mark and number", "国务院文件\n国发〔2018〕38号\n国务院关于X的通知", "国务院关于X的通知", "国发〔2018〕38号"},
		{"wrong brackets", "国务院关于X的通知\n国发（2005）43号\n", "国务院关于X的通知", "国发（2005）43号"},
		{"square brackets", "汕府办[2015]29号\n关于X的通知", "关于X的通知", "汕府办[2015]29号"},
		{"mojibake brackets", "国办发„2009‟3号\n关于X的通知", "关于X的通知", "国办发„2009‟3号"},
		{"padded", "关于X的通知\n国发〔2018〕038号", "关于X的通知", "国发〔2018〕038号"},
		{"short year", "关于X的通知\n国发〔18〕38号", "关于X的通知", "国发〔18〕38号"},
		{"ordinal", "关于X的通知\n第38号", "关于X的通知", "第38号"},
		{"signer", "国办发〔2024〕5号　　签发人：张三\n关于X的请示\n国务院：", "关于X的请示", "国办发〔2024〕5号"},
		{"three lines", "XX市人民政府\n关于进一步加强\n城市管理工作的\n实施意见\n各区政府：", "关于进一步加强城市管理工作的实施意见", ""},
		{"no title", "各市（州）人民政府，省政府各部门：\n现将通知转发你们。", "", ""},
		{"body first", "各地要加强领导，确保落实。\n", "", ""},
		{"next line is body", "关于X的通知\n为了做好工作，现通知如下。", "关于X的通知", ""},
		{"letter mark", "XX市人民政府办公室\n关于商请支持的函\nXX局：", "关于商请支持的函", ""},
		// A title that is only the 文种, so that a rule can ask for the rest.
		{"bare 通知", "通知\n各县人民政府：\n现将有关事项通知如下。", "通知", ""},
		{"bare 请示", "请示\n市政府：\n为做好工作，特请示如下。", "请示", ""},
		{"bare 函", "函\nXX局：\n经研究，函复如下。", "函", ""},
		{"letter-spaced 通知", "通　　知\n各县人民政府：", "通　　知", ""},
		{"bare 通知 and number", "通知\nX政发〔2024〕3号\n各县人民政府：", "通知", "X政发〔2024〕3号"},
		{"bare 函 under mark", "XX市人民政府办公室\n函\nXX局：", "函", ""},
		{"genre wrapped alone", "关于开展安全生产大检查的\n通知\n各县人民政府：", "关于开展安全生产大检查的通知", ""},
		{"bare non-genre", "方案\n一、目标", "", ""},
		// gov.cn prints the number in brackets under the title; local sites
		// often put the date beside it.
		{"number in brackets", "国务院关于X的通知\n（国发〔2018〕38号）\n各省人民政府：", "国务院关于X的通知", "国发〔2018〕38号"},
		{"number in ASCII brackets", "关于X的通知\n(X政办发〔2024〕3号)\n各乡镇：", "关于X的通知", "X政办发〔2024〕3号"},
		{"number and date", "关于X的通知\nX政办发〔2024〕3号　　2024年7月5日\n各乡镇：", "关于X的通知", "X政办发〔2024〕3号"},
		{"bracketed sentence", "关于X的通知\n（详见附件3号）\n各乡镇：", "关于X的通知", ""},
	}
	for _, tt := range tests {
		s := Recognize(tt.doc)
		if s.TitleText != tt.title || text(tt.doc, s.DocNumber) != tt.docno {
			t.Errorf("%s: title %q docno %q; want %q %q", tt.name, s.TitleText, text(tt.doc, s.DocNumber), tt.title, tt.docno)
		}
	}
	for _, tt := range []struct{ doc, organ string }{
		{"XX县人民政府办公室\n关于X的通知\n各乡镇：", "XX县人民政府办公室"},
		{"XX市人民政府文件\nX政发〔2024〕3号\n关于X的通知", "XX市人民政府文件"},
		{"关于X的通知\n各乡镇：", ""},
	} {
		if got := text(tt.doc, Recognize(tt.doc).Organ); got != tt.organ {
			t.Errorf("Organ of %q = %q, want %q", tt.doc, got, tt.organ)
		}
	}
	s := Recognize("国办发〔2024〕5号　　签发人：张三\n关于X的请示")
	if got := text("国办发〔2024〕5号　　签发人：张三\n关于X的请示", s.Signer); got != "签发人：张三" {
		t.Errorf("Signer = %q", got)
	}
}

// TestRecognizeSentenceIsNoTitle: a draft that opens with a short sentence
// has no title block, and is counted whole; a title with a stray end mark
// is still a title when its 文种, 发文字号 or 主送机关 shows it.
func TestRecognizeSentenceIsNoTitle(t *testing.T) {
	tests := []struct {
		name, doc, title string
	}{
		{"one sentence", "请各单位做好工作。", ""},
		{"two sentences", "请各单位做好工作。\n请各单位做好工作。", ""},
		{"exclamation", "务必高度重视！\n各单位要抓好落实。", ""},
		{"half-width question mark", "工作做得怎么样?\n请报告。", ""},
		{"trailing comma", "为做好安全工作，\n现通知如下。", ""},
		{"semicolon inside", "一要抓落实；二要重实效\n以上请遵照执行。", ""},
		{"sentence with blank lines after", "请各单位做好工作。\n\n\n", ""},
		{"with genre", "关于做好安全工作的通知。\n现通知如下。", "关于做好安全工作的通知。"},
		{"genre and comma", "国务院关于同意设立XX，XX的批复\n正文。", "国务院关于同意设立XX，XX的批复"},
		{"number below", "请各单位做好工作。\n国发〔2024〕3号\n正文。", "请各单位做好工作。"},
		{"addressees below", "请各单位做好工作。\n各县人民政府：\n正文。", "请各单位做好工作。"},
		{"no end mark", "加强安全生产工作\n各单位要抓好落实。", "加强安全生产工作"},
	}
	for _, tt := range tests {
		s := Recognize(tt.doc)
		if s.TitleText != tt.title {
			t.Errorf("%s: title %q, want %q", tt.name, s.TitleText, tt.title)
			continue
		}
		if tt.title != "" {
			continue
		}
		if !s.Title.Empty() || !s.TitleBlock.Empty() || s.Kind != "" || !s.KindSpan.Empty() {
			t.Errorf("%s: Title %v TitleBlock %v Kind %q; want all empty", tt.name, s.Title, s.TitleBlock, s.Kind)
		}
		if first := strings.TrimSpace(strings.SplitN(tt.doc, "\n", 2)[0]); !strings.HasPrefix(text(tt.doc, s.Body), first) {
			t.Errorf("%s: Body %q does not start with the first line", tt.name, text(tt.doc, s.Body))
		}
		if len(s.Sections) == 0 || s.Sections[0].Span.Start != 0 || !s.Sections[0].Title.Empty() {
			t.Errorf("%s: Sections %+v", tt.name, s.Sections)
		}
	}
}

func TestRecognizeDates(t *testing.T) {
	for _, date := range []string{"2018年11月7日", "二〇一八年十一月七日", "2018.11.7", "2018-11-07", "2018年11月07日", "二○一八年十一月七日"} {
		doc := "关于X的通知\n各省人民政府：\n正文。\n国务院\n" + date + "\n"
		s := Recognize(doc)
		if text(doc, s.Date) != date || text(doc, s.Issuer) != "国务院" {
			t.Errorf("%s: date %q issuer %q", date, text(doc, s.Date), text(doc, s.Issuer))
		}
	}
	// Two organs on two lines; an HTML remnant after the signature.
	doc := "关于X的批复\n武警总部：\n同意。\n国务院\n中央军委\n一九九六年十一月五日 &nbsp;\n"
	s := Recognize(doc)
	if text(doc, s.Issuer) != "国务院\n中央军委" || text(doc, s.Date) != "一九九六年十一月五日" {
		t.Errorf("issuer %q date %q", text(doc, s.Issuer), text(doc, s.Date))
	}
	// A date in running text or a 题注 is not the 成文日期.
	doc = "XX条例\n（2024年9月2日）\n2018年11月29日 XX会议通过\n第一条　为了规范。"
	s = Recognize(doc)
	if !s.Date.Empty() || !s.Issuer.Empty() {
		t.Errorf("date %q issuer %q", text(doc, s.Date), text(doc, s.Issuer))
	}
	if len(s.Articles) != 1 || len(s.Headings) != 0 {
		t.Errorf("articles %d headings %d", len(s.Articles), len(s.Headings))
	}
}

func TestRecognizeEmbedded(t *testing.T) {
	doc := `国务院办公厅转发民政部关于X意见的通知
国办发〔1997〕11号
各省人民政府：
民政部《关于X的意见》已经国务院同意，现转发给你们。
一、不应出现的标题前文
国务院办公厅
一九九七年四月八日
（本文有删减）
关于X的意见
（民政部　一九九七年一月二十八日）
一、指导思想
二、原则
（一）从严。
`
	s := Recognize(doc)
	if len(s.Sections) != 2 {
		t.Fatalf("sections = %+v", s.Sections)
	}
	main, emb := s.Sections[0], s.Sections[1]
	if main.Kind != SectionMain || emb.Kind != SectionEmbedded || emb.TitleText != "关于X的意见" {
		t.Errorf("sections = %+v", s.Sections)
	}
	if main.HeadingEnd-main.HeadingStart != 1 || emb.HeadingEnd-emb.HeadingStart != 3 {
		t.Errorf("heading runs: main %d..%d embedded %d..%d", main.HeadingStart, main.HeadingEnd, emb.HeadingStart, emb.HeadingEnd)
	}
	if s.Headings[emb.HeadingStart].Number != 1 {
		t.Errorf("embedded numbering should restart at 1")
	}
	if text(doc, s.Notes) != "（本文有删减）" {
		t.Errorf("Notes = %q", text(doc, s.Notes))
	}
}

func TestRecognizeEmpty(t *testing.T) {
	for _, doc := range []string{"", "\n", "\r\n\r\n", "　　", "一、", "附件", "2018年11月7日"} {
		s := Recognize(doc)
		checkInvariants(t, doc, s)
	}
	if s := Recognize(""); len(s.Paragraphs) != 0 || len(s.Sections) != 0 {
		t.Errorf("empty text: %+v", s)
	}
}

// Marks above the title that only resemble 份号, 密级 and 紧急程度 are
// passed over and recorded, so that the title block is still found and a
// rule can check their wording; without a title below they stay text.
func TestRecognizeLooseMarks(t *testing.T) {
	const below = "\n关于开展安全生产检查的通知\nX政发〔2024〕3号\n各县人民政府：\n正文。"
	tests := []struct {
		name, doc                string
		copyNo, secrecy, urgency string
		title, docno, addressees string
	}{
		{"short 份号", "12" + below, "12", "", "", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"five-digit 份号", "00001" + below, "00001", "", "", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"full-width 份号", "０００００１２" + below, "０００００１２", "", "", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"急件", "急件" + below, "", "", "急件", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"特级", "特级" + below, "", "", "特级", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"letter-spaced 平急", "平　急" + below, "", "", "平　急", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"secrecy with comma", "秘密，1年" + below, "", "秘密，1年", "", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"secrecy spaced", "机密 ★ 5年" + below, "", "机密 ★ 5年", "", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"side by side", "000001　秘密1年　急件" + below, "000001", "秘密1年", "急件", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"one per line", "12\n秘密1年\n特级\nXX市人民政府文件" + below, "12", "秘密1年", "特级", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"star line", "★" + below, "", "", "", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"number only below", "12\nX政发〔2024〕3号\n各县人民政府：\n正文。", "12", "", "", "", "X政发〔2024〕3号", "各县人民政府："},
		// Nothing below makes a 公文 of the text: the line stays text.
		{"no title", "12\n各地要加强领导，确保落实。", "", "", "", "", "", ""},
		{"title without 文种", "急件\n安全生产检查情况\n正文。", "", "", "急件", "安全生产检查情况", "", ""},
		{"secrecy-like title", "秘密载体管理办法\n第一条　为了规范。", "", "", "", "秘密载体管理办法", "", ""},
		{"urgency first", "急件　000001" + below, "000001", "", "急件", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
		{"two urgencies", "急件　特急" + below, "", "", "急件　特急", "关于开展安全生产检查的通知", "X政发〔2024〕3号", "各县人民政府："},
	}
	for _, tt := range tests {
		s := Recognize(tt.doc)
		checkInvariants(t, tt.doc, s)
		got := []string{text(tt.doc, s.CopyNumber), text(tt.doc, s.Secrecy), text(tt.doc, s.Urgency),
			s.TitleText, text(tt.doc, s.DocNumber), text(tt.doc, s.Addressees)}
		want := []string{tt.copyNo, tt.secrecy, tt.urgency, tt.title, tt.docno, tt.addressees}
		for i, name := range []string{"份号", "密级", "紧急程度", "title", "发文字号", "主送机关"} {
			if got[i] != want[i] {
				t.Errorf("%s: %s = %q, want %q", tt.name, name, got[i], want[i])
			}
		}
	}
}
