package lint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestIndexPosition(t *testing.T) {
	text := "标题\r\n第二行\n\r第四行𠀀x"
	x := NewIndex(text)
	tests := []struct {
		off  int
		want Position
	}{
		{0, Position{1, 1}},
		{1, Position{1, 2}},
		{2, Position{1, 3}}, // the \r of \r\n still belongs to line 1
		{4, Position{2, 1}},
		{7, Position{2, 4}},
		{8, Position{3, 1}}, // an empty line ended by a lone \r
		{9, Position{4, 1}},
		{12, Position{4, 4}}, // the astral 𠀀 is one code point
		{13, Position{4, 5}},
		{14, Position{4, 6}}, // the end of the text is a valid end position
		{99, Position{4, 6}},
	}
	for _, tt := range tests {
		if got := x.Position(tt.off); got != tt.want {
			t.Errorf("Position(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
	if x.Lines() != 4 {
		t.Errorf("Lines() = %d, want 4", x.Lines())
	}
}

// TestIndexOffsetsRoundTrip checks byte↔rune conversion at every rune of a
// text longer than several checkpoints, with one-, two-, three- and
// four-byte runes.
func TestIndexOffsetsRoundTrip(t *testing.T) {
	text := strings.Repeat("a中é𠀀，\n", 50)
	x := NewIndex(text)
	b := 0
	for r := 0; r <= utf8.RuneCountInString(text); r++ {
		if got := x.ByteOffset(r); got != b {
			t.Fatalf("ByteOffset(%d) = %d, want %d", r, got, b)
		}
		if got := x.RuneOffset(b); got != r {
			t.Fatalf("RuneOffset(%d) = %d, want %d", b, got, r)
		}
		if b < len(text) {
			_, size := utf8.DecodeRuneInString(text[b:])
			// A byte offset inside a rune maps to that rune.
			if size > 1 && x.RuneOffset(b+1) != r {
				t.Fatalf("RuneOffset(%d) inside rune %d = %d", b+1, r, x.RuneOffset(b+1))
			}
			b += size
		}
	}
	if got := x.Slice(Span{Start: 1, End: 4}); got != "中é𠀀" {
		t.Errorf("Slice = %q", got)
	}
}

func BenchmarkIndexLongLine(b *testing.B) {
	text := strings.Repeat("政务新媒体健康有序发展", 100000)
	x := NewIndex(text)
	n := x.Len()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		off := (i * 7919) % n
		if x.RuneOffset(x.ByteOffset(off)) != off {
			b.Fatal("round trip")
		}
		_ = x.Position(off)
	}
}
