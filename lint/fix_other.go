//go:build !unix

package lint

import "os"

// refuseToRewrite says why the file is not to be replaced by a rewritten
// copy, or "": on this system only a read-only file is refused.
func refuseToRewrite(_ string, st os.FileInfo) string { return readOnly(st) }

// carryOver has nothing to carry over on this system.
func carryOver(_, _ string, _ os.FileInfo) string { return "" }
