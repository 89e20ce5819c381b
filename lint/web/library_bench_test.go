package web

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// benchLibrary is a library to measure with: GWLINT_BENCH_LIBRARY=DIR (for
// instance one kept by lint/library's BenchmarkAdd with GWLINT_BENCH_KEEP),
// else a small one of two corpus documents.
func benchLibrary(b *testing.B) string {
	if dir := os.Getenv("GWLINT_BENCH_LIBRARY"); dir != "" {
		return dir
	}
	dir := b.TempDir()
	addToLibrary(b, dir, unrelated, pairParent)
	return dir
}

// BenchmarkLibraryOpen is what the server pays to open the library for
// the checks in flight, and close it after: the cost of seeing every
// writer's change at once.
func BenchmarkLibraryOpen(b *testing.B) {
	dir := benchLibrary(b)
	for b.Loop() {
		lib, err := lint.OpenLibrary(dir)
		if err != nil {
			b.Fatal(err)
		}
		lib.Close()
	}
}

// BenchmarkLibrarySnapshot is the alternative rejected: copying
// library.db, under the shared lock, into a private snapshot at each
// change.
func BenchmarkLibrarySnapshot(b *testing.B) {
	dir := benchLibrary(b)
	out := filepath.Join(b.TempDir(), "snapshot.db")
	var size int64
	for b.Loop() {
		lib, err := lint.OpenLibrary(dir)
		if err != nil {
			b.Fatal(err)
		}
		in, err := os.Open(filepath.Join(dir, "library.db"))
		if err != nil {
			b.Fatal(err)
		}
		f, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		if size, err = io.Copy(f, in); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		in.Close()
		lib.Close()
	}
	b.SetBytes(size)
}
