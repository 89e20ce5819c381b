package lint

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Needs declares which shared facts a rule reads. The facts themselves are
// computed lazily, on the first rule that asks (Document.Words, the copy
// facts only when parents are given), so a run whose enabled rules never
// ask pays nothing for them; Needs says which rules those are, for
// `gwlint rules` and for anyone choosing rules to keep a check fast.
type Needs uint

const (
	// NeedsWords: the rule reads word boundaries (gse segmentation):
	// Document.Words, or those of the sentences it looks at, which the
	// phrase rules segment one by one where a match is possible
	// (phrase.Matcher.PrepareCut).
	NeedsWords Needs = 1 << iota
	// NeedsParents: the rule compares the draft with parent documents.
	NeedsParents
)

// Rule is one check. Each rule lives in its own file under lint/rules with
// the citation of the regulation or standard behind it.
type Rule struct {
	// ID is the stable name reports and configuration use, e.g.
	// "length-cap"; a family shares a prefix ("burden-", "forward-").
	ID string
	// Name is what office staff read: a short Chinese name (发文字号格式,
	// 层层加码：时限过紧). Reports for people show it beside the ID.
	Name string
	// Severity is the default; the configuration may change it or turn
	// the rule off.
	Severity Severity
	// Source is the authority, quoted in every finding: a regulation and
	// article, a national standard and clause, or 实务通行做法.
	Source string
	// Doc is a one-line description.
	Doc string
	// Scope is what the rule's findings are about (ScopePassage unless
	// set), for reports that place them.
	Scope Scope
	// Needs lists the shared facts the rule reads, for `gwlint rules`.
	Needs Needs
	// Requires lists the resources (prepared once per run) and facts
	// (computed once per document) the rule reads. Only what an enabled
	// rule requires is prepared; a rule reads only what it lists.
	Requires []Requirement
	// Run inspects pass.Doc and calls pass.Report. It must not keep state
	// between calls: the Checker runs rules on many documents at once.
	// A rule that can fail sets RunE instead.
	Run func(pass *Pass)
	// RunE is Run for a rule that can fail: its error makes the document's
	// check an error of the run (a RuleError, exit code 2), not a finding.
	// The findings it reported before failing are kept.
	RunE func(pass *Pass) error
}

// Pass is one rule's run over one document.
type Pass struct {
	Rule   *Rule
	Doc    *Document
	Config *Config
	// Copy is the comparison of the draft with its parent documents, or
	// nil when no parents were given. It is set only for a rule that
	// requires CopyFact.
	//
	// Deprecated: read CopyFact.Get(pass).
	Copy *CopyFacts

	ctx     context.Context
	checker *Checker
	// allowed is what the rule requires, directly or through facts.
	allowed  map[Requirement]bool
	severity Severity
	// overridden: the configuration set this rule's severity, and every
	// finding takes it, even one the rule would report lower (a date in
	// Chinese numerals is a warning by default; "date-format: error" makes
	// it an error).
	overridden bool
	findings   []Finding
	summary    *Summary
	// dropped counts the findings past MaxFindingsPerRule; firstDropped
	// is the first of them, where the finding that counts them points.
	dropped      int
	firstDropped Finding
}

// Summary is what a rule says of the draft as a whole, which reports
// render beside the findings: the 字数 cap that governs the draft and why.
// Reports read it from the Result, never from a rule's ID.
type Summary struct {
	Cap       int
	CapReason string
}

// Summarize gives the report the rule's summary of the draft.
func (p *Pass) Summarize(s Summary) { p.summary = &s }

// Report records a finding. Rule and Source default to the rule's own,
// so most rules set only Span and Message; Severity follows the one
// severity policy (severityOf).
func (p *Pass) Report(f Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.ID
	}
	if f.Name == "" && f.Rule == p.Rule.ID {
		f.Name = p.Rule.Name
	}
	f.Severity = p.severityOf(f.Severity)
	if f.Source == "" {
		f.Source = p.Rule.Source
	}
	if f.Scope == ScopePassage {
		f.Scope = p.Rule.Scope
	}
	f.Span.Start = max(0, min(f.Span.Start, p.Doc.Len()))
	f.Span.End = max(f.Span.Start, min(f.Span.End, p.Doc.Len()))
	if len(p.findings) >= MaxFindingsPerRule {
		// A draft with a finding on every character would otherwise hold
		// gigabytes of findings; the check adds one finding saying how
		// many were left out.
		if p.dropped == 0 {
			p.firstDropped = f
		}
		p.dropped++
		return
	}
	p.findings = append(p.findings, f)
}

