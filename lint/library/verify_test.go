package library

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func verifyLibrary(t *testing.T) (dir string, docs []Doc, ids []string) {
	t.Helper()
	dir = t.TempDir()
	l, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		docs = append(docs, Doc{Path: fmt.Sprintf("p%d.txt", i), Title: fmt.Sprintf("关于第%d项工作的通知", i),
			Text: strings.Repeat(fmt.Sprintf("第%d号文件要求各地区、各部门认真贯彻落实党中央决策部署，切实做好第%d项工作。\n", i, i*7), 20)})
	}
	rs, err := l.AddBatch(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, docs, ids
}

// storeText replaces a document's stored text, as a damaged disk might,
// and optionally drops the text hash to stand for an entry added before
// it existed.
func storeText(t *testing.T, dir, id, text string, dropTextHash bool) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, FileName), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketDocs).Get([]byte(id))
		var e Entry
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		if dropTextHash {
			e.TextHash = ""
			js, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketDocs).Put([]byte(id), js); err != nil {
				return err
			}
		}
		z, err := compress(text)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketText).Put(numKey(e.Num), z)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDamagedTextIsAnError(t *testing.T) {
	for _, tc := range []struct {
		name         string
		change       func(string) string
		dropTextHash bool
		detected     bool
	}{
		{"a character changed", func(s string) string { return strings.Replace(s, "贯彻", "贯撤", 1) }, false, true},
		{"a comma changed", func(s string) string { return strings.Replace(s, "，", ",", 1) }, false, true},
		{"old entry, a character changed", func(s string) string { return strings.Replace(s, "贯彻", "贯撤", 1) }, true, true},
		// Without the text hash only normalized characters are covered.
		{"old entry, a comma changed", func(s string) string { return strings.Replace(s, "，", ",", 1) }, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, docs, ids := verifyLibrary(t)
			storeText(t, dir, ids[3], tc.change(docs[3].Text), tc.dropTextHash)
			l, err := Open(dir, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			_, _, err = l.Get(ids[3])
			if got := errors.Is(err, ErrDamagedEntry); got != tc.detected {
				t.Fatalf("Get of the damaged text: %v, detected %v, want %v", err, got, tc.detected)
			}
			if tc.detected && (!strings.Contains(err.Error(), ids[3]) || !strings.Contains(err.Error(), "关于第3项工作的通知")) {
				t.Errorf("the error does not name the document: %v", err)
			}
			if _, _, err := l.Get(ids[4]); err != nil {
				t.Errorf("an intact document: %v", err)
			}
			checked, damaged, err := l.Verify()
			if err != nil || checked != 20 || len(damaged) != map[bool]int{true: 1, false: 0}[tc.detected] {
				t.Errorf("Verify: %d checked, %v damaged, %v", checked, damaged, err)
			}
		})
	}
}

// TestCorruptedBytesNeverChangeAText flips random bytes of the file, as
// the adversarial test did (150 corruptions, 32 of which changed a stored
// text unnoticed): every read either fails or returns the text as added.
func TestCorruptedBytesNeverChangeAText(t *testing.T) {
	dir, docs, ids := verifyLibrary(t)
	intact, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for i, id := range ids {
		want[id] = docs[i].Text
	}
	r := rand.New(rand.NewPCG(19, 2))
	caught := 0
	for trial := 0; trial < 150; trial++ {
		d := t.TempDir()
		data := append([]byte(nil), intact...)
		for k := 0; k < 1+r.IntN(3); k++ {
			data[r.IntN(len(data))] ^= byte(1 + r.IntN(255))
		}
		if err := os.WriteFile(filepath.Join(d, FileName), data, 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := Open(d, Options{ReadOnly: true})
		if err != nil {
			continue
		}
		for _, id := range ids {
			_, text, err := l.Get(id)
			if errors.Is(err, ErrDamagedEntry) {
				caught++
			}
			if err == nil && text != want[id] {
				t.Errorf("trial %d: %s read without error but its text changed", trial, id)
			}
		}
		l.Close()
	}
	t.Logf("%d damaged texts caught by their hash in 150 corruptions", caught)
}
