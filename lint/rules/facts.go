package rules

import "github.com/gwlint/gwlint/lint"

// forwarding is the forwarding notice a document is (转发, 批转), nil for
// any other document: recognized once per document however many forward
// rules read it.
var forwarding = lint.NewFact("forwarding", func(p *lint.Pass) *forwardNotice {
	f, ok := recognizeForward(p.Doc)
	if !ok {
		return nil
	}
	return f
})

// forwardRequires is what a rule that reads the forwarding notice requires.
var forwardRequires = []lint.Requirement{forwarding}
