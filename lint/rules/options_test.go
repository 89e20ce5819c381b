package rules

import (
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// TestRuleOptions: the sections the rules declare keep the keys, defaults
// and strict errors the configuration has always had.
func TestRuleOptions(t *testing.T) {
	c, err := lint.ParseConfig("g.yaml", []byte("length:\n  cap: 3000\n  comprehensive: true\ncopy:\n  ratio: 0.8\n"))
	if err != nil {
		t.Fatal(err)
	}
	if l := Length.Of(c); l.Cap != 3000 || l.TaskCap != 4000 || !l.Comprehensive {
		t.Errorf("length = %+v", l)
	}
	if r := CopyRatioThresholds.Of(c); r.Ratio != 0.8 || r.Coverage != 0.6 {
		t.Errorf("copy = %+v", r)
	}
	if q, m := Quotation.Of(c), lint.CopyAlign.Of(c); q.LongQuotation != 200 || m.MinPassage != 13 {
		t.Errorf("copy defaults = %+v %+v", q, m)
	}
	// 0 means the default, as before.
	if c, _ := lint.ParseConfig("g.yaml", []byte("length:\n  cap: 0\ncopy:\n  ratio: 0\n")); Length.Of(c).Cap != 5000 || CopyRatioThresholds.Of(c).Ratio != 0.5 {
		t.Errorf("zero values did not take the defaults")
	}
	for _, tt := range []struct{ yaml, want string }{
		{"length:\n  cap: 10\n  caps: 3\n", `g.yaml:3: unknown key "length.caps" (known: cap, task_cap, comprehensive_cap, comprehensive, check_regulations, check_central)`},
		{"length:\n  cap: lots\n", `g.yaml:2: length.cap: bad value "lots", want a whole number`},
		{"length:\n  task_cap: -1\n", `g.yaml:2: length.task_cap: a cap must not be negative`},
		{"length: {cap: [1]}\n", `g.yaml:1: length.cap: got a list, want a whole number`},
		{"copy:\n  ratio: 1.5\n", `g.yaml:2: copy.ratio: a share between 0 and 1`},
		{"copy:\n  coverage: .nan\n", `g.yaml:2: copy.coverage: a share between 0 and 1`},
		{"copy:\n  long_quotation: x\n", `g.yaml:2: copy.long_quotation: bad value "x", want a whole number`},
		{"copy:\n  ratios: 1\n", `g.yaml:2: unknown key "copy.ratios" (known: min_passage, long_quotation, ratio, coverage)`},
		{"lenght: {}\n", `unknown key "lenght" (known: rules, phrases, parents, library, ignore, copy, length)`},
	} {
		_, err := lint.ParseConfig("g.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseConfig(%q) error = %v, want it to contain %q", tt.yaml, err, tt.want)
		}
	}
	warned, err := lint.ParseConfig("w.yaml", []byte("length:\n  cap: 3000\n  task_cap: 3500\n"))
	if err != nil || len(warned.Warnings) != 1 || !strings.Contains(warned.Warnings[0], "w.yaml:3") {
		t.Errorf("task_cap above cap: warnings %v, err %v", warned.Warnings, err)
	}
}
