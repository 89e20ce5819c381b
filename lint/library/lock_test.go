package library

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestWriteWaitingOnCompact reproduces the lost write of a library add or
// remove that starts while compact runs: the writer waited on the lock of
// the file compact then replaced, and wrote into the unlinked old file,
// reporting success. With the lock on library.lock it waits for the
// compaction to end and writes into the new file.
func TestWriteWaitingOnCompact(t *testing.T) {
	docs := syntheticParents(corpusDocs(t), 100, 11)
	for _, tc := range []struct {
		name  string
		write func(*Library, []string) error
		check func(t *testing.T, ids []string, kept []string)
	}{
		{"add", func(l *Library, _ []string) error {
			_, err := l.AddBatch(docs[80:])
			return err
		}, func(t *testing.T, _ []string, kept []string) {
			if len(kept) != 80 { // 60 left after the removal, 20 added
				t.Errorf("%d documents after compact and an add waiting on it, want 80", len(kept))
			}
		}},
		{"remove", func(l *Library, ids []string) error {
			return l.Remove(ids[:10]...)
		}, func(t *testing.T, ids []string, kept []string) {
			for _, id := range ids[:10] {
				if slices.Contains(kept, id) {
					t.Errorf("%s is still listed after a remove that waited on compact", id)
				}
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			l, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for i := 0; i < 80; i += 20 {
				rs, err := l.AddBatch(docs[i : i+20])
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range rs {
					ids = append(ids, r.ID)
				}
			}
			// Removed documents give compact a file to rewrite.
			if err := l.Remove(ids[60:]...); err != nil {
				t.Fatal(err)
			}
			ids = ids[:60]

			done := make(chan error, 1)
			go func() {
				w, err := Open(dir, Options{Timeout: time.Minute})
				if err != nil {
					done <- err
					return
				}
				err = tc.write(w, ids)
				if cerr := w.Close(); err == nil {
					err = cerr
				}
				done <- err
			}()
			time.Sleep(300 * time.Millisecond) // the writer is waiting for the lock
			select {
			case err := <-done:
				t.Fatalf("the second writer did not wait for the first: %v", err)
			default:
			}
			if err := l.Compact(); err != nil {
				t.Fatal(err)
			}
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Fatalf("the waiting writer: %v", err)
			}
			r, err := Open(dir, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			list, err := r.List()
			if err != nil {
				t.Fatal(err)
			}
			var kept []string
			for _, e := range list {
				kept = append(kept, e.ID)
			}
			tc.check(t, ids, kept)
		})
	}
}

// A lock file that is not a regular file is refused, not waited on.
func TestLockFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, LockName), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, Options{}); err == nil {
		t.Fatal("a directory as library.lock was accepted")
	}
}
