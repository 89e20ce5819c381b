package rules

import "github.com/gwlint/gwlint/lint"

// copyRules are the rules against 照搬照抄 (copying the parent document):
// one finding per copied passage, one for the draft as a whole, and one for
// each passage quoted as a quotation.
var copyRules = []*lint.Rule{CopyPassage, CopyRatio, CopyQuotation}
