package rules

import "github.com/gwlint/gwlint/lint"

// forwardRules lists the forward family's rules for All: 层层转发
// (layer-by-layer forwarding) of 转发 and 批转 notices.
var forwardRules = []*lint.Rule{
	ForwardChain, ForwardNestedTitle, ForwardDemandsPackage, ForwardDemandsReport, ForwardPlain,
}
