// Package lint is gwlint's library: it parses a draft 公文 (official
// document) into a Document, runs rules over it and collects Findings.
//
// A Go program lints a draft in a few lines:
//
//	doc, err := lint.ParseFile("draft.docx")
//	if err != nil { ... }
//	run, err := lint.NewRun(lint.RunOptions{Registry: rules.All(), Config: lint.DefaultConfig()})
//	if err != nil { ... } // a configuration or phrase-list error
//	result := run.Check(doc)
//	for _, f := range result.Findings { ... }
//
// A Run is built once from the configuration: it enables the rules, loads
// the resources they require (Rule.Requires: user phrase lists), the
// parents and the library, and fails on anything that does not load.
// After that, rules read nothing from disk.
//
// The shape follows golang.org/x/tools/go/analysis: each rule is a small
// value (ID, default severity, the regulation or standard it cites, a
// one-line doc and a Run function) in its own file under lint/rules; the
// Checker knows nothing of any single rule. Facts that several rules need
// (the 公文 structure, word segmentation, copy matches against parent
// documents) are computed once per document, and only when a rule asks.
//
// All positions are rune (Unicode code point) offsets into the decoded text
// of the file, half-open, as the public contract fixes; Position converts
// them to 1-based lines and columns.
//
// This package must not print, exit or read flags: that is cmd/gwlint's
// job. Checker is safe for concurrent use; rules must not keep state
// between runs.
package lint
