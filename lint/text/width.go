package text

// FoldWidth maps a full-width form of an ASCII character (Ａ, ０, ！, the
// full-width comma ，, the ideographic space) to the ASCII character, and
// leaves every other rune as it is: 。、“” and 《》 have no ASCII twin.
func FoldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == '\u3000':
		return ' '
	}
	return r
}

// IsFullWidthASCII reports a full-width form of an ASCII character.
func IsFullWidthASCII(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }
