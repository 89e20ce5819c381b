package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig("g.yaml", []byte(`
rules:
  length-cap: error
  "burden-*": info
copy:
  min_passage: 20
ignore:
  - "archive/**"
  - "*.bak.md"
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := CopyAlign.Of(c).MinPassage; got != 20 {
		t.Errorf("copy.min_passage = %d", got)
	}
	if got := CopyAlign.Of(DefaultConfig()).MinPassage; got != 13 {
		t.Errorf("default copy.min_passage = %d", got)
	}
	rule := func(id string) *Rule { return &Rule{ID: id, Severity: Warning} }
	for id, want := range map[string]Severity{"length-cap": Error, "burden-veto": Info, "docno-format": Warning} {
		if got := c.SeverityOf(rule(id)); got != want {
			t.Errorf("SeverityOf(%s) = %v, want %v", id, got, want)
		}
	}
	for p, want := range map[string]bool{"archive/2019/a.md": true, "drafts/x.bak.md": true, "drafts/x.md": false} {
		if got := c.Ignored(p); got != want {
			t.Errorf("Ignored(%s) = %v, want %v", p, got, want)
		}
	}
}

// TestParseConfigErrors checks that every mistake names the file, the line
// and the key, since the person fixing it has only the message.
func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		yaml string
		want string
	}{
		{"lenght:\n  cap: 10\n", `g.yaml:1: unknown key "lenght"`},
		{"copy:\n  min_passage: 10\n  min_passages: 3\n", `g.yaml:3: unknown key "copy.min_passages"`},
		{"copy:\n  min_passage: lots\n", `g.yaml:2: copy.min_passage: bad value "lots", want a whole number`},
		{"copy:\n  min_passage: 5\n", `g.yaml:2: copy.min_passage: must be at least 8 characters`},
		{"copy: 3\n", `g.yaml:1: copy: expected a mapping of keys`},
		{"copy:\n  min_passage: 10\ncopy:\n  min_passage: 12\n", `g.yaml:3: key "copy" given twice`},
		{"copy:\n  min_passage: 10\n  min_passage: 12\n", `g.yaml:3: key "copy.min_passage" given twice`},
		{"rules:\n  length-cap: loud\n", `g.yaml:2: rules.length-cap: bad value "loud", want off, info, warning or error`},
		{"ignore: notalist\n", `g.yaml:1: ignore: bad value "notalist", want a list of strings`},
		{"rules: [a, b]\n", `g.yaml:1: rules: expected a mapping`},
		{"copy: {min_passage: [1]}\n", `g.yaml:1: copy.min_passage: got a list, want a whole number`},
		{"a: b: c\n", `g.yaml: not valid YAML`},
		{"rules:\n  length-cap: off\nrules:\n  docno-format: off\n", `g.yaml:3: key "rules" given twice (first on line 1)`},
		{"rules:\n  length-cap: off\n  length-cap: error\n", `g.yaml:3: key "rules.length-cap" given twice`},
	}
	for _, tt := range tests {
		_, err := ParseConfig("g.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseConfig(%q) error = %v, want it to contain %q", tt.yaml, err, tt.want)
		}
	}
}

func TestCheckRulesUnknown(t *testing.T) {
	c, err := ParseConfig("g.yaml", []byte("rules:\n  length-cap: off\n  no-such-rule: info\n"))
	if err != nil {
		t.Fatal(err)
	}
	reg := NewRegistry(&Rule{ID: "length-cap", Severity: Warning, Source: "s", Doc: "d"})
	err = c.CheckRules(reg)
	if err == nil || !strings.Contains(err.Error(), `g.yaml:3: rules: unknown rule "no-such-rule"`) {
		t.Errorf("CheckRules error = %v", err)
	}
}

func TestFindAndLoadConfig(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(root, ConfigFileName)
	if err := os.WriteFile(cfgPath, []byte("parents: [parents/guofa.txt]\nlibrary: lib\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := FindConfig(deep); got != cfgPath {
		t.Fatalf("FindConfig = %q, want %q", got, cfgPath)
	}
	c, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	// Paths in a configuration are relative to the file, not to where
	// gwlint runs.
	if c.Parents[0] != filepath.Join(root, "parents/guofa.txt") || c.Library != filepath.Join(root, "lib") {
		t.Errorf("paths not made relative to the config: %v %v", c.Parents, c.Library)
	}
}

// TestSeverityOverrideSets: a configured severity is what every finding of
// the rule gets, even one the rule reports lower by default.
func TestSeverityOverrideSets(t *testing.T) {
	rule := &Rule{ID: "demo", Severity: Error, Source: "s", Doc: "d", Run: func(p *Pass) {
		p.Report(Finding{Span: Span{Start: 0, End: 1}, Message: "softer", Severity: Info})
	}}
	reg := NewRegistry(rule)
	for _, tt := range []struct {
		yaml string
		want Severity
	}{
		{"", Info},                         // the rule's own choice stands
		{"rules:\n  demo: error\n", Error}, // the configuration sets it
		{"rules:\n  \"de*\": warning\n", Warning},
	} {
		cfg, err := ParseConfig("c.yaml", []byte(tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		c, err := NewChecker(reg, cfg)
		if err != nil {
			t.Fatal(err)
		}
		fs := c.Check(ParseText("d.txt", "正文。")).Findings
		if len(fs) != 1 || fs[0].Severity != tt.want {
			t.Errorf("%q: %v, want severity %v", tt.yaml, fs, tt.want)
		}
	}
}
