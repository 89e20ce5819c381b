package read

import (
	"strconv"
)

// The content streams and CMaps of a PDF are tokenized here rather than
// by the parsing library, whose interpreter loops forever on a string
// left open at the end of a stream. This reader ends at the end of its
// bytes, always: every loop consumes at least one byte.

type psKind uint8

const (
	psNull psKind = iota
	psNumber
	psString
	psName
	psArray
)

// psValue is an operand: a number, a string (literal or hex, as bytes),
// a name or an array of operands. Dictionaries are skipped (the
// operators gwlint reads take none).
type psValue struct {
	kind psKind
	num  float64
	str  string // the bytes of a string, or a name without its slash
	arr  []psValue
}

func (v psValue) Float64() float64 { return v.num }
func (v psValue) RawString() string {
	if v.kind == psString {
		return v.str
	}
	return ""
}
func (v psValue) Name() string {
	if v.kind == psName {
		return v.str
	}
	return ""
}
func (v psValue) Len() int { return len(v.arr) }
func (v psValue) Index(i int) psValue {
	if i < 0 || i >= len(v.arr) {
		return psValue{}
	}
	return v.arr[i]
}
func (v psValue) isString() bool { return v.kind == psString }

// maxOperands bounds the operand stack: a content stream of a million
// numbers and no operator must not grow it without end.
const maxOperands = 1 << 16

// psInterpret calls do for every operator in data with its operands.
func psInterpret(data []byte, do func(op string, args []psValue)) {
	l := psLexer{data: data}
	var stack []psValue
	for {
		v, op, ok := l.next(0)
		if !ok {
			return
		}
		if op != "" {
			if op == "BI" {
				l.skipInlineImage()
			}
			do(op, stack)
			stack = stack[:0]
			continue
		}
		if len(stack) < maxOperands {
			stack = append(stack, v)
		}
	}
}

type psLexer struct {
	data []byte
	pos  int
}

func isPSSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0
}

func isPSDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// next reads one operand (op == "") or operator; ok is false at the end.
// depth bounds nested arrays.
func (l *psLexer) next(depth int) (v psValue, op string, ok bool) {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case isPSSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		case c == '(':
			l.pos++
			return psValue{kind: psString, str: l.literal()}, "", true
		case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
			l.pos += 2
			l.skipDict()
			return psValue{}, "", true
		case c == '<':
			l.pos++
			return psValue{kind: psString, str: l.hex()}, "", true
		case c == '[':
			l.pos++
			arr := psValue{kind: psArray}
			for l.pos < len(l.data) {
				for l.pos < len(l.data) && isPSSpace(l.data[l.pos]) {
					l.pos++
				}
				if l.pos < len(l.data) && l.data[l.pos] == ']' {
					l.pos++
					break
				}
				e, eop, eok := l.next(depth + 1)
				if !eok {
					break
				}
				if eop == "" && depth < 32 && len(arr.arr) < maxOperands {
					arr.arr = append(arr.arr, e)
				}
			}
			return arr, "", true
		case c == '/':
			l.pos++
			return psValue{kind: psName, str: l.word()}, "", true
		case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
			l.pos++ // stray delimiter
		default:
			w := l.word()
			if w == "" {
				l.pos++
				continue
			}
			if n, err := strconv.ParseFloat(w, 64); err == nil {
				return psValue{kind: psNumber, num: n}, "", true
			}
			return psValue{}, w, true
		}
	}
	return psValue{}, "", false
}

func (l *psLexer) word() string {
	start := l.pos
	for l.pos < len(l.data) && !isPSSpace(l.data[l.pos]) && !isPSDelim(l.data[l.pos]) {
		l.pos++
	}
	return string(l.data[start:l.pos])
}

// literal reads a (string) after its "(": balanced parentheses,
// backslash escapes.
func (l *psLexer) literal() string {
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.data) {
				return string(out)
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				if e == '\r' && l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					n := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; k++ {
						n = n*8 + int(l.data[l.pos]-'0')
						l.pos++
					}
					c = byte(n)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// hex reads a <hex string> after its "<"; an odd last digit counts as
// followed by 0.
func (l *psLexer) hex() string {
	var out []byte
	half, have := byte(0), false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			continue
		}
		if have {
			out = append(out, half<<4|d)
			have = false
		} else {
			half, have = d, true
		}
	}
	if have {
		out = append(out, half<<4)
	}
	return string(out)
}

// skipDict skips a << dictionary >> after its "<<", nested ones too.
func (l *psLexer) skipDict() {
	depth := 1
	for l.pos < len(l.data) && depth > 0 {
		switch c := l.data[l.pos]; {
		case c == '(':
			l.pos++
			l.literal()
		case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
			l.pos += 2
			depth++
		case c == '>' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '>':
			l.pos += 2
			depth--
		case c == '<':
			l.pos++
			l.hex()
		default:
			l.pos++
		}
	}
}

// skipInlineImage skips an inline image's data: after BI come the
// image's entries, then ID, one white-space byte and the data up to EI.
func (l *psLexer) skipInlineImage() {
	for l.pos+1 < len(l.data) {
		if l.data[l.pos] == 'I' && l.data[l.pos+1] == 'D' && (l.pos == 0 || isPSSpace(l.data[l.pos-1])) {
			l.pos += 3
			break
		}
		l.pos++
	}
	for l.pos+2 < len(l.data) {
		if isPSSpace(l.data[l.pos]) && l.data[l.pos+1] == 'E' && l.data[l.pos+2] == 'I' &&
			(l.pos+3 == len(l.data) || isPSSpace(l.data[l.pos+3])) {
			l.pos += 3
			return
		}
		l.pos++
	}
	l.pos = len(l.data)
}
