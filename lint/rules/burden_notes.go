package rules

import "github.com/gwlint/gwlint/lint"

// BurdenNotes reports 手抄学习笔记: copying notes, the 党章 or an outline
// by hand, and judging people by their notes. Notes used as a reference
// for appraisal are info.
//
// Severity warning: the 若干规定 [P] 不把…制作学习笔记等作为评判工作优劣的
// 标准, and the 通报 condemn 手抄 demands.
var BurdenNotes = &lint.Rule{
	ID:       "burden-notes",
	Name:     "手抄学习笔记",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（不把制作学习笔记作为评判标准）；整治形式主义为基层减负典型问题通报",
	Doc:      "要求手抄学习笔记、党章、提纲，以笔记数量质量考核",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
