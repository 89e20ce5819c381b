package rules

import "github.com/gwlint/gwlint/lint"

// BurdenDuplicate reports 多头、重复报送: paper copies on top of online
// submission, data filled in again on a new template, two sets of forms
// for the same matter.
//
// Severity warning: 国办函〔2026〕12号 [V] forbids 随意或重复要求基层填表
// 报数交材料.
var BurdenDuplicate = &lint.Rule{
	ID:       "burden-duplicate",
	Name:     "多头重复报送",
	Severity: lint.Warning,
	Source:   "国办函〔2026〕12号《政务移动互联网应用程序规范化管理办法》；《整治形式主义为基层减负若干规定》",
	Doc:      "多头、重复报送同一数据，线上报送之外再要纸质件",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
