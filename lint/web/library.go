package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gwlint/gwlint/lint"
)

// Holding a library open takes its shared lock, and `gwlint library add`,
// `remove` and `compact` in another process need it exclusively. The
// server therefore opens the library for the checks in flight and closes
// it as soon as none is: opening costs a few milliseconds (bbolt maps the
// file; a read-only open loads no free list), against seconds for copying
// a library of a hundred thousand parents into a snapshot at each change.
// Checks that overlap share one open handle, but a handle is not lent
// for longer than libraryHold: after that new checks wait until the
// checks using it finish, the lock is released for libraryGap, long
// enough for a writer polling for it to get in, and the library is
// opened again, as it then is on disk. A check never sees a half-written
// library, since bbolt shows a reader only committed transactions and a
// writer cannot start while the lock is shared.
const (
	libraryHold = 300 * time.Millisecond
	libraryGap  = 60 * time.Millisecond
)

// sharedLibrary lends the server's parent library to the checks.
type sharedLibrary struct {
	dir  string
	wait time.Duration // for a writer in another process, at each open

	mu       sync.Mutex
	cur      *libraryHandle
	closedAt time.Time
	info     lint.LibraryInfo
	stamp    fileStamp
}

// libraryHandle is one opening of the library, shared by the checks that
// overlap it.
type libraryHandle struct {
	lib     *lint.LibraryParents
	opened  time.Time
	users   int
	retired bool
	done    chan struct{} // closed with the library
}

// fileStamp tells whether library.db changed since the info was read.
type fileStamp struct {
	size int64
	mod  time.Time
}

func stampOf(dir string) fileStamp {
	st, err := os.Stat(filepath.Join(dir, "library.db"))
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{st.Size(), st.ModTime()}
}

// newSharedLibrary opens the library once, so that a server given a
// directory without a library refuses to start.
func newSharedLibrary(dir string, wait time.Duration) (*sharedLibrary, error) {
	l := &sharedLibrary{dir: dir, wait: wait}
	h, err := l.acquire(context.Background())
	if err != nil {
		return nil, err
	}
	l.release(h)
	return l, nil
}

// acquire lends the library to one check; release gives it back.
func (l *sharedLibrary) acquire(ctx context.Context) (*libraryHandle, error) {
	for {
		l.mu.Lock()
		h := l.cur
		switch {
		case h != nil && !h.retired && time.Since(h.opened) < libraryHold:
			h.users++
			l.mu.Unlock()
			return h, nil
		case h != nil:
			// Lent long enough: let the checks on it finish, then give
			// writers their turn.
			h.retired = true
			l.mu.Unlock()
			select {
			case <-h.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			continue
		}
		if rest := libraryGap - time.Since(l.closedAt); rest > 0 {
			l.mu.Unlock()
			select {
			case <-time.After(rest):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			continue
		}
		// Opening under the mutex makes the checks arriving meanwhile
		// wait for this one opening rather than start their own.
		h, err := l.open()
		if err != nil {
			l.mu.Unlock()
			return nil, err
		}
		h.users = 1
		l.cur = h
		l.mu.Unlock()
		return h, nil
	}
}

func (l *sharedLibrary) open() (*libraryHandle, error) {
	stamp := stampOf(l.dir)
	lib, err := lint.OpenLibraryWait(l.dir, l.wait)
	if err != nil {
		return nil, err
	}
	if stamp != l.stamp || l.info.Dir == "" {
		info, err := lib.Info()
		if err != nil {
			lib.Close()
			return nil, err
		}
		l.info, l.stamp = info, stamp
	}
	return &libraryHandle{lib: lib, opened: time.Now(), done: make(chan struct{})}, nil
}

func (l *sharedLibrary) release(h *libraryHandle) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h.users--
	if h.users > 0 {
		return
	}
	// No check is using it: close at once, so that an idle server holds
	// no lock at all.
	h.lib.Close()
	close(h.done)
	if l.cur == h {
		l.cur = nil
	}
	l.closedAt = time.Now()
}

// Info is what the library was when last opened.
func (l *sharedLibrary) Info() lint.LibraryInfo {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.info
}

// libraryError answers a check whose library could not be opened.
func libraryError(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &requestError{http.StatusServiceUnavailable, "请求已取消"}
	}
	return &requestError{http.StatusServiceUnavailable, fmt.Sprintf("上级文件库暂时无法打开：%v；请稍后再试", err)}
}
