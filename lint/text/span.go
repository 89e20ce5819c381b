package text

// Span is a half-open range of rune offsets [Start, End) into a text, as
// every position of gwlint is.
type Span struct {
	Start, End int
}

// Len is the number of runes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether offset o lies inside the span.
func (s Span) Contains(o int) bool { return o >= s.Start && o < s.End }
