package rules

import "github.com/gwlint/gwlint/lint"

// punctRules lists the punct family's rules for All: punctuation (GB/T
// 15834—2011) and numbers (GB/T 15835—2011).
var punctRules = []*lint.Rule{
	PunctHalfwidth, PunctPair, PunctDunhaoBetweenQuotes, NumberYear, NumberPercentRange, NumberApprox, NumberRange,
}
