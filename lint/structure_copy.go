package lint

import (
	"regexp"

	"github.com/gwlint/gwlint/lint/align"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// structureRanges are the standard parts of a 公文 in doc, which every
// document has and none copies: 发文字号, 签发人, 主送机关, 附件说明, 发文机关署名,
// 成文日期, 附注 such as （此件公开发布）, 版记 (抄送, 印发), and the same parts
// of each document that follows (a forwarded 请示 has its own 主送 and
// date). A draft and its parent share them ("各省、自治区、直辖市人民政府，
// 国务院各部委、各直属机构：") because both are 公文, not because one copies
// the other.
func structureRanges(doc *Document) []align.Range {
	st := doc.Structure
	spans := []gongwen.Span{st.DocNumber, st.Signer, st.Addressees, st.AttachmentNote, st.Issuer, st.Date, st.Notes, st.CC, st.PrintedBy}
	for _, sec := range st.Sections {
		spans = append(spans, sec.Addressees, sec.Issuer, sec.Date)
	}
	var out []align.Range
	for _, sp := range spans {
		if !sp.Empty() {
			out = append(out, sp)
		}
	}
	return out
}

// dateRE matches a date or a date range as 公文 write them: 2019年1月1日,
// 2019年12月, 二〇一九年一月一日, and two of them joined by 至, 到, — or ～
// (2019年1月1日至12月31日, 2019年1月—2020年6月).
var dateRE = regexp.MustCompile(`(?:[0-9０-９]{4}|[〇零○OＯ一二三四五六七八九]{4})年(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})月(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日)?` +
	`(?:\s*(?:至|到|—|～|-|~)\s*(?:(?:[0-9０-９]{4}|[〇零○OＯ一二三四五六七八九]{4})年)?(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})月(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日)?)?`)

// dateRanges are the dates and date ranges of the draft's prose, in rune
// offsets: a date is never copying, even when the parent names the same
// day.
func dateRanges(doc *Document) []align.Range {
	var out []align.Range
	for _, m := range dateRE.FindAllStringIndex(doc.Prose, -1) {
		sp := doc.SpanOfBytes(m[0], m[1])
		out = append(out, sp)
	}
	return out
}
