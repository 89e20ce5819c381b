package rules

import "github.com/gwlint/gwlint/lint"

// BurdenCriteria reports meetings, documents and media reports counted as
// evaluation criteria ("召开推进会不少于2次", "媒体报道不少于1次") and
// 千分制 scoring.
//
// Severity warning: the 若干规定 as quoted in 通报 says "不把是否开会发文
// 作为评判工作优劣的标准", "不得将在刊物和媒体刊发文章信息…作为督查检查
// 考核内容" and "不搞'千分制'".
var BurdenCriteria = &lint.Rule{
	ID:       "burden-criteria",
	Name:     "以开会发文论成效",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（通报引述）",
	Doc:      "以开会、发文、媒体报道次数作为考核标准，或采用“千分制”",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
