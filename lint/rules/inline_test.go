package rules

import (
	"testing"

	"github.com/gwlint/gwlint/lint/linttest"
)

// TestInline runs each family over its drafts in testdata/inline, whose
// lines say which findings they must give (lint/linttest): any finding
// missing or extra fails, with every rule of the family on at once.
func TestInline(t *testing.T) {
	t.Run("punct", func(t *testing.T) { linttest.Run(t, "testdata/inline/punct", punctRules...) })
	t.Run("format", func(t *testing.T) { linttest.Run(t, "testdata/inline/format", formatRules...) })
	t.Run("genre", func(t *testing.T) { linttest.Run(t, "testdata/inline/genre", genreRules...) })
}
