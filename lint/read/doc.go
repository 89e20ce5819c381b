// Package read turns the bytes of a draft into the decoded text that every
// gwlint rule works on, for each input type the contract names: plain text,
// Markdown, .docx and HTML, in UTF-8 (with or without BOM), UTF-16 with a
// BOM, or GB18030/GBK; and for the formats offices hold beside them: Word
// 97–2003 .doc (and .wps in that format), PDF with a text layer and OFD.
// The content chooses the reader for containers (zip, compound file,
// %PDF), so a file is read as what it is whatever its name (sniff.go).
//
// What "decoded text" means is fixed by the public contract, because every
// reported offset points into it: for .txt and .md the file's own text
// after decoding (Markdown positions point into the Markdown source); for
// .docx the paragraphs of the main document joined with "\n"; for .html the
// visible text with block elements separated by "\n". All ranges a Source
// carries are rune offsets into that text.
//
// A .docx gives the text of its main document body as Word shows it:
// automatic numbering rendered (and listed in Source.Generated), text
// boxes after the paragraph they are anchored in, a manual line break as
// "\n" (see readDocx). Headers, footers, footnotes, comments and field
// codes are left out of the text; Source.Layout carries the page setup,
// footers and each paragraph's resolved look for the layout rules.
//
// The readers describe the text; they do not edit it. Line ends stay as
// the file has them (LF, CRLF or CR), and Markdown is never rendered:
// what is not prose is reported as ranges (Skipped, Markup) taken from
// goldmark's AST and source segments, so positions cannot drift.
//
// Readers never panic and never read without bound (see Limits): a
// malformed or hostile file gives an *InputError that says what is wrong
// with it, and errors.Is(err, ErrInput) tells such errors from the tool's
// own failures. A draft with nothing to check (no bytes, a byte-order mark
// alone, only white space) is an input error too, so that it is never
// reported clean. The package does no linting and knows nothing of rules.
package read
