//go:build !unix && !windows

package library

import "os"

// tryLock: no file locks on this system; bbolt's own lock is all there is.
func tryLock(*os.File, bool) (bool, error) { return true, nil }

func unlock(*os.File) {}
