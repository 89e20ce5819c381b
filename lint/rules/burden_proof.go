package rules

import "github.com/gwlint/gwlint/lint"

// BurdenProof reports demands for proof by 拍照, 截图, 轨迹 and 留痕, and for
// piles of 佐证材料 or 台账 as the basis of evaluation. Keeping a 台账 is often
// legitimate (建立安全生产台账), so only the constructions "提供/上传…照片/截图"
// and "…作为…佐证/依据" match, never the bare word.
//
// Severity warning for photos, screenshots and tracks: 国办函〔2026〕12号
// [V] forbids forcing their upload; info for 佐证材料 and 台账 as evidence,
// which rests on a paraphrase of the 若干规定.
var BurdenProof = &lint.Rule{
	ID:       "burden-proof",
	Name:     "过度留痕",
	Severity: lint.Warning,
	Source:   "国办函〔2026〕12号《政务移动互联网应用程序规范化管理办法》",
	Doc:      "要求拍照、截图、上传轨迹留痕，或以台账、佐证材料作为评判依据",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
