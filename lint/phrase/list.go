package phrase

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// List is one phrase list file: named classes of words that patterns may
// refer to as {name}, and the entries.
type List struct {
	// Path names the file in errors and findings.
	Path    string
	Classes map[string][]string
	Entries []*Entry
}

// Entry is one phrase or construction with what a rule should say when it
// matches. Every entry carries examples that must and must not match, and
// Load checks them, so a list cannot claim more than it does.
type Entry struct {
	// Rule is the ID of the rule that reports this entry's matches.
	Rule string
	// Severity is "info", "warning" or "error"; kept as text so that this
	// package does not depend on package lint.
	Severity string
	// Patterns are alternatives: the entry matches where any matches.
	Patterns []string
	// Except are patterns that, matching in the same sentence, silence
	// the entry there: the look-alike uses of its words.
	Except  []string
	Message string
	Source  string
	Match   []string
	NoMatch []string
	// Line is the line of the entry in Path.
	Line int

	compiled  []*pattern
	except    []*pattern
	list      *List
	matchLine int // where the match and nomatch examples stand
	noLine    int
}

// List is the list the entry came from.
func (e *Entry) List() *List { return e.list }

// Error is a problem in a phrase list, located in its file.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// maxListBytes bounds a list file: real lists are a few tens of
// kilobytes, and a larger file is almost surely the wrong one.
const maxListBytes = 4 << 20

// Load reads, compiles and checks a phrase list file: its syntax, its
// patterns, and that each entry's examples match (or do not match) as
// they claim. Call it before linting so that a bad user list is reported
// once, with its file and line.
func Load(path string) (*List, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: "cannot read phrase list: " + describe(err)}
	}
	if !st.Mode().IsRegular() {
		return nil, &Error{Path: path, Msg: "phrase list is not a regular file"}
	}
	if st.Size() > maxListBytes {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("phrase list is %d bytes, more than the %d allowed", st.Size(), maxListBytes)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: "cannot read phrase list: " + describe(err)}
	}
	return LoadBytes(path, data)
}

// LoadBytes is Load for a list already in memory; name is used in errors.
func LoadBytes(name string, data []byte) (*List, error) {
	l, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	if err := l.CheckExamples(); err != nil {
		return nil, err
	}
	return l, nil
}

func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// rawList and rawEntry are the YAML shapes.
type rawEntry struct {
	Rule     string    `yaml:"rule"`
	Severity string    `yaml:"severity"`
	Pattern  yaml.Node `yaml:"pattern"`
	Except   []string  `yaml:"except"`
	Message  string    `yaml:"message"`
	Source   string    `yaml:"source"`
	Match    []string  `yaml:"match"`
	NoMatch  []string  `yaml:"nomatch"`
}

var (
	ruleIDPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	classPattern  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	listKeys      = []string{"classes", "entries"}
	entryKeys     = []string{"rule", "severity", "pattern", "except", "message", "source", "match", "nomatch"}
)

