package lint

import "testing"

// TestSeverityPolicy: the one policy of Pass.Report. A configured
// severity applies to every finding of the rule; otherwise a finding's
// own level; otherwise the rule's default. AtMost caps at the default.
func TestSeverityPolicy(t *testing.T) {
	levels := &Rule{ID: "levels", Severity: Warning, Source: "实务通行做法", Doc: "reports at three levels",
		Run: func(p *Pass) {
			p.Reportf(Span{Start: 0, End: 1}, "default")
			p.Report(Finding{Span: Span{Start: 1, End: 2}, Severity: Error, Message: "own"})
			p.Report(Finding{Span: Span{Start: 2, End: 3}, Severity: p.AtMost(Info), Message: "weaker"})
			p.Report(Finding{Span: Span{Start: 3, End: 4}, Severity: p.AtMost(Error), Message: "capped"})
		}}
	tests := []struct {
		name  string
		rules map[string]Severity
		want  []Severity
	}{
		{"defaults", nil, []Severity{Warning, Error, Info, Warning}},
		{"set to its default", map[string]Severity{"levels": Warning}, []Severity{Warning, Warning, Warning, Warning}},
		{"raised", map[string]Severity{"levels": Error}, []Severity{Error, Error, Error, Error}},
		{"lowered by glob", map[string]Severity{"lev*": Info}, []Severity{Info, Info, Info, Info}},
	}
	for _, tt := range tests {
		cfg := DefaultConfig()
		cfg.Rules = tt.rules
		c, err := NewChecker(NewRegistry(levels), cfg)
		if err != nil {
			t.Fatal(err)
		}
		fs := c.Check(ParseText("d.txt", "关于防汛的通知\n")).Findings
		if len(fs) != len(tt.want) {
			t.Fatalf("%s: %d findings", tt.name, len(fs))
		}
		for i, f := range fs {
			if f.Severity != tt.want[i] {
				t.Errorf("%s: %s finding at %v, want %v", tt.name, f.Message, f.Severity, tt.want[i])
			}
		}
	}
}
