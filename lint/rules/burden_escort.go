package rules

import "github.com/gwlint/gwlint/lint"

// BurdenEscort reports 层层陪同: 乡镇 and 村 leaders, all of a level, or a
// set number of people, told to accompany or wait for a visiting team. A
// single leader asked to accompany is info.
//
// Severity warning: 调研不搞层层陪同 (若干规定, as quoted in 通报).
var BurdenEscort = &lint.Rule{
	ID:       "burden-escort",
	Name:     "调研层层陪同",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（调研不搞层层陪同）；整治形式主义为基层减负典型问题通报",
	Doc:      "要求乡镇、村干部层层陪同调研、列队迎候",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
