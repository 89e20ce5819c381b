package rules

import "github.com/gwlint/gwlint/lint"

// BurdenSecondment reports 借调 and 抽调 of grassroots staff (乡镇, 村,
// 学校, 教师) to higher offices. Drawing staff from 县直 units only is info.
// 挂职锻炼 and 遴选 are not secondments.
//
// Severity warning: the 若干规定 asks to 严格控制 secondments from the
// grassroots, and the 通报 condemn them.
var BurdenSecondment = &lint.Rule{
	ID:       "burden-secondment",
	Name:     "借调抽调基层人员",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（严格控制借调基层干部）；整治形式主义为基层减负典型问题通报",
	Doc:      "从乡镇、村、学校借调抽调人员",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
