package rules

import "github.com/gwlint/gwlint/lint"

// BurdenQuota reports 指令报数: a floor set on the figures a lower level
// reports (不得低于上年同期), and hard growth targets (增速须达到15%,
// 实现翻番). A floor qualified by 原则上 is info.
//
// Severity warning: the 统计法 forbids asking for untrue statistics, and
// the 通报 condemn 指令报数.
var BurdenQuota = &lint.Rule{
	ID:       "burden-quota",
	Name:     "指令报数",
	Severity: lint.Warning,
	Source:   "《中华人民共和国统计法》；整治形式主义为基层减负典型问题通报（指令报数）",
	Doc:      "指令报数：报送数据不得低于上年同期，增速、翻番硬指标",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