// Parse reads and compiles a list without running its examples.
func Parse(name string, data []byte) (*List, error) {
	bad := func(line int, format string, args ...any) error {
		return &Error{Path: name, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > maxListBytes {
		return nil, bad(0, "phrase list is %d bytes, more than the %d allowed", len(data), maxListBytes)
	}
	if !utf8.Valid(data) {
		return nil, bad(0, "phrase list is not UTF-8")
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, bad(yamlErrorLine(err), "not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	l := &List{Path: name, Classes: map[string][]string{}}
	if len(root.Content) == 0 {
		return nil, bad(0, "phrase list is empty")
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, bad(top.Line, "a phrase list is a mapping with the keys %s", strings.Join(listKeys, " and "))
	}
	var entriesNode *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], top.Content[i+1]
		switch key.Value {
		case "classes":
			if err := parseClasses(name, val, l.Classes); err != nil {
				return nil, err
			}
		case "entries":
			entriesNode = val
		default:
			return nil, bad(key.Line, "unknown key %q (known: %s)", key.Value, strings.Join(listKeys, ", "))
		}
	}
	if entriesNode == nil || entriesNode.Kind != yaml.SequenceNode || len(entriesNode.Content) == 0 {
		line := top.Line
		if entriesNode != nil {
			line = entriesNode.Line
		}
		return nil, bad(line, "entries: want a non-empty list of entries")
	}
	for _, n := range entriesNode.Content {
		e, err := parseEntry(name, n, l)
		if err != nil {
			return nil, err
		}
		l.Entries = append(l.Entries, e)
	}
	return l, nil
}

func parseClasses(name string, n *yaml.Node, into map[string][]string) error {
	if n.Kind != yaml.MappingNode {
		return &Error{Path: name, Line: n.Line, Msg: "classes: want a mapping from class name to a list of words"}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if !classPattern.MatchString(key.Value) {
			return &Error{Path: name, Line: key.Line, Msg: fmt.Sprintf("classes: bad class name %q (lower-case letters, digits and _)", key.Value)}
		}
		if builtinClass(key.Value) != nil {
			return &Error{Path: name, Line: key.Line, Msg: fmt.Sprintf("classes: %q is a built-in class and cannot be redefined", key.Value)}
		}
		if _, dup := into[key.Value]; dup {
			return &Error{Path: name, Line: key.Line, Msg: fmt.Sprintf("classes: class %q defined twice", key.Value)}
		}
		var words []string
		if err := val.Decode(&words); err != nil || len(words) == 0 {
			return &Error{Path: name, Line: val.Line, Msg: fmt.Sprintf("classes.%s: want a non-empty list of words", key.Value)}
		}
		for _, w := range words {
			if err := checkLiteral(w); err != nil {
				return &Error{Path: name, Line: val.Line, Msg: fmt.Sprintf("classes.%s: %v", key.Value, err)}
			}
		}
		into[key.Value] = words
	}
	return nil
}

func parseEntry(name string, n *yaml.Node, l *List) (*Entry, error) {
	bad := func(line int, format string, args ...any) error {
		return &Error{Path: name, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if n.Kind != yaml.MappingNode {
		return nil, bad(n.Line, "an entry is a mapping with the keys %s", strings.Join(entryKeys, ", "))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		if !contains(entryKeys, key.Value) {
			return nil, bad(key.Line, "unknown entry key %q (known: %s)", key.Value, strings.Join(entryKeys, ", "))
		}
	}
	var raw rawEntry
	if err := n.Decode(&raw); err != nil {
		return nil, bad(n.Line, "malformed entry: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	e := &Entry{
		Rule: strings.TrimSpace(raw.Rule), Severity: strings.TrimSpace(raw.Severity),
		Except: raw.Except, Message: strings.TrimSpace(raw.Message), Source: strings.TrimSpace(raw.Source),
		Match: raw.Match, NoMatch: raw.NoMatch, Line: n.Line, list: l,
		matchLine: patternLine(n, "match"), noLine: patternLine(n, "nomatch"),
	}
	switch {
	case !ruleIDPattern.MatchString(e.Rule):
		return nil, bad(n.Line, "rule: want a rule ID such as burden-veto, got %q", e.Rule)
	case e.Severity != "info" && e.Severity != "warning" && e.Severity != "error":
		return nil, bad(n.Line, "severity: want info, warning or error, got %q", e.Severity)
	case e.Message == "":
		return nil, bad(n.Line, "message: every entry says what the match means")
	case e.Source == "":
		return nil, bad(n.Line, "source: every entry names its authority (a regulation and article, or 实务通行做法)")
	case len(e.Match) == 0:
		return nil, bad(n.Line, "match: every entry gives at least one example that must match")
	case len(e.NoMatch) == 0:
		return nil, bad(n.Line, "nomatch: every entry gives at least one look-alike that must not match")
	}
	switch raw.Pattern.Kind {
	case yaml.ScalarNode:
		e.Patterns = []string{raw.Pattern.Value}
	case yaml.SequenceNode:
		if err := raw.Pattern.Decode(&e.Patterns); err != nil {
			return nil, bad(raw.Pattern.Line, "pattern: want a pattern or a list of patterns")
		}
	default:
		return nil, bad(n.Line, "pattern: every entry needs a pattern")
	}
	if len(e.Patterns) == 0 {
		return nil, bad(n.Line, "pattern: every entry needs a pattern")
	}
	for _, src := range e.Patterns {
		p, err := compilePattern(src, l.Classes)
		if err != nil {
			return nil, bad(patternLine(n, "pattern"), "pattern %q: %v", src, err)
		}
		e.compiled = append(e.compiled, p)
	}
	for _, src := range e.Except {
		p, err := compilePattern(src, l.Classes)
		if err != nil {
			return nil, bad(patternLine(n, "except"), "except %q: %v", src, err)
		}
		e.except = append(e.except, p)
	}
	return e, nil
}

// patternLine finds the line of key in an entry's mapping node.
func patternLine(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1].Line
		}
	}
	return n.Line
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func yamlErrorLine(err error) int {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	var n int
	fmt.Sscanf(m[1], "%d", &n)
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// CheckExamples runs every example of every entry through a matcher built
// from this list alone and reports the first that does not behave as
// claimed.
func (l *List) CheckExamples() error { return NewMatcher(l).CheckExamples() }

// Rules lists the distinct rule IDs the list's entries name, sorted.
func (l *List) Rules() []string {
	seen := map[string]bool{}
	var ids []string
	for _, e := range l.Entries {
		if !seen[e.Rule] {
			seen[e.Rule] = true
			ids = append(ids, e.Rule)
		}
	}
	sort.Strings(ids)
	return ids
}
