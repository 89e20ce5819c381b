package read

import (
	"encoding/binary"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// The Word 97–2003 binary format ([MS-DOC]) as far as gwlint needs it:
// the File Information Block (FIB) at the start of the WordDocument
// stream says where the piece table (in the CLX, in the table stream)
// lies and how many characters the main document has; the piece table
// maps character positions (CPs) to runs of text in the WordDocument
// stream, each either 8-bit ("compressed", Windows-1252 with a few
// substitutions) or UTF-16LE. Paragraph properties (PAPX) say which
// paragraph marks end a table row; character properties (CHPX) say which
// characters are a tracked deletion.
const (
	wordIdent        = 0xA5EC
	fibFlagComplex   = 0x0004
	fibFlagEncrypted = 0x0100
	fibFlagTable1    = 0x0200
	fibBaseSize      = 32
	// Indices of FC/LCB pairs in FibRgFcLcb97.
	fcLcbPlcfBteChpx = 12
	fcLcbPlcfBtePapx = 13
	fcLcbClx         = 33
	// Sprms read from the property runs.
	sprmCFRMarkDel = 0x0800 // the character is a tracked deletion
	sprmPFInTable  = 0x2416
	sprmPFTtp      = 0x2417 // the paragraph mark ends a table row
	sprmPFInnerTtp = 0x244C // ends a row of a nested table
	fkpPageSize    = 512
	// maxPieces bounds the piece table; Word writes a few per edit.
	maxPieces = 1 << 20
)

// wordFile is a Word binary document opened for reading.
type wordFile struct {
	doc, table []byte
	pieces     []piece
	ccpText    int
	fc         []uint32 // FibRgFcLcb97, fc and lcb alternating
}

// piece is one entry of the piece table: CPs [cpStart, cpEnd) are at
// byte fc of the WordDocument stream.
type piece struct {
	cpStart, cpEnd int
	fc             int
	compressed     bool
}

func docError(format string, args ...any) *InputError {
	return invalid("该.doc文件结构已损坏（"+format+"）；请在Word或WPS中打开，另存为.docx后再检查", args...)
}

// readWordBinary reads the main document of a Word binary file. Text is
// its paragraphs joined with "\n", as for .docx: a paragraph mark (0x0D)
// or the end of a table cell (0x07) ends a line, the mark that ends a
// table row adds none (so a row of three cells is three lines, as Word's
// .docx has them); a manual line break (0x0B) is "\n" too; tabs stay.
// Field instructions (between 0x13 and 0x14) are left out and their
// results kept; tracked deletions are left out, insertions kept. Text
// boxes, headers, footers, footnotes and comments are other parts of the
// CP space and are not read. Automatic numbering is not rendered.
func readWordBinary(cf *compoundFile, limits Limits) (*Source, error) {
	w, err := openWord(cf)
	if err != nil {
		return nil, err
	}
	text, generated, err := w.mainText(limits)
	if err != nil {
		return nil, err
	}
	return &Source{Format: FormatDoc, Text: text, Generated: generated, Encoding: EncodingUTF8}, nil
}

func openWord(cf *compoundFile) (*wordFile, error) {
	doc := cf.streams["WordDocument"]
	if len(doc) < fibBaseSize+2 {
		return nil, docError("WordDocument流太短")
	}
	if binary.LittleEndian.Uint16(doc) != wordIdent {
		return nil, invalid("该文件不是Word 97-2003文档（文件信息块标识不对），可能是更早的Word或其他软件的格式；请在Word或WPS中另存为.docx后再检查")
	}
	flags := binary.LittleEndian.Uint16(doc[0x0A:])
	if flags&fibFlagEncrypted != 0 {
		return nil, invalid("该.doc文件设有打开密码（已加密），gwlint不能读取；请在Word或WPS中去除密码后再检查")
	}
	tableName := "0Table"
	if flags&fibFlagTable1 != 0 {
		tableName = "1Table"
	}
	w := &wordFile{doc: doc, table: cf.streams[tableName]}
	if w.table == nil {
		return nil, docError("缺少%s流", tableName)
	}
	// FibBase, then csw and fibRgW, cslw and fibRgLw, cbRgFcLcb and
	// fibRgFcLcbBlob; each count is read, never assumed.
	at := fibBaseSize
	csw := int(binary.LittleEndian.Uint16(doc[at:]))
	at += 2 + csw*2
	if at+2 > len(doc) {
		return nil, docError("文件信息块不完整")
	}
	cslw := int(binary.LittleEndian.Uint16(doc[at:]))
	at += 2
	if cslw < 4 || at+cslw*4+2 > len(doc) {
		return nil, docError("文件信息块不完整")
	}
	w.ccpText = int(int32(binary.LittleEndian.Uint32(doc[at+3*4:])))
	at += cslw * 4
	cb := int(binary.LittleEndian.Uint16(doc[at:]))
	at += 2
	if cb <= fcLcbClx || at+cb*8 > len(doc) {
		return nil, docError("文件信息块不完整")
	}
	w.fc = make([]uint32, cb*2)
	for i := range w.fc {
		w.fc[i] = binary.LittleEndian.Uint32(doc[at+i*4:])
	}
	if w.ccpText < 0 {
		return nil, docError("正文长度为负")
	}
	if err := w.readPieces(); err != nil {
		return nil, err
	}
	return w, nil
}

// tablePart returns the bytes of FC/LCB pair i in the table stream, or
// nil when the pair is empty or out of range.
func (w *wordFile) tablePart(i int) []byte {
	fc, lcb := int64(w.fc[2*i]), int64(w.fc[2*i+1])
	if lcb == 0 || fc+lcb > int64(len(w.table)) {
		return nil
	}
	return w.table[fc : fc+lcb]
}

// readPieces reads the piece table from the CLX: any number of Prc
// (0x01, a size, property modifiers) and then one Pcdt (0x02, a size, the
// PlcPcd).
func (w *wordFile) readPieces() error {
	clx := w.tablePart(fcLcbClx)
	if clx == nil {
		return docError("缺少分段表（CLX）")
	}
	for len(clx) > 0 && clx[0] == 0x01 {
		if len(clx) < 3 {
			return docError("分段表不完整")
		}
		n := int(binary.LittleEndian.Uint16(clx[1:]))
		if 3+n > len(clx) {
			return docError("分段表不完整")
		}
		clx = clx[3+n:]
	}
	if len(clx) < 5 || clx[0] != 0x02 {
		return docError("分段表中没有文本分段")
	}
	lcb := int(binary.LittleEndian.Uint32(clx[1:]))
	plc := clx[5:]
	if lcb < 4 || lcb > len(plc) || (lcb-4)%12 != 0 {
		return docError("文本分段表的长度不对")
	}
	n := (lcb - 4) / 12
	if n > maxPieces {
		return docError("文本分段过多（%d段）", n)
	}
	cps := plc[:(n+1)*4]
	pcds := plc[(n+1)*4:]
	w.pieces = make([]piece, 0, n)
	prev := 0
	for i := 0; i < n; i++ {
		start := int(binary.LittleEndian.Uint32(cps[i*4:]))
		end := int(binary.LittleEndian.Uint32(cps[(i+1)*4:]))
		if start < prev || end < start {
			return docError("文本分段的位置不按顺序")
		}
		prev = end
		fcRaw := binary.LittleEndian.Uint32(pcds[i*8+2:])
		p := piece{cpStart: start, cpEnd: end, compressed: fcRaw&(1<<30) != 0}
		p.fc = int(fcRaw &^ (3 << 30))
		if p.compressed {
			p.fc /= 2
		}
		size := (end - start) * 2
		if p.compressed {
			size = end - start
		}
		if p.fc+size > len(w.doc) || p.fc+size < p.fc {
			return docError("文本分段超出了文件")
		}
		w.pieces = append(w.pieces, p)
	}
	return nil
}

// cp1252 decodes compressed text: [MS-DOC] stores it as Windows-1252.
var cp1252 = charmap.Windows1252

// run is a stretch of main-document text with the byte offset in the
// WordDocument stream of each of its characters, so that property runs
// (which are keyed by those offsets) can be applied.
type run struct {
	chars []uint16
	fcs   []int
}

// mainText decodes CPs [0, ccpText) and applies the properties.
func (w *wordFile) mainText(limits Limits) (string, []Range, error) {
	var r run
	maxChars := int(limits.MaxTextBytes)
	for _, p := range w.pieces {
		if p.cpStart >= w.ccpText {
			break
		}
		end := min(p.cpEnd, w.ccpText)
		if len(r.chars)+end-p.cpStart > maxChars {
			return "", nil, &InputError{Reason: "该.doc文件的文字超过了" + formatSize(limits.MaxTextBytes) + "的上限", Err: ErrTooLarge}
		}
		for cp := p.cpStart; cp < end; cp++ {
			k := cp - p.cpStart
			if p.compressed {
				b := w.doc[p.fc+k]
				c := rune(b)
				if b >= 0x80 {
					c = cp1252.DecodeByte(b)
				}
				r.chars = append(r.chars, uint16(c))
				r.fcs = append(r.fcs, p.fc+k)
			} else {
				r.chars = append(r.chars, binary.LittleEndian.Uint16(w.doc[p.fc+2*k:]))
				r.fcs = append(r.fcs, p.fc+2*k)
			}
		}
	}
	deleted := w.charRuns(fcLcbPlcfBteChpx, func(grpprl []byte) bool { return sprmFlag(grpprl, sprmCFRMarkDel) })
	rowEnd := w.paraRuns(func(grpprl []byte) bool {
		return sprmFlag(grpprl, sprmPFTtp) || sprmFlag(grpprl, sprmPFInnerTtp)
	})
	text, generated := r.text(deleted, rowEnd, w.paragraphNumbers(), newNumbering(w.wordLists()))
	return text, generated, nil
}

// text renders the run. Field instructions are skipped by depth: 0x13
// opens a field, 0x14 ends its instruction, 0x15 closes it.
func (r *run) text(deleted, rowEnd fcSet, numbers []paraNumber, lists *numbering) (string, []Range) {
	var b strings.Builder
	b.Grow(len(r.chars) * 3)
	// Each paragraph's number, by the index of its first character: the
	// paragraph mark (or cell mark) that ends it carries its PAPX.
	prefix := map[int]string{}
	start := 0
	for i, c := range r.chars {
		if c != 0x0D && c != 0x07 {
			continue
		}
		fc := r.fcs[i]
		if c == 0x07 && rowEnd.has(fc) {
			start = i + 1
			continue
		}
		k := sort.Search(len(numbers), func(k int) bool { return numbers[k].end > fc })
		if k < len(numbers) && numbers[k].has(fc) {
			if s := lists.next(strconv.Itoa(numbers[k].ilfo), numbers[k].ilvl); s != "" {
				prefix[start] = s
			}
		}
		start = i + 1
	}
	var generated []Range
	runes := 0
	var fieldInstr []bool // per open field: still in its instruction
	inInstr := func() bool {
		for _, f := range fieldInstr {
			if f {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(r.chars); i++ {
		c := r.chars[i]
		fc := r.fcs[i]
		switch c {
		case 0x13:
			fieldInstr = append(fieldInstr, true)
			continue
		case 0x14:
			if n := len(fieldInstr); n > 0 {
				fieldInstr[n-1] = false
			}
			continue
		case 0x15:
			if n := len(fieldInstr); n > 0 {
				fieldInstr = fieldInstr[:n-1]
			}
			continue
		}
		if p, ok := prefix[i]; ok {
			n := utf8.RuneCountInString(p)
			generated = append(generated, Range{runes, runes + n})
			b.WriteString(p)
			runes += n
		}
		if inInstr() || deleted.has(fc) {
			continue
		}
		runes++ // every case below writes one rune, or none (corrected there)
		switch {
		case c == 0x0D:
			b.WriteByte('\n')
		case c == 0x07:
			if !rowEnd.has(fc) {
				b.WriteByte('\n')
			} else {
				runes--
			}
		case c == 0x0B:
			b.WriteByte('\n')
		case c == 0x09:
			b.WriteByte('\t')
		case c == 0x1E:
			b.WriteByte('-')
		case c == 0x0C, c == 0x0E, c == 0x1F, c < 0x20:
			// page and column breaks, optional hyphens, anchors of
			// pictures, drawings, footnote and comment references
			runes--
		case c >= 0xD800 && c < 0xDC00 && i+1 < len(r.chars) && r.chars[i+1] >= 0xDC00 && r.chars[i+1] < 0xE000:
			b.WriteRune(utf16.DecodeRune(rune(c), rune(r.chars[i+1])))
			i++
		case c >= 0xD800 && c < 0xE000:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(rune(c))
		}
	}
	// The document ends with a paragraph mark, which ends the last line
	// rather than starting an empty one.
	return strings.TrimSuffix(b.String(), "\n"), generated
}

// fcSet is a set of byte ranges [start, end) of the WordDocument stream.
type fcSet [][2]int

func (s fcSet) has(fc int) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i][1] > fc })
	return i < len(s) && s[i][0] <= fc
}

