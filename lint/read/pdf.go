package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"
)

// A PDF's text layer as gwlint reads it. github.com/ledongthuc/pdf parses
// the file (cross-reference tables and streams, object streams, filters,
// the standard security handler) and tokenizes content streams; the text
// itself is ours: each font's ToUnicode CMap (or a predefined Chinese
// CMap: UniGB-UCS2/UTF16, GB-EUC, GBK), glyph widths for positions, the
// text and graphics state, then lines by baseline and paragraphs by the
// shape of the text block.
//
// The library trusts the file: it follows a page tree, a resource
// Parent chain or an object-stream chain wherever they lead, and inflates
// streams without bound. So the page tree is walked here, with depth and
// count limits and resources inherited downward (never up through Parent),
// every content stream's inflated size is measured against
// Limits.MaxDecompressedBytes before it is interpreted, a file with an
// object-stream chain (/Extends) is refused, and the library's panics
// become input errors.

const (
	maxPDFPages     = 5000
	maxPageTreeRank = 32 // nesting of /Pages nodes
	maxFormDepth    = 8  // form XObjects inside form XObjects
)

var errPDFTooMuch = errors.New("pdf: over the limit")

func pdfError(format string, args ...any) *InputError {
	return invalid("该PDF文件"+format+"；请用PDF阅读器打开后另存为PDF，或向发文单位索取.docx、.ofd或文字版PDF", args...)
}

// readPDF reads the text layer of a PDF: the text of each page in reading
// order, lines joined back into paragraphs, paragraphs joined with "\n";
// page numbers ("— 1 —", "- 1 -", "第1页") are left out. A PDF with pages
// but no text (a scan) is an input error: it needs OCR.
func readPDF(data []byte, limits Limits) (src *Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, pdfError("结构已损坏，无法读取（%v）", r)
		}
	}()
	if bytes.Contains(data, []byte("/Extends")) {
		return nil, pdfError("使用了gwlint不支持的对象流链（/Extends）")
	}
	r, err := pdf.NewReader(bytes.NewReader(normalizePDFHeader(data)), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return nil, invalid("该PDF文件设有打开密码或已加密，gwlint不能读取；请去除密码后再检查，或向发文单位索取.docx")
		}
		return nil, pdfError("结构已损坏或不受支持，无法读取（%v）", err)
	}
	x := &pdfExtractor{budget: limits.MaxDecompressedBytes, fontSets: map[string]map[string]*pdfFont{}}
	pages, err := x.pages(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	var lines []pdfLine
	images := false
	for i, pg := range pages {
		glyphs, imgs, err := x.page(pg)
		if err != nil {
			return nil, err
		}
		images = images || imgs
		lines = append(lines, pageLines(glyphs, i)...)
	}
	if x.undecodable > 0 && x.decoded == 0 {
		return nil, invalid("该PDF文件的文字无法解码（字体没有ToUnicode映射），gwlint读不出文字；请向发文单位索取.docx、.ofd或另一种PDF")
	}
	text := joinParagraphs(dropPageNumbers(lines))
	if strings.TrimSpace(text) == "" {
		if images || len(pages) > 0 {
			return nil, invalid("无法读取：这是扫描版PDF，没有文字层；gwlint不做文字识别（OCR），请向发文单位索取.docx、.ofd或文字版PDF")
		}
		return nil, invalid("该PDF文件没有页面")
	}
	return &Source{Format: FormatPDF, Text: text, Encoding: EncodingUTF8}, nil
}

// normalizePDFHeader lets the library open PDF 2.0 and headers without a
// line end right after the version: it insists on "%PDF-1.x" and a line
// end. The copy differs in the header only.
func normalizePDFHeader(data []byte) []byte {
	if len(data) < 9 || !bytes.HasPrefix(data, magicPDF) {
		return data
	}
	ok := data[5] == '1' && data[6] == '.' && data[7] >= '0' && data[7] <= '7' && (data[8] == '\r' || data[8] == '\n')
	if ok {
		return data
	}
	out := bytes.Clone(data)
	copy(out, "%PDF-1.7\n")
	return out
}

type pdfPage struct {
	v         pdf.Value
	resources pdf.Value
}

