package lint

import (
	"fmt"
	"strings"
)

// Severity is how much a finding matters. A rule whose authority says 一般
// ("as a rule") or 原则上 ("in principle") reports warnings, never errors;
// practice that no regulation fixes (实务通行做法) reports info.
type Severity int

const (
	// Off disables a rule; it is never the severity of a finding.
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{Off: "off", Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if s < Off || s > Error {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// Chinese is the severity as office staff read it: 错误, 警告 or 提示
// (关闭 for Off). Reports for people use it; JSON and SARIF keep String.
func (s Severity) Chinese() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	case Info:
		return "提示"
	}
	return "关闭"
}

// ParseSeverity reads "off", "info", "warning" or "error".
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if strings.EqualFold(strings.TrimSpace(name), n) {
			return Severity(s), nil
		}
	}
	return Off, fmt.Errorf("unknown severity %q (want off, info, warning or error)", name)
}

// MarshalText writes the severity's name, as the JSON report expects.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Finding is one problem a rule found in a document.
type Finding struct {
	Rule string
	// Name is the rule's Chinese name, for people (the rule's Name unless
	// the finding sets its own).
	Name     string
	Severity Severity
	Message  string
	Span     Span
	// Source names the rule's authority: a regulation and article, a
	// national standard and clause, or 实务通行做法.
	Source  string
	Related []Related
	// Fix, when set, replaces Span's text with Fix.Text. Only mechanical
	// corrections carry one.
	Fix *Fix
	// Scope is what the finding is about, for reports that place it on
	// the draft; Pass.Report fills in the rule's.
	Scope Scope
}

// Scope says what a finding is about, so that a report can place it
// without knowing rule IDs.
type Scope int

const (
	// ScopePassage: a passage of the draft, marked where it stands.
	ScopePassage Scope = iota
	// ScopeDraft: the draft as a whole (its 字数, its copy ratio), listed
	// above the text rather than painted over all of it.
	ScopeDraft
	// ScopeCopied: a passage copied from a parent, shown beside the
	// parent's text.
	ScopeCopied
)

// Related points at a place in another document (or elsewhere in the
// same one) that explains a finding: for a copied passage, the passage
// in the parent document.
type Related struct {
	Path       string
	Span       Span
	Start, End Position
	Message    string
	// Text is the related passage itself, so that a report can show it
	// beside the finding without reading the parent again.
	Text string
}

// Fix is a mechanical correction: replace the runes in Span with Text.
type Fix struct {
	Span Span
	Text string
}
