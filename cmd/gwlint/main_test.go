package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// gwlint runs the command as a user would, with the repository root as
// the working directory so that paths in reports are stable.
func gwlint(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	wd, _ := os.Getwd()
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code = run(append([]string{"gwlint"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/gwlint -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./cmd/gwlint -update and review the diff\n--- got:\n%s", name, got)
	}
}

const example = "testdata/example/notice.txt"
const exampleParent = "testdata/example/parents"

func TestExampleReports(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif", "rdjson"} {
		t.Run(format, func(t *testing.T) {
			out, errs, code := gwlint(t, "", "check", "--format", format, "--parent", exampleParent, example)
			if code != 1 {
				t.Errorf("exit code = %d, want 1 (the example has warnings); stderr: %s", code, errs)
			}
			golden(t, "example."+format, out)
		})
	}
}

// TestJSONContract checks the keys and types the contract fixes, so that a
// change of the report's shape cannot slip through a golden update.
func TestJSONContract(t *testing.T) {
	out, _, _ := gwlint(t, "", "check", "--format", "json", "--parent", exampleParent, example, "testdata/no-such-draft.txt")
	var rep struct {
		Version int `json:"version"`
		Tool    struct {
			Name, Version string
		} `json:"tool"`
		Files []map[string]json.RawMessage `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Version != 1 || rep.Tool.Name != "gwlint" || len(rep.Files) != 2 {
		t.Fatalf("report header = %+v, %d files", rep, len(rep.Files))
	}
	f := rep.Files[0]
	for _, key := range []string{"path", "title", "kind", "chars", "copy", "findings"} {
		if _, ok := f[key]; !ok {
			t.Errorf("file object lacks %q", key)
		}
	}
	if _, ok := f["error"]; ok {
		t.Errorf("error must be omitted when empty")
	}
	var findings []map[string]any
	if err := json.Unmarshal(f["findings"], &findings); err != nil {
		t.Fatal(err)
	}
	if len(findings) == 0 {
		t.Fatal("no findings on the example")
	}
	for _, fd := range findings {
		for _, key := range []string{"rule", "severity", "message", "line", "column", "end_line", "end_column", "offset", "end_offset", "source"} {
			if _, ok := fd[key]; !ok {
				t.Errorf("finding %v lacks %q", fd["rule"], key)
			}
		}
	}
	missing := rep.Files[1]
	if _, ok := missing["error"]; !ok {
		t.Errorf("a missing draft must appear with an error: %s", out)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	os.WriteFile(clean, []byte(cleanDraft), 0o644)
	// A draft whose only finding is the length cap, a warning.
	long := filepath.Join(dir, "long.txt")
	os.WriteFile(long, []byte(strings.Replace(cleanDraft, "请各处室", strings.Repeat("请各处室做好节日期间值班安排。", 400)+"请各处室", 1)), 0o644)
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"clean draft", []string{"check", clean}, 0},
		{"a flag after a path", []string{"check", example, "--parent", exampleParent}, 2},
		{"warnings at default fail level", []string{"check", example}, 1},
		{"errors in the example", []string{"check", "--fail-level", "error", example}, 1},
		{"a warning at fail level warning", []string{"check", long}, 1},
		{"a warning below fail level error", []string{"check", "--fail-level", "error", long}, 0},
		{"missing file", []string{"check", filepath.Join(dir, "nope.txt")}, 2},
		{"missing file beside a good one", []string{"check", clean, filepath.Join(dir, "nope.txt")}, 2},
		{"no paths", []string{"check"}, 2},
		{"bad flag", []string{"check", "--no-such-flag", clean}, 2},
		{"bad format", []string{"check", "--format", "xml", clean}, 2},
		{"bad fail level", []string{"check", "--fail-level", "loud", clean}, 2},
		{"unknown command", []string{"lintt"}, 2},
		{"missing parent", []string{"check", "--parent", filepath.Join(dir, "no-parent.txt"), clean}, 2},
		{"version", []string{"version"}, 0},
		{"rules", []string{"rules"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, format := range []string{"text", "json", "sarif"} {
				args := tt.args
				if len(args) > 0 && args[0] == "check" {
					args = append([]string{"check", "--format", format}, args[1:]...)
				}
				_, stderr, code := gwlint(t, "", args...)
				if code != tt.want {
					t.Errorf("%s: exit code = %d, want %d; stderr: %s", format, code, tt.want, stderr)
				}
				if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
					t.Errorf("%s: stack trace on stderr: %s", format, stderr)
				}
				if args[0] != "check" {
					break
				}
			}
		})
	}
}

// TestGoodFileStillLinted: a bad file beside a good one costs only itself.
func TestGoodFileStillLinted(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.docx")
	os.WriteFile(bad, []byte("PK\x03\x04 this is not a zip"), 0o644)
	out, _, code := gwlint(t, "", "check", "--format", "json", bad, example)
	if code != 2 {
		t.Errorf("exit code = %d, want 2", code)
	}
	if !strings.Contains(out, "length-cap") || !strings.Contains(out, `"error"`) {
		t.Errorf("the good file was not linted beside the bad one:\n%s", out)
	}
}

func TestStdin(t *testing.T) {
	text, _ := os.ReadFile("../../" + example)
	out, _, code := gwlint(t, string(text), "check", "-")
	if code != 1 || !strings.Contains(out, "-:") || !strings.Contains(out, "length-cap") {
		t.Errorf("stdin: code %d, output:\n%s", code, out)
	}
}

// cleanDraft is a short notice with nothing to report.
const cleanDraft = "某市人民政府办公室关于做好春节期间值班工作的通知\n\n各处室：\n请各处室做好春节期间值班安排，值班表于1月20日前报办公室。\n\n某市人民政府办公室\n2024年1月10日\n"

// TestCleanRunSaysSo: a clean draft gets the closing line with its 字数,
// so that a run is seen to have happened; a batch says how many files it
// checked; --quiet prints nothing when all is well.
func TestCleanRunSaysSo(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.md")
	os.WriteFile(clean, []byte(cleanDraft), 0o644)
	out, errs, code := gwlint(t, "", "check", clean)
	if code != 0 || !regexp.MustCompile(`^共检查 1 个文件，无问题；字数 \d+/5000\n$`).MatchString(out) || errs != "" {
		t.Errorf("a clean draft: code %d, out %q, err %q", code, out, errs)
	}
	out, errs, code = gwlint(t, "", "check", "--quiet", clean)
	if code != 0 || out != "" || errs != "" {
		t.Errorf("--quiet on a clean draft must print nothing: code %d, out %q, err %q", code, out, errs)
	}
	os.WriteFile(filepath.Join(dir, "clean2.md"), []byte(cleanDraft), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	out, _, code = gwlint(t, "", "check", dir)
	if code != 2 || !strings.HasSuffix(out, "共检查 3 个文件：1 个无法读取，2 个无问题\n") {
		t.Errorf("a batch: code %d, out %q", code, out)
	}
}

func TestConfigErrorNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".gwlint.yaml")
	os.WriteFile(cfg, []byte("rules:\n  length-cap: warning\nlength:\n  capp: 3\n"), 0o644)
	_, errs, code := gwlint(t, "", "check", "--config", cfg, example)
	if code != 2 || !strings.Contains(errs, cfg+":4:") || !strings.Contains(errs, "length.capp") {
		t.Errorf("config error: code %d, stderr %q", code, errs)
	}
}

func TestRulesJSON(t *testing.T) {
	out, _, code := gwlint(t, "", "rules", "--format", "json")
	var rules []struct {
		ID, Severity, Source, Doc string
	}
	if code != 0 || json.Unmarshal([]byte(out), &rules) != nil {
		t.Fatalf("rules --format json: code %d, %s", code, out)
	}
	ids := map[string]bool{}
	for _, r := range rules {
		ids[r.ID] = true
		if r.Source == "" || r.Doc == "" || r.Severity == "" {
			t.Errorf("rule %s lacks source, doc or severity", r.ID)
		}
	}
	// The contract fixes these IDs; tools depend on them.
	for _, id := range []string{"length-cap", "copy-passage", "copy-ratio", "docno-format", "date-format", "heading-sequence", "punct-halfwidth", "title-format", "attachment-note"} {
		if !ids[id] {
			t.Errorf("rule %s missing", id)
		}
	}
}

// TestReadmeListsEveryRule keeps the README's rule table current: a rule
// added without its line there fails here.
func TestReadmeListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := gwlint(t, "", "rules", "--format", "json")
	var rules []struct{ ID, Severity, Doc, Source string }
	if err := json.Unmarshal([]byte(out), &rules); err != nil {
		t.Fatal(err)
	}
	// Rows of the table: | `id` | severity | doc | source |
	row := regexp.MustCompile("^\\| `([a-z0-9-]+)` \\| ([a-z]+) \\| (.+) \\| (.+) \\|$")
	table := map[string][3]string{}
	for _, line := range strings.Split(string(readme), "\n") {
		if m := row.FindStringSubmatch(line); m != nil {
			table[m[1]] = [3]string{m[2], m[3], m[4]}
		}
	}
	for _, r := range rules {
		got, ok := table[r.ID]
		if !ok {
			t.Errorf("README.md's rule table lacks %s", r.ID)
			continue
		}
		if want := [3]string{r.Severity, r.Doc, r.Source}; got != want {
			t.Errorf("README.md's row for %s says %q, `gwlint rules` says %q", r.ID, got, want)
		}
		delete(table, r.ID)
	}
	for id := range table {
		t.Errorf("README.md's rule table lists %s, which `gwlint rules` does not know", id)
	}
	if *update && t.Failed() {
		writeReadmeRuleTable(t)
	}
}

// writeReadmeRuleTable rewrites the README's rule table from the rules,
// family by family and by ID within each, so that a new rule needs no hand-written row: go test
// ./cmd/gwlint -run TestReadmeListsEveryRule -update.
func writeReadmeRuleTable(t *testing.T) {
	t.Helper()
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const header = "| rule | default | what it finds | source |\n|---|---|---|---|\n"
	readme := string(data)
	start := strings.Index(readme, header)
	if start < 0 {
		t.Fatal("README.md has no rule table header")
	}
	start += len(header)
	end := start
	for end < len(readme) && strings.HasPrefix(readme[end:], "| `") {
		end += strings.Index(readme[end:], "\n") + 1
	}
	var b strings.Builder
	for _, family := range rules.Families() {
		family = append([]*lint.Rule(nil), family...)
		sort.Slice(family, func(i, j int) bool { return family[i].ID < family[j].ID })
		for _, r := range family {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, r.Doc, r.Source)
		}
	}
	if err := os.WriteFile(path, []byte(readme[:start]+b.String()+readme[end:]), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log("README.md's rule table rewritten; run the test again")
}

// TestReadmeExampleIsCurrent: the report excerpt at the top of the README
// is what the README's first command prints (lines may be cut short with
// "…").
func TestReadmeExampleIsCurrent(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := gwlint(t, "", "check", "--parent", exampleParent, example)
	n := 0
	for _, line := range strings.Split(string(readme), "\n") {
		if !strings.HasPrefix(line, example+":") {
			continue
		}
		n++
		for _, part := range strings.Split(line, "…") {
			if !strings.Contains(out, part) {
				t.Errorf("README shows %q, which the command does not print", part)
			}
		}
	}
	if n < 3 {
		t.Errorf("found %d example lines in the README", n)
	}
}