type pdfExtractor struct {
	budget      int64                          // inflated bytes left
	fontSets    map[string]map[string]*pdfFont // by font resources, then name
	decoded     int                            // glyphs that decoded to text
	undecodable int                            // glyphs whose font gives no text
}

// pages lists the pages of the tree under root, resources inherited down
// the tree.
func (x *pdfExtractor) pages(root pdf.Value) ([]pdfPage, error) {
	var out []pdfPage
	nodes := 0
	var walk func(n, res pdf.Value, rank int) error
	walk = func(n, res pdf.Value, rank int) error {
		nodes++
		if rank > maxPageTreeRank || nodes > 4*maxPDFPages {
			return pdfError("的页面树嵌套过深或成环")
		}
		if r := n.Key("Resources"); !r.IsNull() {
			res = r
		}
		switch n.Key("Type").Name() {
		case "Pages":
			kids := n.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), res, rank+1); err != nil {
					return err
				}
			}
		case "Page", "":
			if n.Kind() != pdf.Dict {
				return nil
			}
			if len(out) >= maxPDFPages {
				return pdfError("超过%d页", maxPDFPages)
			}
			out = append(out, pdfPage{n, res})
		}
		return nil
	}
	if err := walk(root, pdf.Value{}, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// streamBytes inflates stream s (or the streams of an array, one after
// the other, as page contents may be split) within what is left of the
// budget, and spends it.
func (x *pdfExtractor) streamBytes(s pdf.Value) ([]byte, error) {
	if s.Kind() == pdf.Array {
		var out []byte
		for i := 0; i < s.Len(); i++ {
			b, err := x.streamBytes(s.Index(i))
			if err != nil {
				return nil, err
			}
			out = append(append(out, b...), '\n')
		}
		return out, nil
	}
	if s.Kind() != pdf.Stream {
		return nil, nil
	}
	// Counted first without keeping it, so that a bomb costs time
	// bounded by the budget and no memory; then read for real.
	rc := s.Reader()
	n, err := io.CopyN(io.Discard, rc, x.budget+1)
	rc.Close()
	if n > x.budget {
		return nil, &InputError{Reason: fmt.Sprintf("该PDF文件解压后超过%s的上限（可能是压缩炸弹），已拒绝", formatSize(x.budget)), Err: ErrTooLarge}
	}
	if err != nil && err != io.EOF {
		return nil, pdfError("的内容流已损坏（%v）", err)
	}
	x.budget -= n
	rc = s.Reader()
	defer rc.Close()
	buf := make([]byte, 0, n)
	out := bytes.NewBuffer(buf)
	if _, err := io.CopyN(out, rc, n); err != nil && err != io.EOF {
		return nil, pdfError("的内容流已损坏（%v）", err)
	}
	return out.Bytes(), nil
}

// pdfGlyph is one character placed on the page: its origin, advance and
// size in page space.
type pdfGlyph struct {
	x, y, w, size float64
	r             rune
}

type matrix [6]float64 // a b c d e f

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

var identity = matrix{1, 0, 0, 1, 0, 0}

type textState struct {
	ctm, tm, tlm          matrix
	tc, tw, th, tl, trise float64
	font                  *pdfFont
	size                  float64
}

// page interprets a page's content and returns its glyphs and whether it
// paints any image.
func (x *pdfExtractor) page(pg pdfPage) ([]pdfGlyph, bool, error) {
	contents := pg.v.Key("Contents")
	var glyphs []pdfGlyph
	images := false
	err := x.run(contents, pg.resources, identity, 0, &glyphs, &images)
	return glyphs, images, err
}

func (x *pdfExtractor) run(contents, resources pdf.Value, ctm matrix, depth int, glyphs *[]pdfGlyph, images *bool) (err error) {
	if contents.IsNull() {
		return nil
	}
	data, err := x.streamBytes(contents)
	if err != nil {
		return err
	}
	g := textState{ctm: ctm, tm: identity, tlm: identity, th: 1}
	// Resolving an object parses it from the file again, so the fonts
	// of these resources are looked up once, and shared with every
	// page whose font resources read the same (indirect references
	// print as "12 0 R").
	fontDict := resources.Key("Font")
	fontsKey := fontDict.String()
	fonts := x.fontSets[fontsKey]
	if fonts == nil {
		fonts = map[string]*pdfFont{}
		x.fontSets[fontsKey] = fonts
	}
	var stack []textState
	var failure error
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errPDFTooMuch) {
				err = failure
				return
			}
			err = pdfError("的内容流已损坏（%v）", r)
		}
	}()
	psInterpret(data, func(op string, args []psValue) {
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		mat := func() matrix {
			var m matrix
			for i := range m {
				m[i] = num(i)
			}
			return m
		}
		switch op {
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = mat().mul(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = x.font(fontDict.Key(name))
					fonts[name] = f
				}
				g.font, g.size = f, num(1)
			}
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(1)
			}
			g.tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(g.tlm)
			g.tm = g.tlm
		case "Tm":
			if len(args) == 6 {
				g.tlm = mat()
				g.tm = g.tlm
			}
		case "T*":
			g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
			g.tm = g.tlm
		case "Tj", "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				args = args[2:]
			}
			if op != "Tj" {
				g.tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(g.tlm)
				g.tm = g.tlm
			}
			if len(args) > 0 {
				x.show(&g, args[len(args)-1].RawString(), glyphs)
			}
		case "TJ":
			if len(args) == 0 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				e := a.Index(i)
				if e.isString() {
					x.show(&g, e.RawString(), glyphs)
				} else {
					g.tm = matrix{1, 0, 0, 1, -e.Float64() / 1000 * g.size * g.th, 0}.mul(g.tm)
				}
			}
		case "Do":
			if len(args) == 0 {
				return
			}
			xo := resources.Key("XObject").Key(args[0].Name())
			switch xo.Key("Subtype").Name() {
			case "Image":
				*images = true
			case "Form":
				if depth >= maxFormDepth {
					return
				}
				m := identity
				if mm := xo.Key("Matrix"); mm.Len() == 6 {
					for i := range m {
						m[i] = mm.Index(i).Float64()
					}
				}
				res := xo.Key("Resources")
				if res.IsNull() {
					res = resources
				}
				if err := x.run(xo, res, m.mul(g.ctm), depth+1, glyphs, images); err != nil {
					failure = err
					panic(errPDFTooMuch)
				}
			}
		case "BI", "EI":
			*images = true
		}
	})
	return nil
}

