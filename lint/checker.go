package lint

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
)

// Result is what checking one file produced.
type Result struct {
	Path  string
	Doc   *Document // nil when the file could not be read
	Title string
	Kind  string
	// Chars is the 字数 over Counted, the span the contract counts.
	Chars   int
	Counted Span
	// Cap is the 字数 cap that applies to this document (0: none), and
	// CapReason why it applies.
	Cap       int
	CapReason string
	// Copy is the comparison with parent documents; nil when none were
	// given.
	Copy     *CopyFacts
	Findings []Finding
	// Err is why the file could not be checked: unreadable, undecodable,
	// malformed. The other files are checked all the same.
	Err error
}

// Checker runs a set of rules, configured, over documents. Once
// configured, it is safe for concurrent use.
type Checker struct {
	reg     *Registry
	cfg     *Config
	enabled []enabledRule
	parents *ParentSet
}

type enabledRule struct {
	rule       *Rule
	severity   Severity
	overridden bool
}

// NewChecker prepares rules with a configuration (DefaultConfig when nil).
// It fails when the configuration names a rule that does not exist.
func NewChecker(reg *Registry, cfg *Config) (*Checker, error) {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	if err := cfg.CheckRules(reg); err != nil {
		return nil, err
	}
	c := &Checker{reg: reg, cfg: cfg}
	for _, r := range reg.Rules() {
		if s := cfg.SeverityOf(r); s != Off && r.Run != nil {
			c.enabled = append(c.enabled, enabledRule{r, s, cfg.Overrides(r)})
		}
	}
	return c, nil
}

// Config is the configuration the checker runs with.
func (c *Checker) Config() *Config { return c.cfg }

// Registry is the set of rules the checker knows.
func (c *Checker) Registry() *Registry { return c.reg }

// SetParents gives the parent documents that copy and escalation rules
// compare drafts with. Call it before checking: a Checker is safe for
// concurrent checks, not for being reconfigured while it checks.
func (c *Checker) SetParents(p *ParentSet) { c.parents = p }

// Check runs every enabled rule on doc. A rule that panics is a bug in
// gwlint, but it costs only this document: the result carries the panic
// as its error and every other document is still checked.
func (c *Checker) Check(doc *Document) (res *Result) {
	defer recoverResult(doc.Path, &res)
	res = &Result{
		Path:    doc.Path,
		Doc:     doc,
		Title:   doc.Title(),
		Kind:    doc.Kind(),
		Counted: doc.CountedSpan(),
	}
	res.Chars = doc.Chars()
	res.Cap, res.CapReason = c.cfg.CapFor(doc)
	if c.parents != nil && c.parents.Len() > 0 {
		res.Copy = c.parents.Compare(doc, c.cfg)
	}
	var findings []Finding
	for _, e := range c.enabled {
		pass := &Pass{Rule: e.rule, Doc: doc, Config: c.cfg, Copy: res.Copy, severity: e.severity, overridden: e.overridden}
		e.rule.Run(pass)
		findings = append(findings, pass.findings...)
	}
	findings = applySuppressions(doc, findings, c)
	SortFindings(findings)
	res.Findings = findings
	doc.releaseFacts()
	return res
}

// CheckFile reads, parses and checks one file. A file that cannot be read
// gives a Result with Err set, never a panic.
func (c *Checker) CheckFile(path string) (res *Result) {
	defer recoverResult(path, &res)
	doc, err := ParseFile(path)
	if err != nil {
		return &Result{Path: path, Err: err}
	}
	return c.Check(doc)
}

// recoverResult turns a panic while reading or checking one file into
// that file's error. CheckFiles runs on worker goroutines, where a panic
// would otherwise end the whole process and lose every other file's
// report.
func recoverResult(path string, res **Result) {
	if r := recover(); r != nil {
		*res = &Result{Path: path, Err: fmt.Errorf("internal error while checking this file (a bug in gwlint; please report it): %v", r)}
	}
}

// CheckFiles checks files in parallel on up to jobs goroutines (all CPUs
// when jobs < 1). Results come back in the order of paths, whatever order
// the work finished in, so output is deterministic.
func (c *Checker) CheckFiles(paths []string, jobs int) []*Result {
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	results := make([]*Result, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, len(paths)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = c.CheckFile(paths[i])
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// SortFindings orders findings by offset, then rule, as the contract
// fixes; ties by end and message keep the order total.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return a.Message < b.Message
	})
}

// MaxSeverity is the highest severity among the results' findings.
func MaxSeverity(results []*Result) Severity {
	s := Off
	for _, r := range results {
		for _, f := range r.Findings {
			s = max(s, f.Severity)
		}
	}
	return s
}

// ExitCode is the process exit status the contract fixes: 2 when any file
// could not be checked, else 1 when any finding is at or above failLevel,
// else 0.
func ExitCode(results []*Result, failLevel Severity) int {
	for _, r := range results {
		if r.Err != nil {
			return 2
		}
	}
	if failLevel != Off && MaxSeverity(results) >= failLevel {
		return 1
	}
	return 0
}
