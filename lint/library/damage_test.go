package library

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenTruncated: a library file cut short at any point gives an error
// naming it, in read-only and in write mode, never a memory fault (bbolt
// maps the file and reading past its end killed the process).
func TestOpenTruncated(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []Doc
	for i := 0; i < 40; i++ {
		docs = append(docs, Doc{Path: fmt.Sprintf("p%d.txt", i), Title: "关于测试的通知", Text: strings.Repeat(fmt.Sprintf("第%d号文件要求各地区各部门认真贯彻落实党中央决策部署。", i), 30)})
	}
	if _, err := l.AddBatch(docs); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	intact, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	// bbolt grows the file ahead of its pages, so only cuts into the first
	// half are sure to reach pages in use.
	for _, keep := range []int{len(intact) / 4, len(intact) / 3, len(intact) / 2} {
		for _, readOnly := range []bool{true, false} {
			t.Run(fmt.Sprintf("%d of %d bytes, read-only %v", keep, len(intact), readOnly), func(t *testing.T) {
				d := t.TempDir()
				path := filepath.Join(d, FileName)
				if err := os.WriteFile(path, intact[:keep], 0o644); err != nil {
					t.Fatal(err)
				}
				l, err := Open(d, Options{ReadOnly: readOnly})
				if err == nil {
					_, err = l.List()
					l.Close()
				}
				if err == nil || !strings.Contains(err.Error(), path) {
					t.Fatalf("err = %v, want an error naming %s", err, path)
				}
			})
		}
	}
}
