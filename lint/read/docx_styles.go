package read

import (
	"archive/zip"
	"encoding/xml"
	"strconv"
	"strings"
)

// The parts of a .docx that say how its text looks: styles.xml (document
// defaults and styles, each based on another), numbering.xml (list
// definitions) and the theme (the fonts "minorEastAsia" and the like
// stand for). They are decoded with encoding/xml into these shapes; tags
// name local names only, so both transitional and strict namespaces match.

type xVal struct {
	Val string `xml:"val,attr"`
}

// xOnOff is a WordprocessingML toggle: present means on, unless its val
// says 0, false or off.
type xOnOff struct {
	Val *string `xml:"val,attr"`
}

func (o *xOnOff) on() bool {
	if o == nil {
		return false
	}
	if o.Val == nil {
		return true
	}
	switch strings.ToLower(*o.Val) {
	case "0", "false", "off":
		return false
	}
	return true
}

type xFonts struct {
	ASCII         string `xml:"ascii,attr"`
	HAnsi         string `xml:"hAnsi,attr"`
	EastAsia      string `xml:"eastAsia,attr"`
	ASCIITheme    string `xml:"asciiTheme,attr"`
	EastAsiaTheme string `xml:"eastAsiaTheme,attr"`
}

type xRPr struct {
	RStyle *xVal   `xml:"rStyle"`
	RFonts *xFonts `xml:"rFonts"`
	Sz     *xVal   `xml:"sz"`
	B      *xOnOff `xml:"b"`
	Vanish *xOnOff `xml:"vanish"`
}

type xNumPr struct {
	Ilvl  *xVal `xml:"ilvl"`
	NumID *xVal `xml:"numId"`
}

type xSpacing struct {
	Line     string `xml:"line,attr"`
	LineRule string `xml:"lineRule,attr"`
}

type xPPr struct {
	PStyle     *xVal     `xml:"pStyle"`
	NumPr      *xNumPr   `xml:"numPr"`
	OutlineLvl *xVal     `xml:"outlineLvl"`
	Jc         *xVal     `xml:"jc"`
	Spacing    *xSpacing `xml:"spacing"`
	RPr        *xRPr     `xml:"rPr"` // the paragraph mark's
	SectPr     *xSectPr  `xml:"sectPr"`
}

type xSectPr struct {
	PgSz *struct {
		W string `xml:"w,attr"`
		H string `xml:"h,attr"`
	} `xml:"pgSz"`
	PgMar *struct {
		Top    string `xml:"top,attr"`
		Bottom string `xml:"bottom,attr"`
		Left   string `xml:"left,attr"`
		Right  string `xml:"right,attr"`
		Gutter string `xml:"gutter,attr"`
	} `xml:"pgMar"`
	DocGrid *struct {
		Type      string `xml:"type,attr"`
		LinePitch string `xml:"linePitch,attr"`
		CharSpace string `xml:"charSpace,attr"`
	} `xml:"docGrid"`
	FooterRefs []struct {
		Type string `xml:"type,attr"`
		ID   string `xml:"id,attr"`
	} `xml:"footerReference"`
}

type xStyle struct {
	Type    string `xml:"type,attr"`
	ID      string `xml:"styleId,attr"`
	Default string `xml:"default,attr"`
	Name    xVal   `xml:"name"`
	BasedOn *xVal  `xml:"basedOn"`
	PPr     xPPr   `xml:"pPr"`
	RPr     xRPr   `xml:"rPr"`
}

type xStyles struct {
	DocDefaults struct {
		RPr xRPr `xml:"rPrDefault>rPr"`
		PPr xPPr `xml:"pPrDefault>pPr"`
	} `xml:"docDefaults"`
	Styles []xStyle `xml:"style"`
}

type xLvl struct {
	Ilvl    string  `xml:"ilvl,attr"`
	Start   *xVal   `xml:"start"`
	NumFmt  xVal    `xml:"numFmt"`
	LvlText *xVal   `xml:"lvlText"`
	IsLgl   *xOnOff `xml:"isLgl"`
}

