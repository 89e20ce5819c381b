package rules

import "github.com/gwlint/gwlint/lint"

// BurdenRaise reports 层层加码 the draft states in its own words: the
// parent's figure, frequency or deadline named and raised (在市下达80亿元
// 的基础上按120亿元分解, 两年一创建调整为一年一创建, 提前至10月底前).
// burden-escalation compares against the parent document itself when one
// is given.
//
// Severity warning: the 2025 规定 [V] names 层层加码 as a breach.
var BurdenRaise = &lint.Rule{
	ID:       "burden-raise",
	Name:     "草稿自行加码",
	Severity: lint.Warning,
	Source:   "《农村基层干部廉洁履行职责规定》（2025）；实务通行做法（层层加码：增速度、加数量、扩内容、提标准）",
	Doc:      "在草稿中写明在上级目标、频次或期限之上加码",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
