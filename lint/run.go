package lint

import (
	"errors"
	"fmt"
	"io"
)

// Requirement is something a rule declares in Rule.Requires: a Resource,
// prepared once per run from the configuration, or a Fact, computed once
// per document. Only what an enabled rule requires is prepared or
// computed, and a rule reads only what it declares.
type Requirement interface {
	// Name says what is required, for `gwlint rules` and for errors.
	Name() string
	// prepare readies the requirement for a run: a resource loads its
	// value; a fact prepares what its computation requires.
	prepare(c *Checker) error
	// deps is what the requirement itself requires.
	deps() []Requirement
}

// Resource is a value every document of a run shares, prepared once from
// the configuration when the run is built: a compiled phrase list, a
// table read from a file the configuration names. It is how a rule reads
// anything outside the document: after NewRun (or NewChecker), no rule
// touches the file system, so a file edited while a batch runs cannot
// change the results of the files after it.
type Resource[T any] struct {
	name string
	load func(cfg *Config) (T, error)
}

// NewResource declares a resource. load runs once per run, with the run's
// configuration; its error stops the run before any document is checked,
// and should say which file, line and entry are at fault.
func NewResource[T any](name string, load func(cfg *Config) (T, error)) *Resource[T] {
	return &Resource[T]{name: name, load: load}
}

// Name is the resource's name.
func (r *Resource[T]) Name() string { return r.name }

func (r *Resource[T]) prepare(c *Checker) error {
	if _, ok := c.resources[r]; ok {
		return nil
	}
	v, err := r.load(c.cfg)
	if err != nil {
		return err
	}
	c.resources[r] = v
	return nil
}

func (r *Resource[T]) deps() []Requirement { return nil }

// Get is the resource's value for the pass's run. A rule that did not
// declare the resource in Requires gets a panic: that is a programming
// error the rule's tests catch, and the one document it costs says so.
func (r *Resource[T]) Get(p *Pass) T {
	p.mustRequire(r)
	return p.checker.resources[r].(T)
}

// RunOptions say what a Run checks against. The zero value of a field
// means: take it from the configuration.
type RunOptions struct {
	// Registry is the set of rules; Config how they run (DefaultConfig
	// when nil).
	Registry *Registry
	Config   *Config
	// Parents are parent documents or directories besides the
	// configuration's own (the command line's --parent).
	Parents []string
	// Library is a parent library directory; it replaces the
	// configuration's when set.
	Library string
	// OpenLibrary opens a library for reading (OpenLibrary when nil).
	OpenLibrary func(dir string) (*LibraryParents, error)
}

// Run is everything a check needs, built once from the configuration and
// shared by every document it checks: the enabled rules at their
// severities, the resources they require (user phrase lists among them),
// the parent documents and the parent library. A configuration error, a
// rule that names no rule and a user phrase list that does not load stop
// NewRun; a parent that cannot be read does not, it is reported in
// ParentErrors and every draft is still checked against the others. A Run
// is safe for concurrent use.
type Run struct {
	*Checker
	// ParentErrors are the parents, and the library, that could not be
	// read, one Result each with Err set, for the report to name.
	ParentErrors []*Result
	closers      []io.Closer
	library      *LibraryParents
}

// NewRun builds a run.
func NewRun(opts RunOptions) (*Run, error) {
	if opts.Registry == nil {
		return nil, errors.New("lint: NewRun without rules")
	}
	checker, err := NewChecker(opts.Registry, opts.Config)
	if err != nil {
		return nil, err
	}
	cfg := checker.Config()
	run := &Run{Checker: checker}
	parentPaths := append(append([]string{}, cfg.Parents...), opts.Parents...)
	library := opts.Library
	if library == "" {
		library = cfg.Library
	}
	if len(parentPaths) == 0 && library == "" {
		return run, nil
	}
	parents, errs := LoadParents(parentPaths)
	run.ParentErrors = errs
	if library != "" {
		open := opts.OpenLibrary
		if open == nil {
			open = OpenLibrary
		}
		// A library that cannot be opened is reported like an unreadable
		// parent: the drafts are still linted by every other rule.
		lib, err := open(library)
		if err != nil {
			run.ParentErrors = append(run.ParentErrors, &Result{Path: library, Err: fmt.Errorf("上级文件库：%w", err)})
		} else {
			run.closers = append(run.closers, lib)
			run.library = lib
			parents.SetLibrary(lib)
		}
	}
	checker.SetParents(parents)
	return run, nil
}

// WithParents is the run with these parents instead of its own, for a
// caller that receives parents with each draft (the web page). The
// resources are shared, not prepared again.
func (r *Run) WithParents(p *ParentSet) *Run {
	return &Run{Checker: r.Checker.WithParents(p)}
}

// LibraryDamage is, once the drafts are checked, a result naming the
// library parents whose stored text failed its hash while they were read
// (each was left out of the comparison), or nil: an input error for the
// report to carry after the drafts.
func (r *Run) LibraryDamage() *Result {
	if r.library == nil {
		return nil
	}
	return r.library.Damaged()
}

// Close releases the parent library, if the run opened one.
func (r *Run) Close() error {
	var errs []error
	for _, c := range r.closers {
		errs = append(errs, c.Close())
	}
	r.closers = nil
	return errors.Join(errs...)
}

// RuleError is a rule that failed on a document: the check of that
// document is incomplete, which is an error of the run (exit code 2), not a
// finding.
type RuleError struct {
	Rule string
	Err  error
}

func (e *RuleError) Error() string {
	return fmt.Sprintf("规则 %s 未能完成检查：%v", e.Rule, e.Err)
}

func (e *RuleError) Unwrap() error { return e.Err }
