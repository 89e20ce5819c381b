package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// PunctHalfwidth enforces the full-width forms of GB/T 15834—2011 (标点符号
// 用法, punctuation usage) in Chinese text: a half-width , . ; : ? ! ( )
// written beside Han characters is a typing slip for ，。；：？！（）. It
// leaves alone what is not Chinese punctuation: numbers (3.5, 1,000, 4:3),
// URLs and e-mail addresses, Latin text, and the structural numbers that
// open a line (1. is a heading form, judged by heading-sequence). A pair of
// half-width parentheses becomes full-width only when it encloses Chinese;
// (GDP) after a Han word stays as written.
var PunctHalfwidth = &lint.Rule{
	ID:       "punct-halfwidth",
	Name:     "半角标点",
	Severity: lint.Error,
	Source:   "GB/T 15834—2011",
	Doc:      "中文文本中使用了半角标点（, . ; : ? ! ( )），应使用全角标点",
	Run: func(pass *lint.Pass) {
		owned := fmtOwned(pass.Doc)
		for _, line := range formatLines(pass.Doc) {
			for _, h := range halfwidthMarks(line.Runes) {
				off := line.Start + h.at
				if owned.contains(off) || afterMarkup(pass.Doc, off) {
					continue
				}
				span := lint.Span{Start: off, End: line.Start + h.end}
				pass.Report(lint.Finding{
					Span:    span,
					Message: h.message,
					Fix:     &lint.Fix{Span: span, Text: string(h.full)},
				})
			}
		}
	},
}

// afterMarkup reports whether the rune before off closes a Markdown code
// span, blanked in the prose: a colon after `file.txt` closes Latin text,
// not Chinese, whatever follows it. Emphasis and links are not code: in
// 要认真**落实**,确保 the comma stands in Chinese text.
func afterMarkup(doc *lint.Document, off int) bool {
	if off == 0 || doc.Prose == doc.Text {
		return false
	}
	before := lint.Span{Start: off - 1, End: off}
	return doc.Index().Slice(before) == "`" && doc.Slice(before) != "`"
}

// halfwidthFull maps each half-width mark to its full-width form and name.
var halfwidthFull = map[rune]struct {
	full rune
	name string
}{
	',': {'，', "逗号"}, '.': {'。', "句号"}, ';': {'；', "分号"}, ':': {'：', "冒号"},
	'?': {'？', "问号"}, '!': {'！', "叹号"}, '(': {'（', "括号"}, ')': {'）', "括号"},
}

func isHalfwidthMark(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '?', '!', '(', ')':
		return true
	}
	return false
}

// halfwidthMark is one mark to replace: runes [at, end) of the line (the
// mark and any spaces typed after it) become full.
type halfwidthMark struct {
	at, end int
	full    rune
	message string
}

func newHalfwidthMark(at, end int, r rune, why string) halfwidthMark {
	f := halfwidthFull[r]
	return halfwidthMark{at: at, end: end, full: f.full,
		message: fmt.Sprintf("中文%s应使用全角“%c”，不用半角“%c”%s", f.name, f.full, r, why)}
}

