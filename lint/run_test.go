package lint

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFailingRuleIsARunError: a rule whose RunE fails makes the
// document's check an error (exit 2) that names the rule and wraps its
// error; the findings of the other rules are kept.
func TestFailingRuleIsARunError(t *testing.T) {
	fails := &Rule{ID: "fails", Severity: Warning, Source: "实务通行做法", Doc: "fails on every draft",
		RunE: func(p *Pass) error {
			p.Report(Finding{Span: Span{Start: 0, End: 1}, Message: "before the failure"})
			return fs.ErrNotExist
		}}
	fine := &Rule{ID: "fine", Severity: Info, Source: "实务通行做法", Doc: "reports the first character",
		Run: func(p *Pass) { p.Report(Finding{Span: Span{Start: 0, End: 1}, Message: "checked"}) }}
	c, err := NewChecker(NewRegistry(fails, fine), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := c.Check(ParseText("d.txt", "关于防汛的通知\n"))
	var re *RuleError
	if !errors.As(r.Err, &re) || re.Rule != "fails" || !errors.Is(r.Err, fs.ErrNotExist) {
		t.Fatalf("err %v, want a RuleError of fails wrapping fs.ErrNotExist", r.Err)
	}
	if len(r.Findings) != 2 {
		t.Errorf("findings %v, want both rules' findings kept", r.Findings)
	}
	if code := ExitCode([]*Result{r}, Warning); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
}

// TestResources: a resource is prepared once per run, only when an
// enabled rule requires it; its error stops the run; a rule that reads a
// resource it did not require costs its document, not the process.
func TestResources(t *testing.T) {
	loads := 0
	words := NewResource("word table", func(cfg *Config) (map[string]bool, error) {
		loads++
		if len(cfg.Phrases) > 0 {
			return nil, errors.New("table.yaml:3: bad entry")
		}
		return map[string]bool{"防汛": true}, nil
	})
	uses := &Rule{ID: "uses", Severity: Warning, Source: "实务通行做法", Doc: "reads the table", Requires: []Requirement{words},
		Run: func(p *Pass) {
			if words.Get(p)["防汛"] && strings.Contains(p.Doc.Text, "防汛") {
				p.Reportf(Span{Start: 0, End: 1}, "防汛")
			}
		}}
	reg := NewRegistry(uses)
	c, err := NewChecker(reg, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if fs := c.Check(ParseText("d.txt", "关于防汛的通知\n")).Findings; len(fs) != 1 {
			t.Fatalf("findings %v", fs)
		}
	}
	if loads != 1 {
		t.Errorf("loaded %d times, want once per run", loads)
	}
	off := DefaultConfig()
	off.Rules = map[string]Severity{"uses": Off}
	off.Phrases = []string{"x"}
	if _, err := NewChecker(reg, off); err != nil || loads != 1 {
		t.Errorf("a disabled rule's resource was loaded (%d loads, err %v)", loads, err)
	}
	bad := DefaultConfig()
	bad.Phrases = []string{"x"}
	if _, err := NewChecker(reg, bad); err == nil || !strings.Contains(err.Error(), "table.yaml:3") {
		t.Errorf("err %v, want the resource's error", err)
	}

	sneaks := &Rule{ID: "sneaks", Severity: Warning, Source: "实务通行做法", Doc: "reads the table undeclared",
		Run: func(p *Pass) { words.Get(p) }}
	c, err = NewChecker(NewRegistry(sneaks), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Check(ParseText("d.txt", "关于防汛的通知\n")); r.Err == nil || !strings.Contains(r.Err.Error(), "without requiring it") {
		t.Errorf("err %v, want the undeclared read named", r.Err)
	}
}

// TestNewRunParents: parents and the library come from the configuration
// and the options together; one that cannot be read is reported, not
// fatal.
func TestNewRunParents(t *testing.T) {
	dir := t.TempDir()
	parent := filepath.Join(dir, "parent.txt")
	if err := os.WriteFile(parent, []byte("关于防汛的通知\n\n各地要加强汛期值班值守，确保信息畅通，遇有重大险情及时报告。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Parents = []string{parent}
	copies := &Rule{ID: "copies", Severity: Warning, Source: "实务通行做法", Doc: "reads the copy facts", Requires: []Requirement{CopyFact},
		Run: func(p *Pass) { CopyFact.Get(p) }}
	run, err := NewRun(RunOptions{Registry: NewRegistry(UnusedSuppression, copies), Config: cfg, Parents: []string{filepath.Join(dir, "missing.txt")}, Library: filepath.Join(dir, "nolib")})
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if len(run.ParentErrors) != 2 {
		t.Errorf("parent errors %v, want the missing parent and the library", run.ParentErrors)
	}
	r := run.Check(ParseText("d.txt", "关于防汛的通知\n\n各地要加强汛期值班值守，确保信息畅通，遇有重大险情及时报告。\n"))
	if r.Copy == nil || len(r.Copy.Parents) != 1 {
		t.Errorf("copy facts %+v, want the configured parent compared", r.Copy)
	}
}

// TestFacts: a fact is computed once per document however many rules read
// it, not at all when no enabled rule requires it, and a fact's own
// requirements are readable from its computation. The comparison with the
// parents is a fact like any other: no copy rule, no comparison.
func TestFacts(t *testing.T) {
	computed := 0
	table := NewResource("table", func(*Config) (string, error) { return "防汛", nil })
	mentions := NewFact("mentions", func(p *Pass) bool {
		computed++
		return strings.Contains(p.Doc.Text, table.Get(p))
	}, table)
	reader := func(id string) *Rule {
		return &Rule{ID: id, Severity: Info, Source: "实务通行做法", Doc: "reads mentions", Requires: []Requirement{mentions},
			Run: func(p *Pass) {
				if mentions.Get(p) {
					p.Reportf(Span{Start: 0, End: 1}, "防汛")
				}
			}}
	}
	reg := NewRegistry(reader("a"), reader("b"), reader("c"))
	c, err := NewChecker(reg, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := ParseText("d.txt", "关于防汛的通知\n")
	if r := c.Check(doc); len(r.Findings) != 3 || r.Err != nil || computed != 1 {
		t.Errorf("findings %v, err %v, computed %d times; want 3, none, once", r.Findings, r.Err, computed)
	}
	cfg := DefaultConfig()
	cfg.Rules = map[string]Severity{"*": Off}
	c, _ = NewChecker(reg, cfg)
	c.Check(ParseText("d.txt", "关于防汛的通知\n"))
	if computed != 1 {
		t.Errorf("computed with every rule off")
	}

	parent := ParseText("p.txt", "关于防汛的通知\n\n各地要加强汛期值班值守，确保信息畅通，遇有重大险情及时报告。\n")
	c, _ = NewChecker(NewRegistry(reader("a")), nil)
	c.SetParents(NewParentSet(parent))
	if r := c.Check(ParseText("d.txt", parent.Text)); r.Copy != nil {
		t.Errorf("compared with the parents though no rule reads the comparison")
	}
}

// TestConfigErrorWraps: a configuration that cannot be read is a
// ConfigError that errors.Is sees through.
func TestConfigErrorWraps(t *testing.T) {
	_, err := LoadConfig(filepath.Join(t.TempDir(), "missing.yaml"))
	var ce *ConfigError
	if !errors.As(err, &ce) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err %v (%T): want a ConfigError wrapping fs.ErrNotExist", err, err)
	}
}
