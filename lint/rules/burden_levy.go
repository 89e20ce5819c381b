package rules

import "github.com/gwlint/gwlint/lint"

// BurdenLevy reports 摊派: quotas of subscriptions, insurance, donations,
// tickets or app downloads given to lower levels, staff or the public,
// and village funds used to pay for them. Counting participants of an
// activity is info.
//
// Severity warning: 摊派 is forbidden outright (若干规定 and the 通报).
var BurdenLevy = &lint.Rule{
	ID:       "burden-levy",
	Name:     "向基层摊派",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（不得向基层摊派）；整治形式主义为基层减负典型问题通报",
	Doc:      "向基层摊派订阅、参保、捐款、门票和下载注册任务",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
