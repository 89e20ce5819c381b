package rules

import (
	"fmt"
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/phrase"
)

// StyleTaohua reports the density of 套话 (empty set phrases: 高度重视,
// 进一步加强, 切实做好, 认真贯彻落实, 充分认识…重要意义, 以…为指导…) per
// 1,000 counted characters, and a 穿靴戴帽 opening (a first paragraph that
// restates background and significance before saying anything). Each
// phrase is ordinary; only the density says something, so the message
// gives the figure and the phrases, never a verdict, and the rule fires
// only above taohuaThreshold.
//
// Severity info: 八项规定's "力戒空话、套话" [V] and the 条例's 文字精练 set
// no measure; the threshold is ours.
var StyleTaohua = &lint.Rule{
	ID:       "style-taohua",
	Name:     "套话空话",
	Severity: lint.Info,
	Source:   "八项规定（“力戒空话、套话”）；《党政机关公文处理工作条例》第十九条",
	Doc:      "套话密度（每千字处数）偏高，或开头穿靴戴帽",
	Requires: phraseRules,
	Needs:    lint.NeedsWords,
	Run:      runStyleTaohua,
}

// taohuaThreshold is the density (phrases per 1,000 counted characters)
// above which style-taohua reports. Over the 55 gov.cn documents of the
// corpus with at least taohuaMinChars (testdata/corpus/gov) the density
// has median 0.8, 75th percentile 1.4, 90th percentile 2.1 and maximum 3.8
// (TestTaohuaDistribution prints them); 2.5 reports only the few densest
// of published State Council texts, which are themselves edited for
// economy, so a draft above it is thick with set phrases by that measure.
const taohuaThreshold = 2.5

// taohuaMinChars: below this a density means little (three phrases in a
// 300-character notice).
const taohuaMinChars = 400

// taohuaMinCount: a density made of one or two phrases in a short text is
// chance, not style.
const taohuaMinCount = 5

// openingMarkers mark a first paragraph that restates background and
// significance.
var openingMarkers = []string{"近年来", "随着", "当前", "重要意义", "高度重视", "十分重视", "党中央", "重大决策部署", "重要举措", "重要指示"}

func runStyleTaohua(pass *lint.Pass) {
	doc := pass.Doc
	counted := doc.CountedSpan()
	matches, text := phraseMatches(pass, counted)
	chars := countedChars(doc)
	if text == nil || chars < taohuaMinChars {
		return
	}
	density := float64(len(matches)) * 1000 / float64(chars)
	if density > taohuaThreshold && len(matches) >= taohuaMinCount {
		counts := map[string]int{}
		for _, x := range matches {
			var key strings.Builder
			for i, sp := range x.Parts {
				if i > 0 && x.Parts[i-1].End != sp.Start {
					key.WriteString("…")
				}
				key.WriteString(text.Slice(sp))
			}
			counts[key.String()]++
		}
		var parts []string
		for i, k := range sortedKeys(counts) {
			if i == 6 {
				parts = append(parts, "等")
				break
			}
			parts = append(parts, fmt.Sprintf("%s×%d", k, counts[k]))
		}
		span := doc.Structure.Title
		if span.Empty() {
			span = trimSpan(doc, counted)
		}
		pass.Reportf(lint.Span(span), "套话密度为每千字%.1f处（%d处/%d字：%s），高于每千字%.1f处的参考值；可删去不传递信息的套语，直接写要做什么、谁来做、何时完成",
			density, len(matches), chars, strings.Join(parts, "、"), taohuaThreshold)
	}
	reportOpening(pass, text)
}

// openingMinChars: a first paragraph shorter than this is a normal
// statement of purpose, whatever it says.
const openingMinChars = 150

// reportOpening reports a first body paragraph that is long and made of
// background and significance.
func reportOpening(pass *lint.Pass, text *phrase.Text) {
	doc := pass.Doc
	body := lint.Span(doc.Structure.Body)
	for _, p := range doc.Structure.Paragraphs {
		if p.Content.Empty() || p.Content.Start < body.Start || body.Empty() {
			continue
		}
		if p.Content.End > body.End {
			return
		}
		n := lint.CountChars(p.Text)
		if n < openingMinChars {
			return
		}
		var seen []string
		for _, w := range openingMarkers {
			if hasWord(text, p.Content.Start, p.Content.End, []string{w}) {
				seen = append(seen, w)
			}
		}
		if len(seen) >= 3 {
			pass.Reportf(lint.Span(p.Content), "开头一段%d字重述背景和意义（%s），可压缩为一句说明发文目的的话，直接进入要求（穿靴戴帽）", n, strings.Join(seen, "、"))
		}
		return
	}
}
