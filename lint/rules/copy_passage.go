package rules

import (
	"fmt"
	"math"
	"strings"

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
				Message: passageMessage(p, "与上级文件"),
				Related: []lint.Related{lint.RelatedIn(p.Parent.Doc, p.Parent.Path, p.ParentSpan, "上级文件原文")},
			})
		}
	},
}

// passageMessage describes a passage: where it comes from, its length and
// similarity, what was changed, and the other parents that have it.
func passageMessage(p lint.CopyPassage, lead string) string {
	var b strings.Builder
	// Rounded down: a passage with an edit must not read 100%.
	fmt.Fprintf(&b, "%s%s重复%d字（相似度%d%%）", lead, parentName(p.Parent), p.Len, int(math.Floor(p.Similarity*100)))
	if n := len(p.Edits); n > 0 {
		fmt.Fprintf(&b, "，仅改动%d处", n)
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

// parentName names a parent by its title in 《》, or by its path when no
// title was recognized.
func parentName(p *lint.Parent) string {
	if t := p.Title(); t != "" {
		return "《" + strings.Trim(t, "《》") + "》"
	}
	return p.Path
}