type xNumbering struct {
	Abstract []struct {
		ID   string `xml:"abstractNumId,attr"`
		Lvls []xLvl `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string `xml:"numId,attr"`
		Abstract  xVal   `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string `xml:"ilvl,attr"`
			Start *xVal  `xml:"startOverride"`
			Lvl   *xLvl  `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

type xThemeFont struct {
	EA    xTypeface `xml:"ea"`
	Fonts []struct {
		Script   string `xml:"script,attr"`
		Typeface string `xml:"typeface,attr"`
	} `xml:"font"`
}

type xTypeface struct {
	Typeface string `xml:"typeface,attr"`
}

type xTheme struct {
	Major xThemeFont `xml:"themeElements>fontScheme>majorFont"`
	Minor xThemeFont `xml:"themeElements>fontScheme>minorFont"`
}

// eastAsian is the font a theme gives Chinese text: the ea typeface, or
// the one for the script Hans when ea is empty (as Office writes it).
func (f xThemeFont) eastAsian() string {
	if f.EA.Typeface != "" {
		return f.EA.Typeface
	}
	for _, s := range f.Fonts {
		if s.Script == "Hans" {
			return s.Typeface
		}
	}
	return ""
}

// runProps is the look of a run once styles are resolved: its East
// Asian font, size in half-points (0 when nothing says) and weight.
type runProps struct {
	Font string
	Size int
	Bold bool
	// set records which fields some layer gave, so that a lower layer
	// does not override a higher one.
	setFont, setSize, setBold bool
}

// over lays r's properties over p: what r sets wins.
func (p runProps) over(r *xRPr, theme *xTheme) runProps {
	if r == nil {
		return p
	}
	if r.RFonts != nil {
		f := r.RFonts
		switch {
		case f.EastAsiaTheme != "" && theme != nil:
			if strings.HasPrefix(f.EastAsiaTheme, "major") {
				p.Font = theme.Major.eastAsian()
			} else {
				p.Font = theme.Minor.eastAsian()
			}
			p.setFont = true
		case f.EastAsia != "":
			p.Font, p.setFont = f.EastAsia, true
		}
	}
	if r.Sz != nil {
		if n, err := strconv.Atoi(r.Sz.Val); err == nil && n > 0 {
			p.Size, p.setSize = n, true
		}
	}
	if r.B != nil {
		p.Bold, p.setBold = r.B.on(), true
	}
	return p
}

// styleSheet resolves styles: a paragraph's properties come from the
// document defaults, then its style and the styles that one is based on
// (the base first), then direct formatting; a run's from its
// paragraph's, then its character style, then its own rPr.
type styleSheet struct {
	byID             map[string]*xStyle
	defaults         xStyles
	theme            *xTheme
	defaultParagraph string
	paraCache        map[string]paraStyle
}

// paraStyle is a paragraph style with its chain resolved.
type paraStyle struct {
	Name    string
	Run     runProps
	NumID   string
	Ilvl    int
	Outline int // 0-based outline level; -1 for none
	Jc      string
	Line    xSpacing
}

func newStyleSheet(s *xStyles, theme *xTheme) *styleSheet {
	ss := &styleSheet{byID: map[string]*xStyle{}, theme: theme, paraCache: map[string]paraStyle{}}
	if s != nil {
		ss.defaults = *s
		for i := range s.Styles {
			st := &s.Styles[i]
			ss.byID[st.ID] = st
			if st.Type == "paragraph" && (st.Default == "1" || st.Default == "true") {
				ss.defaultParagraph = st.ID
			}
		}
	}
	return ss
}

// chain is id and the styles it is based on, base first; a loop or a
// chain longer than Word allows is cut.
func (ss *styleSheet) chain(id string) []*xStyle {
	var out []*xStyle
	seen := map[string]bool{}
	for id != "" && !seen[id] && len(out) < 64 {
		seen[id] = true
		st := ss.byID[id]
		if st == nil {
			break
		}
		out = append(out, st)
		if st.BasedOn == nil {
			break
		}
		id = st.BasedOn.Val
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// paragraph resolves paragraph style id (the default paragraph style
// when id is "").
func (ss *styleSheet) paragraph(id string) paraStyle {
	if id == "" || ss.byID[id] == nil {
		id = ss.defaultParagraph
	}
	if p, ok := ss.paraCache[id]; ok {
		return p
	}
	p := paraStyle{Outline: -1}
	p.Run = runProps{}.over(&ss.defaults.DocDefaults.RPr, ss.theme)
	p.apply(&ss.defaults.DocDefaults.PPr)
	for _, st := range ss.chain(id) {
		p.apply(&st.PPr)
		p.Run = p.Run.over(&st.RPr, ss.theme)
		if st.Name.Val != "" {
			p.Name = st.Name.Val
		}
	}
	if st := ss.byID[id]; st != nil && st.Name.Val == "" {
		p.Name = id
	}
	ss.paraCache[id] = p
	return p
}

func (p *paraStyle) apply(ppr *xPPr) {
	if ppr.NumPr != nil {
		if ppr.NumPr.NumID != nil {
			p.NumID = ppr.NumPr.NumID.Val
		}
		if ppr.NumPr.Ilvl != nil {
			p.Ilvl, _ = strconv.Atoi(ppr.NumPr.Ilvl.Val)
		}
	}
	if ppr.OutlineLvl != nil {
		if n, err := strconv.Atoi(ppr.OutlineLvl.Val); err == nil && n < 9 {
			p.Outline = n
		}
	}
	if ppr.Jc != nil {
		p.Jc = ppr.Jc.Val
	}
	if ppr.Spacing != nil {
		if ppr.Spacing.Line != "" {
			p.Line.Line = ppr.Spacing.Line
		}
		if ppr.Spacing.LineRule != "" {
			p.Line.LineRule = ppr.Spacing.LineRule
		}
	}
}

// run resolves a run's properties over its paragraph's.
func (ss *styleSheet) run(para runProps, r *xRPr) runProps {
	p := para
	if r != nil && r.RStyle != nil {
		for _, st := range ss.chain(r.RStyle.Val) {
			p = p.over(&st.RPr, ss.theme)
		}
	}
	return p.over(r, ss.theme)
}

// numbering renders automatic numbering as Word shows it: each list (a
// w:num) counts per level, a level restarts when a higher one advances,
// and lvlText's %1…%9 are the levels' counters in their formats.
type numbering struct {
	levels map[string]*[9]xLvl // by numId
	// counters are kept per abstract list, so that two w:num of one
	// abstractNum continue one sequence, as Word numbers them.
	abstractOf map[string]string
	counters   map[string]*[9]int
	started    map[string]bool // numIds whose start overrides have been applied
	overrides  map[string]map[int]int
}

func newNumbering(x *xNumbering) *numbering {
	n := &numbering{levels: map[string]*[9]xLvl{}, abstractOf: map[string]string{}, counters: map[string]*[9]int{}, started: map[string]bool{}, overrides: map[string]map[int]int{}}
	if x == nil {
		return n
	}
	abstract := map[string]*[9]xLvl{}
	for _, a := range x.Abstract {
		var lv [9]xLvl
		for _, l := range a.Lvls {
			if i, err := strconv.Atoi(l.Ilvl); err == nil && i >= 0 && i < 9 {
				lv[i] = l
			}
		}
		abstract[a.ID] = &lv
	}
	for _, num := range x.Nums {
		base := abstract[num.Abstract.Val]
		if base == nil {
			continue
		}
		lv := *base
		for _, o := range num.Overrides {
			i, err := strconv.Atoi(o.Ilvl)
			if err != nil || i < 0 || i >= 9 {
				continue
			}
			if o.Lvl != nil {
				lv[i] = *o.Lvl
			}
			if o.Start != nil {
				if s, err := strconv.Atoi(o.Start.Val); err == nil {
					if n.overrides[num.ID] == nil {
						n.overrides[num.ID] = map[int]int{}
					}
					n.overrides[num.ID][i] = s
				}
			}
		}
		n.levels[num.ID] = &lv
		n.abstractOf[num.ID] = num.Abstract.Val
	}
	return n
}

// next advances list numID at level ilvl and returns the number's text,
// or "" when the paragraph is not numbered or the level shows nothing.
func (n *numbering) next(numID string, ilvl int) string {
	lv := n.levels[numID]
	if lv == nil || ilvl < 0 || ilvl >= 9 || numID == "0" {
		return ""
	}
	key := n.abstractOf[numID]
	c := n.counters[key]
	if c == nil {
		c = &[9]int{}
		n.counters[key] = c
	}
	if !n.started[numID] {
		n.started[numID] = true
		for i, s := range n.overrides[numID] {
			c[i] = s - 1
			for k := i + 1; k < 9; k++ {
				c[k] = 0
			}
		}
	}
	if c[ilvl] == 0 {
		c[ilvl] = startOf(lv[ilvl]) - 1
	}
	c[ilvl]++
	for k := ilvl + 1; k < 9; k++ {
		c[k] = 0
	}
	if lv[ilvl].LvlText == nil {
		return ""
	}
	text := lv[ilvl].LvlText.Val
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := c[k]
			if v == 0 {
				v = startOf(lv[k])
			}
			format := lv[k].NumFmt.Val
			if lv[ilvl].IsLgl.on() {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	if lv[ilvl].NumFmt.Val == "bullet" {
		return "" // a bullet is a mark, not a number the rules read
	}
	return b.String()
}

func startOf(l xLvl) int {
	if l.Start != nil {
		if s, err := strconv.Atoi(l.Start.Val); err == nil {
			return s
		}
	}
	return 1
}

var (
	cnDigits      = []rune("〇一二三四五六七八九")
	cnLegalDigits = []rune("零壹贰叁肆伍陆柒捌玖")
	heavenlyStems = []rune("甲乙丙丁戊己庚辛壬癸")
	earthlyBranch = []rune("子丑寅卯辰巳午未申酉戌亥")
)

// formatNumber writes n in a WordprocessingML number format (ST_NumberFormat).
func formatNumber(n int, format string) string {
	if n < 0 {
		n = 0
	}
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
		"japaneseCounting", "ideographLegalTraditional":
		return chineseCount(n, cnDigits, "十百千", "万")
	case "chineseLegalSimplified":
		return chineseCount(n, cnLegalDigits, "拾佰仟", "万")
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		var b strings.Builder
		for _, d := range strconv.Itoa(n) {
			b.WriteRune(cnDigits[d-'0'])
		}
		return b.String()
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string(heavenlyStems[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string(earthlyBranch[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune('⒈' + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune('⑴' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(n) {
			b.WriteRune('０' + d - '0')
		}
		return b.String()
	case "lowerLetter", "upperLetter":
		if n >= 1 {
			base := 'a'
			if format == "upperLetter" {
				base = 'A'
			}
			// Word repeats the letter: a…z, aa…zz.
			return strings.Repeat(string(base+rune((n-1)%26)), (n-1)/26+1)
		}
	case "lowerRoman", "upperRoman":
		if n >= 1 && n < 4000 {
			r := roman(n)
			if format == "lowerRoman" {
				r = strings.ToLower(r)
			}
			return r
		}
	}
	return strconv.Itoa(n)
}

// chineseCount writes n the way 一、十一、二十 are counted: 十 alone for
// 10–19, zeros inside collapsed to one 〇/零.
func chineseCount(n int, digits []rune, units string, wan string) string {
	if n == 0 {
		return string(digits[0])
	}
	if n >= 10000 {
		hi, lo := n/10000, n%10000
		s := chineseCount(hi, digits, units, wan) + wan
		if lo == 0 {
			return s
		}
		if lo < 1000 {
			s += string(digits[0])
		}
		return s + chineseCount(lo, digits, units, wan)
	}
	u := []rune(units)
	var b strings.Builder
	parts := []int{n / 1000, n / 100 % 10, n / 10 % 10, n % 10}
	unit := []string{string(u[2]), string(u[1]), string(u[0]), ""}
	started, zero := false, false
	for i, d := range parts {
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteRune(digits[0])
			zero = false
		}
		// 十一, not 一十一, when the number starts with its tens.
		if !(i == 2 && d == 1 && !started) {
			b.WriteRune(digits[d])
		}
		b.WriteString(unit[i])
		started = true
	}
	return b.String()
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// decodePart decodes a whole small part into v; a missing part leaves v
// as it is.
func decodePart(f *zip.File, limit int64, v any) error {
	if f == nil {
		return nil
	}
	rc, err := openPart(f, limit)
	if err != nil {
		return err
	}
	defer rc.Close()
	// encoding/xml expands no custom entities, so a DOCTYPE here is
	// inert; the size is bounded by openPart.
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return partError(f.Name, limit, err)
	}
	return nil
}