// halfwidthMarks finds the half-width marks of one line that stand in
// Chinese text, in order.
func halfwidthMarks(rs []rune) []halfwidthMark {
	if !slices.ContainsFunc(rs, isHalfwidthMark) {
		return nil
	}
	masked := latinTokens(rs)
	var out []halfwidthMark
	type open struct {
		r  rune
		at int
	}
	var stack []open
	for i, r := range rs {
		if masked[i] {
			continue
		}
		switch r {
		case '(', '（':
			stack = append(stack, open{r, i})
			continue
		case ')', '）':
			if len(stack) == 0 {
				if r == ')' && i > 0 && fmtChinese(rs[i-1]) && !lineMarker(rs[:i]) {
					out = append(out, newHalfwidthMark(i, i+1, r, ""))
				}
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case o.r == '(' && r == ')':
				if hasHan(rs[o.at+1:i]) && !lineMarker(rs[:i]) {
					out = append(out, newHalfwidthMark(o.at, o.at+1, '(', "（括注内容是中文）"),
						newHalfwidthMark(i, i+1, ')', "（括注内容是中文）"))
				}
			case o.r == '（' && r == ')':
				out = append(out, newHalfwidthMark(i, i+1, r, "（与前面的全角“（”配对）"))
			case o.r == '(' && r == '）':
				out = append(out, newHalfwidthMark(o.at, o.at+1, '(', "（与后面的全角“）”配对）"))
			}
			continue
		case ',', '.', ';', ':', '?', '!':
		default:
			continue
		}
		var left rune
		if i > 0 {
			left = rs[i-1]
		}
		j := i + 1
		for j < len(rs) && fmtSpace(rs[j]) {
			j++
		}
		var right rune
		if j < len(rs) {
			right = rs[j]
		}
		if fmtDigit(left) && i+1 < len(rs) && fmtDigit(rs[i+1]) && r != ';' && r != '?' && r != '!' {
			continue // 3.5, 1,000, 4:3
		}
		chineseLeft := fmtChinese(left)
		if r == '.' {
			// A full stop only after Chinese, never one dot of "..." or
			// of a file name, and not the dot of a heading number 一.
			if !chineseLeft || (right != 0 && !fmtChinese(right)) || right == '.' || lineMarker(rs[:i]) {
				continue
			}
		} else if !chineseLeft && !fmtHan(right) {
			continue
		}
		if fmtLatin(left) && fmtLatin(right) {
			continue // English inside Chinese: "Hello, world"
		}
		end := i + 1
		if fmtHan(right) {
			end = j // the spaces typed after a Western mark go too
		}
		out = append(out, newHalfwidthMark(i, end, r, ""))
	}
	for _, o := range stack {
		if o.r == '(' && o.at+1 < len(rs) && fmtHan(rs[o.at+1]) {
			out = append(out, newHalfwidthMark(o.at, o.at+1, '(', ""))
		}
	}
	sortHalfwidth(out)
	return out
}

// lineMarker reports whether prefix (the line before a mark) is only a
// short number or letter, so that the mark closes a list or heading
// number (1. 一. 1) a)) rather than a sentence.
func lineMarker(prefix []rune) bool {
	n := 0
	for _, r := range prefix {
		switch {
		case fmtSpace(r):
			if n > 0 {
				return false
			}
		case fmtDigit(r) || fmtHanDigit(r) || fmtLatin(r) || r == '(' || r == '（':
			n++
		default:
			return false
		}
	}
	return n > 0 && n <= 4
}

func hasHan(rs []rune) bool {
	for _, r := range rs {
		if fmtHan(r) {
			return true
		}
	}
	return false
}

// latinTokens marks the runes of URLs, e-mail addresses and file paths:
// runs of non-space ASCII that contain "://", start with "www.", or hold
// an @ before a dot. Their marks belong to them.
func latinTokens(rs []rune) []bool {
	masked := make([]bool, len(rs))
	for i := 0; i < len(rs); {
		if rs[i] >= 0x80 || rs[i] <= ' ' {
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] < 0x80 && rs[j] > ' ' {
			j++
		}
		tok := string(rs[i:j])
		at := strings.IndexByte(tok, '@')
		if strings.Contains(tok, "://") || strings.HasPrefix(strings.ToLower(tok), "www.") ||
			(at > 0 && strings.Contains(tok[at:], ".")) {
			// A URL's last character is never a sentence mark typed after it.
			k := j
			for k > i && strings.ContainsRune(",.;:?!)", rs[k-1]) {
				k--
			}
			for x := i; x < k; x++ {
				masked[x] = true
			}
		}
		i = j
	}
	return masked
}

// sortHalfwidth orders marks by position; the parenthesis pass appends the
// opening mark of a pair late.
func sortHalfwidth(ms []halfwidthMark) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].at < ms[j].at })
}
