package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/align"
	"github.com/gwlint/gwlint/lint/library"
)

// TestLibrarySurvivesKill kills `gwlint library add` with SIGKILL while it
// writes, and checks after each kill that the library opens, lists only
// whole documents and still serves checks; then an add into the killed
// library completes with every document exactly once.
//
// A full add is timed first, and each round kills a fresh add at a
// growing fraction of that time, so that kills land between the batch
// commits whatever the machine's speed; the test fails unless at least
// one kill left a library holding some of the documents but not all.
func TestLibrarySurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("adds 1,000 parents several times over; run without -short")
	}
	bin := buildGwlint(t)
	work := t.TempDir()
	parents, want := killParents(t, filepath.Join(work, "parents"), 1000)
	draft := filepath.Join("..", "..", "testdata", "example", "notice.txt")
	addTo := func(lib string) []string {
		return append([]string{"library", "add", "--library", lib}, parents...)
	}

	start := time.Now()
	if out, errs, code := runBin(t, bin, addTo(filepath.Join(work, "timed"))...); code != 0 {
		t.Fatalf("timed add: exit %d\n%s%s", code, out, errs)
	}
	full := time.Since(start)

	partial := ""
	for round := 1; round <= 8; round++ {
		lib := filepath.Join(work, fmt.Sprintf("lib%d", round))
		after := full * time.Duration(10+10*round) / 100 // 20% … 90%
		cmd := exec.Command(bin, addTo(lib)...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		killed := err != nil && cmd.ProcessState.Sys().(syscall.WaitStatus).Signaled()
		if !killed && err != nil {
			t.Fatalf("add failed on its own: %v\n%s", err, errb.String())
		}
		n := checkLibraryWhole(t, bin, lib, draft, want)
		t.Logf("round %d: killed after %v of a %v add (killed: %v): %d documents listed", round, after.Round(time.Millisecond), full.Round(time.Millisecond), killed, n)
		if n > 0 && n < len(want) {
			partial = lib
		}
	}
	if partial == "" {
		t.Fatalf("no kill landed while documents were being written (a %v add, killed at 20%%–90%% of it): the test proved nothing", full)
	}

	// Adding again into a library a kill interrupted finishes the job.
	if out, errs, code := runBin(t, bin, addTo(partial)...); code != 0 {
		t.Fatalf("add after a kill: exit %d\n%s%s", code, out, errs)
	}
	if n := checkLibraryWhole(t, bin, partial, draft, want); n != len(want) {
		t.Fatalf("after adding again the library lists %d documents, want %d", n, len(want))
	}
}

// checkLibraryWhole checks a library left by a killed add: every listed
// document is whole (its text hashes to its id) and one of the documents
// being added, ids are not repeated, `library list` agrees, and a check
// against the library answers. It returns the number of documents.
func checkLibraryWhole(t *testing.T, bin, dir, draft string, want map[string]bool) int {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, library.FileName)); os.IsNotExist(err) {
		return 0 // killed before the file was made
	}
	l, err := library.Open(dir, library.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("library does not open after a kill: %v", err)
	}
	entries, err := l.List()
	if err != nil {
		l.Close()
		t.Fatalf("List after a kill: %v", err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		if seen[e.ID] {
			t.Errorf("id %s listed twice", e.ID)
		}
		seen[e.ID] = true
		if !want[e.ID] {
			t.Errorf("id %s (%s) is none of the documents added", e.ID, e.Path)
		}
		_, text, err := l.Get(e.ID)
		if err != nil {
			t.Errorf("Get(%s): %v", e.ID, err)
			continue
		}
		if id := parentID(text); id != e.ID {
			t.Errorf("text of %s hashes to %s: stored incompletely", e.ID, id)
		}
	}
	l.Close()

	out, errs, code := runBin(t, bin, "library", "list", "--library", dir)
	if code != 0 {
		t.Fatalf("library list: exit %d\n%s", code, errs)
	}
	if lines := strings.Count(out, "\n"); lines != len(entries) {
		t.Errorf("library list printed %d lines, the library holds %d documents", lines, len(entries))
	}
	_, errs, code = runBin(t, bin, "check", "--format", "json", "--library", dir, draft)
	if code != 0 && code != 1 {
		t.Errorf("check --library: exit %d\n%s", code, errs)
	}
	return len(entries)
}

// parentID is a parent's id as the library defines it: the first 12 hex
// digits of the sha256 of its normalized text.
func parentID(text string) string {
	sum := sha256.Sum256([]byte(string(align.Normalize(text).Runes)))
	return hex.EncodeToString(sum[:])[:12]
}

