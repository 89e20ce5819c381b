package gongwen

import txt "github.com/gwlint/gwlint/lint/text"

// Span is a half-open range of rune offsets [Start, End) into the text.
type Span = txt.Span

// Paragraph is one line of the text (a paragraph in a word processor):
// Span covers the line without its line break, Content the same line
// with leading and trailing white space trimmed.
type Paragraph struct {
	Span    Span
	Content Span
	Text    string // the trimmed content
}

// HeadingLevel is the level of a 结构层次序数 (structural heading number),
// in the order GB/T 9704—2012 7.3.3 fixes: 一、 （一） 1. （1）.
type HeadingLevel int

const (
	LevelNone    HeadingLevel = iota
	Level1                    // 一、
	Level2                    // （一）
	Level3                    // 1.
	Level4                    // （1）
	LevelUnknown              // a heading-like number in a form the standard does not use, e.g. 1、 or 一.
)

// Heading is a paragraph that opens with a structural number. Span covers
// the paragraph's content (without its indentation).
type Heading struct {
	Level     HeadingLevel
	Number    int    // the numeric value: 一 → 1, （三） → 3, 12. → 12 (1–99 in Han numerals, up to 999 in Arabic)
	Marker    string // the number as written, e.g. "（一）" or "1."
	Form      string // the canonical form name: "一、", "（一）", "1.", "（1）", or the wrong form seen ("1、", "（一）、", "一.")
	Span      Span   // the paragraph's content, without its indentation
	MarkerPos Span   // the marker itself
	Para      int    // index into Structure.Paragraphs
}

// Attachment is one entry of the 附件说明, or one attachment that follows
// the document.
type Attachment struct {
	Number int    // 0 when unnumbered
	Name   string // the name as written
	Span   Span
	Para   int
}

// Structure is what Recognize found. Fields whose element is absent keep
// their zero value (an empty Span, Para -1 for indices).
type Structure struct {
	Paragraphs []Paragraph

	// The 版头 and title block.
	CopyNumber Span // 份号
	Secrecy    Span // 密级和保密期限
	Urgency    Span // 紧急程度
	Organ      Span // 发文机关标志: "XX市人民政府文件", or the bare organ name over a 函
	Title      Span
	TitleText  string
	DocNumber  Span // 发文字号, e.g. 国发〔2018〕38号
	Signer     Span // 签发人 line
	TitleBlock Span // from the first paragraph to the end of the title block

	Addressees Span // 主送机关, including its closing colon
	Body       Span // 正文: after the addressees (or title block) up to the 附件说明 or signature
	Headings   []Heading

	AttachmentNote  Span         // the whole 附件说明 ("附件：1.……")
	AttachmentNotes []Attachment // its entries

	Issuer Span // 发文机关署名
	Date   Span // 成文日期
	Notes  Span // 附注, e.g. （此件公开发布）

	Attachments []Attachment // the attachments that follow, each starting at its "附件1" line

	Imprint   Span // 版记: from 抄送 to the end
	CC        Span // 抄送 line(s)
	PrintedBy Span // 印发机关和印发日期 line

	// Kind is the 文种 read from the title: one of the 15 of the 条例
	// 第八条, or "" when the title names none of them.
	Kind string
	// KindText is the genre word as it ends the title, even when it is
	// not one of the 15 (e.g. 方案, 请示报告), so that genre rules can
	// name it.
	KindText string
	KindSpan Span

	// Sections are the main document and the documents that follow its
	// 成文日期 (attachments, forwarded or issued texts), each with its
	// own run of headings. Empty only for an empty text.
	Sections []Section
	// Articles are the 第一条/第一章 numbers of a law-like text, kept
	// apart from Headings.
	Articles []Article
}

// SectionKind tells what a Section is.
type SectionKind int

const (
	// SectionMain is the document itself, from its first line to its
	// 成文日期 and 附注.
	SectionMain SectionKind = iota
	// SectionAttachment is an attachment after the 成文日期, opened by a
	// line "附件", "附件1", "附件 2" or (in older texts) "附：".
	SectionAttachment
	// SectionEmbedded is a document that follows the 成文日期 without an
	// attachment marker: the text forwarded by a 转发 notice, or the
	// 方案/办法/条例 issued by a 印发 notice. It opens with its own title.
	SectionEmbedded
)

// Section is one document within the text. Structural numbering restarts
// in each: a forwarded 意见 counts its 一、 again from one, and so does
// each attachment, so a heading-sequence rule checks the headings of one
// section at a time. Sections are in text order, do not overlap, and
// together cover everything from the first paragraph to the 版记.
type Section struct {
	Kind       SectionKind
	Span       Span
	Para       int // first paragraph of the section
	Title      Span
	TitleText  string
	Addressees Span // the section's own 主送机关, e.g. 国务院： heading a forwarded 请示
	Issuer     Span // the section's own 署名, when it has one
	Date       Span // the section's own date, when it has one
	// HeadingStart and HeadingEnd delimit the section's headings in
	// Structure.Headings, half-open.
	HeadingStart, HeadingEnd int
}

// Article is an article or chapter number of a law, 条例, 规定 or 办法:
// 第一条, 第二章, 第三节, 第一编. These number the text in their own way
// and are not structural headings.
type Article struct {
	Unit      string // "条", "章", "节" or "编"
	Number    int
	Marker    string // as written, e.g. "第十二条"
	Span      Span   // the paragraph's content
	MarkerPos Span
	Para      int
}

// SpanText returns the part of text that sp covers, clamped to the text.
// It walks the text once, so callers that need many spans should slice
// Paragraph.Text instead.
func SpanText(text string, sp Span) string {
	if sp.Empty() || sp.Start < 0 {
		return ""
	}
	start, end := -1, len(text)
	i := 0
	for b := range text {
		if i == sp.Start {
			start = b
		}
		if i == sp.End {
			end = b
			break
		}
		i++
	}
	if start < 0 {
		return ""
	}
	return text[start:end]
}
