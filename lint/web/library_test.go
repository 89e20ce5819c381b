package web

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/library"
	"github.com/gwlint/gwlint/lint/rules"
)

// addToLibrary adds corpus files to the library in dir as `gwlint library
// add` does: a writer of its own, with the exclusive lock.
func addToLibrary(t testing.TB, dir string, files ...string) {
	t.Helper()
	lib, err := library.Open(dir, library.Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Error(err)
		return
	}
	defer lib.Close()
	for _, f := range files {
		doc, err := lint.ParseFile(f)
		if err != nil {
			t.Error(err)
			return
		}
		if _, _, err := lib.Add(lint.LibraryDoc(doc)); err != nil {
			t.Error(err)
		}
	}
}

const (
	pairParent = "../../testdata/corpus/pairs/pair11_parent_law-renda-daibiaofa-2015.txt"
	pairChild  = "../../testdata/corpus/pairs/pair11_child_shandong-shishi-daibiaofa-banfa-2015.txt"
	unrelated  = "../../testdata/corpus/pairs/pair05_parent_guofa-2018-39_cujin-jiuye.txt"
)

type libraryView struct {
	Report  webReport         `json:"report"`
	Library *lint.LibraryInfo `json:"library"`
}

// TestServerLibrarySeesWriters: with --library every check is compared
// with the library; a writer in its own handle adds the child's parent
// while checks keep coming, and a check soon finds the copy, without a
// restart. The page's library figures follow.
func TestServerLibrarySeesWriters(t *testing.T) {
	dir := t.TempDir()
	addToLibrary(t, dir, unrelated)
	_, ts := webServer(t, Options{Library: dir})
	child, err := os.ReadFile(pairChild)
	if err != nil {
		t.Fatal(err)
	}
	check := func() libraryView {
		resp, data := webPost(t, ts, "/api/view", webPart{field: "draft", file: "child.txt", data: child})
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%d %s", resp.StatusCode, data)
		}
		return decode[libraryView](t, data)
	}
	copied := func(v libraryView) bool {
		c := v.Report.Files[0].Copy
		return c != nil && c.Ratio > 0.05 && len(c.Parents) > 0 && strings.HasSuffix(c.Parents[0].Path, filepath.Base(pairParent))
	}
	v := check()
	// 国发〔2018〕39号 is dated 2018年11月16日; the law added later has no date.
	if v.Library == nil || v.Library.Documents != 1 || v.Library.Name != filepath.Base(dir) || v.Library.Newest != "2018-11-16" {
		t.Fatalf("library %+v: want 1 document in %s, newest 2018-11-16", v.Library, filepath.Base(dir))
	}
	if copied(v) {
		t.Fatal("copy found before the parent is in the library")
	}

	// Checks keep arriving from several clients while the writer adds.
	var stop atomic.Bool
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				resp, data := webPost(t, ts, "/api/check", webPart{field: "draft", file: "child.txt", data: child})
				if resp.StatusCode != http.StatusOK {
					t.Errorf("check during the add: %d %s", resp.StatusCode, data)
					return
				}
			}
		}()
	}
	addToLibrary(t, dir, pairParent)
	found := false
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if v = check(); copied(v) {
			found = true
			break
		}
	}
	stop.Store(true)
	wg.Wait()
	if !found {
		t.Fatalf("the parent added while serving is never compared: %+v", v.Report.Files[0].Copy)
	}
	if v.Library == nil || v.Library.Documents != 2 || v.Library.Newest != "2018-11-16" {
		t.Errorf("library %+v: want 2 documents, newest 2018-11-16", v.Library)
	}
	resp, err := http.Get(ts.URL + "/api/library")
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Library *lint.LibraryInfo }
	err = json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if resp.StatusCode != 200 || err != nil || got.Library == nil || got.Library.Documents != 2 {
		t.Errorf("/api/library: %d %v %+v", resp.StatusCode, err, got.Library)
	}
	// Idle, the server holds no lock: a writer gets in at once.
	lib, err := library.Open(dir, library.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("the library stays locked while the server is idle: %v", err)
	}
	lib.Close()
}

// TestServerWithoutLibrary: a directory with no library keeps the server
// from starting, with the reason in Chinese.
func TestServerWithoutLibrary(t *testing.T) {
	_, err := NewServer(Options{Registry: rules.All(), Library: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "上级文件库") {
		t.Fatalf("a directory without a library: %v", err)
	}
}

// TestLibraryHandleRetires: a handle lent for longer than libraryHold is
// not lent again, even while a check still uses it; the next check gets
// the library opened anew once that check is done, after the lock was
// released for writers.
func TestLibraryHandleRetires(t *testing.T) {
	dir := t.TempDir()
	addToLibrary(t, dir, unrelated)
	l, err := newSharedLibrary(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	h1, err := l.acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if h2, err := l.acquire(t.Context()); err != nil || h2 != h1 {
		t.Fatalf("an overlapping check got %p (%v), want the open handle %p", h2, err, h1)
	} else {
		l.release(h2)
	}
	l.mu.Lock()
	h1.opened = h1.opened.Add(-2 * libraryHold)
	l.mu.Unlock()
	got := make(chan *libraryHandle)
	go func() {
		h, err := l.acquire(t.Context())
		if err != nil {
			t.Error(err)
		}
		got <- h
	}()
	l.release(h1)
	h3 := <-got
	if h3 == h1 {
		t.Fatal("a handle lent past libraryHold was lent again")
	}
	select {
	case <-h1.done:
	default:
		t.Error("the expired handle was not closed")
	}
	l.release(h3)
}
