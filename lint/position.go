package lint

import (
	"sort"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint/gongwen"
)

// Span is a half-open range [Start, End) of rune offsets into a document's
// text. It is the same type the structure recognizer uses.
type Span = gongwen.Span

// Position is a 1-based line and column; columns count runes.
type Position struct {
	Line, Column int
}

// checkpointEvery is how many runes lie between two remembered byte
// offsets. Converting between byte and rune offsets then scans at most
// this many runes, so a 10 MB single-line file costs no more than a short
// one, and the index stays a small fraction of the text's size.
const checkpointEvery = 64

// Index maps between rune offsets, byte offsets and line/column positions
// of one text. Rules find things with regular expressions (byte offsets)
// and report rune offsets; reporters need lines and columns.
type Index struct {
	text       string
	runes      int
	lineStarts []int // rune offset where each line starts
	checkpoint []int // byte offset of rune i*checkpointEvery
}

// NewIndex indexes text. A line ends at "\n", "\r\n" or a lone "\r".
func NewIndex(text string) *Index {
	x := &Index{text: text, lineStarts: []int{0}}
	r := 0
	for i := 0; i < len(text); {
		if r%checkpointEvery == 0 {
			x.checkpoint = append(x.checkpoint, i)
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		i += size
		r++
		switch c {
		case '\n':
			x.lineStarts = append(x.lineStarts, r)
		case '\r':
			if i < len(text) && text[i] == '\n' {
				continue // the "\n" that follows ends the line
			}
			x.lineStarts = append(x.lineStarts, r)
		}
	}
	x.runes = r
	return x
}

// Len is the number of runes in the text.
func (x *Index) Len() int { return x.runes }

// Lines is the number of lines in the text.
func (x *Index) Lines() int { return len(x.lineStarts) }

// Position returns the 1-based line and column of rune offset off. An
// offset at the end of the text is valid (it is where an end position
// points).
func (x *Index) Position(off int) Position {
	off = max(0, min(off, x.runes))
	line := sort.Search(len(x.lineStarts), func(i int) bool { return x.lineStarts[i] > off }) - 1
	return Position{Line: line + 1, Column: off - x.lineStarts[line] + 1}
}

// LineStart returns the rune offset where 1-based line n starts.
func (x *Index) LineStart(n int) int {
	n = max(1, min(n, len(x.lineStarts)))
	return x.lineStarts[n-1]
}

// ByteOffset converts a rune offset to a byte offset.
func (x *Index) ByteOffset(off int) int {
	if off <= 0 {
		return 0
	}
	if off >= x.runes {
		return len(x.text)
	}
	b := x.checkpoint[off/checkpointEvery]
	for r := off - off%checkpointEvery; r < off; r++ {
		_, size := utf8.DecodeRuneInString(x.text[b:])
		b += size
	}
	return b
}

// RuneOffset converts a byte offset to a rune offset. A byte offset inside
// a multi-byte rune counts as that rune's start.
func (x *Index) RuneOffset(b int) int {
	if b <= 0 {
		return 0
	}
	if b >= len(x.text) {
		return x.runes
	}
	k := sort.Search(len(x.checkpoint), func(i int) bool { return x.checkpoint[i] > b }) - 1
	r, at := k*checkpointEvery, x.checkpoint[k]
	for at < b {
		_, size := utf8.DecodeRuneInString(x.text[at:])
		if at+size > b {
			break
		}
		at += size
		r++
	}
	return r
}

// Slice returns the text of a rune span.
func (x *Index) Slice(s Span) string {
	return x.text[x.ByteOffset(s.Start):x.ByteOffset(s.End)]
}

// SpanOfBytes converts a byte range, as regexp returns it, to a rune span.
func (x *Index) SpanOfBytes(start, end int) Span {
	return Span{Start: x.RuneOffset(start), End: x.RuneOffset(end)}
}
