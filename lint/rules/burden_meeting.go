package rules

import "github.com/gwlint/gwlint/lint"

// BurdenMeeting reports 会风 burdens a draft imposes: meetings carried down
// to the 乡镇 and 村 (会议开到村, 续会开到村组), 层层召开 and 以会议落实会议,
// 每日调度, and demands that 主要负责同志 or everyone attend. Regular
// 例会 and 调度会 are info: their frequency may be warranted.
//
// Severity warning: the 若干规定 says 精简会议 and 不搞层层开会 of these
// practices, and the 通报 condemn them; the wording is known from the
// 通报, so the source names both.
var BurdenMeeting = &lint.Rule{
	ID:       "burden-meeting",
	Name:     "会风：层层开会与参会要求",
	Severity: lint.Warning,
	Source:   "《整治形式主义为基层减负若干规定》（精简会议）；整治形式主义为基层减负典型问题通报",
	Doc:      "要求主要负责同志或全员参会、会议层层开到乡镇和村、以会议落实会议、每日调度",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
