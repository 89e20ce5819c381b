package lint

import (
	"container/heap"
	"fmt"
	"path"
	"sort"
	"strings"
)

// UnusedSuppression reports an inline suppression that silenced nothing,
// so that stale directives do not pile up in drafts. The Checker produces
// it; it has no Run of its own.
var UnusedSuppression = &Rule{
	ID:       "unused-suppression",
	Name:     "无用的抑制注释",
	Severity: Info,
	Source:   "实务通行做法",
	Doc:      "行内抑制注释（gwlint-disable）没有匹配到任何问题，或指定的规则不存在",
}

// suppression is one rule pattern of one directive, over the span of text
// it silences.
type suppression struct {
	pattern string // a rule ID or glob; "*" for a directive that names none
	comment Span   // where the directive stands
	scope   Span   // what it silences
	used    bool
}

// parseSuppressions reads the directives of a document's comments:
//
//	<!-- gwlint-disable RULE[,RULE] -->  ...  <!-- gwlint-enable RULE -->
//	<!-- gwlint-disable-next-line RULE -->
//
// A reason may follow the rules after "--". A disable with no enable runs
// to the end of the document.
func parseSuppressions(doc *Document) []*suppression {
	var out []*suppression
	open := map[string]*suppression{}
	skippedFrom, skippedTo := -1, -1
	for _, c := range doc.Source.Comments {
		body := strings.TrimSpace(c.Body)
		if i := strings.Index(body, "--"); i >= 0 {
			body = strings.TrimSpace(body[:i])
		}
		verb, rest, _ := strings.Cut(body, " ")
		patterns := splitRules(rest)
		at := Span{Start: c.Range.Start, End: c.Range.End}
		switch verb {
		case "gwlint-disable":
			for _, p := range patterns {
				s := &suppression{pattern: p, comment: at, scope: Span{Start: at.End, End: doc.Len()}}
				if prev := open[p]; prev != nil {
					prev.scope.End = at.Start
				}
				open[p] = s
				out = append(out, s)
			}
		case "gwlint-enable":
			for _, p := range patterns {
				if p == "*" {
					for k, s := range open {
						s.scope.End = at.Start
						delete(open, k)
					}
					continue
				}
				if s := open[p]; s != nil {
					s.scope.End = at.Start
					delete(open, p)
				}
			}
		case "gwlint-disable-next-line":
			line := doc.Position(at.End).Line + 1
			// Skip blank lines: in Markdown a directive is often followed by
			// an empty line before the paragraph it means. Directives on one
			// line share the answer, so that many of them before many
			// blank lines do not skip the blanks once each.
			if line == skippedFrom {
				line = skippedTo
			} else {
				skippedFrom = line
				for line < doc.index.Lines() && strings.TrimSpace(lineText(doc, line)) == "" {
					line++
				}
				skippedTo = line
			}
			start := doc.index.LineStart(line)
			end := doc.Len()
			if line < doc.index.Lines() {
				end = doc.index.LineStart(line+1) - 1
			}
			for _, p := range patterns {
				out = append(out, &suppression{pattern: p, comment: at, scope: Span{Start: start, End: max(start, end)}})
			}
		}
	}
	return out
}

func lineText(doc *Document, line int) string {
	start := doc.index.LineStart(line)
	end := doc.Len()
	if line < doc.index.Lines() {
		end = doc.index.LineStart(line + 1)
	}
	return doc.index.Slice(Span{Start: start, End: end})
}

func splitRules(s string) []string {
	out := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(out) == 0 {
		out = []string{"*"}
	}
	return out
}

