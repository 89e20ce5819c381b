package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// AttachmentNote enforces GB/T 9704—2012 7.3.4 on the 附件说明 (list of
// attachments under the body): "“附件”二字，后标全角冒号和附件名称。如有多个
// 附件，使用阿拉伯数字标注附件顺序号（如“附件：1.XXXXX”）；附件名称后不加标点
// 符号", and 7.3.7 on the attachments themselves: "附件顺序号和附件标题应当与
// 附件说明的表述一致". Mechanical slips carry fixes (a half-width or
// missing colon, 1、 for 1., punctuation after a name); a list that does
// not match the attachments needs the writer.
var AttachmentNote = &lint.Rule{
	ID:       "attachment-note",
	Name:     "附件说明格式",
	Severity: lint.Error,
	Source:   "GB/T 9704—2012 7.3.4",
	Doc:      "附件说明不是“附件：1.名称”的形式（全角冒号、阿拉伯数字序号、名称后无标点），或与所附附件不一致",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		if st.AttachmentNote.Empty() {
			return
		}
		checkNoteHead(pass, st.AttachmentNote)
		notes := st.AttachmentNotes
		for i, a := range notes {
			checkNoteItem(pass, a, i, len(notes))
		}
		matchAttachments(pass, notes, st.Attachments)
	},
}

// checkNoteHead judges "附件：" at the head of the list.
func checkNoteHead(pass *lint.Pass, note lint.Span) {
	start, rs := fmtRunesOf(pass.Doc, note)
	s := string(rs)
	if !strings.HasPrefix(s, "附件") {
		return // 附： is an older form the recognizer accepts; not judged here
	}
	after := rs[2:]
	head := lint.Span{Start: start, End: start + 2}
	switch {
	case len(after) > 0 && after[0] == '：':
	case len(after) > 0 && after[0] == ':':
		sp := lint.Span{Start: start + 2, End: start + 3}
		pass.Report(lint.Finding{Span: sp, Message: "附件说明“附件”后应标全角冒号“：”，不用半角“:”",
			Fix: &lint.Fix{Span: sp, Text: "："}})
	case len(after) > 0 && fmtDigit(after[0]):
		pass.Report(lint.Finding{Span: head, Message: "附件说明“附件”二字后应标全角冒号，再写序号和名称，如“附件：1.名称”",
			Fix: &lint.Fix{Span: head, Text: "附件："}})
	}
}

// checkNoteItem judges one entry: its number and the end of its name.
func checkNoteItem(pass *lint.Pass, a gongwen.Attachment, i, n int) {
	doc := pass.Doc
	start, rs := fmtRunesOf(doc, a.Span)
	if len(rs) == 0 {
		return
	}
	// The delimiter after the number: 1. is the standard, 1、 1． 1： are not.
	k := 0
	for k < len(rs) && fmtDigit(rs[k]) {
		k++
	}
	if a.Number > 0 && k > 0 && k < len(rs) && rs[k] != '.' {
		sp := lint.Span{Start: start, End: start + k + 1}
		right := fmt.Sprintf("%d.", a.Number)
		pass.Report(lint.Finding{Span: sp,
			Message: fmt.Sprintf("附件顺序号“%s”应写作“%s”，如“附件：1.XXXXX”", string(rs[:k+1]), right),
			Fix:     &lint.Fix{Span: sp, Text: right}})
	}
	if n > 1 && a.Number == 0 {
		pass.Reportf(lint.Span{Start: start, End: start + len(rs)},
			"有多个附件时，附件说明应使用阿拉伯数字标注顺序号，如“%d.%s”", i+1, strings.TrimRightFunc(a.Name, fmtTrailingMark))
	} else if n > 1 && a.Number != i+1 {
		pass.Reportf(lint.Span{Start: start, End: start + k},
			"附件顺序号“%d”不连续，这里应为“%d”", a.Number, i+1)
	}
	j := len(rs)
	for j > 0 && fmtTrailingMark(rs[j-1]) {
		j--
	}
	if ext := fileExtension(string(rs[k:j])); ext != "" {
		// A name pasted from the file list keeps its .doc: the 附件说明
		// gives the attachment's name, which is the title it bears.
		e := j - utf8.RuneCountInString(ext)
		sp := lint.Span{Start: start + e, End: start + j}
		pass.Report(lint.Finding{Span: sp, Severity: pass.AtMost(lint.Warning),
			Message: fmt.Sprintf("附件名称带有文件扩展名“%s”：附件说明写附件的名称（与附件标题一致），不写文件名，应删去“%s”", ext, ext),
			Fix:     &lint.Fix{Span: sp, Text: ""}})
	}
	if j < len(rs) && j > k {
		sp := lint.Span{Start: start + j, End: start + len(rs)}
		pass.Report(lint.Finding{Span: sp,
			Message: fmt.Sprintf("附件名称后不加标点符号，应删去“%s”", string(rs[j:])),
			Fix:     &lint.Fix{Span: sp, Text: ""}})
	}
}

