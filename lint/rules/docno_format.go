package rules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// DocnoFormat enforces GB/T 9704—2012 7.2.5 on the 发文字号 (document
// number): "年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；
// 发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”字". So
// 国发〔2005〕43号, never 国发（2005）43号, 汕府办[2015]29号, 国办发„2009‟3号
// (a mis-encoded 〔〕), 国发〔2005〕第43号, 国发〔2005〕043号 or 国发〔05〕43号.
// A 令 number (国令第706号) is numbered differently by design and is not a
// 发文字号.
//
// The fix rewrites the number in the standard form when that is
// mechanical; a two-digit year needs the century, which only the writer
// knows, so it has none. Numbers of other documents cited in the text with
// wrong brackets are reported too, at most as warnings: what looks like a
// number in running text is recognized with less certainty than the
// 发文字号 line itself.
var DocnoFormat = &lint.Rule{
	ID:       "docno-format",
	Name:     "发文字号格式",
	Severity: lint.Error,
	Source:   "GB/T 9704—2012 7.2.5",
	Doc:      "发文字号不符合“机关代字〔2024〕12号”的格式（六角括号、年份全称、不加“第”、不编虚位）",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		own := doc.Structure.DocNumber
		if !own.Empty() {
			if d, ok := gongwen.ParseDocNumber(doc.Slice(own)); ok {
				start, rs := fmtRunesOf(doc, own)
				reportDocNumber(pass, lint.Span{Start: start, End: start + len(rs)}, d, lint.Off)
			}
		}
		for _, m := range citedDocNumber.findAll(doc.Prose) {
			sp := doc.SpanOfBytes(m[2], m[1])
			if !own.Empty() && sp.Start < own.End && own.Start < sp.End {
				continue
			}
			d, ok := gongwen.ParseDocNumber(doc.Prose[m[2]:m[1]])
			if !ok || d.Standard() {
				continue
			}
			reportDocNumber(pass, sp, d, pass.AtMost(lint.Warning))
		}
	},
}

// citedDocNumber finds a number in running text: a Han 机关代字 touching a
// bracketed year, then the sequence and 号. Group 1 is the bracketed part.
// Only wrong brackets are looked for here; a correct 〔〕 number with
// another fault is rare in citations and costly to tell from prose.
var citedDocNumber = &gatedPattern{
	re:      regexp.MustCompile(`\p{Han}((?:[\[［【„]|[（(](?:19|20))\d{2,4}[\]］】‟）)]第?\d{1,5}号)`),
	anchors: []string{"号"},
	// A match ends at 号 after a digit and is at most 15 characters long
	// (代字, bracket, 19 and four digits, bracket, 第, five digits).
	reach: func(text string, at, end int) (int, int, bool) {
		return runesBack(text, at, 15), end, asciiDigitBefore(text, at)
	},
}

// reportDocNumber reports a number that is not in the standard form, with
// the standard form as fix when it can be written without guessing.
func reportDocNumber(pass *lint.Pass, sp lint.Span, d gongwen.DocNumber, sev lint.Severity) {
	if d.Standard() {
		return
	}
	if d.Open == "" && d.Ordinal {
		return // 国令第706号: a 令 number
	}
	written := d.String()
	var faults []string
	switch {
	case d.Open == "":
		faults = append(faults, "年份应用六角括号“〔〕”括入，不写作“"+d.Year+d.Close+"”")
	case d.Open != "〔" || d.Close != "〕":
		faults = append(faults, "年份应用六角括号“〔〕”括入，不用“"+d.Open+d.Close+"”")
	}
	year := toASCIIDigits(d.Year)
	if n, ok := gongwen.ParseChineseNumber(d.Year); ok {
		year = strconv.Itoa(n)
	}
	switch {
	case len([]rune(d.Year)) != 4:
		faults = append(faults, "年份应标全称（四位数字）")
	case year != toASCIIDigits(d.Year):
		faults = append(faults, "年份应使用阿拉伯数字")
	case year != d.Year:
		faults = append(faults, "年份应使用半角阿拉伯数字")
	}
	if d.Ordinal {
		faults = append(faults, "发文顺序号不加“第”字")
	}
	seq := strings.TrimLeft(toASCIIDigits(d.Seq), "0")
	if seq == "" {
		seq = "0"
	}
	chineseSeq := false
	if n, ok := gongwen.ParseChineseNumber(d.Seq); ok {
		seq, chineseSeq = strconv.Itoa(n), true
	}
	switch {
	case chineseSeq:
		faults = append(faults, "发文顺序号应使用阿拉伯数字")
	case strings.HasPrefix(d.Seq, "0") || strings.HasPrefix(d.Seq, "０"):
		faults = append(faults, "发文顺序号不编虚位（1不编为01）")
	case seq != d.Seq:
		faults = append(faults, "发文顺序号应使用半角阿拉伯数字")
	}
	if len(faults) == 0 {
		return
	}
	f := lint.Finding{Span: sp, Severity: sev}
	if len(year) == 4 {
		right := d.Agency + "〔" + year + "〕" + seq + "号"
		f.Message = "发文字号“" + written + "”应为“" + right + "”：" + strings.Join(faults, "；")
		if right != pass.Doc.Slice(sp) {
			f.Fix = &lint.Fix{Span: sp, Text: right}
		}
	} else {
		f.Message = "发文字号“" + written + "”不合格式：" + strings.Join(faults, "；") + "，应写作“" + d.Agency + "〔四位年份〕" + seq + "号”"
	}
	pass.Report(f)
}

// toASCIIDigits turns full-width digits into ASCII ones.
func toASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}
