package rules

import "github.com/gwlint/gwlint/lint"

// BurdenRanking reports ranking 通报 by month, week or quarter ("每月排名
// 通报", "按月通报排名"). A frequency, 排名 and 通报 must stand in one
// sentence: 排名靠前的城市 or a yearly ranking is not what the rule forbids.
//
// Severity warning: the 若干规定 as quoted in 通报 says "不得按月度、季度
// 频繁搞排名通报" — a clear prohibition, but quoted, not verbatim.
var BurdenRanking = &lint.Rule{
	ID:       "burden-ranking",
	Name:     "频繁排名通报",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（通报引述）",
	Doc:      "按月、按周或按季度排名通报",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
