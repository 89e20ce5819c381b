package read

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The encodings a Source can report. HTML drafts may also report any other
// WHATWG encoding name their <meta charset> declares (e.g. "big5").
const (
	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom"
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
	EncodingGB18030 = "gb18030"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode finds the encoding of a text file and decodes it.
//
// A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE, and the bytes
// after it must be valid in that encoding. Without one, valid UTF-8 is
// UTF-8; otherwise the bytes are tried as GB18030 (a superset of GBK and
// GB2312, the encodings Chinese Windows saves in) and accepted only if
// every byte sequence is valid GB18030 and the result looks like text (see
// looksLikeText). Latin-1 or Big5 files may still pass as GB18030 and come
// out as nonsense Han characters: no byte-level test can tell them apart.
//
// Text containing U+0000 is refused as binary, whatever its encoding: no
// draft contains NUL, and a UTF-16 file without a BOM is full of them.
func decode(data []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		text, err = decodeUTF8(data[len(bomUTF8):], len(bomUTF8))
		return text, EncodingUTF8BOM, err
	case bytes.HasPrefix(data, bomUTF16LE):
		text, err = decodeUTF16(data[2:], false)
		return text, EncodingUTF16LE, err
	case bytes.HasPrefix(data, bomUTF16BE):
		text, err = decodeUTF16(data[2:], true)
		return text, EncodingUTF16BE, err
	}
	if utf8.Valid(data) {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return "", "", nulError(data, i)
		}
		return string(data), EncodingUTF8, nil // valid already: no second pass
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", "", nulError(data, i)
	}
	text, gbErr := decodeGB18030(data)
	if gbErr != nil {
		bad := invalidUTF8At(data)
		return "", "", invalid("无法识别文字编码：既不是UTF-8、UTF-16，也不是GB18030/GBK（第%d字节起不是UTF-8；%s）；请用记事本或WPS另存为UTF-8", bad, gbErr.Reason)
	}
	return text, EncodingGB18030, nil
}

// decodeUTF8 checks data (which starts at byte base of the file) and
// returns it as a string.
func decodeUTF8(data []byte, base int) (string, error) {
	if !utf8.Valid(data) {
		return "", invalid("文件以UTF-8的BOM开头，但第%d字节起不是合法的UTF-8；请重新另存为UTF-8", base+invalidUTF8At(data))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", nulError(data, base+i)
	}
	return string(data), nil
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// nulError explains a NUL byte; a file whose every other byte is NUL is
// almost certainly UTF-16 saved without a byte-order mark.
func nulError(data []byte, at int) *InputError {
	if looksLikeBOMlessUTF16(data) {
		return invalid("文件含有NUL字节，像是没有BOM的UTF-16文本；请另存为UTF-8或带BOM的UTF-16")
	}
	return invalid("第%d字节是NUL，这是二进制文件，不是文本；如是文稿，请另存为.docx或.txt后再检查", at)
}

func looksLikeBOMlessUTF16(data []byte) bool {
	if len(data) < 4 || len(data)%2 != 0 {
		return false
	}
	var even, odd int
	for i := 0; i+1 < len(data); i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := len(data) / 2
	return (even*10 >= pairs*3 && odd == 0) || (odd*10 >= pairs*3 && even == 0)
}

// decodeUTF16 decodes the bytes after a UTF-16 byte-order mark. An odd
// byte count or an unpaired surrogate is an error rather than U+FFFD, so
// that a truncated or mislabelled file is reported, not half-read.
func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	name := "UTF-16LE"
	if bigEndian {
		name = "UTF-16BE"
	}
	if len(data)%2 != 0 {
		return "", invalid("文件以%s的BOM开头，但其后字节数为奇数（%d），可能被截断；请重新另存", name, len(data))
	}
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	var b strings.Builder
	b.Grow(len(data))
	for i := 0; i < len(data); i += 2 {
		u := unit(i)
		switch {
		case u == 0:
			return "", invalid("第%d字节是NUL字符，这是二进制文件，不是%s文本", i+2, name)
		case utf16.IsSurrogate(rune(u)):
			if u >= 0xDC00 || i+3 >= len(data) {
				return "", invalid("第%[2]d字节有不成对的%[1]s代理项，文字已损坏；请重新另存", name, i+2)
			}
			r := utf16.DecodeRune(rune(u), rune(unit(i+2)))
			if r == unicode.ReplacementChar {
				return "", invalid("第%[2]d字节有不成对的%[1]s代理项，文字已损坏；请重新另存", name, i+2)
			}
			b.WriteRune(r)
			i += 2
		default:
			b.WriteRune(rune(u))
		}
	}
	return b.String(), nil
}

