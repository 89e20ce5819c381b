package rules

import (
	"testing"
	"unicode"
)

// TestEveryRuleHasAChineseName: office staff read rules by name; each
// has one, in Chinese, and no two share it.
func TestEveryRuleHasAChineseName(t *testing.T) {
	seen := map[string]string{}
	for _, r := range All().Rules() {
		han := false
		for _, c := range r.Name {
			han = han || unicode.Is(unicode.Han, c)
		}
		if !han {
			t.Errorf("%s has no Chinese name (%q)", r.ID, r.Name)
		}
		if other, dup := seen[r.Name]; dup {
			t.Errorf("%s and %s share the name %q", r.ID, other, r.Name)
		}
		seen[r.Name] = r.ID
	}
}