// MaxFindingsPerRule is how many findings one rule reports in one
// document. Past it the rest are counted, not kept, and one more finding
// says how many: no one reads a thousand identical findings, and each
// costs memory while the check runs.
const MaxFindingsPerRule = 500

// leftOut is the finding that stands for the findings of the pass past
// MaxFindingsPerRule, or false when there were none.
func (p *Pass) leftOut() (Finding, bool) {
	if p.dropped == 0 {
		return Finding{}, false
	}
	f := p.firstDropped
	f.Message = fmt.Sprintf("本规则在本文稿中另有%d处问题未逐一列出（每条规则每份文稿最多列出%d处），从此处起；请先修正已列出的问题后再检查", p.dropped, MaxFindingsPerRule)
	f.Fix, f.Related = nil, nil
	return f, true
}

// severityOf is gwlint's one severity policy, the only place a finding's
// severity is decided:
//
//  1. a severity the configuration sets for the rule (by ID or glob)
//     applies to every finding of the rule: "date-format: error" makes a
//     date in Chinese numerals an error, though the rule reports it lower;
//  2. otherwise the finding's own level, when the rule gives one: a phrase
//     entry's severity, a part of the rule resting on weaker authority
//     (AtMost);
//  3. otherwise the rule's default.
func (p *Pass) severityOf(own Severity) Severity {
	if p.overridden || own == Off {
		return p.severity
	}
	return own
}

// AtMost is the level of a finding that rests on weaker authority than
// the rest of the rule (a standard's 通常, the form of an older standard):
// cap, or the rule's default when that is lower. A severity set in the
// configuration still applies to it (severityOf).
func (p *Pass) AtMost(cap Severity) Severity { return min(p.Rule.Severity, cap) }

// Reportf records a finding with the rule's defaults at span.
func (p *Pass) Reportf(span Span, format string, args ...any) {
	p.Report(Finding{Span: span, Message: fmt.Sprintf(format, args...)})
}

// Context is done when the check's caller no longer wants the result (a
// web client that left): a rule with long work may stop early, its
// findings will not be read.
func (p *Pass) Context() context.Context {
	if p.ctx == nil {
		return context.Background()
	}
	return p.ctx
}

// Severity is the severity this rule reports at for this run (its default
// or the configured one). A rule need not pass it to Report: a finding
// without a severity takes it.
func (p *Pass) Severity() Severity { return p.severity }

// Names lists the facts in words, for reports.
func (n Needs) Names() []string {
	out := []string{}
	if n&NeedsWords != 0 {
		out = append(out, "words")
	}
	if n&NeedsParents != 0 {
		out = append(out, "parents")
	}
	return out
}

// Registry is an ordered set of rules with unique IDs.
type Registry struct {
	rules []*Rule
	byID  map[string]*Rule
}

// NewRegistry checks the rules and indexes them. It panics on a duplicate
// or malformed rule: that is a programming error caught by the tests, never
// an input error.
func NewRegistry(rules ...*Rule) *Registry {
	r := &Registry{byID: map[string]*Rule{}}
	for _, rule := range rules {
		switch {
		case rule.ID == "" || strings.ContainsAny(rule.ID, " \t,"):
			panic(fmt.Sprintf("lint: rule with malformed ID %q", rule.ID))
		case r.byID[rule.ID] != nil:
			panic("lint: duplicate rule " + rule.ID)
		case rule.Source == "" || rule.Doc == "":
			panic("lint: rule " + rule.ID + " lacks its source or doc")
		case rule.Severity == Off:
			panic("lint: rule " + rule.ID + " has no default severity")
		case rule.Run != nil && rule.RunE != nil:
			panic("lint: rule " + rule.ID + " sets both Run and RunE")
		}
		r.rules = append(r.rules, rule)
		r.byID[rule.ID] = rule
	}
	sort.SliceStable(r.rules, func(i, j int) bool { return r.rules[i].ID < r.rules[j].ID })
	return r
}

// Rules lists the rules sorted by ID.
func (r *Registry) Rules() []*Rule { return r.rules }

// Lookup finds a rule by ID.
func (r *Registry) Lookup(id string) *Rule { return r.byID[id] }
