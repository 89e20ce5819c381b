package lint

import (
	"fmt"

	"github.com/gwlint/gwlint/lint/seg"
)

// Fact is a value derived from one document and shared by the rules that
// read it, in the spirit of go/analysis's Requires and ResultOf: the
// forwarding notice a draft is, its phrase matches, its comparison with
// the parents. A rule lists the facts it reads in Rule.Requires and reads
// each with Get, typed. A fact is computed at most once per document, on
// the first Get, and only in a run where an enabled rule requires it; a
// fact may itself require resources and other facts.
type Fact[T any] struct {
	name     string
	requires []Requirement
	compute  func(p *Pass) T
}

// NewFact declares a fact: compute derives it from p.Doc (and whatever it
// requires, read through p). compute must not report findings nor keep
// state; its result is shared by every rule of the document and must not
// be changed by them.
func NewFact[T any](name string, compute func(p *Pass) T, requires ...Requirement) *Fact[T] {
	return &Fact[T]{name: name, compute: compute, requires: requires}
}

// Name is the fact's name.
func (f *Fact[T]) Name() string { return f.name }

func (f *Fact[T]) prepare(c *Checker) error {
	for _, r := range f.requires {
		if err := r.prepare(c); err != nil {
			return err
		}
	}
	return nil
}

func (f *Fact[T]) deps() []Requirement { return f.requires }

// Get is the fact for the pass's document, computed on the first call.
// A rule that did not require the fact gets a panic, which costs the one
// document and names the rule: a programming error its tests catch.
func (f *Fact[T]) Get(p *Pass) T {
	p.mustRequire(f)
	return Memo(p.Doc, f, func() T { return f.compute(p) })
}

// mustRequire panics unless the pass's rule requires r, directly or
// through a fact it requires.
func (p *Pass) mustRequire(r Requirement) {
	if !p.allowed[r] {
		panic(fmt.Sprintf("lint: rule %s reads %q without requiring it", p.Rule.ID, r.Name()))
	}
}

// closure is the set of what rule requires, directly or through facts.
func closure(rule *Rule) map[Requirement]bool {
	set := map[Requirement]bool{}
	var add func(rs []Requirement)
	add = func(rs []Requirement) {
		for _, r := range rs {
			if set[r] {
				continue
			}
			set[r] = true
			add(r.deps())
		}
	}
	add(rule.Requires)
	return set
}

// WordsFact is the word segmentation of the document's prose
// (Document.Words).
var WordsFact = NewFact("words", func(p *Pass) []seg.Word { return p.Doc.Words() })

// CopyFact is the comparison of the draft with the run's parents, nil when
// the run has none. It is computed only when an enabled rule requires it,
// and the Result carries it for the report.
var CopyFact = NewFact("parents", func(p *Pass) *CopyFacts { return p.checker.compareWithParents(p.Doc) })
