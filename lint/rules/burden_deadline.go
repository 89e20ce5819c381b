package rules

import (
	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/phrase"
)

// BurdenDeadline reports demands to report or give feedback within an
// impossibly short time: 当天, 次日, a few hours, one or two working days, or
// on a weekend (周五发文要求周六反馈). The construction, from
// dict/phrases/burden.yaml, is a demand verb, the deadline and 报送/反馈/上报
// within one sentence, so 即日起施行 or 建立即时报送机制 stay quiet.
//
// Severity info: no quoted rule fixes a minimum time; these deadlines are
// burdens named in published 通报 (潮州 2025: "要求当天或次日反馈", "周五
// 发出要求周六反馈"), and an emergency may justify them, so this is
// 实务通行做法.
var BurdenDeadline = &lint.Rule{
	ID:       "burden-deadline",
	Severity: lint.Info,
	Source:   "实务通行做法（整治形式主义为基层减负典型问题通报）",
	Doc:      "要求当天、次日、数小时内、1—2个工作日内或周末报送、反馈",
	Needs:    lint.NeedsWords,
	Run: runBurdenPhrases(func(text *phrase.Text, x phrase.Match) string {
		sp, ok := x.Capture("tight_deadline")
		if !ok {
			return ""
		}
		d, ok := phrase.ParseDeadline(text.Slice(sp))
		if !ok {
			return ""
		}
		return "时限：" + deadlineWords(d)
	}),
}

// deadlineWords says how much time a deadline leaves.
func deadlineWords(d phrase.Deadline) string {
	switch d.Kind {
	case phrase.SameDay:
		return d.Text + "，即收文当天"
	case phrase.NextDay:
		return d.Text + "，即收文次日"
	case phrase.Weekend:
		return d.Text + "，落在休息日"
	}
	return d.Text
}
