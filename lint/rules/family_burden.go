package rules

import "github.com/gwlint/gwlint/lint"

// burdenRules lists the burden family's rules for All: 层层加码 and the
// formalism burdens a draft imposes on lower levels, and the density of
// 套话 (style-taohua), which shares their phrase lists.
var burdenRules = []*lint.Rule{
	BurdenDeadline, BurdenVeto, BurdenProof, BurdenRanking, BurdenApp,
	BurdenCriteria, BurdenForms, BurdenEscalation, StyleTaohua,
	BurdenMeeting, BurdenInspection, BurdenSecondment, BurdenTerritorial, BurdenLevy,
	BurdenDuplicate, BurdenAppSprawl, BurdenNotes, BurdenDemonstration, BurdenEscort,
	BurdenQuota, BurdenDirective, BurdenConsultation, BurdenRaise, BurdenLocal,
}
