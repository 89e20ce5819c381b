package text

import "unicode"

// IsSpace reports white space of any kind, line breaks included: Unicode
// white space (the ideographic space U+3000 and the no-break space among
// it), and the byte-order mark and zero-width space that word processors
// leave in pasted text.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b'
}

// IsLineBreak reports a rune that ends a line.
func IsLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085'
}

// IsInlineSpace reports white space inside a line: IsSpace but not a line
// break.
func IsInlineSpace(r rune) bool { return IsSpace(r) && !IsLineBreak(r) }