// killParents writes n distinct parent documents made from the corpus:
// each gets a numbered title and a numbered sentence, and its paragraphs
// shuffled. It returns their paths and the set of their ids.
func killParents(t *testing.T, dir string, n int) ([]string, map[string]bool) {
	t.Helper()
	var texts []string
	for _, sub := range []string{"gov", "tongbao"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", sub, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 20 {
		t.Fatalf("only %d corpus texts", len(texts))
	}
	must(t, os.MkdirAll(dir, 0o755))
	rng := rand.New(rand.NewSource(1))
	han := []rune("〇一二三四五六七八九")
	var paths []string
	want := map[string]bool{}
	for i := 0; i < n; i++ {
		var paras []string
		for _, p := range strings.Split(texts[i%len(texts)], "\n") {
			if strings.TrimSpace(p) != "" {
				paras = append(paras, p)
			}
		}
		rng.Shuffle(len(paras), func(a, b int) { paras[a], paras[b] = paras[b], paras[a] })
		num := []rune(fmt.Sprintf("%04d", i))
		for k, r := range num {
			num[k] = han[r-'0']
		}
		body := fmt.Sprintf("关于第%s号测试文件的通知\n\n本文件编号为第%s号，共%d段。\n%s\n", string(num), string(num), len(paras), strings.Join(paras, "\n"))
		p := filepath.Join(dir, fmt.Sprintf("parent-%04d.txt", i))
		must(t, os.WriteFile(p, []byte(body), 0o644))
		doc, err := lint.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		id := parentID(lint.LibraryDoc(doc).Text)
		if want[id] {
			t.Fatalf("parent %d is not unique", i)
		}
		want[id] = true
		paths = append(paths, p)
	}
	return paths, want
}

// TestLibraryDamaged: a library file damaged on disk gives an error that
// names it, from `library list` and from `check --library`, never a
// crash; the draft is still linted.
func TestLibraryDamaged(t *testing.T) {
	bin := buildGwlint(t)
	work := t.TempDir()
	parents, _ := killParents(t, filepath.Join(work, "parents"), 60)
	good := filepath.Join(work, "good-lib")
	if _, errs, code := runBin(t, bin, append([]string{"library", "add", "--library", good}, parents...)...); code != 0 {
		t.Fatalf("add: exit %d\n%s", code, errs)
	}
	intact, err := os.ReadFile(filepath.Join(good, library.FileName))
	if err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(work, "draft.txt")
	must(t, os.WriteFile(draft, []byte(goodDraft), 0o644))

	damage := map[string]func([]byte) []byte{
		"middle overwritten": func(b []byte) []byte {
			b = bytes.Clone(b)
			rng := rand.New(rand.NewSource(3))
			mid := len(b) / 2
			rng.Read(b[mid : mid+min(16384, len(b)-mid)])
			return b
		},
		"every page after the meta pages overwritten": func(b []byte) []byte {
			b = bytes.Clone(b)
			for i := 8192; i < len(b); i++ {
				b[i] = 0xA5
			}
			return b
		},
		"meta pages zeroed": func(b []byte) []byte {
			b = bytes.Clone(b)
			clear(b[:8192])
			return b
		},
		"truncated": func(b []byte) []byte { return b[:len(b)/3] },
		"not a database": func([]byte) []byte {
			return bytes.Repeat([]byte("这不是数据库"), 2000)
		},
	}
	names := make([]string, 0, len(damage))
	for k := range damage {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "lib")
			must(t, os.MkdirAll(dir, 0o755))
			dbPath := filepath.Join(dir, library.FileName)
			must(t, os.WriteFile(dbPath, damage[name](intact), 0o644))

			out, errs, code := runBin(t, bin, "library", "list", "--library", dir)
			checkNoCrash(t, errs)
			if code != 2 && code != 0 {
				t.Errorf("library list: exit %d", code)
			}
			if code == 2 && !strings.Contains(errs, dbPath) {
				t.Errorf("library list error does not name %s:\n%s", dbPath, errs)
			}
			t.Logf("library list: exit %d: %s", code, firstLine(errs+out))

			out, errs, code = runBin(t, bin, "check", "--format", "json", "--library", dir, draft)
			checkNoCrash(t, errs)
			if code != 2 && code != 1 {
				t.Errorf("check --library: exit %d", code)
			}
			if code == 2 && !strings.Contains(out, dbPath) && !strings.Contains(out, dir) {
				t.Errorf("check --library report does not name the library:\n%s", out)
			}
			if !strings.Contains(out, `"punct-halfwidth"`) {
				t.Errorf("the draft was not linted beside the damaged library:\n%.3000s", out)
			}
		})
	}
}

func checkNoCrash(t *testing.T, stderr string) {
	t.Helper()
	for _, s := range []string{"panic", "goroutine ", "fatal error", "SIGSEGV", "internal error"} {
		if strings.Contains(stderr, s) {
			t.Fatalf("crashed (%q):\n%.3000s", s, stderr)
		}
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// runBin runs the built command with a deadline.
func runBin(t *testing.T, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("gwlint %s: no answer within a minute", strings.Join(args[:min(2, len(args))], " "))
	}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		return out.String(), errb.String(), ee.ExitCode()
	}
	return out.String(), errb.String(), 0
}
