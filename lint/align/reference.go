package align

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// ReferenceKind says what a reference span is.
type ReferenceKind string

const (
	// KindTitle is a 《title》 of a law, regulation or document.
	KindTitle ReferenceKind = "title"
	// KindDocNumber is a 发文字号 (document number) such as 国办发〔2018〕129号,
	// in whatever brackets the draft used.
	KindDocNumber ReferenceKind = "docno"
	// KindQuotation is text the draft attributes to its source: 根据《…》
	// with an optional （文号）, or the “…” after 指出：, 强调：, 要求： or 规定：.
	KindQuotation ReferenceKind = "quotation"
)

// Reference is a span that cites a parent rather than copies it. Citing the
// parent's title and number, and quoting it as a quotation, is how a
// document should refer to its source, so a caller may leave these spans
// out of copy detection (Options.Exclude) or report them at a lower
// severity. Only quotations are usually worth excluding: titles and
// numbers are shorter than a passage anyway.
type Reference struct {
	Range Range
	Kind  ReferenceKind
}

var (
	// 机关代字 of one to twelve Han characters, a four-digit year in any of
	// the brackets drafts use (correct 〔〕 or not), the number, 号.
	docNumberRE = regexp.MustCompile(`\p{Han}{1,12}[〔\[［(（【]\d{4}[〕\]］)）】]第?\d{1,5}号`)
	// 根据《…》（…） and its synonyms; the title is matched separately with
	// nesting, so the expression only anchors the verb.
	citeVerbRE = regexp.MustCompile(`(根据|按照|依据|依照|遵照|贯彻落实|贯彻)《`)
	// 指出：“ and its synonyms, with or without the colon.
	sayVerbRE = regexp.MustCompile(`(指出|强调|要求|规定|明确|提出)[：:]?\s*“`)
)

// notAgency are words that never stand inside a 机关代字 but often right
// before a 发文字号 ("要按照国办发〔1993〕71号文件的规定"): the regular
// expression's run of Han characters would take them, and the sentence
// before them, for the agency.
var notAgency = []string{"按照", "根据", "依据", "依照", "遵照", "贯彻", "落实", "执行", "参照", "印发", "转发",
	"的", "和", "及", "与", "要", "将", "对", "是", "为", "在", "由", "经", "了", "即", "以", "把", "请", "见"}

// maxAgency is the longest 机关代字 kept, in runes (安监总厅科技函 has 7).
const maxAgency = 8

// agencyStart is the byte offset in m, a docNumberRE match, where its
// 机关代字 begins: after the last word that cannot belong to one, and at
// most maxAgency runes before the bracket.
func agencyStart(m string) int {
	bracket := strings.IndexAny(m, "〔[［(（【")
	if bracket <= 0 {
		return 0
	}
	han := m[:bracket]
	start := 0
	for _, w := range notAgency {
		if i := strings.LastIndex(han, w); i >= 0 && i+len(w) > start {
			start = i + len(w)
		}
	}
	if n := utf8.RuneCountInString(han[start:]); n > maxAgency {
		for k := 0; k < n-maxAgency; k++ {
			_, size := utf8.DecodeRuneInString(han[start:])
			start += size
		}
	}
	return start
}

// maxQuote bounds how far a closing mark is looked for, so that an
// unbalanced 《 or “ cannot make one reference swallow the whole draft.
const maxQuote = 2000

// FindReferences returns the titles, 发文字号 and quotations in text,
// sorted by start offset, then end, then kind. Spans may nest: a
// quotation contains the title it cites.
func FindReferences(text string) []Reference {
	rs := []rune(text)
	var out []Reference
	// Byte offsets from the regular expressions become rune offsets.
	runeAt := byteToRune(text)

	for i, r := range rs {
		if r == '《' {
			if end, ok := closeTitle(rs, i); ok {
				out = append(out, Reference{Range{Start: i, End: end}, KindTitle})
			}
		}
	}
	for _, m := range docNumberRE.FindAllStringIndex(text, -1) {
		start := m[0] + agencyStart(text[m[0]:m[1]])
		out = append(out, Reference{Range{Start: runeAt[start], End: runeAt[m[1]]}, KindDocNumber})
	}
	for _, m := range citeVerbRE.FindAllStringIndex(text, -1) {
		start := runeAt[m[0]]
		open := runeAt[m[1]] - 1
		end, ok := closeTitle(rs, open)
		if !ok {
			continue
		}
		// An optional （文号） right after the title belongs to the citation.
		if end < len(rs) && (rs[end] == '（' || rs[end] == '(') {
			for j := end + 1; j < len(rs) && j-end < 40; j++ {
				if rs[j] == '）' || rs[j] == ')' {
					if docNumberRE.MatchString(string(rs[end+1 : j])) {
						end = j + 1
					}
					break
				}
			}
		}
		// 按照《决定》精神, 根据《意见》的要求: the word saying what of the
		// document is followed belongs to the citation.
		end += citeTail(rs[end:])
		out = append(out, Reference{Range{Start: start, End: end}, KindQuotation})
	}
	for _, m := range sayVerbRE.FindAllStringIndex(text, -1) {
		open := runeAt[m[1]] - 1
		depth := 0
		for j := open; j < len(rs) && j-open < maxQuote; j++ {
			if rs[j] == '“' {
				depth++
			} else if rs[j] == '”' {
				depth--
				if depth == 0 {
					out = append(out, Reference{Range{Start: open, End: j + 1}, KindQuotation})
					break
				}
			} else if rs[j] == '\n' && j+1 < len(rs) && rs[j+1] == '\n' {
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Range.Start != b.Range.Start {
			return a.Range.Start < b.Range.Start
		}
		if a.Range.End != b.Range.End {
			return a.Range.End < b.Range.End
		}
		return a.Kind < b.Kind
	})
	// The same span can be found twice (two verbs before one quotation).
	dedup := out[:0]
	for i, r := range out {
		if i > 0 && r == out[i-1] {
			continue
		}
		dedup = append(dedup, r)
	}
	return dedup
}

// citeTails are the words after a cited 《title》 that say what of it is
// followed, longest first.
var citeTails = []string{"有关规定", "有关要求", "的要求", "的规定", "的部署", "的精神", "精神", "要求", "部署", "规定", "安排"}

// citeTail is the length in runes of the citeTails word that opens rs, or 0.
func citeTail(rs []rune) int {
	for _, w := range citeTails {
		wr := []rune(w)
		if len(rs) >= len(wr) && string(rs[:len(wr)]) == w {
			return len(wr)
		}
	}
	return 0
}

// closeTitle returns the offset just past the 》 that closes the 《 at
// open, allowing nested 《》 and 〈〉, and refusing to cross a line.
func closeTitle(rs []rune, open int) (int, bool) {
	depth := 0
	for j := open; j < len(rs) && j-open < maxQuote; j++ {
		switch rs[j] {
		case '《':
			depth++
		case '》':
			depth--
			if depth == 0 {
				return j + 1, j > open+1
			}
		case '\n', '\r':
			return 0, false
		}
	}
	return 0, false
}

// byteToRune maps every byte offset of s (and len(s)) to a rune offset.
func byteToRune(s string) []int {
	m := make([]int, len(s)+1)
	r := 0
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		for j := 0; j < size; j++ {
			m[i+j] = r
		}
		i += size
		r++
	}
	m[len(s)] = r
	return m
}
