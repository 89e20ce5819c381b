package rules

import "github.com/gwlint/gwlint/lint"

// formatRules lists the format family's rules for All: the layout of GB/T
// 9704—2012 《党政机关公文格式》.
var formatRules = []*lint.Rule{
	DocnoFormat, DateFormat, HeadingSequence, AttachmentNote, TitleFormat,
	AddresseeFormat, CCFormat, HeaderMarks,
}
