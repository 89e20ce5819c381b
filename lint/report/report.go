package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// ToolName and the JSON version are fixed by the contract; bump
// JSONVersion only with a breaking change to the JSON report.
const (
	ToolName    = "gwlint"
	JSONVersion = 1
)

// Options tell a reporter what it cannot know from the results alone.
type Options struct {
	ToolVersion string
	Registry    *lint.Registry
	// Color turns on ANSI colour in text output (only for a terminal).
	Color bool
	// Quiet leaves out the text report's summary lines: only findings and
	// unreadable files are written.
	Quiet bool
	// Date is the day of the check as the HTML report prints it
	// (2026年12月4日); empty leaves it out, as the golden reports do.
	Date string
}

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "json", "sarif", "rdjson", "html"}

// Writer writes results in one format.
type Writer func(w io.Writer, results []*lint.Result, opt Options) error

var writers = map[string]Writer{
	"text":   Text,
	"json":   JSON,
	"sarif":  SARIF,
	"rdjson": RDJSON,
}

// Register adds a format; the HTML report registers itself this way so
// that this package does not carry its templates.
func Register(name string, w Writer) { writers[name] = w }

// Write writes results in the named format.
func Write(format string, w io.Writer, results []*lint.Result, opt Options) error {
	wr, ok := writers[format]
	if !ok {
		names := make([]string, 0, len(writers))
		for n := range writers {
			names = append(names, n)
		}
		sort.Strings(names)
		return fmt.Errorf("unknown format %q (want one of %v)", format, names)
	}
	return wr(w, results, opt)
}

// usedRules lists the rules that appear in the results, in ID order, for
// formats that describe each rule once (SARIF).
func usedRules(results []*lint.Result, reg *lint.Registry) []*lint.Rule {
	if reg == nil {
		return nil
	}
	return reg.Rules()
}

// messageWithSource is a finding's message with its authority, for formats
// that have no place of their own for it (rdjson) or whose viewers show
// only the message (SARIF in code scanning). Messages do not cite their
// source; a message that still contains it is left as it is, so that no
// reader sees the citation twice.
func messageWithSource(f lint.Finding) string {
	if f.Source == "" || strings.Contains(f.Message, f.Source) {
		return f.Message
	}
	return f.Message + "（依据：" + f.Source + "）"
}
