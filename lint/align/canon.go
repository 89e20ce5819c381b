package align

import (
	"sort"
	"unicode"

	txt "github.com/gwlint/gwlint/lint/text"
)

// Class is a set of words that a lower-level document substitutes for one
// another when it restates its parent (全国 becomes 全省, 国务院 becomes
// 省人民政府). Matching treats every word of a class as the same token;
// the characters still count as different when Exact is computed.
type Class struct {
	Name  string
	Words []string
}

// Classes is the light-edit table. Words are written as they appear in
// documents; they are normalized (punctuation dropped) before use, so
// 各省、自治区、直辖市 also matches 各省自治区直辖市. At each position the
// longest word wins. The lists come from how implementing documents
// restate national ones (see 山东 2019: "只将'全国”全省'改成'全市”全县'")
// and from the addressee lines of real 通知 at each level.
var Classes = []Class{
	{Name: "scope", Words: []string{
		"全国", "全省", "全市", "全县", "全区", "全州", "全盟", "全旗", "全乡", "全镇",
		"全自治区", "全地区", "全行业", "全系统",
	}},
	{Name: "government", Words: []string{
		"国务院", "中央人民政府",
		"省政府", "市政府", "县政府", "区政府", "州政府", "乡政府", "镇政府",
		"省人民政府", "市人民政府", "县人民政府", "区人民政府", "州人民政府",
		"乡人民政府", "镇人民政府", "乡镇人民政府", "自治区人民政府", "自治州人民政府",
		"自治县人民政府", "设区的市人民政府", "县级以上人民政府", "县级以上地方人民政府",
		"县级以上地方各级人民政府", "地方各级人民政府", "盟行政公署", "行政公署",
	}},
	{Name: "addressees", Words: []string{
		"各省、自治区、直辖市", "各省区市", "各市（州）", "各市、州", "各市州",
		"各县（市、区）", "各县市区", "各区（县）", "各区县", "各县（区）", "各县区",
		"各市、县（区）", "各市县区", "各乡镇", "各乡（镇）", "各乡镇（街道）", "各街道",
		"各设区的市", "各盟市", "各地区", "各地市", "各地",
	}},
	// Departments: 国务院各部委 and 省政府各部门 are government + units.
	{Name: "units", Words: []string{
		"各部委", "各部门", "各委办局", "各委办厅局", "各厅委", "各厅局", "各委局",
	}},
	{Name: "local-departments", Words: []string{
		"省直各部门", "省直有关部门", "市直各部门", "市直有关部门", "县直各部门", "县直有关部门",
	}},
	{Name: "party", Words: []string{
		"党中央", "中共中央", "中央", "省委", "市委", "县委", "区委", "州委", "盟委", "旗委",
		"自治区党委", "党委",
	}},
	{Name: "congress", Words: []string{
		"全国人民代表大会常务委员会", "全国人大常委会", "全国人民代表大会", "全国人大",
		"省人民代表大会常务委员会", "省人大常委会", "省人民代表大会", "省人大",
		"市人民代表大会常务委员会", "市人大常委会", "市人民代表大会", "市人大",
		"县人民代表大会常务委员会", "县人大常委会", "县人民代表大会", "县人大",
		"自治区人民代表大会常务委员会", "自治区人民代表大会",
	}},
	{Name: "level", Words: []string{
		"国家级", "国家", "省级", "市级", "县级", "区级", "乡级", "乡镇级", "地市级", "省部级", "中央级",
	}},
	{Name: "self", Words: []string{
		"我国", "我省", "我市", "我县", "我区", "我州", "本省", "本市", "本县", "本区", "本州",
		"本自治区", "本行政区域", "本地区",
	}},
}

// Runs of Han numerals (text.IsHanNumeral) or decimal digits are one
// number token: 2018 and 2024, 三 and 五, 第一 and 第二 match. Characters
// such as 一 also occur in ordinary words (统一, 进一步); both sides are
// canonicalized the same way, so that only makes 统一 and 统三 equal, which
// no text contains.

// Class tokens live in the private use area, which Normalize never keeps.
const (
	classBase   rune = 0xE000
	numberToken rune = 0xE0FF
)

type classWord struct {
	runes []rune
	token rune
}

// classWords maps a first rune to the class words starting with it, the
// longest first. Built once from Classes; read-only afterwards.
var classWords = buildClassWords(Classes)

func buildClassWords(classes []Class) map[rune][]classWord {
	m := map[rune][]classWord{}
	for ci, c := range classes {
		for _, w := range c.Words {
			var rs []rune
			for _, r := range w {
				rs = foldRune(r, rs)
			}
			if len(rs) == 0 {
				continue
			}
			m[rs[0]] = append(m[rs[0]], classWord{rs, classBase + rune(ci)})
		}
	}
	for _, ws := range m {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i].runes) > len(ws[j].runes) })
	}
	return m
}

func isNumeral(r rune) bool {
	if r >= '0' && r <= '9' {
		return true
	}
	if r < 0x80 {
		return false
	}
	return txt.IsHanNumeral(r) || unicode.IsDigit(r)
}

// canonicalize turns normalized runes into tokens: a class word or a run
// of numerals becomes one token, every other rune stays itself. It returns
// the tokens and the normalized offset at which each begins, plus a final
// sentinel equal to len(rs).
func canonicalize(rs []rune) ([]rune, []int32) {
	toks := make([]rune, 0, len(rs))
	starts := make([]int32, 0, len(rs)+1)
	for i := 0; i < len(rs); {
		starts = append(starts, int32(i))
		r := rs[i]
		if isNumeral(r) {
			j := i + 1
			for j < len(rs) && isNumeral(rs[j]) {
				j++
			}
			toks = append(toks, numberToken)
			i = j
			continue
		}
		matched := false
		for _, w := range classWords[r] {
			if hasPrefix(rs[i:], w.runes) {
				toks = append(toks, w.token)
				i += len(w.runes)
				matched = true
				break
			}
		}
		if !matched {
			toks = append(toks, r)
			i++
		}
	}
	starts = append(starts, int32(len(rs)))
	return toks, starts
}

func hasPrefix(s, p []rune) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}
