package lint

import (
	"fmt"
	"path"
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
			// an empty line before the paragraph it means.
			for line < doc.index.Lines() && strings.TrimSpace(lineText(doc, line)) == "" {
				line++
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
	kept := findings[:0]
	for _, f := range findings {
		silenced := false
		for _, s := range sups {
			if ok, _ := path.Match(s.pattern, f.Rule); ok && (s.scope.Contains(f.Span.Start) || (f.Span.Start == s.scope.Start && s.scope.Empty())) {
				s.used = true
				silenced = true
			}
		}
		if !silenced {
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
