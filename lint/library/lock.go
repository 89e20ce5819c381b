package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// LockName is the lock file beside library.db. Every process takes it
// before opening library.db (shared to read, exclusive to write) and keeps
// it until it closes the library. It is never renamed or removed, unlike
// library.db, which `compact` replaces with a new file: a lock on
// library.db itself would be a lock on the old file, and a writer waiting
// on it would write its documents into the file compact had just unlinked
// ("50 added", then gone).
const LockName = "library.lock"

// dirLock is a held lock on a library directory's lock file; nil means
// none could be taken (a read-only directory without a lock file, where
// no one can compact either) and bbolt's own lock is all there is.
type dirLock struct {
	f *os.File
}

// lockDir takes the directory's lock, waiting up to timeout for another
// process's. A reader in a directory it cannot write, without a lock
// file, goes without.
func lockDir(dir string, exclusive bool, timeout time.Duration) (*dirLock, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil && !exclusive {
		f, err = os.Open(path)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return nil, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the library's lock file: %w", err)
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is not a regular file; remove it", path)
	}
	deadline := time.Now().Add(timeout)
	for {
		ok, err := tryLock(f, exclusive)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("cannot lock %s: %w", path, err)
		}
		if ok {
			return &dirLock{f: f}, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, FileName), ErrLocked)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// release lets the next process in.
func (l *dirLock) release() {
	if l != nil {
		unlock(l.f)
		l.f.Close()
	}
}
