package rules

import "github.com/gwlint/gwlint/lint"

// BurdenConsultation reports 反复征求意见: another round of consultation
// on the same text, and replies demanded even when there is nothing to
// say. A short deadline for the reply is burden-deadline's.
//
// Severity info: only published cases stand behind it, and a second
// round may be needed.
var BurdenConsultation = &lint.Rule{
	ID:       "burden-consultation",
	Name:     "反复征求意见",
	Severity: lint.Info,
	Source:   "整治形式主义为基层减负典型问题通报（反复征求意见）",
	Doc:      "反复征求基层意见，无意见的也须书面回复盖章",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
