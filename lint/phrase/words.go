package phrase

// Rune forms of the word lists the scanners try at every opening rune:
// comparing runes is far cheaper than decoding the strings each time.
var (
	anchorThingsR = runeWords(anchorThings)
	anchorVerbsR  = runeWords(anchorVerbs)
	atLeastWordsR = runeWords(atLeastWords)
	beforeWordsR  = runeWords(beforeWords)
	counterWordsR = runeWords(counterWords)
	latestWordsR  = runeWords(latestWords)
	nextDayWordsR = runeWords(nextDayWords)
	rangeSignsR   = runeWords(rangeSigns)
	sameDayWordsR = runeWords(sameDayWords)
	withinWordsR  = runeWords(withinWords)
	w1            = runeWords([]string{"今年年底", "今年底", "本年底", "年底", "年末", "今年年末"})
	w2            = runeWords([]string{"年内", "本年度内", "今年内"})
	w3            = runeWords([]string{"月底", "月末"})
	w4            = runeWords([]string{"之后", "后"})
	w5            = runeWords([]string{"当日", "当天"})
	w6            = runeWords([]string{"当日", "当天", "即时"})
	w7            = runeWords([]string{"本周", "这周", "本星期", "这星期"})
	w8            = runeWords([]string{"下周", "下星期", "下个星期"})
	w9            = runeWords([]string{"周", "星期", "礼拜"})
	w10           = runeWords([]string{"日", "号"})
	w11           = runeWords([]string{"天", "日"})
	w12           = runeWords([]string{"年底", "年末", "底", "末"})
	w13           = runeWords([]string{"底", "末", "份底"})
	w14           = runeWords([]string{"时", "点"})
	w15           = runeWords([]string{"月", "百分点"})
	w16           = runeWords([]string{"次", "度"})
	w17           = runeWords([]string{"次"})
)

// runeWords converts a word list to runes once.
func runeWords(ws []string) [][]rune {
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}
