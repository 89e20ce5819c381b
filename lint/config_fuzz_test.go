package lint

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var fuzzRule = &Rule{ID: "length-cap", Severity: Warning, Source: "实务通行做法", Doc: "a rule for configurations to name"}

// FuzzParseConfig: whatever bytes a .gwlint.yaml holds, ParseConfig
// returns a ConfigError that names the file, or a configuration whose
// values are in range; it never panics, and the parsed configuration can
// be used (rule lookups, ignore globs) without panicking either.
func FuzzParseConfig(f *testing.F) {
	for _, seed := range []string{
		"",
		"rules:\n  length-cap: off\n  burden-*: info\n",
		"length:\n  cap: 3000\n  task_cap: 2000\n  comprehensive: true\n",
		"copy:\n  min_passage: 20\n  ratio: 0.3\n  coverage: 0.8\n",
		"copy:\n  ratio: .nan\n",
		"copy:\n  coverage: .inf\n",
		"ignore:\n  - \"drafts/**/old-*.md\"\n  - \"[\"\n",
		"parents: [a, b]\nlibrary: lib\nphrases: [x.yaml]\n",
		"rules: [a, b]\n",
		"length: 5\n",
		"a: &x {b: *x}\n",
		"rules:\n  <<: {length-cap: off}\n",
		"\xef\xbb\xbfrules: {}\n",
		"rules:\n  length-cap: [off]\n",
		"unknown: 1\n",
		"- 1\n- 2\n",
		"length:\n  cap: -1\n",
		"length:\n  cap: 99999999999999999999999\n",
		"%YAML 1.1\n---\nrules: {}\n",
		"rules: !!map {length-cap: warning}\n",
		"? [a]\n: b\n",
	} {
		f.Add([]byte(seed))
	}
	const name = "some/dir/.gwlint.yaml"
	reg := NewRegistry(fuzzRule)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig(name, data)
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Path != name {
				t.Fatalf("error %q (%T) is not a ConfigError for %s", err, err, name)
			}
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Fatalf("error %q does not start with the file name", err)
			}
			if c != nil {
				t.Fatalf("a configuration came back with the error %v", err)
			}
			return
		}
		if c.Path != name {
			t.Fatalf("Path = %q", c.Path)
		}
		if n := CopyAlign.Of(c).MinPassage; n < 8 {
			t.Fatalf("copy.min_passage %d accepted", n)
		}
		for _, p := range []string{"drafts/a.md", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p.txt", ""} {
			c.Ignored(p)
		}
		c.SeverityOf(fuzzRule)
		if err := c.CheckRules(reg); err != nil && !strings.HasPrefix(err.Error(), name+":") {
			t.Fatalf("CheckRules error %q does not name the file", err)
		}
	})
}

// TestIgnoreGlobIsNotExponential: an ignore glob of many "**" over a deep
// path used to take time exponential in their number; a configuration
// file must not be able to hang gwlint.
func TestIgnoreGlobIsNotExponential(t *testing.T) {
	deep := "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z.txt"
	c := &Config{Ignore: []string{strings.Repeat("**/", 40) + "nomatch", strings.Repeat("**/", 40) + "z.txt"}}
	done := make(chan bool, 1)
	go func() { done <- c.Ignored(deep) && !c.Ignored(deep+"x") }()
	select {
	case ok := <-done:
		if !ok {
			t.Error("many-** globs matched wrongly")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ignored with a glob of 40 ** did not finish in 10 s")
	}
}
