package lint

import (
	"unicode"
)

// CountChars counts 字数 the way common word processors do, as the
// contract fixes: each Han character (including 〇) counts 1; each
// full-width punctuation mark or other non-ASCII symbol counts 1; each
// maximal run of letters and digits (ASCII or full-width) counts 1, so
// 2024 and IPv6 count 1 each; white space and half-width (ASCII)
// punctuation count 0.
func CountChars(s string) int {
	n := 0
	inRun := false
	for _, c := range s {
		switch {
		// The CJK Unified Ideographs block holds nearly every character of
		// a 公文; testing it first spares unicode.Is its table search.
		case c >= 0x4E00 && c <= 0x9FFF, c == '〇' || unicode.Is(unicode.Han, c):
			n++
			inRun = false
		case isRunChar(c):
			if !inRun {
				n++
				inRun = true
			}
		case unicode.IsSpace(c) || c == '\u3000' || c < 0x80 || unicode.IsControl(c) || c == '\ufeff':
			// White space and ASCII punctuation count nothing and end a run.
			inRun = false
		case c >= 0xFF61 && c <= 0xFF64:
			// Half-width ideographic punctuation ｡｢｣､ is half-width
			// punctuation: nothing, like its ASCII neighbours.
			inRun = false
		case unicode.In(c, unicode.Mn, unicode.Cf):
			// Combining marks, variation selectors and invisible format
			// characters (zero-width space, soft hyphen) add no character
			// a reader sees.
		default:
			// Full-width punctuation and symbols: ，。（）《》％ ① × —.
			n++
			inRun = false
		}
	}
	return n
}

// isRunChar reports whether c belongs to a run of letters and digits that
// counts as one: ASCII and full-width letters and digits, and letters of
// other alphabetic scripts (a Latin or Greek word counts once).
func isRunChar(c rune) bool {
	switch {
	case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	case c >= '０' && c <= '９', c >= 'Ａ' && c <= 'Ｚ', c >= 'ａ' && c <= 'ｚ':
		return true
	case c >= 0x80 && unicode.IsLetter(c) && !unicode.Is(unicode.Han, c) &&
		!unicode.In(c, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return true
	}
	return false
}

// CountedSpan is the part of the document whose 字数 is counted: after
// the title block (标题, 发文字号, 签发人) and before the 版记 (抄送,
// 印发). Attachments count. A document with no recognizable title block is
// counted whole.
func (d *Document) CountedSpan() Span {
	st := d.Structure
	s := Span{Start: 0, End: d.Len()}
	if !st.TitleBlock.Empty() && !st.Title.Empty() {
		s.Start = st.TitleBlock.End
	}
	if !st.Imprint.Empty() && st.Imprint.Start >= s.Start {
		s.End = st.Imprint.Start
	}
	return s
}

// charsKey is the Memo key of the document's 字数.
type charsKey struct{}

// Chars is the document's 字数 over its CountedSpan, counted once however
// many rules and reports ask.
func (d *Document) Chars() int {
	return Memo(d, charsKey{}, func() int { return CountChars(d.Slice(d.CountedSpan())) })
}
