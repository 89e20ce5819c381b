// Package report writes check results in the formats the contract fixes:
// compiler-style text, the versioned JSON report, SARIF 2.1.0 for code
// scanning, and rdjson for reviewdog. One file per format.
//
// Reporters only write: they neither decide exit codes nor read files.
// The same results always give byte-identical output.
package report
