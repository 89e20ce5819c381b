package lsp

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPositionsUTF16(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		off  int
		want Position
	}{
		{"start", "通知", 0, Position{0, 0}},
		{"BMP Han is one unit", "通知如下", 3, Position{0, 3}},
		{"Extension B is two units", "𠀀𠀁通知", 2, Position{0, 4}},
		{"emoji is two units", "好👍的", 2, Position{0, 3}},
		{"after LF", "一\n二三", 3, Position{1, 1}},
		{"CRLF is one line end", "一\r\n𠀀二", 4, Position{1, 2}},
		{"lone CR ends a line", "一\r二", 2, Position{1, 0}},
		{"end of text", "一𠀀", 2, Position{0, 3}},
		{"past the end", "一𠀀", 9, Position{0, 3}},
		{"invalid UTF-8 is one unit", "a\xffb", 2, Position{0, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := positions(tc.text, []int{tc.off})[0]; got != tc.want {
				t.Errorf("positions(%q, %d) = %v, want %v", tc.text, tc.off, got, tc.want)
			}
			if tc.off <= utf8.RuneCountInString(tc.text) && !strings.ContainsRune(tc.text, '\xff') {
				if back := runeOffset(tc.text, tc.want); back != tc.off {
					t.Errorf("runeOffset(%q, %v) = %d, want %d", tc.text, tc.want, back, tc.off)
				}
			}
		})
	}
}

func TestRuneOffsetClamps(t *testing.T) {
	for _, tc := range []struct {
		text string
		pos  Position
		want int
	}{
		{"𠀀二", Position{0, 1}, 0},     // inside a surrogate pair: the rune's start
		{"一二\n三", Position{0, 99}, 2}, // past the line's end: the line's end
		{"一二\n三", Position{7, 0}, 4},  // past the last line: the end
		{"一\r\n二", Position{0, 5}, 1}, // a line's end is before its CRLF
	} {
		if got := runeOffset(tc.text, tc.pos); got != tc.want {
			t.Errorf("runeOffset(%q, %v) = %d, want %d", tc.text, tc.pos, got, tc.want)
		}
	}
}

// Many offsets on one long line are converted in one pass, whatever
// their order.
func TestPositionsUnordered(t *testing.T) {
	text := strings.Repeat("𠀀a", 1000)
	offs := []int{1999, 0, 1000, 1, 2000}
	want := []Position{{0, 2999}, {0, 0}, {0, 1500}, {0, 2}, {0, 3000}}
	got := positions(text, offs)
	for i := range offs {
		if got[i] != want[i] {
			t.Errorf("offset %d: %v, want %v", offs[i], got[i], want[i])
		}
	}
}

// FuzzReader feeds arbitrary bytes to the framing reader: it never
// panics, never returns a body over the limit, and every body it returns
// is exactly the length its header gave.
func FuzzReader(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: 5\r\n\r\n{}"))
	f.Add([]byte("content-length:3\n\n[1]Content-Length: -1\r\n\r\n"))
	f.Add([]byte("garbage\r\n\r\nContent-Length: 99999999\r\n\r\nabc"))
	f.Add([]byte(strings.Repeat("x", 3000) + "\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := newReader(bytes.NewReader(data), 64)
		for i := 0; i < 1000; i++ {
			body, err := r.next()
			if err == nil && len(body) > 64 {
				t.Fatalf("body of %d bytes over the 64-byte limit", len(body))
			}
			if err != nil {
				if _, ok := err.(*frameError); !ok {
					if err != io.EOF && err != io.ErrUnexpectedEOF {
						t.Fatalf("unexpected error %v", err)
					}
					return
				}
			}
		}
	})
}