// decodeGB18030 decodes data as GB18030 and refuses it unless every byte
// sequence was valid and the result looks like text.
func decodeGB18030(data []byte) (string, *InputError) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", invalid("不是GB18030编码（%v）", err)
	}
	// The decoder turns invalid sequences into U+FFFD. GB18030 can encode
	// U+FFFD itself, but no draft contains it, so any is taken as invalid.
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		return "", invalid("也不是GB18030编码：第%d个字附近有非法字节", utf8.RuneCount(out[:i]))
	}
	text := string(out)
	if !looksLikeText(text) {
		return "", invalid("也不是GB18030文本：解码后多为控制字符或私用区字符")
	}
	return text, nil
}

// looksLikeText is the test a GB18030 decoding must pass, since random
// bytes are often valid GB18030. It refuses text in which more than 1 in
// 100 characters is suspicious: a C0 or C1 control other than tab, line
// feed, vertical tab, form feed and carriage return, DEL, or a private-use
// character (which GBK's user-defined areas decode to, and which real
// documents almost never use). Empty text passes.
func looksLikeText(s string) bool {
	total, suspicious := 0, 0
	for _, r := range s {
		total++
		if suspiciousRune(r) {
			suspicious++
		}
	}
	return suspicious*100 <= total
}

func suspiciousRune(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r':
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Co, r)
}

// decodeDeclared decodes data in the encoding an HTML document declares
// (label as written in <meta charset>). It returns the Encoding name to
// record.
func decodeDeclared(data []byte, label string) (text, enc string, err error) {
	e, err := htmlindex.Get(label)
	if err != nil {
		return "", "", invalid("网页声明了无法识别的字符集%q；请另存为UTF-8", label)
	}
	name, _ := htmlindex.Name(e)
	switch name {
	case "utf-8", "utf-16le", "utf-16be":
		// A <meta> can only be read because the bytes are ASCII-compatible,
		// so a UTF-16 declaration is wrong and browsers read UTF-8.
		text, err = decodeUTF8(data, 0)
		if err != nil {
			return "", "", invalid("网页声明字符集为%s，但第%d字节起不是合法的UTF-8；请另存为UTF-8", label, invalidUTF8At(data))
		}
		return text, EncodingUTF8, nil
	case "gbk", "gb18030":
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return "", "", nulError(data, i)
		}
		text, ierr := decodeGB18030(data)
		if ierr != nil {
			return "", "", invalid("网页声明字符集为%s，但%s", label, ierr.Reason)
		}
		return text, EncodingGB18030, nil
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", invalid("网页声明字符集为%s，但无法按它解码（%v）", label, err)
	}
	if i := bytes.IndexByte(out, 0); i >= 0 {
		return "", "", nulError(data, i)
	}
	return string(out), name, nil
}

// Encode turns text back into bytes in encoding, one of the Encoding
// values a Source reports, so that a fixed draft is written the way it
// came: with its byte-order mark if it had one. Text that the encoding
// cannot represent is an error, never silently replaced.
func Encode(text string, enc string) ([]byte, error) {
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("encode: text is not valid UTF-8")
	}
	switch strings.ToLower(enc) {
	case EncodingUTF8, "":
		return []byte(text), nil
	case EncodingUTF8BOM:
		return append(append([]byte{}, bomUTF8...), text...), nil
	case EncodingUTF16LE, EncodingUTF16BE:
		big := strings.EqualFold(enc, EncodingUTF16BE)
		out := make([]byte, 0, 2+2*len(text))
		if big {
			out = append(out, bomUTF16BE...)
		} else {
			out = append(out, bomUTF16LE...)
		}
		for _, u := range utf16.Encode([]rune(text)) {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out, nil
	case EncodingGB18030:
		return encodeWith(simplifiedchinese.GB18030, text, enc)
	}
	e, err := htmlindex.Get(enc)
	if err != nil {
		return nil, fmt.Errorf("encode: unknown encoding %q", enc)
	}
	return encodeWith(e, text, enc)
}

func encodeWith(e encoding.Encoding, text, name string) ([]byte, error) {
	out, err := e.NewEncoder().Bytes([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("encode: text cannot be written in %s: %v", name, err)
	}
	return out, nil
}
