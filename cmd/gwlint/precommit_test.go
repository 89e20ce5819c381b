package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestPreCommitHooks runs the hooks of .pre-commit-hooks.yaml with the
// real pre-commit in a scratch repository. The gwlint-system hook is used,
// with a freshly built gwlint on PATH: the golang hook would fetch the
// repository over the network. Both hooks share files and exclude, which
// the test checks.
func TestPreCommitHooks(t *testing.T) {
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	if testing.Short() {
		t.Skip("builds gwlint and runs pre-commit")
	}
	hooks := precommitHooks(t)
	if hooks["gwlint"].Files != hooks["gwlint-system"].Files || hooks["gwlint"].Exclude != hooks["gwlint-system"].Exclude ||
		hooks["gwlint"].Entry != "gwlint check" || hooks["gwlint"].Language != "golang" || hooks["gwlint-system"].Language != "system" {
		t.Fatalf("hooks disagree: %+v", hooks)
	}

	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "gwlint"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	repo := t.TempDir()
	env := append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "cache"),
		"GIT_CONFIG_NOSYSTEM=1", "HOME="+repo, "NO_COLOR=1",
	)
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(name string, args ...string) {
		if out, err := run(name, args...); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	must("git", "init", "-q")
	must("git", "config", "user.email", "test@example.com")
	must("git", "config", "user.name", "test")

	// The hook exactly as published, only as a local hook.
	system := hooks["gwlint-system"]
	config := map[string]any{"repos": []any{map[string]any{"repo": "local", "hooks": []any{map[string]any{
		"id": "gwlint-system", "name": system.Name, "entry": system.Entry, "language": system.Language,
		"files": system.Files, "exclude": system.Exclude, "types": system.Types,
	}}}}}
	cfgYAML, err := yaml.Marshal(config)
	if err != nil {
		t.Fatal(err)
	}
	// Only length-cap runs, so that the verdicts depend on the hook and
	// the 字数 alone.
	files := map[string][]byte{
		".pre-commit-config.yaml": cfgYAML,
		".gwlint.yaml":            []byte("rules:\n  \"*\": off\n  length-cap: warning\n"),
		"clean.md":                []byte(precommitNotice(10)),
		"long.txt":                []byte(precommitNotice(200)),
		"long.docx":               precommitDocx(t, strings.Split(precommitNotice(200), "\n")),
		"~$long.docx":             []byte("Word's lock file, not a draft"),
		"notes.py":                []byte(precommitNotice(200)),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(repo, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must("git", "add", "-A")

	tests := []struct {
		files     []string
		pass      bool
		want, not []string
	}{
		{[]string{"clean.md"}, true, []string{"Passed"}, []string{"字数", "length-cap"}},
		{[]string{"clean.md", "notes.py", "~$long.docx"}, true, []string{"Passed"}, []string{"notes.py", "long.docx"}},
		{[]string{"long.txt"}, false, []string{"Failed", "long.txt:", "length-cap"}, nil},
		{[]string{"clean.md", "long.docx"}, false, []string{"Failed", "long.docx:", "length-cap"}, []string{"clean.md:"}},
	}
	for _, tt := range tests {
		out, err := run(preCommit, append([]string{"run", "--files"}, tt.files...)...)
		t.Logf("pre-commit run --files %v:\n%s", tt.files, out)
		if (err == nil) != tt.pass {
			t.Errorf("pre-commit on %v: passed %v, want %v\n%s", tt.files, err == nil, tt.pass, out)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("pre-commit on %v: output lacks %q\n%s", tt.files, w, out)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(out, w) {
				t.Errorf("pre-commit on %v: output has %q\n%s", tt.files, w, out)
			}
		}
	}
}

type precommitHook struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Entry    string   `yaml:"entry"`
	Language string   `yaml:"language"`
	Files    string   `yaml:"files"`
	Exclude  string   `yaml:"exclude"`
	Types    []string `yaml:"types"`
}

func precommitHooks(t *testing.T) map[string]precommitHook {
	t.Helper()
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var list []precommitHook
	if err := yaml.Unmarshal(data, &list); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	hooks := map[string]precommitHook{}
	for _, h := range list {
		hooks[h.ID] = h
	}
	if len(hooks) != 2 {
		t.Fatalf("hooks %v, want gwlint and gwlint-system", hooks)
	}
	return hooks
}

// precommitNotice is a 通知 of about 45字 a paragraph.
func precommitNotice(paragraphs int) string {
	var b strings.Builder
	b.WriteString("关于做好防汛工作的通知\n\n各区县人民政府：\n")
	for i := 0; i < paragraphs; i++ {
		b.WriteString("　　各地要切实加强组织领导，压实防汛责任，落实各项防范措施，确保人民群众生命财产安全。\n")
	}
	b.WriteString("\n某市人民政府办公室\n2024年6月1日\n")
	return b.String()
}

func precommitDocx(t *testing.T, paragraphs []string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString("<w:p><w:r><w:t xml:space=\"preserve\">" + p + "</w:t></w:r></w:p>")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string]string{
		"_rels/.rels":       `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
