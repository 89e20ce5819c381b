package gongwen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// counts is the number of headings per level: 一、 （一） 1. （1） and
// unknown forms.
type counts [5]int

func headingCounts(hs []Heading) counts {
	var c counts
	for _, h := range hs {
		switch h.Level {
		case Level1, Level2, Level3, Level4:
			c[h.Level-1]++
		case LevelUnknown:
			c[4]++
		}
	}
	return c
}

type sectionWant struct {
	kind       SectionKind
	title      string
	headings   counts
	addressees string
	issuer     string
}

type note struct {
	number int
	name   string
}

// corpusCases were checked by reading each document.
var corpusCases = []struct {
	file                     string
	title, docno, kind, text string
	addressees               string
	issuer, date, notes      string
	attachmentNotes          []note
	attachments              []note
	sections                 []sectionWant
	articles                 int
}{
	{
		file:  "gov/govcn_5338761.txt",
		title: "国务院办公厅关于印发《政府网站集约化试点工作方案》的通知", docno: "国办函〔2018〕71号", kind: "通知", text: "通知",
		addressees: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		issuer:     "国务院办公厅", date: "2018年10月27日", notes: "（此件公开发布）",
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionEmbedded, title: "政府网站集约化试点工作方案", headings: counts{5, 14, 4, 0, 0}},
		},
	},
	{
		file:  "gov/govcn_5341736.txt",
		title: "专利代理条例", docno: "国令第706号", kind: "", text: "条例",
		issuer: "总理　　李克强", date: "2018年11月6日",
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionEmbedded, title: "专利代理条例", headings: counts{0, 14, 0, 0, 0}},
		},
		articles: 37,
	},
	{
		file:  "gov/govcn_5343366.txt",
		title: "国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报", docno: "国办发〔2018〕108号", kind: "通报", text: "通报",
		addressees: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		issuer:     "国务院办公厅", date: "2018年11月19日", notes: "（此件公开发布）",
		attachmentNotes: []note{{0, "国务院第五次大督查发现的典型经验做法（共130项）"}},
		attachments:     []note{{0, "国务院第五次大督查发现的典型经验做法"}},
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionAttachment, title: "国务院第五次大督查发现的典型经验做法", headings: counts{0, 0, 130, 0, 0}},
		},
	},
	{
		file:  "gov/govcn_5345284.txt",
		title: "国务院办公厅转发国家教委关于内地西藏班（校）扩大规模有关问题请示的通知", docno: "国办发〔1996〕32号", kind: "通知", text: "通知",
		addressees: "北京、天津、上海、河北、辽宁、江苏、浙江、福建、山东、河南、湖南、湖北、广东、四川、西藏、陕西省（自治区、直辖市）人民政府：",
		issuer:     "国务院办公厅", date: "一九九六年七月十七日",
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionEmbedded, title: "关于内地西藏班（校）扩大规模有关问题的请示", headings: counts{3, 9, 0, 0, 0}, addressees: "国务院：", issuer: "国家教委"},
			{kind: SectionAttachment, title: "内地西藏初中班（校）扩大招生计划表"},
		},
	},
	{
		// The forwarded report's first heading, 一、1996年我国地震活动情况…,
		// has a year right after its marker.
		file:  "gov/govcn_5345291.txt",
		title: "国务院办公厅转发国家地震局关于1997年地震趋势和加强防震减灾工作意见报告的通知", docno: "国办发〔1997〕2号", kind: "通知", text: "通知",
		addressees: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		issuer:     "国务院办公厅", date: "一九九七年二月四日", notes: "（本文有删减）",
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionEmbedded, title: "关于1997年地震趋势和加强防震减灾工作意见的报告", headings: counts{2, 6, 0, 0, 0}, addressees: "国务院：", issuer: "国家地震局"},
		},
	},
	{
		file:  "gov/govcn_5345410.txt",
		title: "国务院关于授权香港特别行政区实施管辖的深圳湾口岸港方口岸区范围和土地使用期限的批复", docno: "国函〔2006〕132号", kind: "批复", text: "批复",
		addressees: "广东省人民政府、香港特别行政区政府：",
		issuer:     "国务院", date: "二〇〇六年十二月三十日",
		attachmentNotes: []note{{1, "深圳湾口岸港方口岸区的查验区界址点坐标"}, {2, "深圳湾公路大桥部分桥面界址点坐标"}},
		attachments:     []note{{1, "深圳湾口岸港方口岸区的查验区界址点坐标"}, {2, "深圳湾公路大桥部分桥面界址点坐标"}},
		sections: []sectionWant{
			{kind: SectionMain, headings: counts{2, 0, 0, 0, 0}},
			{kind: SectionAttachment, title: "深圳湾口岸港方口岸区的查验区界址点坐标"},
			// The table notes of attachment 2 are numbered 1、2、3、.
			{kind: SectionAttachment, title: "深圳湾公路大桥部分桥面界址点坐标", headings: counts{0, 0, 0, 0, 2}},
		},
	},
	{
		file:  "gov/govcn_5345407.txt",
		title: "国务院、中央军委关于同意武警总部后勤部机关等迁址新建的批复", docno: "国函〔1996〕95号", kind: "批复", text: "批复",
		addressees: "武警总部：", issuer: "国务院　中央军委", date: "一九九六年十一月五日",
		sections: []sectionWant{{kind: SectionMain}},
	},
	{
		file:  "gov/govcn_5351586.txt",
		title: "国务院办公厅对全国政协十届三次会议第2741号提案的答复", docno: "国办函〔2005〕69号", kind: "", text: "答复",
		addressees: "邓乃扬、韩汝琦委员：", issuer: "国务院办公厅", date: "二〇〇五年七月十四日", notes: "（本文有删减）",
		sections: []sectionWant{{kind: SectionMain, headings: counts{5, 0, 0, 0, 0}}},
	},
	{
		file:  "gov/govcn_5345413.txt",
		title: "国务院办公厅关于广东与香港、澳门合建自动气象站网有关问题的复函", docno: "国办函〔1996〕14号", kind: "函", text: "复函",
		addressees: "中国气象局：", issuer: "国务院办公厅", date: "一九九六年二月六日", notes: "（本文有删减）",
		sections: []sectionWant{{kind: SectionMain, headings: counts{4, 0, 0, 0, 0}}},
	},
	{
		file:  "gov/govcn_5351649.txt",
		title: "国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函", docno: "国办函〔2004〕80号", kind: "函", text: "复函",
		addressees: "湖北省人民政府：", issuer: "国务院办公厅", date: "二〇〇四年十一月四日",
		attachmentNotes: []note{{1, "国土资源部关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告"}, {2, "湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见"}},
		attachments:     []note{{1, "关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告"}, {2, "湖北省巴东县官渡口镇马鬃山村地质险情调查意见"}},
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionAttachment, title: "关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告", headings: counts{4, 0, 0, 0, 0}, addressees: "国务院：", issuer: "国土资源部"},
			{kind: SectionAttachment, title: "湖北省巴东县官渡口镇马鬃山村地质险情调查意见", issuer: "地质险情调查专家组"},
		},
	},
	{
		file:  "gov/govcn_5352010.txt",
		title: "国务院办公厅关于印发文化体制改革中经营性文化事业单位转制为企业和进一步支持文化企业发展两个规定的通知", docno: "国办发〔2018〕124号", kind: "通知", text: "通知",
		addressees: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		issuer:     "国务院办公厅", date: "2018年12月18日", notes: "（此件公开发布）",
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionEmbedded, title: "文化体制改革中经营性文化事业单位转制为企业的规定", headings: counts{9, 31, 0, 0, 0}},
			{kind: SectionEmbedded, title: "进一步支持文化企业发展的规定", headings: counts{4, 20, 0, 0, 0}},
		},
	},
	{
		file:  "gov/govcn_5346276.txt",
		title: "国务院办公厅关于2019年部分节假日安排的通知", docno: "国办发明电〔2018〕15号", kind: "通知", text: "通知",
		addressees: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		issuer:     "国务院办公厅", date: "2018年12月4日",
		sections: []sectionWant{{kind: SectionMain, headings: counts{7, 0, 0, 0, 0}}},
	},
	{
		file:  "gov/govcn_5350427.txt",
		title: "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见", docno: "国办发〔2018〕115号", kind: "意见", text: "指导意见",
		addressees: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		issuer:     "国务院办公厅", date: "2018年12月4日", notes: "（此件公开发布）",
		sections: []sectionWant{{kind: SectionMain, headings: counts{4, 12, 0, 0, 0}}},
	},
	{
		file:  "forward/fwd01_guobanfa-1997-11_zhuanfa-minzhengbu-shetuan.txt",
		title: "国务院办公厅转发民政部关于清理整顿社会团体意见的通知", docno: "国办发〔1997〕11号", kind: "通知", text: "通知",
		addressees: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		issuer:     "国务院办公厅", date: "一九九七年四月八日", notes: "（本文有删减）",
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionEmbedded, title: "关于清理整顿社会团体的意见", headings: counts{5, 15, 25, 1, 0}},
		},
	},
	{
		file:  "forward/fwd05_guobanfa-2009-66_zhuanfa-yanglao-zhuanyi_partial.txt",
		title: "国务院办公厅关于转发人力资源社会保障部财政部城镇企业职工基本养老保险关系转移接续暂行办法的通知", docno: "国办发〔2009〕66号", kind: "通知", text: "通知",
		addressees: "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
		issuer:     "国务院办公厅", date: "二○○九年十二月二十八日",
		sections: []sectionWant{
			{kind: SectionMain},
			{kind: SectionEmbedded, title: "城镇企业职工基本养老保险关系转移接续暂行办法"},
		},
		articles: 3,
	},
	{
		// No title and no 发文字号 survive in this copy: the text opens
		// with its 主送机关, and it ends with 特此通知 and no signature.
		file:       "forward/fwd06_sichuan-zhuanfa-guofamingdian-2014-1_notitle.txt",
		addressees: "各市（州）、县（市、区）人民政府，省政府各部门、各直属机构：",
		sections:   []sectionWant{{kind: SectionMain, headings: counts{3, 0, 0, 0, 0}}},
	},
	{
		file:       "forward/fwd07_shenzhen-shenanjianguan-2017-132.txt",
		docno:      "深安监管〔2017〕132号",
		addressees: "各区（新区）安全监管局：", issuer: "深圳市安全生产监督管理局", date: "2017年5月2日",
		attachmentNotes: []note{{0, "国家安全监管总局办公厅关于印发第八届中国国际安全生产及职业健康展览会优秀技术装备目录的通知（安监总厅科技函〔2017〕57号）"}},
		sections:        []sectionWant{{kind: SectionMain}},
	},
	{
		file:  "pairs/pair14_child_henan-zhiyuan-fuwu-tiaoli-2018.txt",
		title: "河南省志愿服务条例", text: "条例",
		sections: []sectionWant{{kind: SectionMain, headings: counts{0, 26, 0, 0, 0}}},
		articles: 51, // 45 条 in 6 章
	},
	{
		file:  "pairs/pair12_child_henan-shishi-jumin-weiyuanhui-zuzhifa-banfa-2020.txt",
		title: "河南省实施《中华人民共和国城市居民委员会组织法》办法", text: "办法",
		sections: []sectionWant{{kind: SectionMain, headings: counts{0, 14, 0, 0, 0}}},
		articles: 28,
	},
	{
		file:  "tongbao/tongbao13_2026-02-14.txt",
		title: "海南省级层面整治形式主义为基层减负专项工作机制办公室 省纪委办公厅关于2起整治形式主义为基层减负典型问题的情况通报", kind: "通报", text: "通报",
		sections: []sectionWant{{kind: SectionMain, headings: counts{0, 0, 2, 0, 0}}},
	},
	{
		file:  "tongbao/tongbao35_2024-09-02.txt",
		title: "关于转发有关地方2起整治形式主义为基层减负典型问题的通报", kind: "通报", text: "通报",
		sections: []sectionWant{{kind: SectionMain, headings: counts{0, 0, 2, 0, 0}}},
	},
}

