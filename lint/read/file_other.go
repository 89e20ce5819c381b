//go:build !unix

package read

const openFlags = 0
