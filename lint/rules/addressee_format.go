package rules

import (
	"fmt"

	"github.com/gwlint/gwlint/lint"
)

// AddresseeFormat enforces GB/T 9704—2012 7.3.2: the 主送机关 (principal
// addressees) "最后一个机关名称后标全角冒号". A half-width colon, a comma or
// full stop in its place, or no mark at all is fixed to "：".
var AddresseeFormat = &lint.Rule{
	ID:       "addressee-format",
	Name:     "主送机关格式",
	Severity: lint.Error,
	Source:   "GB/T 9704—2012 7.3.2",
	Doc:      "主送机关最后一个机关名称后应标全角冒号“：”",
	Run: func(pass *lint.Pass) {
		// Only the document's own: a forwarded 请示 keeps the form it was
		// written in, which is not the forwarding writer's to change.
		checkAddressees(pass, pass.Doc.Structure.Addressees)
	},
}

func checkAddressees(pass *lint.Pass, sp lint.Span) {
	start, rs := fmtRunesOf(pass.Doc, sp)
	if len(rs) == 0 {
		return
	}
	checkClosingMark(pass, start, rs, '：', "主送机关最后一个机关名称后")
}

// checkClosingMark checks that the line rs (starting at rune offset start)
// ends with the mark want, as the 主送机关 must end with "：" and the 抄送
// line with "。", and offers the fix: replace a wrong closing mark, or add
// the missing one.
func checkClosingMark(pass *lint.Pass, start int, rs []rune, want rune, where string) {
	last := rs[len(rs)-1]
	at := lint.Span{Start: start + len(rs) - 1, End: start + len(rs)}
	name := map[rune]string{'：': "全角冒号", '。': "句号"}[want]
	switch {
	case last == want:
	case fmtTrailingMark(last):
		pass.Report(lint.Finding{Span: at,
			Message: fmt.Sprintf("%s应标%s“%c”，不用“%c”", where, name, want, last),
			Fix:     &lint.Fix{Span: at, Text: string(want)}})
	default:
		pass.Report(lint.Finding{Span: at,
			Message: fmt.Sprintf("%s缺少%s“%c”", where, name, want),
			Fix:     &lint.Fix{Span: at, Text: string(last) + string(want)}})
	}
}
