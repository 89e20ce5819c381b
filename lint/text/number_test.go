package text

import (
	"strings"
	"testing"
)

func TestParseHanNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一", 1, true}, {"十", 10, true}, {"十一", 11, true}, {"二十三", 23, true}, {"九十九", 99, true},
		{"一百零五", 105, true}, {"一百一十", 110, true}, {"两千", 2000, true}, {"一千零一", 1001, true},
		{"三万五千", 35000, true}, {"十万", 100000, true}, {"一万零五百", 10500, true},
		{"一百二十万", 1200000, true}, {"一亿二千万", 120000000, true}, {"三亿", 300000000, true},
		{"二〇一八", 2018, true}, {"二○一八", 2018, true}, {"二零一八", 2018, true}, {"二O二五", 2025, true}, {"二o二五", 2025, true},
		{"〇", 0, true},
		// Not numbers.
		{"", 0, false}, {"O", 0, false}, {"2018", 0, false}, {"二三十", 0, false}, {"一百千", 0, false},
		{"一百零", 0, false}, {"百", 0, false}, {"万", 0, false}, {"零五", 5, true}, {"一千零百", 0, false},
		{"一二三四五六七八九十", 0, false}, {"一二三四五六七八九〇", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseHanNumber(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseHanNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// hanNumber writes n (1 ≤ n < 10^8) with units, as a 公文 does.
func hanNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	sec := func(n int, lead bool) string {
		var b strings.Builder
		zero := false
		for i, u := range []struct {
			v int
			s string
		}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}} {
			d := n / u.v % 10
			if d == 0 {
				if b.Len() > 0 || lead {
					zero = true
				}
				continue
			}
			if zero {
				b.WriteString("零")
				zero = false
			}
			if !(i == 2 && d == 1 && b.Len() == 0 && !lead) {
				b.WriteString(digits[d])
			}
			b.WriteString(u.s)
		}
		return b.String()
	}
	if n >= 10000 {
		low := n % 10000
		out := sec(n/10000, false) + "万"
		if low > 0 {
			if low < 1000 {
				out += "零" + strings.TrimPrefix(sec(low, false), "零")
			} else {
				out += sec(low, false)
			}
		}
		return out
	}
	return sec(n, false)
}

// TestParseHanNumberRoundTrip reads back every number the writer above
// writes, from 1 to 120000.
func TestParseHanNumberRoundTrip(t *testing.T) {
	for n := 1; n <= 120000; n++ {
		s := hanNumber(n)
		if got, ok := ParseHanNumber(s); !ok || got != n {
			t.Fatalf("ParseHanNumber(%q) = %d, %v; want %d", s, got, ok, n)
		}
	}
}

func FuzzParseHanNumber(f *testing.F) {
	for _, s := range []string{"一百零五", "二〇一八", "三亿五千万", "二O二五", "二三十", "一万零五百"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseHanNumber(s)
		if !ok {
			return
		}
		if n < 0 {
			t.Fatalf("ParseHanNumber(%q) = %d", s, n)
		}
		for _, r := range s {
			if !IsHanNumeral(r) && r != 'O' && r != 'o' {
				t.Fatalf("ParseHanNumber(%q) accepted %q", s, r)
			}
		}
	})
}

func TestSpaceAndWidth(t *testing.T) {
	for _, r := range " \t\u3000\u00a0\ufeff\u200b\n\r" {
		if !IsSpace(r) {
			t.Errorf("IsSpace(%U) false", r)
		}
	}
	for _, r := range "\n\r" {
		if IsInlineSpace(r) {
			t.Errorf("IsInlineSpace(%U) true", r)
		}
	}
	for _, r := range "一，a" {
		if IsSpace(r) {
			t.Errorf("IsSpace(%q) true", r)
		}
	}
	for in, want := range map[rune]rune{'Ａ': 'A', '０': '0', '！': '!', '\u3000': ' ', '，': ',', '。': '。', '“': '“', '一': '一'} {
		if got := FoldWidth(in); got != want {
			t.Errorf("FoldWidth(%q) = %q, want %q", in, got, want)
		}
	}
}
