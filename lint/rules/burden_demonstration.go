package rules

import "github.com/gwlint/gwlint/lint"

// BurdenDemonstration reports 创建示范 and 评比表彰 a draft sets up
// itself: quotas of model villages or schools, 评选表彰, 授牌命名. Honours
// conferred with approval (经省政府批准, 授予…称号) are not reported.
//
// Severity warning: such activities need approval and a place on the
// list of those kept (若干规定, as quoted in 通报).
var BurdenDemonstration = &lint.Rule{
	ID:       "burden-demonstration",
	Name:     "创建示范与评比表彰",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（严控创建示范和评比表彰）；整治形式主义为基层减负典型问题通报",
	Doc:      "自行开展创建示范、评比表彰、授牌命名并下达申报数量",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
