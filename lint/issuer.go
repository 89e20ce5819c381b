package lint

import (
	"strings"

	"github.com/gwlint/gwlint/lint/gongwen"
)

// centralIssuers are the organs whose documents are 中央文件, not the
// 地方和部门文件 that 《整治形式主义为基层减负若干规定》第2条 caps: the Party
// Central Committee, the State Council and their general offices. A
// document issued jointly by them ("中共中央 国务院关于……") is central too.
// Longer names come first so that the message names the full organ.
var centralIssuers = []string{"中共中央办公厅", "国务院办公厅", "中共中央", "国务院"}

// centralAgencies are the 机关代字 of their 发文字号: 中发 and 中办发 (the
// Central Committee and its office), 国发, 国函, 国办发 and 国办函 (the State
// Council and its office), with their 明电 and 电 forms. 厅字 is the
// 中办-国办 joint 代字. Matched against the whole 代字, so that
// 国资发 or 国土资发 (departments) never match.
var centralAgencies = map[string]bool{
	"中发": true, "中办发": true, "中办": true, "中发电": true, "中办发电": true,
	"国发": true, "国函": true, "国办发": true, "国办函": true,
	"国发明电": true, "国办发明电": true, "国办发电": true, "国函电": true,
	"厅字": true,
}

// CentralIssuer reports whether doc was issued by 中共中央, 国务院 or one of
// their 办公厅, and says how that was seen: from the 发文字号's 机关代字, or
// from the title, which names the issuing organ first (国务院办公厅关于……,
// 国务院转发……). A department of the State Council is not the State
// Council: "国务院国资委关于……" and "国务院扶贫办关于……" are department
// documents, and the title must go on with 关于, 转发, 印发 or 批转 (or the
// next joint issuer) right after the organ's name.
func CentralIssuer(doc *Document) (string, bool) {
	st := doc.Structure
	if no := strings.TrimSpace(doc.Slice(Span(st.DocNumber))); no != "" {
		if d, ok := gongwen.ParseDocNumber(no); ok && centralAgencies[d.Agency] {
			return "发文字号" + no, true
		}
	}
	title := strings.TrimSpace(doc.Title())
	if organ, ok := centralTitle(title); ok {
		return "发文机关" + organ, true
	}
	return "", false
}

// centralTitle reads the issuing organ at the head of a title. The first
// organ decides: "中共中央 国务院关于……" and "国务院办公厅 国家发展改革委关于……"
// (joint issuers, separated by a space or 、) are issued by a central organ.
func centralTitle(title string) (string, bool) {
	rest := strings.TrimLeft(title, " \u3000")
	for _, organ := range centralIssuers {
		if !strings.HasPrefix(rest, organ) {
			continue
		}
		after := rest[len(organ):]
		if strings.HasPrefix(after, " ") || strings.HasPrefix(after, "\u3000") || strings.HasPrefix(after, "、") {
			return organ, true // joint issuers: 中共中央 国务院关于……
		}
		for _, next := range []string{"关于", "转发", "印发", "批转"} {
			if strings.HasPrefix(after, next) {
				return organ, true
			}
		}
		return "", false
	}
	return "", false
}