// show places the glyphs of one string.
func (x *pdfExtractor) show(g *textState, s string, glyphs *[]pdfGlyph) {
	f := g.font
	if f == nil {
		return
	}
	for _, c := range f.codes(s) {
		w0 := f.width(c.code) / 1000
		trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.trise}.mul(g.tm).mul(g.ctm)
		size := math.Hypot(trm[2], trm[3])
		adv := w0*g.size + g.tc
		if c.single && c.code == 32 {
			adv += g.tw
		}
		adv *= g.th
		tmc := g.tm.mul(g.ctm)
		scale := math.Hypot(tmc[0], tmc[1])
		if c.text == "" {
			x.undecodable++
		} else {
			x.decoded++
			for _, r := range c.text {
				*glyphs = append(*glyphs, pdfGlyph{x: trm[4], y: trm[5], w: adv * scale, size: size, r: unifiedIdeograph(r)})
			}
		}
		g.tm = matrix{1, 0, 0, 1, adv, 0}.mul(g.tm)
	}
}

// pdfFont decodes a font's strings into text and widths.
type pdfFont struct {
	codeLen  []codeRange // code space; empty for one-byte codes
	toText   map[uint32]string
	simple   bool // a one-byte font without ToUnicode: read as Latin-1
	gbk      bool // a predefined GB/GBK CMap: codes are GBK bytes
	ucs2     bool // a predefined UCS-2/UTF-16 CMap: codes are UTF-16
	first    int
	widths   []float64
	cidW     map[uint32]float64
	defaultW float64
}

type codeRange struct {
	lo, hi uint32
	n      int
}

type pdfCode struct {
	code   uint32
	single bool
	text   string
}

