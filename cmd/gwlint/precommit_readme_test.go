package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// TestReadmePreCommitSnippets runs every .pre-commit-config.yaml of the
// README's pre-commit section, as written, with the real pre-commit. Only
// the repository's address changes, to a clone of this checkout, tagged
// v<lint.Version> as a release is: pre-commit clones it at the snippet's
// rev like any remote. The golang hook builds gwlint from that clone with
// the dependencies served from the local module cache, so no network is
// needed.
func TestReadmePreCommitSnippets(t *testing.T) {
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
	head, err := exec.Command("git", "-C", "../..", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	section = section[strings.Index(section, "\n## pre-commit\n"):]
	section = section[:strings.Index(section[1:], "\n## ")+1]
	snippets := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(snippets) != 3 {
		t.Fatalf("the README's pre-commit section has %d yaml snippets, want 3 (tag/gwlint, tag/gwlint-system, local)", len(snippets))
	}
	tag := "v" + lint.Version
	for _, s := range snippets[:2] {
		if !strings.Contains(s[1], "rev: "+tag) {
			t.Errorf("snippet names a rev other than %s, the tag of this version:\n%s", tag, s[1])
		}
	}

	bin := filepath.Dir(buildGwlint(t))
	goenv, err := exec.Command("go", "env", "GOMODCACHE", "GOCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	caches := strings.Fields(string(goenv))
	home := t.TempDir()
	env := append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"PRE_COMMIT_HOME="+filepath.Join(home, "cache"),
		"GIT_CONFIG_NOSYSTEM=1", "HOME="+home, "NO_COLOR=1",
		// The golang hook builds in an environment of pre-commit's own;
		// the user's module cache (all of go.sum is in it once the tests
		// build) spares it the network, and the user's build cache (HOME
		// is a scratch directory here) a full rebuild.
		"GOMODCACHE="+caches[0], "GOCACHE="+caches[1], "GOPROXY=off", "GOWORK=off",
	)
	sh := func(dir string, name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(dir string, name string, args ...string) {
		t.Helper()
		if out, err := sh(dir, name, args...); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}

	// The "remote": this checkout's commit, with the release tag.
	clone := filepath.Join(t.TempDir(), "gwlint")
	must(".", "git", "clone", "-q", "--no-checkout", "../..", clone)
	must(clone, "git", "checkout", "-q", strings.TrimSpace(string(head)))
	if _, err := sh(clone, "git", "rev-parse", "-q", "--verify", "refs/tags/"+tag); err != nil {
		must(clone, "git", "-c", "user.email=t@example.com", "-c", "user.name=t", "tag", tag)
	}

	for i, s := range snippets {
		config := strings.ReplaceAll(s[1], "https://github.com/gwlint/gwlint", clone)
		t.Run([...]string{"tag/gwlint", "tag/gwlint-system", "local"}[i], func(t *testing.T) {
			repo := t.TempDir()
			must(repo, "git", "init", "-q")
			files := map[string]string{
				".pre-commit-config.yaml": config,
				".gwlint.yaml":            "rules:\n  \"*\": off\n  length-cap: warning\n",
				"clean.md":                precommitNotice(10),
				"long.txt":                precommitNotice(200),
			}
			for name, data := range files {
				if err := os.WriteFile(filepath.Join(repo, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			must(repo, "git", "add", "-A")
			out, err := sh(repo, preCommit, "run", "--files", "clean.md")
			if err != nil || !strings.Contains(out, "Passed") {
				t.Errorf("pre-commit on a clean draft: %v\n%s", err, out)
			}
			out, err = sh(repo, preCommit, "run", "--files", "long.txt", "clean.md")
			if err == nil || !strings.Contains(out, "long.txt:") || !strings.Contains(out, "length-cap") || strings.Contains(out, "clean.md:") {
				t.Errorf("pre-commit on a draft over its cap: err %v, want a failure naming long.txt only\n%s", err, out)
			}
		})
	}
}
