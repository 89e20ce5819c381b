package rules

import "github.com/gwlint/gwlint/lint"

// BurdenInspection reports 督查检查考核 burdens: inspections disguised as
// 调研 or 业务指导, demands for 迎检资料 and 汇报PPT, the same matter
// inspected again by other departments, and 全覆盖/拉网式 inspection. An
// extended or separate check (延伸抽查, 分别检查) is info: it may be in the
// approved plan.
//
// Severity warning: the 若干规定 limits the number of 督查检查考核 and
// forbids disguised ones (as quoted in 通报).
var BurdenInspection = &lint.Rule{
	ID:       "burden-inspection",
	Name:     "督查检查考核过多或变相",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（严控督查检查考核）；整治形式主义为基层减负典型问题通报",
	Doc:      "以调研、业务指导名义变相检查，要求准备迎检材料和汇报PPT，重复、全覆盖督查检查",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
