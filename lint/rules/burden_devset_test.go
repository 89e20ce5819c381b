package rules

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/demand"
)

// The burden rules are measured on sentences a county office could write,
// each set inside an ordinary 县 notice to the 乡镇 dated 2025-08-07 (a
// Thursday), and scored per kind of burden:
//   - fit: a demand flagged at its labelled severity, on a finding that
//     overlaps the labelled cue;
//   - any: a demand with any burden finding;
//   - warned / flagged: a look-alike (innocent use, prohibition,
//     criticism) with a burden warning / with any burden finding.
//
// testdata/corpus/burden/devset.tsv is split by a hash of the sentence:
// about a quarter is held out and never looked at while tuning (its rows
// are scored, never printed). burden_heldout.tsv are sentences of our own,
// kept apart in the same way. `go test ./lint/rules -run TestBurdenDevset
// -v` prints the tables, and the misses of the development part only.

// devRow is one labelled sentence.
type devRow struct {
	pos      bool
	kind     string
	severity string
	cue      string
	sentence string
}

func readDevRows(t *testing.T, path string) []devRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []devRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if line == 1 || strings.TrimSpace(sc.Text()) == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 6 {
			t.Fatalf("%s:%d: want 6 columns, got %d", path, line, len(c))
		}
		r := devRow{pos: c[0] == "pos", kind: c[1], severity: c[2], cue: c[3], sentence: c[5]}
		if r.pos && !strings.Contains(r.sentence, r.cue) {
			t.Fatalf("%s:%d: cue %q not in the sentence", path, line, r.cue)
		}
		rows = append(rows, r)
	}
	return rows
}

// heldOut reports whether a devset row belongs to the held-out quarter.
func heldOut(sentence string) bool {
	h := fnv.New32a()
	h.Write([]byte(sentence))
	return h.Sum32()%4 == 0
}

// countyNotice sets a sentence in a 县 notice to the 乡镇.
func countyNotice(sentence string) string {
	return "关于做好近期有关工作的通知\n各乡镇人民政府，县直各单位：\n" + sentence + "\n特此通知。\n某某县人民政府办公室\n2025年8月7日\n"
}

// kindScore counts one kind's rows.
type kindScore struct {
	pos, fit, any, neg, warned, flagged int
}

func (s *kindScore) add(o kindScore) {
	s.pos += o.pos
	s.fit += o.fit
	s.any += o.any
	s.neg += o.neg
	s.warned += o.warned
	s.flagged += o.flagged
}

// isBurdenFinding: the findings that say a draft pushes a burden down.
func isBurdenFinding(f lint.Finding) bool {
	return (strings.HasPrefix(f.Rule, "burden-") || strings.HasPrefix(f.Rule, "forward-demands-")) && f.Rule != "burden-escalation"
}

