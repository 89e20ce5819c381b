package lint

import "testing"

func TestCountChars(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"通知", 2},
		{"二〇二四年", 5},       // 〇 counts like a Han character
		{"2024年7月1日", 6},   // 2024, 年, 7, 月, 1, 日
		{"支持IPv6协议", 5},    // IPv6 is one run
		{"国发〔2018〕38号", 7}, // 国 发 〔 2018 〕 38 号
		{"一、总体要求", 6},      // the 顿号 is full-width punctuation
		{"a, b. c", 3},     // half-width punctuation and spaces count 0
		{"ＡＢＣ１２３", 1},      // a full-width run is one
		{"　\t\n", 0},       // white space, including the ideographic space
		{"甲\u200b乙", 2},    // a zero-width space is no character
		{"甲\u00ad乙", 2},    // nor is a soft hyphen
		{"葛\U000E0100", 1}, // a variation selector belongs to its character
		{"甲｡乙､", 2},        // half-width ideographic punctuation counts 0
		{"增长15%～30%", 5},   // 增 长 15 ～ 30; the half-width % counts 0
		{"比例为５０％", 5},      // 比 例 为 ５０ ％
		{"“僵尸”、“睡眠”", 9},   // quotes and 顿号 each count
		{"第1.5版", 4},       // 第 1 5 版: the half-width point splits the run
		{"Café résumé", 2}, // Latin words with accents are runs
		{"①②", 2},          // enclosed numerals are symbols
	}
	for _, tt := range tests {
		if got := CountChars(tt.text); got != tt.want {
			t.Errorf("CountChars(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
