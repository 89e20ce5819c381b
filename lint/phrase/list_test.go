package phrase

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/dict"
)

// embeddedLists parses every list shipped in dict/phrases the way package
// rules does (fs.ReadFile, then Parse, with no per-list example check), so
// that the test below checks the lists exactly as they are used.
func embeddedLists(t testing.TB) []*List {
	t.Helper()
	names, err := fs.Glob(dict.Phrases, "phrases/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded phrase lists: %v", err)
	}
	var lists []*List
	for _, name := range names {
		data, err := fs.ReadFile(dict.Phrases, name)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		lists = append(lists, l)
	}
	return lists
}

// TestEmbeddedListsKeepTheirPromises runs every example of every shipped
// entry through the matcher over all lists together, as the rules use it:
// a list cannot claim a match it does not make, and a word added to one
// list cannot break another's look-alikes unnoticed.
func TestEmbeddedListsKeepTheirPromises(t *testing.T) {
	lists := embeddedLists(t)
	if err := NewMatcher(lists...).CheckExamples(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range lists {
		n += len(l.Entries)
	}
	// The burden kinds moved to the demand lists (dict/demand); what stays
	// here is burden-deadline's construction and the 套话 of style-taohua.
	if n < 2 {
		t.Errorf("only %d entries in the shipped lists", n)
	}
}

func TestParseErrors(t *testing.T) {
	const good = `entries:
  - rule: burden-veto
    severity: warning
    pattern: 一票否决
    message: m
    source: s
    match: [实行一票否决]
    nomatch: [一票]
`
	if _, err := LoadBytes("good.yaml", []byte(good)); err != nil {
		t.Fatalf("good list: %v", err)
	}
	tests := []struct {
		name, text, want string
	}{
		{"not yaml", "entries: [", "bad.yaml:"},
		{"empty", "", "empty"},
		{"no entries", "classes: {}\n", "entries"},
		{"unknown key", strings.Replace(good, "    source: s\n", "    source: s\n    sauce: x\n", 1), `bad.yaml:7: unknown entry key "sauce"`},
		{"bad rule", strings.Replace(good, "burden-veto", "Burden Veto", 1), "bad.yaml:2: rule"},
		{"bad severity", strings.Replace(good, "warning", "fatal", 1), "severity"},
		{"no source", strings.Replace(good, "    source: s\n", "", 1), "source"},
		{"no nomatch", strings.Replace(good, "    nomatch: [一票]\n", "", 1), "nomatch"},
		{"unknown class", strings.Replace(good, "pattern: 一票否决", "pattern: \"{nope} 否决\"", 1), "unknown class {nope}"},
		{"leading gap", strings.Replace(good, "pattern: 一票否决", "pattern: \"… 否决\"", 1), "begin or end with a gap"},
		{"bad gap", strings.Replace(good, "pattern: 一票否决", "pattern: \"一票 …999 否决\"", 1), "gap"},
		{"example fails", strings.Replace(good, "[实行一票否决]", "[实行两票否决]", 1), `bad.yaml:7: example “实行两票否决” does not match`},
		{"look-alike matches", strings.Replace(good, "[一票]", "[一票否决]", 1), `bad.yaml:8: look-alike “一票否决” matches`},
		{"builtin class redefined", "classes:\n  deadline: [当天]\n" + good, "built-in"},
		{"space in class word", "classes:\n  x: [\"a b\"]\n" + good, "white space"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBytes("bad.yaml", []byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/no-such-list.yaml")
	if err == nil || !strings.Contains(err.Error(), "testdata/no-such-list.yaml") {
		t.Fatalf("got %v", err)
	}
}
