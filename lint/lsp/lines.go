package lsp

import (
	"sort"
	"unicode/utf8"
)

// utf16Len is how many UTF-16 code units r takes: two for a rune outside
// the Basic Multilingual Plane (CJK Extension B and beyond, emoji), one
// otherwise. An invalid rune stands for U+FFFD, one unit.
func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// positions converts rune offsets into a text, in any order, to LSP
// positions, in one pass over the text: a draft of one long line with a
// finding on every other character costs no more than its length. An
// offset past the end is the end of the text. A line ends at "\n", "\r\n"
// or a lone "\r", as in lint.Index.
func positions(text string, offs []int) []Position {
	out := make([]Position, len(offs))
	order := make([]int, len(offs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return offs[order[a]] < offs[order[b]] })
	k := 0
	line, col, r := 0, 0, 0
	for i := 0; i < len(text) && k < len(order); {
		for k < len(order) && offs[order[k]] <= r {
			out[order[k]] = Position{Line: line, Character: col}
			k++
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		i += size
		r++
		switch {
		case c == '\n':
			line, col = line+1, 0
		case c == '\r' && (i >= len(text) || text[i] != '\n'):
			line, col = line+1, 0
		default:
			col += utf16Len(c)
		}
	}
	for ; k < len(order); k++ {
		out[order[k]] = Position{Line: line, Character: col}
	}
	return out
}

// runeOffset converts an LSP position in text to a rune offset. A line
// past the last is the end of the text; a character past the end of its
// line is the line's end, as the protocol asks; a position inside a
// surrogate pair is the start of its rune.
func runeOffset(text string, p Position) int {
	line, r, i := 0, 0, 0
	for line < p.Line {
		if i >= len(text) {
			return r
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		i += size
		r++
		if c == '\n' || (c == '\r' && (i >= len(text) || text[i] != '\n')) {
			line++
		}
	}
	for col := 0; i < len(text); {
		c, size := utf8.DecodeRuneInString(text[i:])
		if c == '\n' || c == '\r' || col+utf16Len(c) > p.Character {
			break
		}
		col += utf16Len(c)
		i += size
		r++
	}
	return r
}

// byteOffset converts a rune offset into text to a byte offset.
func byteOffset(text string, off int) int {
	i := 0
	for r := 0; r < off && i < len(text); r++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}
