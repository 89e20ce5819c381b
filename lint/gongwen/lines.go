package gongwen

import (
	"strings"
	"unicode/utf8"
)

// The classifiers below judge one trimmed line. Each first checks the
// length it is willing to look at, so that a megabyte-long line is
// rejected without being read.

const (
	maxTitleRunes     = 150
	maxAddresseeRunes = 400
	maxIssuerRunes    = 40
	maxDateRunes      = 24
)

// sentencePunct marks a line as running text rather than a title,
// signature or list of organs.
const sentencePunct = "。；;！!？?"

// isSeparator reports a rule line drawn with dashes or stars, as the red
// separator of the 版头 and the lines of the 版记 turn into in text.
func isSeparator(t string) bool {
	if t == "" || len(t) > 600 {
		return false
	}
	for _, r := range t {
		if !strings.ContainsRune("-—─━_＿=＝*＊★☆ 　", r) {
			return false
		}
	}
	return true
}

// isCopyNumber: 份号 is six Arabic digits (GB/T 9704—2012 7.2.1).
func isCopyNumber(t string) bool {
	return utf8.RuneCountInString(t) == 6 && func() bool { _, ok := asciiDigits(t); return ok }()
}

// isSecrecy: 密级 绝密/机密/秘密, optionally with ★ and a 保密期限.
func isSecrecy(t string) bool {
	if len(t) > 3*16 {
		return false
	}
	if !(strings.HasPrefix(t, "绝密") || strings.HasPrefix(t, "机密") || strings.HasPrefix(t, "秘密")) {
		return false
	}
	// 秘密载体管理办法 is a title.
	return !strings.ContainsAny(t, "，。、；：,;:") && !hasGenre(t)
}

// isUrgency: 紧急程度 特急/加急 (特提, 平急 for 电报).
func isUrgency(t string) bool {
	switch compact(t) {
	case "特急", "加急", "特提", "平急":
		return true
	}
	return false
}

// isIssuerMark recognizes a 发文机关标志: "国务院文件", "XX市人民政府办公室文件",
// or the 令 form "中华人民共和国国务院令". It is not the title.
func isIssuerMark(t string) bool {
	n := utf8.RuneCountInString(t)
	if n < 3 || n > 40 || strings.ContainsAny(t, "，。；：,;:《》“”") {
		return false
	}
	if strings.HasSuffix(t, "文件") {
		return !strings.Contains(t, "关于") && !strings.Contains(t, "的")
	}
	if strings.HasSuffix(t, "令") && !strings.HasSuffix(t, "命令") && n <= 24 {
		return strings.Contains(t, "国务院") || strings.Contains(t, "政府") ||
			strings.HasSuffix(t, "部令") || strings.HasSuffix(t, "委令") || strings.HasSuffix(t, "局令") || strings.HasSuffix(t, "署令")
	}
	return false
}

// isSignerLine: 签发人：XXX.
func isSignerLine(t string) bool {
	if !strings.HasPrefix(t, "签发人") || len(t) > 3*60 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[len("签发人"):])
	return r == '：' || r == ':' || isSpaceRune(r) || r == utf8.RuneError
}

// isDateLine: a paragraph that is a date and nothing else.
func isDateLine(t string) bool {
	if len(t) > 4*maxDateRunes*2 {
		return false
	}
	t = stripEntityTail(t)
	if utf8.RuneCountInString(t) > maxDateRunes {
		return false
	}
	_, ok := ParseDate(t)
	return ok
}

// isParenthesized: a line wholly inside （）, as 附注 and 题注 are.
func isParenthesized(t string) bool {
	if len(t) > 3*80 {
		return false
	}
	return (strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(")) &&
		(strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")"))
}

// isDocNumberLine: a 发文字号, alone or followed by 签发人 on the same line
// (the layout of 上行文), or by the 成文日期 after white space (国发〔2024〕3号
// 2024年7月5日, as many local sites print it), or in brackets under the
// title, as gov.cn prints published documents: （国发〔2018〕38号）. It
// returns the byte range of the number itself and where 签发人 starts (-1
// when absent).
func isDocNumberLine(t string) (numStart, numEnd, signer int, ok bool) {
	if len(t) > 3*80 {
		return 0, 0, -1, false
	}
	signer = strings.Index(t, "签发人")
	part := t
	if signer > 0 {
		part = t[:signer]
	} else {
		signer = -1
	}
	part = strings.TrimRightFunc(part, isSpaceRune)
	if i := strings.LastIndexFunc(part, isSpaceRune); i > 0 {
		_, size := utf8.DecodeRuneInString(part[i:])
		if isDateLine(part[i+size:]) {
			part = strings.TrimRightFunc(part[:i], isSpaceRune)
		}
	}
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(part, br[0]) && strings.HasSuffix(part, br[1]) && signer < 0 {
			numStart, part = len(br[0]), part[:len(part)-len(br[1])]
			break
		}
	}
	if _, ok := ParseDocNumber(part[numStart:]); !ok {
		return 0, 0, -1, false
	}
	return numStart, len(part), signer, true
}

