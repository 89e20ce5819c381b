// Package text holds the primitives every other package of gwlint reads
// Chinese text with: spans of rune offsets, Chinese and Arabic numerals,
// width folding and white space. It is a leaf: it imports nothing of
// gwlint, so that readers, the structure recognizer, the matcher, the
// copy engine and the rules agree on what a numeral or a blank is.
package text
