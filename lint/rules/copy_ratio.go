package rules

import (
	"fmt"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// CopyRatioOptions are copy-ratio's thresholds in the "copy" section.
type CopyRatioOptions struct {
	Ratio    float64 `yaml:"ratio" range:"0,1" doc:"copy-ratio: share of the draft copied"`
	Coverage float64 `yaml:"coverage" range:"0,1" doc:"copy-ratio: share of one parent restated"`
}

// CopyRatioThresholds is copy-ratio's part of the "copy" section.
var CopyRatioThresholds = lint.NewOptions("copy", CopyRatioOptions{Ratio: 0.5, Coverage: 0.6}, func(v *CopyRatioOptions, c *lint.OptionsCheck) error {
	for key, x := range map[string]float64{"ratio": v.Ratio, "coverage": v.Coverage} {
		if !(x >= 0 && x <= 1) { // written so that .nan is refused too
			return c.Error(key, "a share between 0 and 1")
		}
	}
	return nil
})

// CopyRatio flags a draft that, as a whole, restates its parent: too much
// of the draft is copied (照搬照抄), or too much of one parent is reproduced
// (上下一般粗). The defaults (half of the draft, or 60% of a parent; see
// CopyRatioOptions) sit well below the published case that drew a 通报
// (over 90% identical), so that a drafter hears of it while there is time
// to write local measures; both are configurable.
var CopyRatio = &lint.Rule{
	ID:       "copy-ratio",
	Name:     "上下一般粗：复制比过高",
	Severity: lint.Warning,
	Source:   copyRatioSource,
	Scope:    lint.ScopeDraft,
	Doc:      "全文复制比或对上级文件的覆盖率超过阈值（默认50%、60%），疑似照搬照抄、上下一般粗",
	Needs:    lint.NeedsParents,
	Requires: []lint.Requirement{lint.CopyFact},
	Run: func(pass *lint.Pass) {
		facts := lint.CopyFact.Get(pass)
		if facts == nil {
			return
		}
		cfg := CopyRatioThresholds.Get(pass)
		var reasons []string
		for _, p := range facts.Parents {
			if p.Verbatim {
				// Said first and plainly: the fix is not to edit the
				// copy but to forward the parent as it is.
				reasons = append(reasons, fmt.Sprintf("正文与%s逐字相同（全文照转）", parentName(p.Parent)))
			}
		}
		if facts.Ratio >= cfg.Ratio {
			reasons = append(reasons, fmt.Sprintf("全文%.0f%%的文字与上级文件重复（阈值%.0f%%）", facts.Ratio*100, cfg.Ratio*100))
		}
		for _, p := range facts.Parents {
			if p.Coverage >= cfg.Coverage {
				reasons = append(reasons, fmt.Sprintf("重现了%s中%.0f%%的内容（阈值%.0f%%）", parentName(p.Parent), p.Coverage*100, cfg.Coverage*100))
			}
		}
		if len(reasons) == 0 {
			return
		}
		doc := pass.Doc
		span := doc.Structure.Title
		if span.Empty() {
			span = trimSpan(doc, doc.CountedSpan())
		}
		pass.Reportf(span, "%s；贯彻上级文件应结合实际提出具体措施，没有具体措施的可原文转发执行", strings.Join(reasons, "；"))
	},
}
