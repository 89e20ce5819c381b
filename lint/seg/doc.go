// Package seg cuts Chinese text into words, so that gwlint's rules can
// match terms of the trade (层层加码 "adding burdens layer by layer",
// 一票否决 "one-vote veto", 拍照留痕 "photos as proof") as whole words and
// not as substrings: 建立即时 contains 立即 across a word boundary
// (建立|即时), and a substring match would fire on it.
//
// Segmentation is gse's (github.com/go-ego/gse) shortest-path Segment,
// over gse's zh_s dictionary plus the 公文 domain dictionary
// dict/words/gongwen.txt. What this package adds is how the dictionary is
// loaded. gse builds its double-array trie from the 350,000 entries of
// zh_s on every start: about 1.3 s and 200 MB, and a binary that embeds
// gse's dictionaries grows to 36 MB. A pre-commit hook cannot wait that
// long. Here the dictionary is dict/words/lexicon.idx, a trie over runes
// embedded as a string and walked in place (lexicon.go). For each text
// Cut finds the dictionary words occurring in it and makes sure a gse
// dictionary holds them, each weighed against the full dictionary's total
// frequency. gse's shortest path only ever weighs words that occur in the
// text, so the result is the one gse gives with the full dictionary, at a
// cost that grows with the text, not with the dictionary.
//
// The gse dictionaries are kept between texts, one per goroutine cutting
// at a time (dictionary.go): a batch of 公文 pays for each distinct word
// once, not once per document, while a single draft pays only for its own
// words. Measured on the test corpus (go test -bench . ./lint/seg, 2
// shared cores): cutting all 126 files went from 2.8 to 10 MB/s, a fresh
// segmenter plus one 5,000-character draft from 4–8 ms to 2.8 ms, and the
// lexicon's share of the binary from 6.5 to 3.6 MB. dict/README.md has
// the figures and the choices behind them.
//
// This package must not fork gse's segmentation: it decides which entries
// gse sees, never how gse segments. It must not reference gse's embedded
// dictionaries (gse.Segmenter.LoadDictEmbed and friends) outside tests and
// the generator, or every gwlint binary grows by 32 MB; nor dict.Lexicon
// outside tests, which would link lexicon.txt's 5.1 MB for nothing. It
// must not keep a text's words beyond its Cut: what it keeps is
// vocabulary, bounded per dictionary (maxDictionaryWords). It knows nothing
// of rules, documents or findings.
//
// The lexicon is generated: after editing dict/words/gongwen.txt or
// upgrading gse, run `go generate ./lint/seg`. A test fails while the
// committed lexicon differs from what the generator would write. Only
// lexicon.idx is linked into gwlint; lexicon.txt, the same words as
// sorted "key freq pos" lines, is for review and for this package's
// tests, and a test checks that the two hold the same words.
package seg

//go:generate go run ./internal/genlexicon -domain ../../dict/words/gongwen.txt -o ../../dict/words/lexicon.txt -idx ../../dict/words/lexicon.idx
