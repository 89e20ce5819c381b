package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gwlint/gwlint/lint"
)

// runs keeps one prepared run per configuration file, built when first
// needed and again when the file changes, so that a draft is checked with
// the .gwlint.yaml a `gwlint check` in its directory would use.
type runs struct {
	reg   *lint.Registry
	fixed string // --config, for every draft

	mu   sync.Mutex
	byCf map[string]*run
}

// run is a configuration ready to check with: the checker, the parent
// documents and library it names, and what went wrong preparing them.
type run struct {
	cfgPath string
	stamp   stamp
	err     error // the configuration cannot be used; nothing is checked
	cfg     *lint.Config
	checker *lint.Checker
	parents *lint.ParentSet
	// parentErrs are parents named by the configuration that cannot be
	// read, reported on every draft as `gwlint check` reports them.
	parentErrs []*lint.Result
	warnings   []string
	told       bool // warnings and errors shown once per run

	// mu makes checks with a library take turns: the library is opened
	// for one check and closed after it, so that `gwlint library add`
	// is never locked out by an editor left open.
	mu sync.Mutex
}

// stamp identifies a version of a configuration file.
type stamp struct {
	mod  time.Time
	size int64
}

func newRuns(reg *lint.Registry, fixed string) *runs {
	return &runs{reg: reg, fixed: fixed, byCf: map[string]*run{}}
}

// forDraft is the run for a draft at path.
func (rs *runs) forDraft(path string) *run {
	cfgPath := rs.fixed
	if cfgPath == "" {
		dir := filepath.Dir(path)
		if !filepath.IsAbs(dir) {
			dir = "."
		}
		cfgPath = lint.FindConfig(dir)
	}
	var st stamp
	if cfgPath != "" {
		if fi, err := os.Stat(cfgPath); err == nil {
			st = stamp{fi.ModTime(), fi.Size()}
		}
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if r := rs.byCf[cfgPath]; r != nil && r.stamp == st {
		return r
	}
	r := rs.prepare(cfgPath)
	r.stamp = st
	rs.byCf[cfgPath] = r
	return r
}

// prepare builds a run as `gwlint check` does (lint.NewRun: rules,
// resources such as user phrase lists, parents), except the library,
// which check opens for each draft.
func (rs *runs) prepare(cfgPath string) *run {
	r := &run{cfgPath: cfgPath}
	cfg := lint.DefaultConfig()
	if cfgPath != "" {
		c, err := lint.LoadConfig(cfgPath)
		if err != nil {
			r.err = err
			return r
		}
		cfg = c
	}
	own := *cfg
	own.Parents, own.Library = nil, ""
	lr, err := lint.NewRun(lint.RunOptions{Registry: rs.reg, Config: &own})
	if err != nil {
		r.err = err
		return r
	}
	r.cfg, r.warnings = cfg, cfg.Warnings
	r.parents, r.parentErrs = lint.LoadParents(cfg.Parents)
	r.checker = lr.WithParents(r.parents).Checker
	return r
}

// check checks one parsed draft. A library named by the configuration is
// opened for this check only; one that cannot be opened is reported like
// an unreadable parent, and the draft is checked without it.
func (r *run) check(ctx context.Context, doc *lint.Document) (*lint.Result, []*lint.Result) {
	problems := append([]*lint.Result(nil), r.parentErrs...)
	if r.cfg.Library == "" {
		return r.checker.CheckContext(ctx, doc), problems
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	lib, err := lint.OpenLibrary(r.cfg.Library)
	if err != nil {
		problems = append(problems, &lint.Result{Path: r.cfg.Library, Err: fmt.Errorf("parent library: %w", err)})
		return r.checker.CheckContext(ctx, doc), problems
	}
	defer lib.Close()
	r.parents.SetLibrary(lib)
	defer r.parents.SetLibrary(nil)
	res := r.checker.CheckContext(ctx, doc)
	if d := lib.Damaged(); d != nil {
		problems = append(problems, d)
	}
	return res, problems
}

// ignored reports whether the configuration's ignore globs, taken from
// its directory as `gwlint check .` there would, leave the draft out.
func (r *run) ignored(path string) bool {
	if r.cfg == nil || len(r.cfg.Ignore) == 0 {
		return false
	}
	rel := path
	if r.cfgPath != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if p, err := filepath.Rel(filepath.Dir(r.cfgPath), abs); err == nil {
				rel = p
			}
		}
	}
	return r.cfg.Ignored(rel)
}

// warm checks a short draft so that the segmenter's dictionary is loaded
// before the first real draft arrives.
func (rs *runs) warm() {
	wd, err := os.Getwd()
	if err != nil {
		return
	}
	r := rs.forDraft(filepath.Join(wd, "warm.md"))
	if r.err != nil {
		return
	}
	doc, err := lint.ParseBytes("warm.md", []byte("关于做好基层减负工作的通知\n\n各单位：\n\n请于当日报送材料。\n"))
	if err != nil {
		return
	}
	if r.cfg.Library == "" {
		r.checker.Check(doc)
	}
}
