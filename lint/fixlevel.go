package lint

// FixesAtLeast is the result with only the findings at or above level
// kept, for --fix: a fix is applied for a finding that would fail the
// check, not for advice. GB/T 15834 says 通常 of the 顿号 between quoted
// items, so that finding is info, and published State Council text writes
// “请进来”、“走出去”; rewriting it by default would change correct text.
// The result shares everything else with res; res is not changed.
func FixesAtLeast(res *Result, level Severity) *Result {
	kept := make([]Finding, 0, len(res.Findings))
	for _, f := range res.Findings {
		if f.Fix != nil && f.Severity >= level {
			kept = append(kept, f)
		}
	}
	out := *res
	out.Findings = kept
	return &out
}
