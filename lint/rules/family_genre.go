package rules

import "github.com/gwlint/gwlint/lint"

// genreRules lists the genre family's rules for All: the 文种 and 行文规则
// of 《党政机关公文处理工作条例》.
var genreRules = []*lint.Rule{
	GenreKind, GenreOneRequest, GenreReportRequest, GenreTitle, GenreUpwardAddressee,
}
