package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
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

// BenchmarkServerLibraryLoad: 16 clients at once, each sending drafts of
// 5,000 characters to /api/check of a server with the library, for b.N
// rounds; it reports the 50th and 99th percentile of the answer times.
// The clients are in-process over loopback, as a bounded load test.
func BenchmarkServerLibraryLoad(b *testing.B) {
	dir := benchLibrary(b)
	s, err := NewServer(Options{Registry: rules.All(), ToolVersion: "bench", Library: dir, QueueWait: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	child, err := os.ReadFile(pairChild)
	if err != nil {
		b.Fatal(err)
	}
	draft := []byte(string([]rune(string(child))[:min(5000, len([]rune(string(child))))]))
	const clients = 16
	var mu sync.Mutex
	var times []time.Duration
	b.ResetTimer()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range b.N {
				body, ctype := webForm(b, webPart{field: "draft", file: "draft.txt", data: draft})
				start := time.Now()
				resp, err := http.Post(ts.URL+"/api/check", ctype, body)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Errorf("HTTP %d", resp.StatusCode)
					return
				}
				mu.Lock()
				times = append(times, time.Since(start))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(times)
	if len(times) > 0 {
		b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "p50-ms")
		b.ReportMetric(float64(times[len(times)*99/100].Milliseconds()), "p99-ms")
		b.ReportMetric(float64(len(times)), "requests")
	}
}
