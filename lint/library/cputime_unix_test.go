//go:build unix

package library

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used, user and system:
// on a shared machine it says what a build costs better than the clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
