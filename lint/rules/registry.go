package rules

import (
	"sync"

	"github.com/gwlint/gwlint/lint"
)

var (
	registryOnce sync.Once
	registry     *lint.Registry
)

// All is the registry of every rule gwlint ships. Each family keeps its
// own list beside its rules (family_*.go), so adding a rule touches only
// its family.
func All() *lint.Registry {
	registryOnce.Do(func() {
		var all []*lint.Rule
		for _, family := range Families() {
			all = append(all, family...)
		}
		registry = lint.NewRegistry(all...)
	})
	return registry
}

// Families lists the rules by family, in the order the README's rule
// table shows them: the 字数 cap, copying, forwarding, burdens, format,
// layout, genre, punctuation and numbers, and the checker's own.
func Families() [][]*lint.Rule {
	return [][]*lint.Rule{{LengthCap}, copyRules, forwardRules, burdenRules, formatRules, layoutRules, genreRules, punctRules, {lint.UnusedSuppression}}
}