// fileExtension is the file extension a name ends in (.doc, .PDF), or "".
func fileExtension(name string) string {
	i := strings.LastIndexAny(name, ".．")
	if i <= 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(name[i:])
	switch strings.ToLower(name[i+size:]) {
	case "doc", "docx", "wps", "wpt", "pdf", "ofd", "xls", "xlsx", "et", "txt", "rtf", "jpg", "jpeg", "png", "zip", "rar", "ppt", "pptx", "dps":
		return name[i:]
	}
	return ""
}

// matchAttachments compares the list with the attachments that follow,
// when the text carries them. Names are compared without spaces and
// punctuation, and a name that contains the other passes: an attachment's
// title often adds what the list shortens, or wraps over two lines.
func matchAttachments(pass *lint.Pass, notes, atts []gongwen.Attachment) {
	if len(atts) == 0 || len(notes) == 0 {
		return
	}
	if len(atts) != len(notes) {
		start, rs := fmtRunesOf(pass.Doc, pass.Doc.Structure.AttachmentNote)
		pass.Report(lint.Finding{Span: lint.Span{Start: start, End: start + len(rs)}, Severity: pass.AtMost(lint.Warning), Source: "GB/T 9704—2012 7.3.7",
			Message: fmt.Sprintf("附件说明列了%d个附件，正文后附了%d个，两者应一致", len(notes), len(atts))})
		return
	}
	for i, a := range notes {
		att := atts[i]
		if att.Number > 0 && att.Number != i+1 && len(atts) > 1 {
			pass.Report(lint.Finding{Span: att.Span, Severity: pass.AtMost(lint.Warning), Source: "GB/T 9704—2012 7.3.7",
				Message: fmt.Sprintf("附件顺序与附件说明不一致：附件说明第%d项对应的是“附件%d”", i+1, att.Number)})
			continue
		}
		x, y := attachmentKey(a.Name), attachmentKey(att.Name)
		if x == "" || y == "" || strings.Contains(x, y) || strings.Contains(y, x) {
			continue
		}
		start, rs := fmtRunesOf(pass.Doc, a.Span)
		pass.Report(lint.Finding{Span: lint.Span{Start: start, End: start + len(rs)}, Severity: pass.AtMost(lint.Warning), Source: "GB/T 9704—2012 7.3.7",
			Message: fmt.Sprintf("附件说明中的名称“%s”与附件%d的标题“%s”不一致，应完全相同",
				strings.TrimSpace(a.Name), i+1, strings.TrimSpace(att.Name))})
	}
}

// attachmentKey reduces a name to what must match: no spaces, no
// punctuation, no 书名号.
func attachmentKey(s string) string {
	return strings.Map(func(r rune) rune {
		if fmtSpace(r) || fmtCJKPunct(r) || (r < 0x80 && !fmtLatin(r)) {
			return -1
		}
		return r
	}, s)
}
