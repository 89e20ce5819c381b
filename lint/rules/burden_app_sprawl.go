package rules

import "github.com/gwlint/gwlint/lint"

// BurdenAppSprawl reports several 政务APP, 小程序 or 工作群 demanded at
// once, a new one built beside those in use, and 实时回复, 接龙 or 每日登录
// in them. The metrics apps report (打卡, 积分) are burden-app.
//
// Severity warning: 国办函〔2026〕12号 [V] forbids 强制推广下载使用 and
// 强制要求定期登录.
var BurdenAppSprawl = &lint.Rule{
	ID:       "burden-app-sprawl",
	Name:     "多个政务APP和工作群",
	Severity: lint.Warning,
	Source:   "国办函〔2026〕12号《政务移动互联网应用程序规范化管理办法》",
	Doc:      "要求同时使用多个政务APP、小程序或工作群，群内实时回复、接龙，每日登录",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run:      runDemandKinds,
}
