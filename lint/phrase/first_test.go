package phrase

import (
	"strings"
	"testing"
)

// TestFirstRuneTests holds the switch-based first-rune tests to the
// number tables and word lists they stand for, over every rune.
func TestFirstRuneTests(t *testing.T) {
	number := func(c rune) bool {
		_, d := digitValue(c)
		_, h := chineseDigits[c]
		_, u := chineseUnits[c]
		return d || h || u
	}
	deadline := func(c rune) bool { return number(c) || strings.ContainsRune(deadlineOpeners, c) }
	target := func(c rune) bool {
		return number(c) || strings.ContainsRune("每按逐月日周季年全百不至最", c)
	}
	for c := rune(0); c <= 0x10FFFF; c++ {
		for _, b := range builtins {
			if b.first != nil && b.first(c) != strings.ContainsRune(b.firstRunes, c) {
				t.Fatalf("%q (U+%04X): {%s}'s first-rune test says %v, its list of first runes %q disagrees", c, c, b.name, b.first(c), b.firstRunes)
			}
		}
		if numberFirst(c) != number(c) || deadlineFirst(c) != deadline(c) || targetFirst(c) != target(c) {
			t.Fatalf("%q (U+%04X): numberFirst %v want %v, deadlineFirst %v want %v, targetFirst %v want %v",
				c, c, numberFirst(c), number(c), deadlineFirst(c), deadline(c), targetFirst(c), target(c))
		}
	}
}

// TestMayStart holds the bit set to the first-rune index.
func TestMayStart(t *testing.T) {
	m := NewMatcher(embeddedLists(t)...)
	for c := rune(0); c < 0x10000; c++ {
		if _, ok := m.first[c]; ok != m.mayStart(c) {
			t.Fatalf("%q: in index %v, mayStart %v", c, ok, m.mayStart(c))
		}
	}
}

// TestFirstRuneSound holds every built-in scanner to its first-rune test:
// a scanner that succeeded at a rune its test rejects would be skipped by
// Find and by the gap search, and matches would be lost.
func TestFirstRuneSound(t *testing.T) {
	tails := []string{"", "个工作日内", "日内", "小时内", "月20日前", "日18时前", "%", "次", "以上", "前", "天", "年度", "二十", "0%"}
	for name, b := range builtins {
		if b.first == nil {
			continue
		}
		tails := append(append([]string{}, tails...), b.vocab...)
		for c := rune(0); c < 0x10000; c++ {
			if b.first(c) {
				continue
			}
			for _, tail := range tails {
				r := append([]rune{c}, []rune(tail)...)
				if _, ok := b.scan(r, 0); ok {
					t.Fatalf("{%s} scans %q, but its first-rune test rejects %q", name, string(r), c)
				}
			}
		}
	}
}