// titleLike reports whether a line can be (the first line of) a title:
// short, not a sentence, not any other element.
func titleLike(t string) bool {
	n := utf8.RuneCountInString(tailString(t, maxTitleRunes+1))
	if n > maxTitleRunes || hanCount(t, 3) < 3 {
		return false
	}
	if isParenthesized(t) || isDateLine(t) || isSeparator(t) || isSignerLine(t) {
		return false
	}
	if _, _, _, ok := isDocNumberLine(t); ok {
		return false
	}
	if _, ok := classifyHeading(t); ok {
		return false
	}
	if _, _, _, ok := articleMarker(t); ok {
		return false
	}
	if strings.HasPrefix(t, "附件") || strings.HasPrefix(t, "附：") || strings.HasPrefix(t, "抄送") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == '：' || last == ':' {
		return false
	}
	core := strings.TrimRightFunc(t, func(r rune) bool { return isTrailingPunct(r) || isSpaceRune(r) })
	if strings.ContainsAny(core, sentencePunct) {
		return false
	}
	if strings.ContainsAny(core, "，,：:") {
		_, _, _, ok := titleGenre(core)
		return ok
	}
	return true
}

// titleIncomplete: a title line that cannot end a title.
func titleIncomplete(t string) bool {
	for _, s := range []string{"的", "关于", "和", "与", "及", "、", "对", "转发", "印发", "《"} {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

func hasGenre(t string) bool {
	_, _, _, ok := titleGenre(t)
	return ok
}

// organSuffixes end the names of organs and of persons addressed by
// title, in 主送机关 and 署名.
var organSuffixes = []string{
	"政府", "人民政府", "部", "委", "局", "厅", "院", "办", "室", "府", "会", "所", "处", "科",
	"署", "司", "行", "社", "团", "校", "军", "军委", "区", "县", "市", "省", "州", "盟", "旗",
	"镇", "乡", "村", "街道", "机构", "单位", "部门", "企业", "公司", "集团", "中心", "组", "队",
	"站", "馆", "代表", "委员", "主席", "同志", "先生", "女士", "领导", "总理", "书记", "主任",
	"部长", "省长", "市长", "县长", "党委", "党组", "机关", "大学", "学院", "医院",
}

func endsWithOrgan(s string) bool {
	s = stripTrailingParen(s)
	for _, suf := range organSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// stripTrailingParen drops a closing parenthetical: 各市（州） → 各市.
func stripTrailingParen(s string) string {
	for strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")") {
		i := strings.LastIndexAny(s, "（(")
		if i <= 0 {
			return s
		}
		s = strings.TrimRightFunc(s[:i], isSpaceRune)
	}
	return s
}

// addresseeItems splits a list of organs and checks that it is one: short
// items, no sentence, no words of running text. It returns the last item.
func addresseeItems(core string) (last string, ok bool) {
	if core == "" || strings.ContainsAny(core, sentencePunct+"“”\"《》") {
		return "", false
	}
	for _, w := range []string{"如下", "以下", "下列", "现将", "通知", "要求", "认为", "指出", "规定"} {
		if strings.Contains(core, w) {
			return "", false
		}
	}
	items := 0
	for _, item := range strings.FieldsFunc(core, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || isSpaceRune(r)
	}) {
		if utf8.RuneCountInString(item) > 30 {
			return "", false
		}
		last = item
		items++
	}
	return last, items > 0
}

// addresseeLike recognizes a 主送机关 line. With its colon it needs the
// last organ to end like an organ or a person's title, or the list to open
// with 各 (各省、自治区…); without the colon, which drafts sometimes lose,
// it needs both.
func addresseeLike(t string) (colon, ok bool) {
	if len(t) > 3*maxAddresseeRunes || strings.HasPrefix(t, "附件") || strings.HasPrefix(t, "抄送") || strings.HasPrefix(t, "签发人") {
		return false, false
	}
	core := t
	if strings.HasSuffix(core, "：") {
		core, colon = strings.TrimSuffix(core, "："), true
	} else if strings.HasSuffix(core, ":") {
		core, colon = strings.TrimSuffix(core, ":"), true
	}
	core = strings.TrimRightFunc(core, isSpaceRune)
	last, good := addresseeItems(core)
	if !good {
		return false, false
	}
	if _, ok := classifyHeading(t); ok {
		return false, false
	}
	organ := endsWithOrgan(last)
	opensWithGe := strings.HasPrefix(core, "各")
	if colon {
		return true, organ || opensWithGe
	}
	return false, organ && opensWithGe && utf8.RuneCountInString(core) >= 6
}

// issuerLike recognizes a 发文机关署名 line (or a leader's signature, as
// in a 令: 总理　李克强): short, no sentence punctuation, not another
// element.
func issuerLike(t string) bool {
	t = stripEntityTail(t)
	n := utf8.RuneCountInString(tailString(t, maxIssuerRunes+1))
	if n < 2 || n > maxIssuerRunes || hanCount(t, 2) < 2 {
		return false
	}
	if strings.ContainsAny(t, "，。；：,;:！？!?") || isParenthesized(t) || isDateLine(t) {
		return false
	}
	if strings.HasPrefix(t, "附") || strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(") {
		return false
	}
	if _, ok := classifyHeading(t); ok {
		return false
	}
	if _, _, _, ok := articleMarker(t); ok {
		return false
	}
	if _, _, _, ok := isDocNumberLine(t); ok {
		return false
	}
	return true
}

// attachmentNoteStart: the first line of a 附件说明: 附件：名称, 附件：1.名称,
// 附件：, 附件1.名称 (missing colon), 附：名称 (older form).
func attachmentNoteStart(t string) (rest string, ok bool) {
	if len(t) > 3*300 {
		return "", false
	}
	switch {
	case strings.HasPrefix(t, "附件"):
		rest = t[len("附件"):]
	case strings.HasPrefix(t, "附：") || strings.HasPrefix(t, "附:"):
		rest = t[len("附"):]
	default:
		return "", false
	}
	rest = strings.TrimLeftFunc(rest, isSpaceRune)
	if rest == "" {
		return "", true
	}
	r, size := utf8.DecodeRuneInString(rest)
	if r == '：' || r == ':' {
		return strings.TrimLeftFunc(rest[size:], isSpaceRune), true
	}
	if _, ok := arabicDigit(r); ok {
		return rest, true
	}
	return "", false
}

// looseNoteItem reads an entry of a 附件说明 written against the standard:
// numbered like a heading (一、名称, （一）名称, （1）名称) or not numbered at
// all. end is the byte length of its number, 0 for none. Only a short line
// without a clause break can be an entry, so that a body paragraph above
// the 署名 is not taken for one.
func looseNoteItem(t string) (end int, ok bool) {
	t = strings.TrimSpace(t)
	if t == "" || utf8.RuneCountInString(t) > maxLooseNoteRunes || strings.ContainsAny(strings.TrimRight(t, "。；，;,."), "。，；;,") {
		return 0, false
	}
	if m, ok := classifyHeading(t); ok {
		return m.end, true
	}
	return 0, true
}

// maxLooseNoteRunes bounds an unnumbered or wrongly numbered 附件说明
// entry: attachment names in the corpus run up to 40 characters.
const maxLooseNoteRunes = 60

// noteItem reads "2.名称" (or 2．, 2、, 2：) in a 附件说明; end is the
// byte length of the number and its delimiter.
func noteItem(t string) (number int, end int, ok bool) {
	i := 0
	for i < len(t) && i < 3*2 {
		r, size := utf8.DecodeRuneInString(t[i:])
		if _, ok := arabicDigit(r); !ok {
			break
		}
		i += size
	}
	if i == 0 || i >= len(t) {
		return 0, 0, false
	}
	n, good := asciiDigits(t[:i])
	if !good {
		return 0, 0, false
	}
	r, size := utf8.DecodeRuneInString(t[i:])
	switch r {
	case '.', '．', '、', '：', ':':
	default:
		return 0, 0, false
	}
	if !hasHeadingText(t[i+size:], false) {
		return 0, 0, false
	}
	return n, i + size, true
}

// attachmentMarker reads the line that opens an attachment after the
// 成文日期: 附件, 附件1, 附件 1, 附件1., 附件1：, 附件一, or the older 附：.
// older reports the 附： form.
func attachmentMarker(t string) (number int, older, ok bool) {
	if len(t) > 3*16 {
		return 0, false, false
	}
	c := compact(t)
	if c == "附：" || c == "附:" {
		return 0, true, true
	}
	if !strings.HasPrefix(c, "附件") {
		return 0, false, false
	}
	rest := strings.TrimRight(c[len("附件"):], ".．：:、")
	if rest == "" {
		return 0, false, true
	}
	if n, good := asciiDigits(rest); good && n > 0 && n < 100 {
		return n, false, true
	}
	if n, good := headingNumber(rest, true); good {
		return n, false, true
	}
	return 0, false, false
}

// imprint lines of the 版记.
func isCCLine(t string) bool {
	return (strings.HasPrefix(t, "抄送") || strings.HasPrefix(t, "抄报")) && len(t) > len("抄送") &&
		func() bool { r, _ := utf8.DecodeRuneInString(t[len("抄送"):]); return r == '：' || r == ':' }()
}

func isPrintedByLine(t string) bool {
	if len(t) > 3*80 || !strings.HasSuffix(t, "印发") {
		return false
	}
	s := strings.TrimRightFunc(strings.TrimSuffix(t, "印发"), isSpaceRune)
	// Try each start within the last 20 runes for a date.
	tail := tailString(s, 20)
	for i := range tail {
		if _, ok := ParseDate(tail[i:]); ok {
			return true
		}
	}
	return false
}

func isSubjectLine(t string) bool { return strings.HasPrefix(t, "主题词") }

// IsAddresseeLine reports whether a line, trimmed, is a 主送机关 line
// ending in its colon (各县（市、区）教育局：). After the addressees of a
// notice such a line opens another document: the one a 转发 notice
// embeds, set out without its title.
func IsAddresseeLine(t string) bool {
	colon, ok := addresseeLike(strings.TrimFunc(t, isSpaceRune))
	return colon && ok
}
