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
	deadline := func(c rune) bool { return number(c) || strings.ContainsRune("当即次翌第隔周星礼", c) }
	target := func(c rune) bool {
		return number(c) || strings.ContainsRune("每按逐月日周季年全百不至最", c)
	}
	for c := rune(0); c <= 0x10FFFF; c++ {
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
