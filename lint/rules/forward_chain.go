package rules

import (
	"fmt"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// ForwardChain describes the forwarding chain of a 转发 or 批转 notice: how
// many documents deep the title and the cited 发文字号 go (汕府办[2015]29号
// forwards 粤府办[2015]22号, which forwards a 国办 document…). It is a
// fact for the reader, not a fault: info, 实务通行做法.
var ForwardChain = &lint.Rule{
	ID:       "forward-chain",
	Name:     "转发层级",
	Severity: lint.Info,
	Source:   "实务通行做法",
	Doc:      "转发文件的转发层级：标题和所引发文字号显示的层数",
	Requires: forwardRequires,
	Run: func(pass *lint.Pass) {
		f := forwarding.Get(pass)
		if f == nil {
			return
		}
		levels := f.levels()
		chain := []string{"本文"}
		if no := strings.TrimSpace(pass.Doc.Slice(lint.Span(pass.Doc.Structure.DocNumber))); no != "" {
			chain[0] = "本文（" + no + "）"
		}
		numbers := f.numbers
		// A name in 书名号 is the forwarded document's own title, as the
		// wrapper sentence gives it; one read off the notice's title keeps
		// the issuing organ and loses 的, so it is shown without 书名号.
		link := ""
		if f.forwarded != "" {
			link = "《" + clip(f.forwarded, 40) + "》"
		} else if f.title != "" {
			link = clip(forwardedFromTitle(f.title), 40)
		}
		if link != "" {
			if len(numbers) > 0 {
				link += "（" + numbers[0] + "）"
				numbers = numbers[1:]
			}
			chain = append(chain, link)
		}
		chain = append(chain, numbers...)
		span := f.titleSpan
		if span.Empty() {
			span = f.sentence
		}
		advice := ""
		if levels > 2 {
			advice = "；层级越多，基层越难看到原件，能直接转发原件的不必逐级转发"
		}
		pass.Reportf(span, "%s文件，转发链共%d层：%s%s", f.verb, levels, strings.Join(chain, " → "), advice)
	},
}

// ForwardNestedTitle reports titles nested 转发…转发…的通知的通知, or with
// more than one 关于. A layered forwarding title should name only the
// original document and leave out the organs in between.
//
// Severity warning: the 条例 第九条 [V] makes a title 发文机关名称、事由和
// 文种, which a nested title turns into a chain of organs; the rule to drop
// the middle organs is practice as the textbooks state it (层层转发，中间的
// 机关单位名称要省略), not a quoted clause, hence not an error.
var ForwardNestedTitle = &lint.Rule{
	ID:       "forward-nested-title",
	Name:     "转发标题层层嵌套",
	Severity: lint.Warning,
	Source:   "《党政机关公文处理工作条例》第九条（标题由发文机关名称、事由和文种组成）；实务：层层转发，中间的机关单位名称要省略",
	Doc:      "转发文件标题层层嵌套（转发…转发…的通知的通知，或多个“关于”）",
	Requires: forwardRequires,
	Run: func(pass *lint.Pass) {
		f := forwarding.Get(pass)
		if f == nil || f.title == "" {
			return
		}
		verbs, guanyu, notices, nested := f.nestedTitle()
		if !nested {
			return
		}
		pass.Reportf(f.titleSpan, "标题层层嵌套（%d个“转发/批转”、%d个“关于”、%d个“的通知”）：层层转发时省略中间机关，标题只写本机关和原件，如“××关于转发《原件标题》的通知”或“××转发××关于××的通知”",
			verbs, guanyu, notices)
	},
}

// ForwardPlain notes a forwarding notice whose wrapper only forwards: no
// headings, no paragraphs of its own, no dates or deadlines, no demand for
// 配套文件 or reports, and a chain of two without a nested title. That is
// the form the 2019 rules ask for when a level has nothing of its own to
// add ("原文转发执行即可"), so this finding is info, never a warning: it
// tells the drafter the notice is fine as it is.
var ForwardPlain = &lint.Rule{
	ID:       "forward-plain",
	Name:     "原文转发（提倡的做法）",
	Severity: lint.Info,
	Source:   "2019年中办《关于解决形式主义突出问题为基层减负的通知》（释义）；山东省2019年精简文件规定（据释义：没有结合本地实际的具体措施的，原文转发执行即可）",
	Doc:      "只作原文转发、未另提要求的转发文件（可接受的做法）",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run: func(pass *lint.Pass) {
		f := forwarding.Get(pass)
		if f == nil {
			return
		}
		// A chain of three or more, or a nested title, is what the other
		// forward rules advise against: not the plain forwarding praised here.
		if _, _, _, nested := f.nestedTitle(); nested || f.levels() > 2 {
			return
		}
		if why := forwardAdds(pass, f); why != "" {
			return
		}
		span := f.sentence
		if span.Empty() {
			span = f.titleSpan
		}
		pass.Reportf(span, "本文只作转发，未另提配套文件、报送情况或新的时限要求：没有结合本地实际的具体措施时，原文转发执行即可，这是提倡的做法")
	},
}

// minOwnParagraph is the length (in characters) from which a paragraph
// after the forwarding sentence is the notice's own text: longer than an
// organ's name, a date or a note on the text, shorter than any measure.
const minOwnParagraph = 40

// maxPlainWrapper is the longest wrapper (in characters) still read as
// plain: the 国办 wrappers in the corpus run 60 to 420 characters; a
// longer one sets out measures of its own.
const maxPlainWrapper = 600

// forwardAdds says what the wrapper adds to the forwarded document, or ""
// when it adds nothing: headings, deadlines or dates, and demands for
// 配套文件 or reports.
func forwardAdds(pass *lint.Pass, f *forwardNotice) string {
	doc := pass.Doc
	for _, h := range doc.Structure.Headings {
		if h.Span.Start >= f.wrapper.Start && h.Span.End <= f.wrapper.End {
			return "headings"
		}
	}
	body := doc.Slice(f.wrapper)
	if lint.CountChars(body) > maxPlainWrapper {
		return "long"
	}
	if !f.sentence.Empty() && f.sentence.End <= f.wrapper.End {
		// Paragraphs after the one that forwards set out the notice's own
		// requirements (fwd02: 根据地震部门的预测……要按照……); the
		// signature, the date and notes such as （本文有删减） are short.
		after := doc.Slice(lint.Span{Start: f.sentence.End, End: f.wrapper.End})
		if i := strings.IndexByte(after, '\n'); i >= 0 {
			for _, line := range strings.Split(after[i+1:], "\n") {
				if lint.CountChars(line) >= minOwnParagraph {
					return "paragraph"
				}
			}
		}
	}
	for _, id := range []string{"forward-demands-package", "forward-demands-report"} {
		if hits, _ := demandHits(pass, id); len(hits) > 0 {
			return id
		}
	}
	if d := firstDeadline(doc, f.wrapper); d != "" {
		return fmt.Sprintf("deadline %s", d)
	}
	return ""
}

// firstDeadline is the text of the first deadline or due date in span, or "".
func firstDeadline(doc *lint.Document, span lint.Span) string {
	text := builtinPhraseSet().find(doc).text
	if ds := text.Deadlines(span.Start, span.End); len(ds) > 0 {
		return ds[0].Text
	}
	return ""
}

// forwardedFromTitle is what a forwarding title says is forwarded: the
// text after the last 转发 or 批转, without the closing 的通知.
func forwardedFromTitle(title string) string {
	i := max(strings.LastIndex(title, "转发"), strings.LastIndex(title, "批转"))
	if i < 0 {
		return ""
	}
	rest := title[i+len("转发"):]
	rest = strings.TrimSuffix(rest, "通知")
	rest = strings.TrimSuffix(rest, "的")
	return strings.Trim(rest, "《》")
}