func (x *pdfExtractor) font(v pdf.Value) *pdfFont {
	if v.IsNull() {
		return nil
	}
	f := &pdfFont{defaultW: 1000}
	if v.Key("Subtype").Name() == "Type0" {
		enc := v.Key("Encoding").Name()
		f.codeLen = []codeRange{{0, 0xFFFF, 2}}
		switch {
		case strings.Contains(enc, "UCS2"), strings.Contains(enc, "UTF16"):
			f.ucs2 = true
		case strings.Contains(enc, "EUC"), strings.HasPrefix(enc, "GBK"), strings.HasPrefix(enc, "GBpc"):
			f.gbk = true
			f.codeLen = []codeRange{{0, 0x80, 1}, {0x8140, 0xFEFE, 2}}
		}
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); !dw.IsNull() {
			f.defaultW = dw.Float64()
		}
		f.cidW = map[uint32]float64{}
		w := d.Key("W")
		for i := 0; i < w.Len() && i < 100000; {
			start := uint32(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				for k := 0; k < next.Len() && k < 65536; k++ {
					f.cidW[start+uint32(k)] = next.Index(k).Float64()
				}
				i += 2
				continue
			}
			end := uint32(next.Int64())
			wv := w.Index(i + 2).Float64()
			for c := start; c <= end && c-start < 65536; c++ {
				f.cidW[c] = wv
			}
			i += 3
		}
	} else {
		f.simple = true
		f.first = int(v.Key("FirstChar").Int64())
		ws := v.Key("Widths")
		for i := 0; i < ws.Len() && i < 256; i++ {
			f.widths = append(f.widths, ws.Index(i).Float64())
		}
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if data, err := x.streamBytes(tu); err == nil {
			f.readCMap(data)
		}
	}
	return f
}

func (f *pdfFont) width(code uint32) float64 {
	if f.cidW != nil {
		if w, ok := f.cidW[code]; ok {
			return w
		}
		return f.defaultW
	}
	if i := int(code) - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return 500
}

// codes splits a string into character codes by the code space.
func (f *pdfFont) codes(s string) []pdfCode {
	var out []pdfCode
	for i := 0; i < len(s); {
		n := 1
		if len(f.codeLen) > 0 {
			n = f.codeLen[len(f.codeLen)-1].n
			for _, r := range f.codeLen {
				if i+r.n <= len(s) {
					c := bigEndian(s[i : i+r.n])
					if c >= r.lo && c <= r.hi {
						n = r.n
						break
					}
				}
			}
		}
		if i+n > len(s) {
			n = len(s) - i
		}
		raw := s[i : i+n]
		c := pdfCode{code: bigEndian(raw), single: n == 1}
		c.text = f.text(c.code, raw)
		out = append(out, c)
		i += n
	}
	return out
}

func bigEndian(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func (f *pdfFont) text(code uint32, raw string) string {
	if t, ok := f.toText[code]; ok {
		return t
	}
	switch {
	case f.ucs2:
		return string(rune(code))
	case f.gbk:
		if len(raw) == 1 {
			return raw
		}
		b, err := simplifiedchinese.GBK.NewDecoder().Bytes([]byte(raw))
		if err == nil {
			return string(b)
		}
	case f.simple:
		if code >= 32 && code < 127 {
			return string(rune(code))
		}
		if code >= 160 && code <= 255 {
			return string(rune(code))
		}
	}
	return ""
}

// readCMap reads a ToUnicode CMap: its code space (how many bytes a code
// has) and its bfchar and bfrange mappings.
func (f *pdfFont) readCMap(data []byte) {
	f.toText = map[uint32]string{}
	var space []codeRange
	psInterpret(data, func(op string, args []psValue) {
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].RawString(), args[i+1].RawString()
				if len(lo) > 0 && len(lo) <= 4 {
					space = append(space, codeRange{bigEndian(lo), bigEndian(hi), len(lo)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				f.toText[bigEndian(args[i].RawString())] = utf16BE(args[i+1].RawString())
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi := bigEndian(args[i].RawString()), bigEndian(args[i+1].RawString())
				if hi < lo || hi-lo > 65535 {
					continue
				}
				dst := args[i+2]
				if dst.kind == psArray {
					for k := 0; k < dst.Len() && lo+uint32(k) <= hi; k++ {
						f.toText[lo+uint32(k)] = utf16BE(dst.Index(k).RawString())
					}
					continue
				}
				base := []rune(utf16BE(dst.RawString()))
				if len(base) == 0 {
					continue
				}
				for c := lo; c <= hi; c++ {
					r := append([]rune{}, base...)
					r[len(r)-1] += rune(c - lo)
					f.toText[c] = string(r)
				}
			}
		}
	})
	if len(space) > 0 {
		// Longer codes are tried first only where ranges overlap; keep
		// the order the CMap gives but put one-byte ranges first, as
		// the shortest matching range wins.
		f.codeLen = space
		for i := 1; i < len(f.codeLen); i++ {
			for j := i; j > 0 && f.codeLen[j].n < f.codeLen[j-1].n; j-- {
				f.codeLen[j], f.codeLen[j-1] = f.codeLen[j-1], f.codeLen[j]
			}
		}
	}
}

func utf16BE(s string) string {
	if len(s)%2 == 1 {
		return s
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	out := string(utf16.Decode(u))
	// Ligatures and private-use mappings are kept; control characters
	// (some writers map spaces to U+0003) are not text.
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' {
			return -1
		}
		return r
	}, out)
}

