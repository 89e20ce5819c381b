package rules

import "github.com/gwlint/gwlint/lint"

// BurdenTerritorial reports tasks pushed to the 乡镇, 村 or schools in the
// name of 属地管理: professional inspection, supervision or enforcement
// (燃气, 电梯, 水域, 施工安全) put on them.
//
// Severity info: whether a task belongs to the 乡镇 depends on its
// 履职事项清单 (every 乡镇 has one), which the draft does not show; a
// reader checks the task against the list.
var BurdenTerritorial = &lint.Rule{
	ID:       "burden-territorial",
	Name:     "以属地管理推卸任务",
	Severity: lint.Info,
	Source:   "《整治形式主义为基层减负若干规定》（不得以属地管理为名转嫁责任）；乡镇（街道）履行职责事项清单",
	Doc:      "以属地管理为名把专业监管、巡查、执法任务推给乡镇、村",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