// charRuns collects the ranges whose CHPX satisfies match. The
// PlcBteChpx lists the formatted disk pages (FKPs) of the WordDocument
// stream; each page maps ranges of FCs to property modifiers.
func (w *wordFile) charRuns(pair int, match func([]byte) bool) fcSet {
	return w.fkpRuns(pair, func(page []byte, i int) []byte {
		crun := int(page[fkpPageSize-1])
		off := int(page[4*(crun+1)+i]) * 2
		if off == 0 || off >= fkpPageSize-1 {
			return nil
		}
		cb := int(page[off])
		if off+1+cb > fkpPageSize-1 {
			return nil
		}
		return page[off+1 : off+1+cb]
	}, match)
}

// paraRuns collects the paragraph ranges whose PAPX satisfies match.
func (w *wordFile) paraRuns(match func([]byte) bool) fcSet {
	return w.fkpRuns(fcLcbPlcfBtePapx, papxAt, match)
}

// fkpRuns walks a PlcBte (n+1 FCs, then n page numbers) and each page's
// runs: crun+1 FCs, then per run the property offset, which props
// resolves to a grpprl.
func (w *wordFile) fkpRuns(pair int, props func(page []byte, i int) []byte, match func([]byte) bool) fcSet {
	plc := w.tablePart(pair)
	if len(plc) < 4 || (len(plc)-4)%8 != 0 {
		return nil
	}
	n := (len(plc) - 4) / 8
	var out fcSet
	seen := map[int]bool{}
	for i := 0; i < n; i++ {
		pn := int(binary.LittleEndian.Uint32(plc[(n+1)*4+i*4:]) & 0x3FFFFF)
		if seen[pn] {
			continue
		}
		seen[pn] = true
		if (pn+1)*fkpPageSize > len(w.doc) {
			continue
		}
		page := w.doc[pn*fkpPageSize : (pn+1)*fkpPageSize]
		crun := int(page[fkpPageSize-1])
		width := 1
		if pair == fcLcbPlcfBtePapx {
			width = 13
		}
		if 4*(crun+1)+width*crun > fkpPageSize-1 {
			continue
		}
		for j := 0; j < crun; j++ {
			grpprl := props(page, j)
			if grpprl == nil || !match(grpprl) {
				continue
			}
			start := int(binary.LittleEndian.Uint32(page[4*j:]))
			end := int(binary.LittleEndian.Uint32(page[4*(j+1):]))
			if end > start {
				out = append(out, [2]int{start, end})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// sprmFlag reports whether grpprl sets the one-byte flag sprm to a
// nonzero value.
func sprmFlag(grpprl []byte, want uint16) bool {
	v, ok := sprmValue(grpprl, want)
	return ok && v != 0
}

// sprmOperandSize is the size of the operand that follows sprm, from its
// spra bits; -1 when operand is too short to say.
func sprmOperandSize(sprm uint16, operand []byte) int {
	switch sprm >> 13 {
	case 0, 1:
		return 1
	case 2, 4, 5:
		return 2
	case 3:
		return 4
	case 7:
		return 3
	}
	// 6: variable, the first byte is the size; sprmTDefTable has two.
	if len(operand) < 1 {
		return -1
	}
	if sprm == 0xD608 {
		if len(operand) < 2 {
			return -1
		}
		return int(binary.LittleEndian.Uint16(operand)) + 1
	}
	return int(operand[0]) + 1
}
