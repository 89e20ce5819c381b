package rules

import (
	"github.com/gwlint/gwlint/lint"
)

// ForwardDemandsPackage reports a draft that asks lower levels for 配套
// 文件, 实施方案 or 实施细则, or to issue one in their own name (以…名义
// 行文): 以文件落实文件, one more document at every level. Every draft that
// assigns work downwards is read (burden_demand.go); of a 转发 notice only
// the wrapper, never the forwarded text, whose demands are the parent's.
//
// Severity warning: 若干规定 第3条 says 一般不提出…制定配套文件的要求. The
// wording is known only as a paraphrase, so the source says 据释义 and
// practice, and the message does not quote it; 一般 makes it a warning.
var ForwardDemandsPackage = &lint.Rule{
	ID:       "forward-demands-package",
	Name:     "以文件落实文件：转发时要求配套文件",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》第3条（据释义）；实务通行做法",
	Doc:      "下行文（转发、印发、通知、实施意见、方案、函）要求下级制定配套文件、实施方案或实施细则，以文件落实文件",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}

// ForwardDemandsReport reports a draft that asks lower levels to report
// how they carry it out (报送贯彻落实情况, 自查报告), in every draft that
// assigns work downwards.
//
// Severity warning: 若干规定 第3条 says 一般不提出报送贯彻落实情况…的要求
// (paraphrase; 一般).
var ForwardDemandsReport = &lint.Rule{
	ID:       "forward-demands-report",
	Name:     "转发时要求报送落实情况",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》第3条（据释义）；实务通行做法",
	Doc:      "下行文（转发、印发、通知、实施意见、方案、函）要求下级报送贯彻落实情况",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
