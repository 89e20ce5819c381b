package rules

import (
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// runRule checks text (a plain-text draft) with one rule at its default
// severity and returns its findings.
func runRule(t testing.TB, r *lint.Rule, text string) []lint.Finding {
	t.Helper()
	return runRuleOn(t, r, lint.ParseText("draft.txt", text))
}

// runRuleOn checks a parsed document with one rule.
func runRuleOn(t testing.TB, r *lint.Rule, doc *lint.Document) []lint.Finding {
	t.Helper()
	checker, err := lint.NewChecker(lint.NewRegistry(r), lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return checker.Check(doc).Findings
}