// scoreRows checks every row and scores it by kind; misses collects the
// rows that failed, when it is not nil.
func scoreRows(t *testing.T, checker *lint.Checker, rows []devRow, misses *[]string) map[string]*kindScore {
	by := map[string]*kindScore{}
	for _, r := range rows {
		text := countyNotice(r.sentence)
		doc := lint.ParseText("draft.txt", text)
		start := len([]rune(text[:strings.Index(text, r.sentence)]))
		var cue lint.Span
		if r.pos {
			cs := start + len([]rune(r.sentence[:strings.Index(r.sentence, r.cue)]))
			cue = lint.Span{Start: cs, End: cs + len([]rune(r.cue))}
		}
		s := by[r.kind]
		if s == nil {
			s = &kindScore{}
			by[r.kind] = s
		}
		var fit, any, warned bool
		var got []string
		for _, f := range checker.Check(doc).Findings {
			if !isBurdenFinding(f) {
				continue
			}
			any = true
			got = append(got, fmt.Sprintf("%s/%s«%s»", f.Rule, f.Severity, doc.Slice(f.Span)))
			if f.Severity >= lint.Warning {
				warned = true
			}
			if r.pos && f.Severity.String() == r.severity && f.Span.Start < cue.End && cue.Start < f.Span.End {
				fit = true
			}
		}
		if r.pos {
			s.pos++
			s.fit += b2i(fit)
			s.any += b2i(any)
			if !fit && misses != nil {
				*misses = append(*misses, fmt.Sprintf("MISS %s %s «%s» %s got %v", r.kind, r.severity, r.cue, r.sentence, got))
			}
		} else {
			s.neg++
			s.warned += b2i(warned)
			s.flagged += b2i(any)
			if warned && misses != nil {
				*misses = append(*misses, fmt.Sprintf("FALSE %s %s got %v", r.kind, r.sentence, got))
			}
		}
	}
	return by
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func pct(a, b int) string {
	if b == 0 {
		return "   -"
	}
	return fmt.Sprintf("%3.0f%%", 100*float64(a)/float64(b))
}

// logScores prints a table by kind and returns the totals.
func logScores(t *testing.T, name string, by map[string]*kindScore) kindScore {
	var kinds []string
	for k := range by {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var tot kindScore
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%-24s %9s %9s %9s %9s %9s\n", name, "kind", "pos", "fit", "any", "neg", "warned")
	for _, k := range kinds {
		s := by[k]
		tot.add(*s)
		fmt.Fprintf(&b, "%-24s %9d %4d %s %4d %s %9d %4d %s\n", k, s.pos, s.fit, pct(s.fit, s.pos), s.any, pct(s.any, s.pos), s.neg, s.warned, pct(s.warned, s.neg))
	}
	fmt.Fprintf(&b, "%-24s %9d %4d %s %4d %s %9d %4d %s (flagged %d %s)\n", "TOTAL", tot.pos, tot.fit, pct(tot.fit, tot.pos), tot.any, pct(tot.any, tot.pos), tot.neg, tot.warned, pct(tot.warned, tot.neg), tot.flagged, pct(tot.flagged, tot.neg))
	t.Log(b.String())
	return tot
}

// floor is what a part must keep: shares of the demands flagged at the
// fitting severity and at all, and the most look-alikes warned.
type floor struct{ fit, any, warned float64 }

func (f floor) check(t *testing.T, name string, s kindScore) {
	t.Helper()
	if float64(s.fit) < f.fit*float64(s.pos) || float64(s.any) < f.any*float64(s.pos) || float64(s.warned) > f.warned*float64(s.neg) {
		t.Errorf("%s below the floor %+v: fit %d, any %d of %d demands; %d of %d look-alikes warned", name, f, s.fit, s.any, s.pos, s.warned, s.neg)
	}
}

// The floors sit just under what the rules reach, so that a change that
// loses ground fails.
var (
	devFloor     = floor{fit: 0.88, any: 0.95, warned: 0.01}
	heldFloor    = floor{fit: 0.46, any: 0.58, warned: 0.07}
	ownHeldFloor = floor{fit: 0.85, any: 0.91, warned: 0}
	generalFloor = floor{fit: 0.78, any: 0.89, warned: 0.04}
)

func burdenChecker(t *testing.T) *lint.Checker {
	checker, err := lint.NewChecker(All(), lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return checker
}

func TestBurdenDevset(t *testing.T) {
	rows := readDevRows(t, "../../testdata/corpus/burden/devset.tsv")
	var dev, held []devRow
	for _, r := range rows {
		if heldOut(r.sentence) {
			held = append(held, r)
		} else {
			dev = append(dev, r)
		}
	}
	checker := burdenChecker(t)
	var misses []string
	devFloor.check(t, "devset development part", logScores(t, fmt.Sprintf("devset, development part (%d rows)", len(dev)), scoreRows(t, checker, dev, &misses)))
	heldFloor.check(t, "devset held-out part", logScores(t, fmt.Sprintf("devset, held-out part (%d rows, never tuned on)", len(held)), scoreRows(t, checker, held, nil)))
	if testing.Verbose() {
		t.Log("development part, misses and false alarms:\n" + strings.Join(misses, "\n"))
	}
}

// TestBurdenOwnHeldOut scores sentences of our own, written in a county
// office's words before the demand model was built and kept out of its
// tuning; the basis of each is in the file.
func TestBurdenOwnHeldOut(t *testing.T) {
	rows := readDevRows(t, "testdata/burden_heldout.tsv")
	ownHeldFloor.check(t, "own held-out set", logScores(t, fmt.Sprintf("own held-out set (%d rows)", len(rows)), scoreRows(t, burdenChecker(t), rows, nil)))
}

// TestBurdenGeneral scores burden_general.tsv: a second development set
// of our own, written after the model from the 通报 and REFERENCE.md in
// other words (synonyms of the act, object and actor, other grammar), to
// measure how far the vocabularies reach beyond the phrasing they were
// built on. Its rows may be looked at: -v prints the misses.
func TestBurdenGeneral(t *testing.T) {
	rows := readDevRows(t, "testdata/burden_general.tsv")
	var misses []string
	generalFloor.check(t, "general set", logScores(t, fmt.Sprintf("general set (%d rows)", len(rows)), scoreRows(t, burdenChecker(t), rows, &misses)))
	if testing.Verbose() {
		t.Log("general set, misses and false alarms:\n" + strings.Join(misses, "\n"))
	}
}

// TestDemandRuleIDs: the rules user kinds may name are the shipped rules
// that read the model, and every built-in kind names one of them.
func TestDemandRuleIDs(t *testing.T) {
	for _, id := range demandRuleIDs {
		r := All().Lookup(id)
		if r == nil || len(r.Requires) == 0 || r.Requires[0] != lint.Requirement(demands) {
			t.Errorf("%s: not a registered rule reading the demand model", id)
		}
	}
	if err := checkDemandRules(demand.Builtin()); err != nil {
		t.Error(err)
	}
}

// TestDeclaredUserRule: a user list declares a rule (ID, severity,
// source) and its kinds, with no Go code; findings carry the declared ID.
func TestDeclaredUserRule(t *testing.T) {
	path := filepath.Join(t.TempDir(), "local.yaml")
	os.WriteFile(path, []byte(`rules:
  - id: local-weekend
    severity: warning
    source: 本县减负清单第5条
    doc: 周末加班报送
kinds:
  - rule: local-weekend
    severity: warning
    slots: ["周末|双休日", "加班", "{report}"]
    message: 要求周末加班报送材料；请改在工作日
    source: 本县减负清单第5条
    match: [各村［周末加班报送］材料。]
    nomatch: [周末不加班。]
`), 0o644)
	cfg := lint.DefaultConfig()
	cfg.Phrases = []string{path}
	checker, err := lint.NewChecker(lint.NewRegistry(BurdenLocal), cfg)
	if err != nil {
		t.Fatal(err)
	}
	fs := checker.Check(lint.ParseText("d.txt", burdenNotice("各村周末加班报送台账。"))).Findings
	if len(fs) != 1 || fs[0].Rule != "local-weekend" || fs[0].Source != "本县减负清单第5条" {
		t.Errorf("got %v", fs)
	}
	// A kind naming a rule nobody declared is refused with its line.
	os.WriteFile(path, []byte(strings.Replace(mustRead(t, path), "rule: local-weekend", "rule: local-nosuch", 1)), 0o644)
	if _, err := lint.NewChecker(lint.NewRegistry(BurdenLocal), cfg); err == nil || !strings.Contains(err.Error(), "local.yaml:7") || !strings.Contains(err.Error(), "local-nosuch") {
		t.Errorf("want the run refused at local.yaml:7, got %v", err)
	}
}
