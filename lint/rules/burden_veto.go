package rules

import "github.com/gwlint/gwlint/lint"

// BurdenVeto reports 一票否决 and demands to sign 责任状, 责任书 or 承诺书.
//
// Severity warning: the 若干规定 as quoted in 通报 says "不得随意设置'一票否决'
// 和签订责任状事项" — a prohibition, though qualified by 随意, and our text is
// a quotation, not the published article, so not an error. 承诺书 is not in
// the quoted clause; its entry is info (published cases only).
var BurdenVeto = &lint.Rule{
	ID:       "burden-veto",
	Name:     "一票否决与责任状",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（通报引述）",
	Doc:      "设置“一票否决”，要求签订责任状、责任书或承诺书",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