// pdfLine is one line of text on a page.
type pdfLine struct {
	page            int
	x0, x1, y, size float64
	text            string
}

// pageLines groups a page's glyphs into lines by baseline, top to
// bottom, each left to right.
func pageLines(glyphs []pdfGlyph, page int) []pdfLine {
	type group struct {
		y, size float64
		gs      []pdfGlyph
	}
	var groups []*group
	for _, g := range glyphs {
		var best *group
		for _, l := range groups {
			if math.Abs(l.y-g.y) <= 0.4*math.Max(l.size, g.size) {
				best = l
				break
			}
		}
		if best == nil {
			best = &group{y: g.y, size: g.size}
			groups = append(groups, best)
		}
		best.gs = append(best.gs, g)
		best.size = math.Max(best.size, g.size)
	}
	sortBy(groups, func(a, b *group) bool { return a.y > b.y })
	var out []pdfLine
	for _, l := range groups {
		sortBy(l.gs, func(a, b pdfGlyph) bool { return a.x < b.x })
		// Spaces are written only between Latin text: Chinese has none,
		// and writers put space glyphs or gaps where justification or a
		// font change needs them.
		var b strings.Builder
		var prev *pdfGlyph
		space := false
		for i := range l.gs {
			g := &l.gs[i]
			if unicode.IsSpace(g.r) && g.r != '\u3000' {
				space = true
				continue
			}
			if prev != nil {
				gap := g.x - (prev.x + prev.w)
				switch {
				case gap > 1.5*g.size:
					// A tab stop or the next table cell.
					b.WriteByte('\t')
				case isLatin(prev.r) && isLatin(g.r) && (space || gap > 0.2*g.size):
					b.WriteByte(' ')
				}
			}
			b.WriteRune(g.r)
			prev, space = g, false
		}
		if prev == nil {
			continue // only spaces
		}
		first := l.gs[0]
		for _, g := range l.gs {
			if !unicode.IsSpace(g.r) || g.r == '\u3000' {
				first = g
				break
			}
		}
		out = append(out, pdfLine{page: page, x0: first.x, x1: prev.x + prev.w, y: l.y, size: l.size, text: b.String()})
	}
	return out
}

