package lint

import (
	"math/rand/v2"
	"path"
	"testing"
)

// naiveSilence is the quadratic algorithm silence replaced: every finding
// against every suppression.
func naiveSilence(findings []Finding, sups []*suppression) []bool {
	out := make([]bool, len(findings))
	for i, f := range findings {
		for _, s := range sups {
			if ok, _ := path.Match(s.pattern, f.Rule); ok && (s.scope.Contains(f.Span.Start) || (f.Span.Start == s.scope.Start && s.scope.Empty())) {
				s.used = true
				out[i] = true
			}
		}
	}
	return out
}

// TestSilenceMatchesNaive: the sweep silences exactly the findings, and
// marks exactly the suppressions, that the pairwise comparison does, on
// random directives (empty, overlapping and nested scopes, globs,
// patterns naming no rule).
func TestSilenceMatchesNaive(t *testing.T) {
	rules := []string{"punct-halfwidth", "punct-pair", "date-format", "burden-deadline"}
	patterns := append(append([]string{}, rules...), "*", "punct-*", "burden-*", "no-such-rule", "[")
	r := rand.New(rand.NewPCG(17, 19))
	for trial := 0; trial < 2000; trial++ {
		var findings []Finding
		for i := r.IntN(12); i > 0; i-- {
			findings = append(findings, Finding{Rule: rules[r.IntN(len(rules))], Span: Span{Start: r.IntN(40)}})
		}
		var a, b []*suppression
		for i := r.IntN(10); i > 0; i-- {
			start := r.IntN(40)
			s := suppression{pattern: patterns[r.IntN(len(patterns))], scope: Span{Start: start, End: start + r.IntN(15)}}
			a, b = append(a, &s), append(b, &suppression{pattern: s.pattern, scope: s.scope})
		}
		got, want := silence(findings, a), naiveSilence(findings, b)
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("trial %d: finding %d (%s at %d): silenced %v, want %v; suppressions %v", trial, i, findings[i].Rule, findings[i].Span.Start, got[i], want[i], b)
			}
		}
		for i := range a {
			if a[i].used != b[i].used {
				t.Fatalf("trial %d: suppression %d (%q %v): used %v, want %v", trial, i, a[i].pattern, a[i].scope, a[i].used, b[i].used)
			}
		}
	}
}
