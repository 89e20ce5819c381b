package lint

import (
	"context"
	"errors"
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
	// CapReason why it applies, as the rule that caps it (length-cap) gives
	// them in its Summary; 0 and "" when it is off.
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
	// resources are the values of the resources the enabled rules require,
	// prepared once by NewChecker and read-only after.
	resources map[any]any
	// copying: an enabled rule requires the comparison with the parents.
	copying bool
}

type enabledRule struct {
	rule       *Rule
	severity   Severity
	overridden bool
	// requires is what the rule requires, directly or through facts.
	requires map[Requirement]bool
}

// NewChecker prepares rules with a configuration (DefaultConfig when nil):
// it enables the rules the configuration leaves on and prepares the
// resources they require. It fails when the configuration names a rule
// that does not exist or a required resource does not load (a user phrase
// list with a bad entry). NewRun builds on it and adds the parents.
func NewChecker(reg *Registry, cfg *Config) (*Checker, error) {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	if err := cfg.CheckRules(reg); err != nil {
		return nil, err
	}
	c := &Checker{reg: reg, cfg: cfg, resources: map[any]any{}}
	for _, r := range reg.Rules() {
		if s := cfg.SeverityOf(r); s != Off && (r.Run != nil || r.RunE != nil) {
			c.enabled = append(c.enabled, enabledRule{r, s, cfg.Overrides(r), closure(r)})
		}
	}
	for _, e := range c.enabled {
		for _, req := range e.rule.Requires {
			if err := req.prepare(c); err != nil {
				return nil, err
			}
		}
		c.copying = c.copying || e.requires[CopyFact]
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

// WithParents is a copy of the checker that compares drafts with p
// instead, sharing the prepared rules and resources: for a caller that
// receives parents with each draft, such as the web page.
func (c *Checker) WithParents(p *ParentSet) *Checker {
	cc := *c
	cc.parents = p
	return &cc
}

// Check runs every enabled rule on doc. A rule that panics is a bug in
// gwlint, but it costs only this document: the result carries the panic
// as its error and every other document is still checked.
func (c *Checker) Check(doc *Document) (res *Result) {
	return c.CheckContext(context.Background(), doc)
}

// CheckContext is Check that stops when ctx is done: before each rule it
// looks at ctx, and a rule with long work can look too (Pass.Context). A
// check stopped so gives a result with ctx's error and no findings, for a
// caller that has no one left to answer (a web client gone, an edit
// superseded).
func (c *Checker) CheckContext(ctx context.Context, doc *Document) (res *Result) {
	defer recoverResult(doc.Path, &res)
	res = &Result{
		Path:    doc.Path,
		Doc:     doc,
		Title:   doc.Title(),
		Kind:    doc.Kind(),
		Counted: doc.CountedSpan(),
	}
	res.Chars = doc.Chars()
	var findings []Finding
	var failed []error
	for _, e := range c.enabled {
		if err := ctx.Err(); err != nil {
			doc.releaseFacts()
			res.Err = fmt.Errorf("检查已取消：%w", err)
			return res
		}
		pass := &Pass{Rule: e.rule, Doc: doc, Config: c.cfg, ctx: ctx, checker: c, allowed: e.requires, severity: e.severity, overridden: e.overridden}
		if e.requires[CopyFact] {
			pass.Copy = CopyFact.Get(pass)
			res.Copy = pass.Copy
		}
		if e.rule.RunE != nil {
			if err := e.rule.RunE(pass); err != nil {
				failed = append(failed, &RuleError{Rule: e.rule.ID, Err: err})
			}
		} else {
			e.rule.Run(pass)
		}
		findings = append(findings, pass.findings...)
		if f, ok := pass.leftOut(); ok {
			findings = append(findings, f)
		}
		if pass.summary != nil {
			res.Cap, res.CapReason = pass.summary.Cap, pass.summary.CapReason
		}
	}
	res.Err = errors.Join(failed...)
	findings = applySuppressions(doc, findings, c)
	findings = dropGeneratedFixes(doc, findings)
	SortFindings(findings)
	res.Findings = findings
	doc.releaseFacts()
	return res
}

// compareWithParents is the comparison of doc with the run's parents, or
// nil when there are none.
func (c *Checker) compareWithParents(doc *Document) *CopyFacts {
	if c.parents == nil || c.parents.Len() == 0 {
		return nil
	}
	return c.parents.Compare(doc, c.cfg)
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
	targets := make([]Target, len(paths))
	for i, p := range paths {
		targets[i] = Target{Path: p}
	}
	results := make([]*Result, 0, len(paths))
	c.CheckEach(targets, jobs, func(r *Result) { results = append(results, r) })
	return results
}

// CheckEach checks targets in parallel on up to jobs goroutines (all CPUs
// when jobs < 1) and hands each result to emit, on the calling goroutine,
// in the order of targets, as soon as it and every result before it are
// ready. A caller that writes each result and forgets it keeps memory flat
// however long the batch: workers run at most a few targets ahead of the
// oldest unfinished one. A target with Err set gives a Result with that
// error; one with Data is read from memory.
func (c *Checker) CheckEach(targets []Target, jobs int, emit func(*Result)) {
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	type done struct {
		i int
		r *Result
	}
	window := make(chan struct{}, 4*jobs) // targets handed out but not yet emitted
	work := make(chan int)
	results := make(chan done)
	go func() {
		for i := range targets {
			window <- struct{}{}
			work <- i
		}
		close(work)
	}()
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, len(targets)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results <- done{i, c.checkTarget(targets[i])}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]*Result{}
	next := 0
	for d := range results {
		pending[d.i] = d.r
		for r, ok := pending[next]; ok; r, ok = pending[next] {
			delete(pending, next)
			emit(r)
			next++
			<-window
		}
	}
}

// checkTarget checks one target.
func (c *Checker) checkTarget(t Target) (res *Result) {
	switch {
	case t.Err != nil:
		return &Result{Path: t.Path, Err: t.Err}
	case t.Data != nil:
		defer recoverResult(t.Path, &res)
		doc, err := ParseBytes(t.Path, t.Data)
		if err != nil {
			return &Result{Path: t.Path, Err: err}
		}
		return c.Check(doc)
	default:
		return c.CheckFile(t.Path)
	}
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

// Outcome accumulates what decides the exit code, one result at a time,
// for callers that write results as they come and do not keep them.
type Outcome struct {
	inputError bool
	max        Severity
}

// Add counts one result.
func (o *Outcome) Add(r *Result) {
	if r.Err != nil {
		o.inputError = true
	}
	for _, f := range r.Findings {
		o.max = max(o.max, f.Severity)
	}
}

// ExitCode is the process exit status the contract fixes: 2 when any file
// could not be checked, else 1 when any finding is at or above failLevel,
// else 0.
func (o *Outcome) ExitCode(failLevel Severity) int {
	switch {
	case o.inputError:
		return 2
	case failLevel != Off && o.max >= failLevel:
		return 1
	}
	return 0
}

// ExitCode is the exit status for a set of results (see Outcome).
func ExitCode(results []*Result, failLevel Severity) int {
	var o Outcome
	for _, r := range results {
		o.Add(r)
	}
	return o.ExitCode(failLevel)
}