func isASCIIWord(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// isLatin: a character of text written with spaces between words.
func isLatin(r rune) bool { return r < 0x2E80 && !unicode.IsSpace(r) }

func sortBy[T any](s []T, less func(a, b T) bool) {
	// insertion sort keeps equal elements in order; pages have at most
	// a few thousand glyphs a line group
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// dropPageNumbers leaves out the first or last line of a page when it is
// only a page number.
func dropPageNumbers(lines []pdfLine) []pdfLine {
	out := lines[:0:0]
	for i, l := range lines {
		firstOrLast := i == 0 || lines[i-1].page != l.page || i == len(lines)-1 || lines[i+1].page != l.page
		if firstOrLast && isPageNumber(l.text) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func isPageNumber(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimSuffix(s, "页"), "第")
	s = strings.Trim(s, "—－–- ")
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// joinParagraphs joins lines back into paragraphs. A line continues the
// one before when that one runs to the right edge of the text block (a
// line the writer wrapped) and this one does not start indented, or when
// it is a centred line of the same size (a title set on two lines).
func joinParagraphs(lines []pdfLine) string {
	// The text block's edges are where most lines of the document start
	// and end: a heading, a signature, a short last page or a line that
	// punctuation pushed out must not move them.
	var starts, ends []float64
	for _, l := range lines {
		starts = append(starts, l.x0)
		ends = append(ends, l.x1)
	}
	sortBy(starts, func(a, b float64) bool { return a < b })
	sortBy(ends, func(a, b float64) bool { return a < b })
	var left, right float64
	if len(lines) > 0 {
		left, right = starts[len(starts)/10], ends[len(ends)*9/10]
	}
	var out strings.Builder
	for i, l := range lines {
		if i == 0 {
			out.WriteString(l.text)
			continue
		}
		p := lines[i-1]
		full := p.x1 >= right-2.5*p.size
		indented := l.x0 >= left+1.2*l.size
		centred := l.x0 > left+l.size && math.Abs((l.x0-left)-(right-l.x1)) < 1.5*l.size
		sameSize := math.Abs(p.size-l.size) < 0.5
		join := full && sameSize && (!indented || centred && p.page == l.page)
		if join {
			if isASCIIWord(lastRune(p.text)) && isASCIIWord(firstRune(l.text)) {
				out.WriteByte(' ')
			}
		} else {
			out.WriteByte('\n')
		}
		out.WriteString(l.text)
	}
	return out.String()
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// unifiedIdeograph maps a Kangxi radical or a CJK radical supplement
// character to the ideograph it stands for. Fonts such as Noto CJK share
// one glyph between 金 and the radical ⾦, and some writers' ToUnicode maps
// name the radical; read as is, 黄金 would not match 黄金. The Kangxi
// radicals have compatibility decompositions (NFKC); the supplement's
// equivalents are from Unicode's EquivalentUnifiedIdeograph.txt, for
// the simplified forms Chinese text uses.
func unifiedIdeograph(r rune) rune {
	switch {
	case r == 0x2F3E:
		// ⼾ decomposes to the traditional 戶, but a simplified-Chinese
		// font's glyph for it is 户, and that is what the text means
		// (Chromium's PDFs map 户 to ⼾).
		return 0x6237
	case r >= 0x2F00 && r <= 0x2FD5:
		if s := norm.NFKC.String(string(r)); utf8.RuneCountInString(s) == 1 {
			return []rune(s)[0]
		}
	case r >= 0x2E80 && r <= 0x2EF3:
		if u, ok := radicalSupplement[r]; ok {
			return u
		}
	}
	return r
}

var radicalSupplement = map[rune]rune{
	0x2E8C: 0x5C0F, 0x2E8D: 0x5C0F, 0x2E95: 0x5F50, 0x2E9F: 0x6BCD, 0x2EA0: 0x6C11,
	0x2EA4: 0x722B, 0x2EA6: 0x4E2C, 0x2EA8: 0x72AD, 0x2EAB: 0x76EE, 0x2EAE: 0x7AF9,
	0x2EB3: 0x7F53, 0x2EB7: 0x7F8A, 0x2EBB: 0x807F, 0x2EC4: 0x897F, 0x2EC5: 0x89C1,
	0x2EC6: 0x89D2, 0x2EC8: 0x8BA0, 0x2EC9: 0x8D1D, 0x2ECB: 0x8F66, 0x2ED1: 0x9577,
	0x2ED3: 0x957F, 0x2ED4: 0x95E8, 0x2ED7: 0x96E8, 0x2ED8: 0x9752, 0x2ED9: 0x97E6,
	0x2EDA: 0x9875, 0x2EDB: 0x98CE, 0x2EDC: 0x98DE, 0x2EDD: 0x98DF, 0x2EE0: 0x9963,
	0x2EE2: 0x9A6C, 0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F,
	0x2EE7: 0x5364, 0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4, 0x2EEA: 0x9EFE, 0x2EEB: 0x6589,
	0x2EEC: 0x9F50, 0x2EED: 0x6B6F, 0x2EEE: 0x9F7F, 0x2EF0: 0x9F99, 0x2EF3: 0x9F9F,
}
