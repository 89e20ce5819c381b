package read

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	gbk := []byte{0xD6, 0xD0, 0xCE, 0xC4} // 中文 in GBK
	cases := []struct {
		name     string
		data     []byte
		text     string
		enc      string
		errMatch string // non-empty: decoding fails with an error containing it
	}{
		{"empty", nil, "", EncodingUTF8, ""},
		{"utf-8", []byte("通知\n"), "通知\n", EncodingUTF8, ""},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF}, "", EncodingUTF8BOM, ""},
		{"CR line ends kept", []byte("一\r二\r\n三"), "一\r二\r\n三", EncodingUTF8, ""},
		{"utf-8 BOM then invalid", []byte{0xEF, 0xBB, 0xBF, 'a', 0xFF}, "", "", "UTF-8的BOM开头，但第4字节起不是合法的UTF-8"},
		{"NUL in utf-8", []byte("ab\x00cd"), "", "", "第2字节是NUL，这是二进制文件"},
		{"utf-16 without BOM", []byte{'a', 0, 'b', 0, 'c', 0, 'd', 0}, "", "", "没有BOM的UTF-16"},
		{"utf-16le", []byte{0xFF, 0xFE, 0x2D, 0x4E, 0x87, 0x65}, "中文", EncodingUTF16LE, ""},
		{"utf-16be", []byte{0xFE, 0xFF, 0x4E, 0x2D, 0x65, 0x87}, "中文", EncodingUTF16BE, ""},
		{"utf-16be surrogate pair", []byte{0xFE, 0xFF, 0xD8, 0x40, 0xDC, 0x00}, "\U00020000", EncodingUTF16BE, ""},
		{"utf-16le odd length", []byte{0xFF, 0xFE, 0x2D, 0x4E, 0x87}, "", "", "其后字节数为奇数（3）"},
		{"utf-16le lone high surrogate", []byte{0xFF, 0xFE, 0x40, 0xD8, 'a', 0}, "", "", "第2字节有不成对的UTF-16LE代理项"},
		{"utf-16le lone low surrogate", []byte{0xFF, 0xFE, 'a', 0, 0x00, 0xDC}, "", "", "第4字节有不成对的UTF-16LE代理项"},
		{"utf-16le truncated pair", []byte{0xFF, 0xFE, 0x40, 0xD8}, "", "", "不成对"},
		{"utf-16 NUL", []byte{0xFE, 0xFF, 0, 'a', 0, 0}, "", "", "第4字节是NUL字符"},
		{"gbk", gbk, "中文", EncodingGB18030, ""},
		{"gb18030 four-byte", []byte{0x95, 0x32, 0x82, 0x36}, "\U00020000", EncodingGB18030, ""},
		{"latin-1", []byte("caf\xe9"), "", "", "既不是UTF-8、UTF-16，也不是GB18030/GBK（第3字节起不是UTF-8"},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0x80}, "", "", "既不是UTF-8、UTF-16，也不是GB18030"},
		{"gb18030 but control characters", append([]byte("\x01\x02\x03\x04"), gbk...), "", "", "多为控制字符或私用区字符"},
		{"gb18030 with NUL", append([]byte{0}, gbk...), "", "", "第0字节是NUL"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, enc, err := decode(c.data)
			if c.errMatch != "" {
				if err == nil || !strings.Contains(err.Error(), c.errMatch) {
					t.Fatalf("decode = %q, %v; want an error containing %q", text, err, c.errMatch)
				}
				if !errors.Is(err, ErrInput) {
					t.Errorf("%v is not an input error", err)
				}
				return
			}
			if err != nil || text != c.text || enc != c.enc {
				t.Fatalf("decode = %q, %q, %v; want %q, %q", text, enc, err, c.text, c.enc)
			}
		})
	}
}

func TestLooksLikeText(t *testing.T) {
	han := strings.Repeat("文", 99)
	cases := []struct {
		text string
		want bool
	}{
		{"", true},
		{"正文\t\r\n\f\v", true},
		{han + "\x01", true},                       // 1 in 100
		{han[:len(han)-3] + "\x01\x02", false},     // 2 in 100
		{han[:len(han)-3] + "\x1b\u007f", false},   // ESC and DEL
		{han[:len(han)-3] + "\u0085\ue000", false}, // C1 and private use
		{"\ue000", false},
	}
	for _, c := range cases {
		if got := looksLikeText(c.text); got != c.want {
			t.Errorf("looksLikeText(%q...) = %v, want %v", []rune(c.text)[max(0, len([]rune(c.text))-3):], got, c.want)
		}
	}
}

func TestEncode(t *testing.T) {
	const text = "关于2019年部分节假日安排的通知\r\n𠀀"
	for _, enc := range []string{EncodingUTF8, EncodingUTF8BOM, EncodingUTF16LE, EncodingUTF16BE, EncodingGB18030, ""} {
		data, err := Encode(text, enc)
		if err != nil {
			t.Fatalf("Encode(%q): %v", enc, err)
		}
		got, gotEnc, err := decode(data)
		if err != nil || got != text || (enc != "" && gotEnc != enc) {
			t.Errorf("%q: round trip gave %q, %q, %v", enc, got, gotEnc, err)
		}
	}
	if b, _ := Encode("中", EncodingUTF8BOM); !bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF, 0xE4, 0xB8, 0xAD}) {
		t.Errorf("utf-8-bom: % x", b)
	}
	if b, _ := Encode("中", EncodingUTF16BE); !bytes.Equal(b, []byte{0xFE, 0xFF, 0x4E, 0x2D}) {
		t.Errorf("utf-16be: % x", b)
	}
	if b, _ := Encode("中文", EncodingGB18030); !bytes.Equal(b, []byte{0xD6, 0xD0, 0xCE, 0xC4}) {
		t.Errorf("gb18030: % x", b)
	}
	if b, err := Encode("中文", "big5"); err != nil || !bytes.Equal(b, []byte{0xA4, 0xA4, 0xA4, 0xE5}) {
		t.Errorf("big5: % x, %v", b, err)
	}
	for _, c := range []struct{ text, enc, want string }{
		{"x", "ebcdic-9", `unknown encoding "ebcdic-9"`},
		{"\U0001F600", "big5", "cannot be written in big5"},
		{"a\xffb", EncodingUTF8, "not valid UTF-8"},
	} {
		if _, err := Encode(c.text, c.enc); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Encode(%q, %q) = %v, want an error containing %q", c.text, c.enc, err, c.want)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("关于2019年部分节假日安排的通知\r\n国办发明电〔2018〕15号\r"))
	f.Add([]byte{0xFF, 0xFE, 0x2D, 0x4E, 0x87, 0x65})
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x40, 0xDC, 0x00})
	f.Add([]byte{0xD6, 0xD0, 0xCE, 0xC4, 0x95, 0x32, 0x82, 0x36})
	f.Add([]byte{0xEF, 0xBB, 0xBF, '!'})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Bytes("fuzz.txt", data, Limits{})
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		checkInvariants(t, s)
		// Whatever was read writes back to the same bytes.
		out, err := Encode(s.Text, s.Encoding)
		if err != nil {
			t.Fatalf("Encode(%q): %v", s.Encoding, err)
		}
		if s.Encoding != EncodingGB18030 && !bytes.Equal(out, data) {
			t.Fatalf("%s round trip changed the bytes: % x -> % x", s.Encoding, data, out)
		}
	})
}
