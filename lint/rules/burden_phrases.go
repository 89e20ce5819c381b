package rules

import (
	"fmt"
	"io/fs"
	"os"
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
// lists runs the segmenter over every example, so compiled matchers are
// cached: the built-in ones once per process, user ones per set of paths
// and the size and modification time of each file, so that a list edited
// while a server runs is compiled again on the next check. The cache holds
// immutable values only and is safe for concurrent use; it is not
// per-document state.

// phraseRuleIDs are the rules that read phrase-list entries. A list entry
// naming any other rule is an error, not silently ignored.
var phraseRuleIDs = []string{
	"burden-deadline", "burden-veto", "burden-proof", "burden-ranking", "burden-app",
	"burden-criteria", "burden-forms", "forward-demands-package", "forward-demands-report",
	"style-taohua",
}

// phraseSet is a compiled set of lists.
type phraseSet struct {
	all *phrase.Matcher
	err error // a user list that failed to load; the built-ins still apply
}

var (
	builtinPhrasesOnce sync.Once
	builtinPhraseLists []*phrase.List
	builtinPhrases     *phraseSet
	userPhrases        sync.Map // joined paths → *userPhraseSet
)

// userPhraseSet is a compiled set of user lists and the state of their
// files when they were read.
type userPhraseSet struct {
	stamp string
	set   *phraseSet
}

// listStamp describes the files at paths as they are now: size and
// modification time, or the error that stops reading one. Any edit that
// changes either gives a new stamp.
func listStamp(paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(&b, "%s\x00error\x00", p)
			continue
		}
		fmt.Fprintf(&b, "%s\x00%d\x00%d\x00", p, st.Size(), st.ModTime().UnixNano())
	}
	return b.String()
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
		builtinPhrases = newPhraseSet(builtinPhraseLists, nil)
	})
}

func newPhraseSet(lists []*phrase.List, err error) *phraseSet {
	return &phraseSet{all: phrase.NewMatcher(lists...), err: err}
}

// CheckPhraseLists loads the user phrase lists a configuration names,
// checks their syntax, their examples and that every entry names a rule
// that reads phrase lists. The command line calls it before linting, so
// that a bad list stops the run with the file and line at fault; the set
// it compiles is the one the rules then use.
func CheckPhraseLists(paths []string) error {
	if len(paths) == 0 {
		return nil
	}
	return userPhraseSetFor(paths).err
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

// phrasesFor is the compiled set for a run's configuration.
func phrasesFor(cfg *lint.Config) *phraseSet {
	loadBuiltinPhrases()
	if cfg == nil || len(cfg.Phrases) == 0 {
		return builtinPhrases
	}
	return userPhraseSetFor(cfg.Phrases)
}

// userPhraseSetFor is the built-in lists with the user lists at paths,
// compiled once for each state of the files.
func userPhraseSetFor(paths []string) *phraseSet {
	loadBuiltinPhrases()
	key := strings.Join(paths, "\x00")
	stamp := listStamp(paths)
	if u, ok := userPhrases.Load(key); ok && u.(*userPhraseSet).stamp == stamp {
		return u.(*userPhraseSet).set
	}
	user, err := loadUserLists(paths)
	var s *phraseSet
	if err != nil {
		s = &phraseSet{all: builtinPhrases.all, err: err}
	} else {
		s = newPhraseSet(append(append([]*phrase.List{}, builtinPhraseLists...), user...), nil)
	}
	// One entry per set of paths: an edited list replaces the set compiled
	// from its earlier text. Two checks that reload at once both compile
	// and the later store wins; either set is right for its stamp.
	userPhrases.Store(key, &userPhraseSet{stamp: stamp, set: s})
	return s
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
	set := phrasesFor(pass.Config)
	if set.err != nil {
		// Reported by every phrase rule, because none knows which others
		// run; the command line checks lists first, so this is rare.
		pass.Report(lint.Finding{Severity: lint.Error, Message: "用户词表无法使用，仅按内置词表检查：" + set.err.Error()})
	}
	found := set.find(pass.Doc)
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
	return doc.Fact(s, func() any {
		text := s.all.PrepareCut(doc.Prose, seg.Default().Cut)
		found := &docPhrases{text: text, byRule: map[string][]phrase.Match{}}
		for _, x := range s.all.Find(text) {
			found.byRule[x.Entry.Rule] = append(found.byRule[x.Entry.Rule], x)
		}
		return found
	}).(*docPhrases)
}

// entrySeverity is the entry's severity unless the configuration changed
// the rule's.
func entrySeverity(pass *lint.Pass, e *phrase.Entry) lint.Severity {
	if pass.Severity() != pass.Rule.Severity {
		return pass.Severity()
	}
	s, err := lint.ParseSeverity(e.Severity)
	if err != nil || s == lint.Off {
		return pass.Severity()
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
		Severity: entrySeverity(pass, x.Entry),
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
