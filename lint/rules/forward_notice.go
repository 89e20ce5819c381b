package rules

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// forwardNotice is a 转发 (forwarding) or 批转 notice as the forward-*
// rules see it.
type forwardNotice struct {
	verb string // 转发 or 批转
	// title is the notice's title when it names the forwarding; empty for
	// a notice recognized from its wrapper sentence alone (fwd06 has no
	// title at all).
	title     string
	titleSpan lint.Span
	// sentence is the wrapper sentence: 现将《…》转发给你们, 现转发给你们.
	sentence lint.Span
	// wrapper is the notice's own text, without the forwarded document:
	// the rules that read demands look only here.
	wrapper lint.Span
	// forwarded is the title of the forwarded document as the wrapper
	// sentence gives it in 《》, or "".
	forwarded string
	// numbers are the 发文字号 the wrapper cites, in order.
	numbers []string
}

var (
	// forwardTitle: 转发…的通知 or 批转…的通知, as titles run.
	forwardTitle = regexp.MustCompile(`(转发|批转).+的?通知$`)
	// forwardSentence: the wrapper formulas of REFERENCE §7. 印发给你们
	// alone issues the organ's own text and is not forwarding.
	forwardSentence = regexp.MustCompile(`(?:现将|现把|兹将)(《[^》]{1,200}》)?(?:[^。；]{0,80}?)(?:（[^）]{0,40}）)?(转发|批转)(?:给)?(?:你们|你单位|你局|你委|你厅|你市|你县|各地|各单位|如下)|现(?:予|再)?(转发|批转)(?:给)?(?:你们|你单位|各地)`)
	// bookTitle: a document's name in 书名号.
	bookTitle = regexp.MustCompile(`《([^《》]{1,200})》`)
	// citedNumber: a 发文字号 in brackets after a title.
	citedNumber = regexp.MustCompile(`[（(]([^（）()]{2,30}?[〔［\[（(„][0-9]{2,4}[〕］\]）)‟][第]?[0-9]{1,5}号)[）)]`)
)

// recognizeForward finds out whether doc is a forwarding notice.
func recognizeForward(doc *lint.Document) (*forwardNotice, bool) {
	st := doc.Structure
	// Every forwarding notice says 转发 or 批转 in its title or its first
	// sentences; most documents say neither, and need no regexp.
	if head := doc.Prose[:doc.ByteOffset(min(doc.Len(), 3000))]; !strings.Contains(head, "转发") && !strings.Contains(head, "批转") {
		return nil, false
	}
	f := &forwardNotice{}
	// A title ending in punctuation (title-format reports it) is still read.
	if t := strings.TrimRight(doc.Title(), "。．.，,；;：:！!？? "); t != "" {
		if m := forwardTitle.FindStringSubmatch(t); m != nil {
			f.verb, f.title, f.titleSpan = m[1], t, lint.Span(st.Title)
		}
	}
	f.wrapper = lint.Span(st.Body)
	if f.wrapper.Empty() && len(st.Sections) > 0 {
		f.wrapper = lint.Span(st.Sections[0].Span)
	}
	if f.wrapper.Empty() {
		f.wrapper = lint.Span{Start: 0, End: min(doc.Len(), 2000)}
	}
	// The wrapper sentence stands near the start of the body.
	head := lint.Span{Start: f.wrapper.Start, End: min(f.wrapper.End, f.wrapper.Start+600)}
	text := doc.Slice(head)
	if loc := forwardSentence.FindStringSubmatchIndex(text); loc != nil {
		b0 := doc.ByteOffset(head.Start)
		f.sentence = doc.SpanOfBytes(b0+loc[0], b0+loc[1])
		if loc[2] >= 0 {
			f.forwarded = strings.Trim(text[loc[2]:loc[3]], "《》")
		} else if m := bookTitle.FindStringSubmatch(sentenceAround(text, loc[0], loc[0])); m != nil {
			// 国家地震局《关于…的报告》已经国务院同意，现转发给你们
			f.forwarded = m[1]
		}
		for i := 4; i+1 < len(loc); i += 2 {
			if loc[i] >= 0 && f.verb == "" {
				f.verb = text[loc[i]:loc[i+1]]
			}
		}
		for _, m := range citedNumber.FindAllStringSubmatch(sentenceAround(text, loc[0], loc[1]), -1) {
			if _, ok := gongwen.ParseDocNumber(m[1]); ok {
				f.numbers = append(f.numbers, m[1])
			}
		}
	}
	if f.title == "" && f.sentence.Empty() {
		return nil, false
	}
	f.wrapper.End = f.embeddedStart(doc)
	// A 通报 that forwards cases (关于转发…典型问题的通报) is a 通报, not a
	// forwarding notice: its title does not end in 通知 and it has no
	// wrapper formula.
	return f, true
}