// applySuppressions drops the findings that directives silence and adds an
// unused-suppression finding for each directive that silenced nothing.
func applySuppressions(doc *Document, findings []Finding, c *Checker) []Finding {
	if doc.Source == nil || len(doc.Source.Comments) == 0 {
		return findings
	}
	sups := parseSuppressions(doc)
	if len(sups) == 0 {
		return findings
	}
	silenced := silence(findings, sups)
	kept := findings[:0]
	for i, f := range findings {
		if !silenced[i] {
			kept = append(kept, f)
		}
	}
	sev := c.cfg.SeverityOf(UnusedSuppression)
	if sev == Off {
		return kept
	}
	for _, s := range sups {
		if s.used {
			continue
		}
		msg := fmt.Sprintf("抑制指令“%s”没有匹配到任何问题，可以删除", s.pattern)
		if s.pattern != "*" && !strings.ContainsAny(s.pattern, "*?[") && c.reg.Lookup(s.pattern) == nil {
			msg = fmt.Sprintf("抑制指令中的规则“%s”不存在（见 gwlint rules）", s.pattern)
		}
		kept = append(kept, Finding{Rule: UnusedSuppression.ID, Severity: sev, Message: msg, Span: s.comment, Source: UnusedSuppression.Source})
	}
	return kept
}

// silence decides which findings the suppressions silence, marking each
// suppression that silences one as used: a finding is silenced by every
// suppression whose pattern matches its rule and whose scope holds its
// start (an empty scope holds its own start).
//
// It sweeps the findings in order of their start, with the suppressions
// whose scope holds it grouped by rule, so that thousands of directives
// and findings cost about their number, not its square (30,000
// gwlint-disable-next-line comments took 82 s): each pattern is matched
// once against the rules that have findings, and each suppression joins,
// is marked and leaves once.
func silence(findings []Finding, sups []*suppression) []bool {
	var ruleIDs []string
	seen := map[string]bool{}
	for _, f := range findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			ruleIDs = append(ruleIDs, f.Rule)
		}
	}
	// rulesOf[i] are the rules with findings that suppression i's pattern
	// matches.
	rulesOf := make([][]string, len(sups))
	for i, s := range sups {
		for _, id := range ruleIDs {
			if ok, _ := path.Match(s.pattern, id); ok {
				rulesOf[i] = append(rulesOf[i], id)
			}
		}
	}
	// A suppression is active for a finding starting at x when
	// scope.Start <= x < until.
	until := func(s *suppression) int {
		if s.scope.Empty() {
			return s.scope.End + 1
		}
		return s.scope.End
	}
	byStart := make([]int, len(sups))
	for i := range byStart {
		byStart[i] = i
	}
	sort.SliceStable(byStart, func(a, b int) bool { return sups[byStart[a]].scope.Start < sups[byStart[b]].scope.Start })
	order := make([]int, len(findings))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return findings[order[a]].Span.Start < findings[order[b]].Span.Start })

	active := map[string]int{}         // by rule: how many active suppressions match it
	waiting := map[string][]int{}      // by rule: active (or expired) suppressions not yet used
	expired := make([]bool, len(sups)) // left their scope
	var ends expiryHeap                // active suppressions by until
	silenced := make([]bool, len(findings))
	next := 0
	for _, fi := range order {
		x := findings[fi].Span.Start
		for next < len(byStart) && sups[byStart[next]].scope.Start <= x {
			i := byStart[next]
			next++
			if until(sups[i]) <= x {
				expired[i] = true
				continue
			}
			heap.Push(&ends, expiry{until(sups[i]), i})
			for _, id := range rulesOf[i] {
				active[id]++
				waiting[id] = append(waiting[id], i)
			}
		}
		for ends.Len() > 0 && ends[0].at <= x {
			i := heap.Pop(&ends).(expiry).sup
			expired[i] = true
			for _, id := range rulesOf[i] {
				active[id]--
			}
		}
		id := findings[fi].Rule
		if active[id] == 0 {
			continue
		}
		silenced[fi] = true
		for _, i := range waiting[id] {
			if !expired[i] {
				sups[i].used = true
			}
		}
		waiting[id] = waiting[id][:0]
	}
	return silenced
}

type expiry struct{ at, sup int }

// expiryHeap is a min-heap of active suppressions by the end of their
// scope.
type expiryHeap []expiry

func (h expiryHeap) Len() int           { return len(h) }
func (h expiryHeap) Less(i, j int) bool { return h[i].at < h[j].at }
func (h expiryHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *expiryHeap) Push(x any)        { *h = append(*h, x.(expiry)) }
func (h *expiryHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
