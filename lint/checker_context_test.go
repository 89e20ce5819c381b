package lint

import (
	"context"
	"errors"
	"testing"
)

// TestCheckContextStops: a check whose caller has gone stops before the
// next rule, and the rules see the context.
func TestCheckContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	want := ctx
	var ran []string
	rule := func(id string, cancelAfter bool) *Rule {
		return &Rule{ID: id, Severity: Warning, Source: "实务通行做法", Doc: "test", Run: func(p *Pass) {
			ran = append(ran, id)
			if p.Context() != want {
				t.Errorf("%s: Pass.Context is not the check's", id)
			}
			if cancelAfter {
				cancel() // the client leaves while this rule runs
			}
			p.Report(Finding{Span: Span{Start: 0, End: 1}, Message: id})
		}}
	}
	c, err := NewChecker(NewRegistry(rule("a-first", true), rule("b-second", false)), nil)
	if err != nil {
		t.Fatal(err)
	}
	res := c.CheckContext(ctx, ParseText("d.txt", "关于安全生产的通知\n"))
	if len(ran) != 1 || !errors.Is(res.Err, context.Canceled) || len(res.Findings) != 0 {
		t.Errorf("ran %v, err %v, findings %v: want the second rule skipped and the check cancelled", ran, res.Err, res.Findings)
	}
	ran, want = nil, context.Background()
	res = c.Check(ParseText("d.txt", "关于安全生产的通知\n"))
	if len(ran) != 2 || res.Err != nil || len(res.Findings) != 2 {
		t.Errorf("Check without a context: %v %v", res.Err, res.Findings)
	}
}
