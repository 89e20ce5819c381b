package rules

import "github.com/gwlint/gwlint/lint"

// BurdenDirective reports a 部门 or 议事协调机构 (县住建局, 市城市管理局,
// 县领导小组办公室) giving directive orders to a lower 人民政府 in the
// draft's sentence. 商请 and requests made with the government's consent
// (经县人民政府同意) are not directives.
//
// Severity warning: 条例 第十六条 [V] 部门不得向下级党委、政府发布指令性
// 公文或者在公文中向下级党委、政府提出指令性要求; 若干规定 第1条 [V] says
// the same of 议事协调机构.
var BurdenDirective = &lint.Rule{
	ID:       "burden-directive",
	Name:     "部门向下级政府发指令",
	Severity: lint.Warning,
	Source:   "《党政机关公文处理工作条例》第十六条；《整治形式主义为基层减负若干规定》第1条",
	Doc:      "部门或议事协调机构向下级人民政府提出指令性要求",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
