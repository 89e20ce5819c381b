package rules

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/gwlint/gwlint/dict"
	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/phrase"
	"github.com/gwlint/gwlint/lint/seg"
)

// The burden-*, forward-demands-* and style-taohua rules match the phrase
// lists of dict/phrases plus any the configuration names. Compiling the
// lists runs the segmenter over every example, so the built-in lists are
// compiled once per process, and a run's user lists once when the run is
// built (the phraseLists resource): no rule reads a list file while
// documents are checked, so a list edited during a batch cannot change the
// results of the files after it.

// phraseRuleIDs are the rules that read phrase-list entries. A list entry
// naming any other rule is an error, not silently ignored.
// The other burden rules read the demand model's kinds (burden_demand.go).
var phraseRuleIDs = []string{"burden-deadline", "style-taohua"}

// phraseSet is a compiled set of lists.
type phraseSet struct {
	all *phrase.Matcher
}

var (
	builtinPhrasesOnce sync.Once
	builtinPhraseLists []*phrase.List
	builtinPhrases     *phraseSet
)

// phraseLists is a run's phrase lists: the built-in ones with the user
// lists its configuration names, read, compiled and checked (syntax,
// examples, rule names) once when the run is built. A list that does not
// load stops the run, naming the configuration line, the list's file and
// line and what is wrong with the entry there.
var phraseLists = lint.NewResource("phrase lists", func(cfg *lint.Config) (*phraseSet, error) {
	loadBuiltinPhrases()
	paths := phraseListPaths(cfg.Phrases)
	if len(paths) == 0 {
		return builtinPhrases, nil
	}
	user, err := loadUserLists(paths)
	if err != nil {
		return nil, fmt.Errorf("%s: phrases: %w", cfg.Location("phrases"), err)
	}
	return newPhraseSet(append(append([]*phrase.List{}, builtinPhraseLists...), user...)), nil
})

// phraseRules is what a rule that reads phrase lists requires.
var phraseRules = []lint.Requirement{phraseLists}

// phrasesOf is the run's compiled phrase lists.
func phrasesOf(pass *lint.Pass) *phraseSet { return phraseLists.Get(pass) }

// builtinPhraseSet is the built-in lists alone, for code that prepares
// text outside a run (tests, the deadline scan of a forwarding notice).
func builtinPhraseSet() *phraseSet {
	loadBuiltinPhrases()
	return builtinPhrases
}

func loadBuiltinPhrases() {
	builtinPhrasesOnce.Do(func() {
		names, err := fs.Glob(dict.Phrases, "phrases/*.yaml")
		if err != nil || len(names) == 0 {
			panic("rules: no embedded phrase lists") // a broken build, caught by the tests
		}
		// The embedded lists are parsed, not checked: running every example
		// through the matcher segments hundreds of sentences, a third of a
		// cold start. TestEmbeddedListsKeepTheirPromises in lint/phrase checks them,
		// so a list that drifts from its examples fails the build's tests.
		for _, name := range names {
			data, err := fs.ReadFile(dict.Phrases, name)
			if err != nil {
				panic("rules: embedded phrase list: " + err.Error())
			}
			l, err := phrase.Parse(name, data)
			if err != nil {
				panic("rules: embedded phrase list: " + err.Error()) // checked by the tests
			}
			builtinPhraseLists = append(builtinPhraseLists, l)
		}
		builtinPhrases = newPhraseSet(builtinPhraseLists)
	})
}

func newPhraseSet(lists []*phrase.List) *phraseSet {
	return &phraseSet{all: phrase.NewMatcher(lists...)}
}

// CheckPhraseLists loads the user phrase lists at paths and checks their
// syntax, their examples and that every entry names a rule that reads
// phrase lists.
//
// Deprecated: lint.NewRun (and lint.NewChecker) load and check the lists
// the configuration names, and fail with the same error.
func CheckPhraseLists(paths []string) error {
	if _, err := loadUserLists(phraseListPaths(paths)); err != nil {
		return err
	}
	if kinds := demandListPaths(paths); len(kinds) > 0 {
		_, err := loadUserDemand(kinds)
		return err
	}
	return nil
}

