package rules

import "github.com/gwlint/gwlint/lint"

// BurdenApp reports app check-ins and metrics used to evaluate people:
// 打卡, 在线时长, 学习时长, 下载安装率, 点赞量, 转发量. 打卡 alone is also a word
// of tourism (红色旅游打卡地), so it matches only after a demand or with 签到
// or 定位.
//
// Severity warning: 国办函〔2026〕12号 [V] prohibits these functions and
// their use as evaluation criteria.
var BurdenApp = &lint.Rule{
	ID:       "burden-app",
	Name:     "指尖上的形式主义：以应用数据考核",
	Severity: lint.Warning,
	Source:   "国办函〔2026〕12号《政务移动互联网应用程序规范化管理办法》",
	Doc:      "以打卡、在线时长、学习时长、下载安装率、点赞量、转发量等作为考核通报指标",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
