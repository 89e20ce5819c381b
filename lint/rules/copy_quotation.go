package rules

import (
	"github.com/gwlint/gwlint/lint"
)

// QuotationOptions are copy-quotation's key of the "copy" section.
type QuotationOptions struct {
	LongQuotation int `yaml:"long_quotation" range:"13,100000" doc:"copy-quotation: quotations this long are reported"`
}

// Quotation is copy-quotation's part of the "copy" section.
var Quotation = lint.NewOptions("copy", QuotationOptions{LongQuotation: 200}, nil)

// CopyQuotation reports a parent's passage that the draft quotes as a
// quotation (根据《…》, "…指出：“…”"). Quoting is how a document should cite
// its source, so it never counts as copying; it is reported at info so that
// a reviewer still sees long quotations, which can stand in for the local
// measures the document ought to contain.
var CopyQuotation = &lint.Rule{
	ID:       "copy-quotation",
	Name:     "大段引用上级文件",
	Severity: lint.Info,
	Source:   "实务通行做法（引用上级文件标题、文号和原话不属于照搬照抄）",
	Doc:      "以引语形式引用上级文件原文（不计入复制比），篇幅过长时提示",
	Needs:    lint.NeedsParents,
	Requires: []lint.Requirement{lint.CopyFact},
	Run: func(pass *lint.Pass) {
		if lint.CopyFact.Get(pass) == nil {
			return
		}
		long := Quotation.Get(pass).LongQuotation
		for _, q := range lint.CopyFact.Get(pass).Quotations {
			if q.Len < long {
				continue
			}
			pass.Report(lint.Finding{
				Span:    q.Draft,
				Message: passageMessage(pass.Doc, q, "较长引用") + "，属引用不计入复制比；请确认是否需要全文引用",
				Related: []lint.Related{lint.RelatedIn(q.Parent.Doc, q.Parent.Path, q.ParentSpan, "上级文件原文")},
			})
		}
	},
}
