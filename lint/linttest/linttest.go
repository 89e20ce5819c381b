// Package linttest tests rules against drafts that carry their expected
// findings inline, as golang.org/x/tools/go/analysis/analysistest does for
// analyzers: a rule's author writes real text and marks, on the line of
// each finding, which rule must report there and what its message says.
// The test fails on any finding missing and on any finding not expected.
//
// In a Markdown draft an expectation is an HTML comment on the line where
// the finding starts (the reader leaves comments out of the prose, so the
// rules never see it):
//
//	各部门(单位)要落实。 <!-- want punct-halfwidth "括号" punct-halfwidth -->
//
// A comment holds one or more expectations: a rule ID, optionally followed
// by a quoted regular expression that the message must match. A plain-text
// draft (.txt) keeps its expectations in a side file of the same name plus
// .want, one line per draft line that has findings:
//
//	3: number-year "年份"
package linttest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// expectation is one finding a draft expects.
type expectation struct {
	line    int
	rule    string
	message *regexp.Regexp // nil: any message
	met     bool
}

// Run checks every .md and .txt draft in dir with rules (at their default
// severities) and compares the findings with the drafts' expectations.
func Run(t *testing.T, dir string, rules ...*lint.Rule) {
	t.Helper()
	checker, err := lint.NewChecker(lint.NewRegistry(rules...), nil)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"))
	n := 0
	for _, path := range paths {
		ext := filepath.Ext(path)
		if ext != ".md" && ext != ".txt" {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Helper()
			RunFile(t, checker, path)
		})
	}
	if n == 0 {
		t.Fatalf("no drafts in %s", dir)
	}
}

// RunFile checks one draft with checker against its expectations.
func RunFile(t *testing.T, checker *lint.Checker, path string) {
	t.Helper()
	res := checker.CheckFile(path)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	want, err := expectations(res.Doc, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		line := res.Doc.Position(f.Span.Start).Line
		if !meet(want, line, f) {
			t.Errorf("%s:%d: unexpected finding %s: %s", path, line, f.Rule, f.Message)
		}
	}
	for _, e := range want {
		if !e.met {
			msg := ""
			if e.message != nil {
				msg = fmt.Sprintf(" %q", e.message)
			}
			t.Errorf("%s:%d: no %s finding%s", path, e.line, e.rule, msg)
		}
	}
}

// meet marks the first unmet expectation the finding satisfies.
func meet(want []*expectation, line int, f lint.Finding) bool {
	for _, e := range want {
		if !e.met && e.line == line && e.rule == f.Rule && (e.message == nil || e.message.MatchString(f.Message)) {
			e.met = true
			return true
		}
	}
	return false
}

// wantComment is an expectation comment's body.
var wantComment = regexp.MustCompile(`^want\s+(.*)$`)

// expectations reads a draft's expectations: its want comments (Markdown)
// or its .want side file (plain text).
func expectations(doc *lint.Document, path string) ([]*expectation, error) {
	var out []*expectation
	if doc.Source != nil && len(doc.Source.Comments) > 0 {
		for _, c := range doc.Source.Comments {
			m := wantComment.FindStringSubmatch(c.Body)
			if m == nil {
				continue
			}
			line := doc.Position(c.Range.Start).Line
			es, err := parse(m[1], line)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, line, err)
			}
			out = append(out, es...)
		}
	}
	side, err := os.ReadFile(path + ".want")
	if os.IsNotExist(err) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for i, l := range strings.Split(string(side), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		num, rest, ok := strings.Cut(l, ":")
		line, err := strconv.Atoi(strings.TrimSpace(num))
		if !ok || err != nil {
			return nil, fmt.Errorf("%s.want:%d: want LINE: RULE [\"regexp\"]…", path, i+1)
		}
		es, err := parse(rest, line)
		if err != nil {
			return nil, fmt.Errorf("%s.want:%d: %v", path, i+1, err)
		}
		out = append(out, es...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].line < out[j].line })
	return out, nil
}

// parse reads `rule ["regexp"] rule …`.
func parse(s string, line int) ([]*expectation, error) {
	var out []*expectation
	s = strings.TrimSpace(s)
	for s != "" {
		if s[0] == '"' {
			if len(out) == 0 || out[len(out)-1].message != nil {
				return nil, fmt.Errorf("a message pattern must follow a rule ID: %s", s)
			}
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, fmt.Errorf("bad quoted pattern: %s", s)
			}
			pat, _ := strconv.Unquote(q)
			re, err := regexp.Compile(pat)
			if err != nil {
				return nil, err
			}
			out[len(out)-1].message = re
			s = strings.TrimSpace(s[len(q):])
			continue
		}
		id, rest, _ := strings.Cut(s, " ")
		out = append(out, &expectation{line: line, rule: id})
		s = strings.TrimSpace(rest)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("want with no rule")
	}
	return out, nil
}
