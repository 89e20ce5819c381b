package gongwen

import (
	"sort"
	"unicode/utf8"
)

// Kinds are the 15 文种 (genres) of 《党政机关公文处理工作条例》 第八条, in
// the order the article lists them. 命令（令） is given as 命令.
var Kinds = []string{
	"决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知",
	"通报", "报告", "请示", "批复", "议案", "函", "纪要",
}

// IsKind reports whether s names one of the 15 文种. 令 and 命令（令）,
// the two ways the 条例 itself writes 命令, are accepted too.
func IsKind(s string) bool {
	switch s {
	case "令", "命令（令）":
		return true
	}
	for _, k := range Kinds {
		if k == s {
			return true
		}
	}
	return false
}

// genreEnding is a word that may end a title, with the 文种 it stands
// for ("" when it is not one of the 15).
type genreEnding struct {
	text string
	kind string
}

// genreEndings is matched longest first, so that 复函 wins over 函 and
// 请示报告 (a mixed genre the 条例 does not allow) over 报告.
var genreEndings = func() []genreEnding {
	list := []genreEnding{
		{"请示报告", ""}, {"申请报告", ""},
		{"指导意见", "意见"}, {"实施意见", "意见"}, {"若干意见", "意见"},
		{"会议纪要", "纪要"}, {"复函", "函"}, {"命令", "命令"},
		{"决议", "决议"}, {"决定", "决定"}, {"公报", "公报"}, {"公告", "公告"},
		{"通告", "通告"}, {"意见", "意见"}, {"通知", "通知"}, {"通报", "通报"},
		{"报告", "报告"}, {"请示", "请示"}, {"批复", "批复"}, {"议案", "议案"},
		{"纪要", "纪要"}, {"函", "函"}, {"令", "命令"},
		// Not 文种: issued by a 通知 (印发), or not 公文 at all.
		{"答复", ""}, {"条例", ""}, {"规定", ""}, {"办法", ""}, {"方案", ""},
		{"规划", ""}, {"细则", ""}, {"规则", ""}, {"预案", ""}, {"汇报", ""},
		{"纲要", ""}, {"章程", ""}, {"计划", ""}, {"要点", ""}, {"总结", ""},
		{"讲话", ""}, {"简报", ""}, {"守则", ""}, {"公约", ""}, {"建议", ""},
	}
	sort.SliceStable(list, func(i, j int) bool {
		return utf8.RuneCountInString(list[i].text) > utf8.RuneCountInString(list[j].text)
	})
	return list
}()

// maxGenreRunes is the length of the longest genre ending.
const maxGenreRunes = 4

// titleGenre finds the genre word that ends a title line. It looks past
// trailing punctuation (a title-format fault, not a reason to lose the
// genre), closing parentheticals such as （试行） or （征求意见稿）, and the spaces of
// letter-spaced attachment titles (组 建 方 案). start and end are rune
// offsets of the genre word within line; ok is false when no known genre
// word ends the line.
func titleGenre(line string) (g genreEnding, start, end int, ok bool) {
	runes := []rune(tailString(line, 64))
	base := utf8.RuneCountInString(line) - len(runes)
	n := len(runes)
	for n > 0 && (isSpaceRune(runes[n-1]) || isTrailingPunct(runes[n-1])) {
		n--
	}
	// A closing parenthetical is an annotation, not the genre: （试行）,
	// （征求意见稿）, （草案）, or an editor's note after a published title.
	for n > 0 && (runes[n-1] == '）' || runes[n-1] == ')') {
		open := -1
		for i := n - 2; i >= 0; i-- {
			if runes[i] == '（' || runes[i] == '(' {
				open = i
				break
			}
		}
		if open <= 0 {
			break
		}
		n = open
		for n > 0 && (isSpaceRune(runes[n-1]) || isTrailingPunct(runes[n-1])) {
			n--
		}
	}
	// Collect up to maxGenreRunes non-space runes backwards.
	var pos []int
	for i := n - 1; i >= 0 && len(pos) < maxGenreRunes; i-- {
		if isSpaceRune(runes[i]) {
			continue
		}
		pos = append(pos, i)
	}
	for _, ge := range genreEndings {
		want := []rune(ge.text)
		if len(want) > len(pos) {
			continue
		}
		match := true
		for k := 0; k < len(want); k++ {
			if runes[pos[len(want)-1-k]] != want[k] {
				match = false
				break
			}
		}
		if match {
			return ge, base + pos[len(want)-1], base + pos[0] + 1, true
		}
	}
	return genreEnding{}, 0, 0, false
}

// tailString returns at most the last n runes of s without decoding all of it.
func tailString(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}