// embeddedStart is where the forwarded document begins inside the
// wrapper, or the wrapper's end. Notices that set the forwarded text right
// after the forwarding sentence, with no 署名 and 成文日期 between (as local
// sites often publish them), give the recognizer no section break; the
// forwarded document then opens with its own title, repeated from the
// forwarding sentence, or with its own 主送机关 line. Without this its
// paragraphs were read as the notice's own text.
func (f *forwardNotice) embeddedStart(doc *lint.Document) int {
	end := f.wrapper.End
	if f.sentence.Empty() || f.sentence.End >= end {
		return end
	}
	after := doc.Slice(lint.Span{Start: f.sentence.End, End: end})
	i := strings.IndexByte(after, '\n')
	if i < 0 {
		return end
	}
	off := f.sentence.End + utf8.RuneCountInString(after[:i+1])
	for _, line := range strings.SplitAfter(after[i+1:], "\n") {
		t := strings.TrimSpace(strings.TrimRight(line, "\r\n"))
		if t != "" && (gongwen.IsAddresseeLine(t) || f.namesForwarded(t)) {
			return off
		}
		off += utf8.RuneCountInString(line)
	}
	return end
}

// namesForwarded: the line is the forwarded document's title standing
// alone, whole or without the organ in front (市民政局《关于…的意见》 is
// followed by 关于…的意见).
func (f *forwardNotice) namesForwarded(line string) bool {
	line = strings.Trim(line, "《》")
	if f.forwarded == "" || utf8.RuneCountInString(line) < 6 {
		return false
	}
	return line == f.forwarded || strings.HasSuffix(f.forwarded, line) || strings.HasSuffix(line, f.forwarded)
}

// sentenceAround widens [b0, b1) of text to its sentence.
func sentenceAround(text string, b0, b1 int) string {
	start := strings.LastIndexAny(text[:b0], "。；\n") + 1
	end := strings.IndexAny(text[b1:], "。；\n")
	if end < 0 {
		return text[start:]
	}
	return text[start : b1+end]
}

// titleLevels counts the documents a forwarding title names: the notice
// itself and one more for each 转发 or 批转 in it.
func titleLevels(title string) int {
	return 1 + strings.Count(title, "转发") + strings.Count(title, "批转")
}

// levels counts the documents of the forwarding chain: the notice, what
// it forwards, and one more for each 转发 or 批转 in the forwarded title.
// 印发 does not count: a notice that issues a 目录 or 办法 is where that
// text is published, not a layer in front of an original.
func (f *forwardNotice) levels() int {
	n := 2
	if f.title != "" {
		n = titleLevels(f.title)
	}
	if f.forwarded != "" {
		n = max(n, 2+strings.Count(f.forwarded, "转发")+strings.Count(f.forwarded, "批转"))
	}
	return n
}

// nestedTitle counts, outside 《》, the 转发/批转, 关于 and 的通知 of a
// forwarding title, and reports whether any comes more than once.
func (f *forwardNotice) nestedTitle() (verbs, guanyu, notices int, nested bool) {
	// What stands inside 《》 is the forwarded document's own name, the
	// form forward-nested-title recommends; only the wrapper's words count.
	outer := outsideBookMarks(f.title)
	verbs = strings.Count(outer, "转发") + strings.Count(outer, "批转")
	guanyu = strings.Count(outer, "关于")
	notices = strings.Count(outer, "的通知")
	return verbs, guanyu, notices, verbs >= 2 || guanyu >= 2 || notices >= 2
}
