package rules

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/gwlint/gwlint/lint"
)

// CopyPassage reports each passage of at least 13 normalized characters
// that the draft shares with a parent document, with the parent's passage
// beside it. Light edits (a swapped 全国→全省, a changed year or number, a
// changed character) do not split a passage. It is info: restating a
// sentence of the parent is often right; a draft made of them is what
// copy-ratio flags.
var CopyPassage = &lint.Rule{
	ID:       "copy-passage",
	Name:     "照抄上级文件的段落",
	Severity: lint.Info,
	Source:   copySource,
	Scope:    lint.ScopeCopied,
	Doc:      "与上级文件重复的段落（至少13个字符，容忍地名、年份、数字的替换），并列出上级文件原文",
	Needs:    lint.NeedsParents,
	Requires: []lint.Requirement{lint.CopyFact},
	Run: func(pass *lint.Pass) {
		if lint.CopyFact.Get(pass) == nil {
			return
		}
		for _, p := range lint.CopyFact.Get(pass).Passages {
			pass.Report(lint.Finding{
				Span:    p.Draft,
				Message: passageMessage(pass.Doc, p, "与上级文件"),
				Related: []lint.Related{lint.RelatedIn(p.Parent.Doc, p.Parent.Path, p.ParentSpan, "上级文件原文")},
			})
		}
	},
}

// passageMessage describes a passage: where it comes from, its length and
// similarity, what was changed (the draft's words against the parent's,
// the first few), and the other parents that have it.
func passageMessage(doc *lint.Document, p lint.CopyPassage, lead string) string {
	var b strings.Builder
	// Rounded down, and below 100 whenever anything differs: a swapped
	// 全国/全省 counts as the same for the similarity, but a passage with
	// an edit is not "100%" to a reader.
	pct := int(math.Floor(p.Similarity * 100))
	if len(p.Edits) > 0 && pct >= 100 {
		pct = 99
	}
	fmt.Fprintf(&b, "%s%s重复%d字（相似度%d%%）", lead, parentName(p.Parent), p.Len, pct)
	if n := len(p.Edits); n > 0 {
		fmt.Fprintf(&b, "，改动%d处", n)
		if shown := describeEdits(doc, p); shown != "" {
			b.WriteString("：" + shown)
		}
	}
	if len(p.AlsoIn) > 0 {
		names := make([]string, len(p.AlsoIn))
		for i, o := range p.AlsoIn {
			names[i] = parentName(o)
		}
		fmt.Fprintf(&b, "；同样见于%s", strings.Join(names, "、"))
	}
	return b.String()
}

// maxEditsShown is how many edits a passage's message spells out.
const maxEditsShown = 3

// editContext is how many characters around an edit its description
// quotes, so that 国→市 reads “全国各”改为“全市各”.
const editContext = 2

// describeEdits spells out the first edits of a passage, each with its
// context, the same edit counted once: “全国各”改为“全市各”，删去“各地区”中的“地”（3处）.
func describeEdits(doc *lint.Document, p lint.CopyPassage) string {
	pd := p.Parent.Doc
	around := func(d *lint.Document, sp, within lint.Span) (before, mid, after string) {
		rs := []rune(d.Slice(within))
		lo, hi := sp.Start-within.Start, sp.End-within.Start
		// Whole numbers (2022年, not 022年), then a little context.
		for lo > 0 && unicode.IsDigit(rs[lo-1]) {
			lo--
		}
		for hi < len(rs) && unicode.IsDigit(rs[hi]) {
			hi++
		}
		for k := 0; k < editContext && lo > 0 && rs[lo-1] != '\n'; k++ {
			lo--
		}
		for k := 0; k < editContext && hi < len(rs) && rs[hi] != '\n'; k++ {
			hi++
		}
		a, z := sp.Start-within.Start, sp.End-within.Start
		return string(rs[lo:a]), string(rs[a:z]), string(rs[z:hi])
	}
	var order []string
	count := map[string]int{}
	for _, e := range p.Edits {
		db, dm, da := around(doc, e.Draft, p.Draft)
		pb, pm, pa := around(pd, e.Parent, p.ParentSpan)
		clean := strings.NewReplacer("\n", " ", "\r", " ")
		db, dm, da = clean.Replace(db), clean.Replace(dm), clean.Replace(da)
		pb, pm, pa = clean.Replace(pb), clean.Replace(pm), clean.Replace(pa)
		var d string
		switch {
		case strings.TrimSpace(dm) == "" && strings.TrimSpace(pm) == "":
			continue
		case dm == "":
			d = "删去“" + clip(pb+pm+pa, 16) + "”中的“" + clip(pm, 8) + "”"
		case pm == "":
			d = "增加“" + clip(dm, 8) + "”（“" + clip(db+dm+da, 16) + "”）"
		default:
			d = "“" + clip(pb+pm+pa, 16) + "”改为“" + clip(db+dm+da, 16) + "”"
		}
		if count[d] == 0 {
			order = append(order, d)
		}
		count[d]++
	}
	var out []string
	for _, d := range order[:min(len(order), maxEditsShown)] {
		if n := count[d]; n > 1 {
			d += fmt.Sprintf("（%d处）", n)
		}
		out = append(out, d)
	}
	text := strings.Join(out, "，")
	if len(order) > maxEditsShown {
		text += "等"
	}
	return text
}

// parentName names a parent by its title in 《》, or by its path when no
// title was recognized.
func parentName(p *lint.Parent) string {
	if t := p.Title(); t != "" {
		return "《" + strings.Trim(t, "《》") + "》"
	}
	return p.Path
}
