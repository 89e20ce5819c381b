package trace

import (
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// Level is an administrative level of issuers, highest first.
type Level int

// The levels. Unknown is a document whose issuer could not be read.
const (
	Unknown Level = iota
	Central
	Province
	City
	County
	Township
)

var levelNames = [...]string{"未知", "中央", "省级", "市级", "县级", "乡级"}

// String is the level's Chinese name.
func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return levelNames[0]
	}
	return levelNames[l]
}

// municipalities are the 直辖市, at the level of a province.
var municipalities = []string{"北京市", "天津市", "上海市", "重庆市"}

// provinceAbbrevs are the one-character 简称 with which provincial 机关代字
// begin (豫政办发, 川府发): read only when the issuer's name gives no level.
const provinceAbbrevs = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

// levelOf reads a document's level: central by its 发文字号 or title
// (lint.CentralIssuer), else from the organ that issues it (the title's
// head before 关于/转发/印发, the 发文机关标志, the 署名), else from a
// provincial 机关代字.
func levelOf(doc *lint.Document) (Level, string) {
	if how, ok := lint.CentralIssuer(doc); ok {
		return Central, how
	}
	// A national law: 中华人民共和国……法, enacted by 全国人民代表大会.
	if t := strings.TrimSpace(doc.Title()); strings.HasPrefix(t, "中华人民共和国") && strings.HasSuffix(t, "法") {
		return Central, "标题" + t
	}
	st := doc.Structure
	candidates := []struct{ what, text string }{
		{"标题", organOfTitle(doc.Title())},
		{"发文机关标志", doc.Slice(lint.Span(st.Organ))},
		{"发文机关署名", doc.Slice(lint.Span(st.Issuer))},
	}
	for _, c := range candidates {
		if l := levelOfOrgan(c.text); l != Unknown {
			return l, c.what + strings.TrimSpace(c.text)
		}
	}
	if no := strings.TrimSpace(doc.Slice(lint.Span(st.DocNumber))); no != "" {
		if d, ok := gongwen.ParseDocNumber(no); ok {
			if r := []rune(d.Agency); len(r) >= 2 && strings.ContainsRune(provinceAbbrevs, r[0]) &&
				(r[1] == '政' || r[1] == '府' || strings.HasPrefix(string(r[1:]), "办")) {
				return Province, "发文字号" + no
			}
		}
	}
	return Unknown, ""
}

// organOfTitle is the issuing organ at the head of a title: what stands
// before 关于, 转发 or 印发.
func organOfTitle(title string) string {
	cut := len(title)
	for _, w := range []string{"关于", "转发", "印发", "批转"} {
		if i := strings.Index(title, w); i >= 0 && i < cut {
			cut = i
		}
	}
	return title[:cut]
}

// levelOfOrgan reads the level from the deepest administrative unit an
// organ's name holds: 乡/镇/街道 below 县/区/旗 below 市/州/盟 below
// 省/自治区 and the 直辖市. 市场 (market regulators) and 城市 are no 市;
// 自治区 and 特别行政区 are no 区.
func levelOfOrgan(organ string) Level {
	o := strings.TrimSpace(organ)
	if o == "" {
		return Unknown
	}
	for _, w := range []string{"市场", "城市", "都市", "特别行政区", "自治区", "自治州", "自治县", "社区", "片区", "园区", "新区", "开发区", "市辖区"} {
		rep := ""
		switch w {
		case "自治区":
			rep = "省"
		case "自治州":
			rep = "州"
		case "自治县":
			rep = "县"
		case "新区", "开发区", "市辖区":
			rep = "区"
		}
		o = strings.ReplaceAll(o, w, rep)
	}
	for _, m := range municipalities {
		o = strings.ReplaceAll(o, m, "省")
	}
	switch {
	case strings.Contains(o, "乡") || strings.Contains(o, "镇") || strings.Contains(o, "街道"):
		return Township
	case strings.Contains(o, "县") || strings.Contains(o, "区") || strings.Contains(o, "旗"):
		return County
	case strings.Contains(o, "市") || strings.Contains(o, "州") || strings.Contains(o, "盟"):
		return City
	case strings.Contains(o, "省"):
		return Province
	case strings.HasPrefix(o, "中共中央") || strings.HasPrefix(o, "国务院") || strings.HasPrefix(o, "全国"),
		strings.HasPrefix(o, "国家"), strings.HasSuffix(o, "部"):
		return Central
	}
	return Unknown
}
