package phrase

// DeadlineAt is a deadline found in a text.
type DeadlineAt struct {
	Deadline
	Span Span
}

// TargetAt is a target found in a text.
type TargetAt struct {
	Target
	Span Span
}

// Deadlines finds the deadline expressions in [from, to) that start and
// end on word boundaries, in order, without overlaps. A deadline ending in
// 前 may end inside a word, where the segmenter joined the 前 with what
// follows (8月8日前提交 cut 前提/交).
func (t *Text) Deadlines(from, to int) []DeadlineAt {
	var out []DeadlineAt
	to = min(to, len(t.runes))
	for p := max(0, from); p < to; p++ {
		if d, e, ok := scanDeadline(t.runes, p); ok && e <= to && t.boundAt(p) && (t.boundAt(e) || t.runes[e-1] == '前' && t.boundAt(e-1)) {
			out = append(out, DeadlineAt{d, Span{p, e}})
			p = e - 1
		}
	}
	return out
}

// Targets finds the numeric targets and frequencies in [from, to) that
// start and end on word boundaries, in order, without overlaps.
func (t *Text) Targets(from, to int) []TargetAt {
	var out []TargetAt
	to = min(to, len(t.runes))
	for p := max(0, from); p < to; p++ {
		if x, e, ok := scanTarget(t.runes, p); ok && e <= to && t.boundAt(p) && t.boundAt(e) {
			out = append(out, TargetAt{x, Span{p, e}})
			p = e - 1
		}
	}
	return out
}

// Sentences lists the sentences of the text that hold more than
// white space, in order.
func (t *Text) Sentences() []Span {
	var out []Span
	for p := 0; p < len(t.runes); {
		s := t.Sentence(p)
		if s.End <= p { // a terminator
			p++
			continue
		}
		for i := s.Start; i < s.End; i++ {
			if !isSpace(t.runes[i]) {
				out = append(out, s)
				break
			}
		}
		p = s.End
	}
	return out
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\r' || r == '\n' }