// phraseListPaths are the configured lists that are phrase lists, not
// lists of burden kinds (demandListPaths).
func phraseListPaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		if !isDemandList(p) {
			out = append(out, p)
		}
	}
	return out
}

func loadUserLists(paths []string) ([]*phrase.List, error) {
	var lists []*phrase.List
	for _, p := range paths {
		l, err := phrase.Load(p)
		if err != nil {
			return nil, err
		}
		for _, e := range l.Entries {
			if !containsString(phraseRuleIDs, e.Rule) {
				return nil, &phrase.Error{Path: l.Path, Line: e.Line, Msg: fmt.Sprintf("rule %q does not read phrase lists (those that do: %s)", e.Rule, strings.Join(phraseRuleIDs, ", "))}
			}
		}
		lists = append(lists, l)
	}
	return lists, nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// phraseMatches runs the rule's entries over the document and keeps the
// matches inside within (the whole text when within is empty).
func phraseMatches(pass *lint.Pass, within lint.Span) ([]phrase.Match, *phrase.Text) {
	found := phrasesOf(pass).find(pass.Doc)
	var out []phrase.Match
	for _, x := range found.byRule[pass.Rule.ID] {
		if within.End > within.Start && (x.Span.Start < within.Start || x.Span.End > within.End) {
			continue
		}
		out = append(out, x)
	}
	return out, found.text
}

// docPhrases are the matches of every list entry in one document, split
// by rule.
type docPhrases struct {
	text   *phrase.Text
	byRule map[string][]phrase.Match
}

// find returns the matches of every entry of the set in doc. The phrase
// rules run one after another on the same document; the document's fact
// cache makes them prepare the text and run the matcher once between them.
// The text is segmented only in the sentences where some entry's literal
// occurs (phrase.Matcher.PrepareCut): the same matches as from
// doc.Words(), for a fraction of the segmentation.
func (s *phraseSet) find(doc *lint.Document) *docPhrases {
	return lint.Memo(doc, s, func() *docPhrases {
		text := s.all.PrepareCut(doc.Prose, seg.Default().Cut)
		found := &docPhrases{text: text, byRule: map[string][]phrase.Match{}}
		for _, x := range s.all.Find(text) {
			found.byRule[x.Entry.Rule] = append(found.byRule[x.Entry.Rule], x)
		}
		return found
	})
}

// entrySeverity is the entry's own level, Off (the rule's) when it has
// none; Pass.Report applies a configured severity over it.
func entrySeverity(e *phrase.Entry) lint.Severity {
	s, err := lint.ParseSeverity(e.Severity)
	if err != nil {
		return lint.Off
	}
	return s
}

// reportPhrase reports a match with its entry's message and source.
func reportPhrase(pass *lint.Pass, text *phrase.Text, x phrase.Match, detail string) {
	quoted := clip(text.Slice(x.Span), 40)
	msg := fmt.Sprintf("“%s”：%s", quoted, x.Entry.Message)
	if detail != "" {
		msg = fmt.Sprintf("“%s”（%s）：%s", quoted, detail, x.Entry.Message)
	}
	if x.Entry.List() != nil && !isBuiltinList(x.Entry.List()) {
		msg += "（词表 " + x.Entry.List().Path + "）"
	}
	pass.Report(lint.Finding{
		Severity: entrySeverity(x.Entry),
		Message:  msg,
		Span:     lint.Span{Start: x.Span.Start, End: x.Span.End},
		Source:   x.Entry.Source,
	})
}

func isBuiltinList(l *phrase.List) bool {
	for _, b := range builtinPhraseLists {
		if b == l {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// sortedKeys lists a count map's keys, most frequent first.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
