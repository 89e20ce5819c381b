package rules

import "github.com/gwlint/gwlint/lint"

// BurdenForms reports frequent 填表报数: daily or weekly reporting of forms
// and data (每周报送…表, 每日填报, 日报制度). Monthly and quarterly statistics
// are ordinary and stay quiet.
//
// Severity info: the 若干规定's "不得频繁要求基层填表格报材料" is known only
// as a paraphrase, and daily reporting can be warranted (an emergency, a
// flood season); 国办函〔2026〕12号 [V] speaks of 随意或重复 demands.
var BurdenForms = &lint.Rule{
	ID:       "burden-forms",
	Name:     "频繁填表报数",
	Severity: lint.Info,
	Source:   "《整治形式主义为基层减负若干规定》（释义）",
	Doc:      "要求每日、每周填表报数",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
