// Package phrase loads phrase lists (YAML files of words and
// constructions, each entry with its rule, severity, message, source and
// examples) and matches them on segmented text.
//
// Matching is on words, never on bare substrings: a pattern's literal must
// start and end on a word boundary of the gse segmentation, so 立即 does
// not match inside 建立即时 (segmented 建立/即时). Where the domain
// dictionary joins two pattern terms into one word (当天反馈, 排名通报), the
// word is split again at the point where it decomposes wholly into terms
// the lists use, so that 当天 and 反馈 stay matchable.
//
// Segmentation is most of what matching costs, and most sentences hold no
// construction of the lists, so a text is segmented lazily
// (Matcher.PrepareCut): a sentence when a pattern's first word occurs
// there and its other required slots pass their gates (gate.go), or when
// a rule asks for boundaries, deadlines or targets in it.
//
// The package also parses the two kinds of expressions that the 层层加码
// (layer-by-layer escalation) rules compare: deadlines (当天, 次日, 3个工作日内,
// 周六, 6月20日18时前) and numeric targets (100%, 不少于2次, 全覆盖, 每月).
//
// It must not know any rule: rule IDs are plain strings here, and what a
// match means is for package rules to say. It must not read files except in
// Load, and holds no mutable package state: a compiled Matcher serves any
// number of goroutines.
package phrase