func TestRecognizeCorpus(t *testing.T) {
	for _, c := range corpusCases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", filepath.FromSlash(c.file)))
			if err != nil {
				t.Fatal(err)
			}
			doc := string(b)
			s := Recognize(doc)
			checkInvariants(t, doc, s)
			eq := func(what, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			eq("title", s.TitleText, c.title)
			eq("发文字号", text(doc, s.DocNumber), c.docno)
			eq("kind", s.Kind, c.kind)
			eq("kind text", s.KindText, c.text)
			eq("主送机关", text(doc, s.Addressees), c.addressees)
			eq("署名", text(doc, s.Issuer), c.issuer)
			eq("成文日期", text(doc, s.Date), c.date)
			eq("附注", text(doc, s.Notes), c.notes)
			if c.title != "" && text(doc, s.Title) == "" {
				t.Error("title span empty")
			}
			gotNotes := make([]note, len(s.AttachmentNotes))
			for i, a := range s.AttachmentNotes {
				gotNotes[i] = note{a.Number, a.Name}
			}
			eqNotes(t, "附件说明", gotNotes, c.attachmentNotes)
			gotAtt := make([]note, len(s.Attachments))
			for i, a := range s.Attachments {
				gotAtt[i] = note{a.Number, a.Name}
			}
			eqNotes(t, "附件", gotAtt, c.attachments)
			if len(s.Sections) != len(c.sections) {
				t.Fatalf("%d sections, want %d: %+v", len(s.Sections), len(c.sections), s.Sections)
			}
			for i, w := range c.sections {
				sec := s.Sections[i]
				if sec.Kind != w.kind {
					t.Errorf("section %d kind %d, want %d", i, sec.Kind, w.kind)
				}
				if i > 0 {
					eq("section title", sec.TitleText, w.title)
					eq("section 主送", text(doc, sec.Addressees), w.addressees)
					eq("section 署名", text(doc, sec.Issuer), w.issuer)
				}
				if got := headingCounts(s.Headings[sec.HeadingStart:sec.HeadingEnd]); got != w.headings {
					t.Errorf("section %d headings %v, want %v", i, got, w.headings)
				}
			}
			if len(s.Articles) != c.articles {
				t.Errorf("%d articles, want %d", len(s.Articles), c.articles)
			}
		})
	}
}

