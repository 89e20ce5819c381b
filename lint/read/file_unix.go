//go:build unix

package read

import "syscall"

// openFlags keeps Open from blocking should path turn into a named pipe
// between the Stat and the Open.
const openFlags = syscall.O_NONBLOCK
