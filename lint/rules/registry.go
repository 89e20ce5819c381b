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
		all = append(all, lint.UnusedSuppression, LengthCap)
		for _, family := range [][]*lint.Rule{copyRules, forwardRules, burdenRules, formatRules, layoutRules, genreRules, punctRules} {
			all = append(all, family...)
		}
		registry = lint.NewRegistry(all...)
	})
	return registry
}
