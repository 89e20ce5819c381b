// Package dict holds gwlint's embedded dictionaries and phrase lists, each
// entry with the source that justifies it.
//
// Two kinds of data live here, in separate folders, so that adding one
// never touches the other:
//
//   - words/: dictionaries for word segmentation (package lint/seg).
//     words/gongwen.txt is the 公文 (official document) domain dictionary,
//     edited by hand, in gse's "word frequency pos" format with a comment
//     header citing its sources. words/lexicon.idx, a trie over runes that
//     lint/seg walks in place, and words/lexicon.txt, the same entries as
//     a sorted listing to review and grep, are generated from it and from
//     gse's zh_s dictionary by `go generate ./lint/seg`; never edit them by
//     hand (a test in lint/seg fails when they are stale). Only the index
//     is linked into gwlint; the listing serves tests and reviewers.
//     README.md beside this file says why, with measurements.
//   - phrases/: phrase lists used by rules (层层加码 phrasings such as
//     一票否决, 拍照留痕, 当天反馈, with their sources). They are embedded by
//     their own go:embed variable in their own file of this package, beside
//     Words, not by widening the patterns below (Words must not grow to
//     include the lexicon a second time).
//
// This package must stay data only: no parsing and no logic, and nothing
// that imports the rest of gwlint, so that every package may depend on it.
// It must not embed gse's own dictionaries: gwlint reads what it needs of
// them from words/lexicon.txt.
package dict

import "embed"

// Words holds the hand-edited segmentation sources under words/ (today
// words/gongwen.txt), for tools and tests that list or check the terms.
//
//go:embed words/gongwen.txt
var Words embed.FS

// Lexicon is words/lexicon.txt: gse's zh_s dictionary merged with the
// domain dictionary, one "key frequency pos" line per entry sorted by key.
// Only tests and the generator read it, so the linker leaves it out of
// gwlint.
//
//go:embed words/lexicon.txt
var Lexicon string

// LexiconIndex is words/lexicon.idx, generated with the lexicon: the same
// entries as a trie over runes (layout documented in lint/seg/internal/
// lexgen), walked in place from the binary's read-only data, so that
// loading it costs nothing and finding the words at a position is one
// array access and a short search among one node's children.
//
//go:embed words/lexicon.idx
var LexiconIndex string
