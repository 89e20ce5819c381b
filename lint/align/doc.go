// Package align finds the passages a draft shares with its parent
// documents (上级文件): the engine behind gwlint's copy detection, which
// looks for 照搬照抄 and 上下一般粗 (a lower-level document that restates
// its parent with 全国 changed to 全省 and the years moved on).
//
// The work is done in three layers:
//
//   - Normalize reduces a text to the characters that carry meaning (NFKC,
//     width folding, lower case; punctuation, symbols and whitespace
//     dropped) and remembers, for every character it keeps, where it was
//     in the original text.
//   - A canonical layer folds light edits into one token each: the
//     jurisdiction words listed in Classes (全国/全省/全市, 国务院/省政府,
//     各省、自治区、直辖市/各市（州）...) and every run of digits or
//     Chinese numerals. Matching runs on these tokens, so a swapped word or
//     a changed year does not break a passage; the characters themselves
//     are still compared to count how much is identical.
//   - Compare seeds matches with k-gram hash indexes, extends them, merges
//     neighbours across small gaps and attributes every draft character to
//     at most one parent.
//
// FindReferences finds the spans a caller should not count as copying:
// 《titles》, 发文字号 (document numbers) and quotations introduced by
// 根据《…》 or 指出：“…”.
//
// All offsets the package returns are rune (Unicode code point) offsets
// into the original strings, half-open. The package knows nothing of
// gwlint's rules, findings, readers or libraries: it takes strings and
// returns spans and figures, and it must stay that way so that it can be
// tested, fuzzed and benchmarked alone. It never panics on any input and
// keeps no mutable package state.
package align
