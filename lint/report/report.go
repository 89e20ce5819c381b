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

// format is one output format: how it writes a whole report, and how it
// streams one file at a time when it can (nil: the results are kept and
// written at the end).
type format struct {
	name   string
	write  Writer
	stream func(w io.Writer, opt Options) Stream
}

// formats is every output format, in the order the command line lists
// them. It is a plain table, not filled by init functions, so that what a
// format is can be read here.
var formats = []format{
	{"text", Text, func(w io.Writer, opt Options) Stream { return newTextStream(w, opt) }},
	{"json", JSON, func(w io.Writer, opt Options) Stream { return newJSONStream(w, opt) }},
	{"sarif", SARIF, func(w io.Writer, opt Options) Stream { return newSARIFStream(w, opt) }},
	{"rdjson", RDJSON, nil},
	{"html", HTML, nil},
}

// Formats lists the output formats Write accepts.
var Formats = func() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}()

// Writer writes results in one format.
type Writer func(w io.Writer, results []*lint.Result, opt Options) error

// registered are formats added with Register.
var registered = map[string]Writer{}

// Register adds a format.
//
// Deprecated: the formats are a static table in this package; a new
// format is a file here and a line in formats.
func Register(name string, w Writer) { registered[name] = w }

// lookup finds a format by name.
func lookup(name string) (format, bool) {
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	if w, ok := registered[name]; ok {
		return format{name: name, write: w}, true
	}
	return format{}, false
}

// Write writes results in the named format.
func Write(format string, w io.Writer, results []*lint.Result, opt Options) error {
	f, ok := lookup(format)
	if !ok {
		names := append([]string(nil), Formats...)
		for n := range registered {
			names = append(names, n)
		}
		sort.Strings(names)
		return fmt.Errorf("unknown format %q (want one of %v)", format, names)
	}
	return f.write(w, results, opt)
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