func eqNotes(t *testing.T, what string, got, want []note) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s %d = %v, want %v", what, i, got[i], want[i])
		}
	}
}

// TestRecognizeWholeCorpus runs over every document of the repository's
// corpus (testdata/corpus). Every gov/ file has its title on line 1 and
// its 发文字号 on line 2; both must be found, with a 文种 that agrees
// with the title's ending.
func TestRecognizeWholeCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "corpus")
	files, err := filepath.Glob(filepath.Join(root, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus documents under %s: %v", root, err)
	}
	var gov, titles, numbers, kinds, dates int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(b)
		s := Recognize(doc)
		checkInvariants(t, doc, s)
		if filepath.Base(filepath.Dir(f)) != "gov" {
			continue
		}
		gov++
		lines := strings.SplitN(doc, "\n", 3)
		if len(lines) < 2 {
			t.Errorf("%s: too short", f)
			continue
		}
		if s.TitleText == strings.TrimSpace(lines[0]) {
			titles++
		} else {
			t.Errorf("%s: title %q, line 1 is %q", f, s.TitleText, lines[0])
		}
		if text(doc, s.DocNumber) == strings.TrimSpace(lines[1]) {
			numbers++
		} else {
			t.Errorf("%s: 发文字号 %q, line 2 is %q", f, text(doc, s.DocNumber), lines[1])
		}
		if kindAgrees(s) {
			kinds++
		} else {
			t.Errorf("%s: kind %q/%q for title %q", f, s.Kind, s.KindText, s.TitleText)
		}
		if !s.Date.Empty() {
			dates++
		}
	}
	t.Logf("%d files, %d in gov/; title %d, 发文字号 %d, 文种 %d, 成文日期 %d", len(files), gov, titles, numbers, kinds, dates)
	if gov == 0 {
		t.Fatalf("no gov/ documents under %s", root)
	}
	if dates < gov*9/10 {
		t.Errorf("成文日期 found in only %d of %d gov/ files", dates, gov)
	}
}

// kindAgrees checks the 文种 against the title independently of the
// recognizer's table: the title must end in the kind (or 复函 for 函, a
// qualified 意见), and a title without one of the 15 must end in one of
// the non-genre words.
func kindAgrees(s *Structure) bool {
	t := s.TitleText
	switch s.Kind {
	case "":
		for _, w := range []string{"答复", "条例", "规定", "办法", "方案"} {
			if strings.HasSuffix(t, w) {
				return s.KindText == w
			}
		}
		return false
	case "命令":
		return strings.HasSuffix(t, "令")
	default:
		return strings.HasSuffix(t, s.Kind) && strings.HasSuffix(t, s.KindText)
	}
}
