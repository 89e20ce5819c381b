package rules

import (
	"fmt"

	"github.com/gwlint/gwlint/lint"
)

// PunctPair checks that the paired marks of GB/T 15834—2011 close within
// their paragraph: 括号 （）, 引号 “”, 书名号 《》, 六角括号 〔〕 and 方头括号
// 【】. A half-width ( ) pairs with its full-width partner here, because
// punct-halfwidth already reports the width; pairing them separately would
// report one slip twice.
//
// A quotation of several paragraphs is the one place a mark stays open:
// the standard puts an opening “ at the head of every quoted paragraph and
// the closing ” only at the end of the last. So a paragraph that opens
// with “ and leaves it open is accepted when the next paragraph opens
// with “ too.
var PunctPair = &lint.Rule{
	ID:       "punct-pair",
	Name:     "标点不成对",
	Severity: lint.Error,
	Source:   "GB/T 15834—2011",
	Doc:      "成对的标点（括号、引号、书名号、六角括号、方头括号）在段内不配对",
	Run: func(pass *lint.Pass) {
		blocks := formatBlocks(pass.Doc)
		for bi := 0; bi < len(blocks); bi++ {
			block := blocks[bi]
			continued := bi+1 < len(blocks) && blockOpensWith(blocks[bi+1], '“')
			found := unpairedMarks(block, continued)
			// A parenthetical note wrapped onto the next line by the
			// layout ("（二○○四年六月十六日国务院" / "第54次常务会议修订通过）")
			// pairs across the break: judge the two lines together when
			// that leaves fewer marks unpaired.
			if len(found) > 0 && bi+1 < len(blocks) {
				joined := append(append([]formatLine{}, block...), blocks[bi+1]...)
				more := bi+2 < len(blocks) && blockOpensWith(blocks[bi+2], '“')
				next := unpairedMarks(blocks[bi+1], more)
				if both := unpairedMarks(joined, more); len(both) < len(found)+len(next) {
					found = both
					bi++
				}
			}
			for _, p := range found {
				pass.Report(lint.Finding{Span: lint.Span{Start: p.at, End: p.at + 1}, Message: p.message})
			}
		}
	},
}

// pairOf maps each closing mark to its opening mark.
var pairOf = map[rune]rune{'）': '（', ')': '（', '”': '“', '》': '《', '〕': '〔', '】': '【'}

// pairName names a kind of paired mark by its opening mark.
var pairName = map[rune]string{'（': "括号", '“': "引号", '《': "书名号", '〔': "六角括号", '【': "方头括号"}

var pairClose = map[rune]string{'（': "）", '“': "”", '《': "》", '〔': "〕", '【': "】"}

type unpaired struct {
	at      int
	message string
}

func blockOpensWith(block []formatLine, r rune) bool {
	for _, l := range block {
		for _, c := range l.Runes {
			if fmtSpace(c) {
				continue
			}
			return c == r
		}
	}
	return false
}

// unpairedMarks finds the marks of one paragraph that have no partner.
// continued says the next paragraph opens with “, which excuses an opening
// “ left open at the head of this one.
func unpairedMarks(block []formatLine, continued bool) []unpaired {
	type open struct {
		kind rune // the full-width mark it pairs as
		mark rune // the mark as written: ( stays (
		at   int
	}
	var stack []open
	var out []unpaired
	first := -1 // offset of the paragraph's first visible rune
	for _, l := range block {
		for i, r := range l.Runes {
			at := l.Start + i
			if first < 0 && !fmtSpace(r) {
				first = at
			}
			switch r {
			case '（', '(', '“', '《', '〔', '【':
				kind := r
				if r == '(' {
					kind = '（'
				}
				stack = append(stack, open{kind, r, at})
				continue
			}
			kind, ok := pairOf[r]
			if !ok {
				continue
			}
			k := len(stack) - 1
			for k >= 0 && stack[k].kind != kind {
				k--
			}
			if k < 0 && (r == '）' || r == ')') && lineMarker(l.Runes[:i]) {
				continue // 1） a) open a list item
			}
			if k < 0 {
				partner := kind
				if r == ')' {
					partner = '('
				}
				out = append(out, unpaired{at, fmt.Sprintf("后%s“%c”前面没有与之配对的“%c”：%s应成对使用",
					pairName[kind], r, partner, pairName[kind])})
				continue
			}
			for _, o := range stack[k+1:] {
				out = append(out, unclosed(o.kind, o.mark, o.at))
			}
			stack = stack[:k]
		}
	}
	for _, o := range stack {
		if o.kind == '“' && o.at == first && continued {
			continue
		}
		out = append(out, unclosed(o.kind, o.mark, o.at))
	}
	return out
}

// unclosed reports an opening mark left open; mark is the mark as
// written, so a half-width ( is quoted as ( and its partner as ).
func unclosed(kind, mark rune, at int) unpaired {
	note := ""
	if kind == '“' {
		note = "；引文跨段时每段开头用前引号，只在最后一段末尾用后引号"
	}
	closing := pairClose[kind]
	if mark == '(' {
		closing = ")"
	}
	return unpaired{at, fmt.Sprintf("前%s“%c”在本段内没有配对的“%s”：%s应成对使用%s",
		pairName[kind], mark, closing, pairName[kind], note)}
}
