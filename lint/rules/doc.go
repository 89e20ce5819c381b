// Package rules holds gwlint's rules, one small file each, every one citing
// the regulation or national standard it enforces (or 实务通行做法 for
// practice that no rule fixes). All lists them for the Checker.
//
// A rule reads a lint.Pass and reports findings; it must not keep state
// between runs, print, or touch the file system.
package rules
