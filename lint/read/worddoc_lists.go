package read

import (
	"encoding/binary"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Automatic numbering in a Word binary file: a paragraph's PAPX names a
// list override (sprmPIlfo, 1-based into the PlfLfo) and a level
// (sprmPIlvl); the override names a list (lsid) of the PlfLst, whose
// levels (LVL) give the start, the number format (nfc) and the number
// text, in which the characters 0x00–0x08 stand for the levels' numbers.
// The structures are turned into the .docx shapes (xNumbering), so that
// one renderer counts and formats both.

const (
	fcLcbPlfLst = 73
	fcLcbPlfLfo = 74
	sprmPIlvl   = 0x260A
	sprmPIlfo   = 0x460B
	maxLists    = 4096
)

// nfcFormats maps MS-DOC's number format codes to ST_NumberFormat.
var nfcFormats = map[byte]string{
	0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
	10: "ideographDigital", 11: "japaneseCounting", 14: "decimalFullWidth", 17: "japaneseDigitalTenThousand",
	18: "decimalEnclosedCircle", 19: "decimalFullWidth2", 22: "decimalZero", 23: "bullet",
	26: "decimalEnclosedFullstop", 27: "decimalEnclosedParen", 28: "decimalEnclosedCircleChinese",
	29: "ideographEnclosedCircle", 30: "ideographTraditional", 31: "ideographZodiac",
	33: "taiwaneseCounting", 34: "ideographLegalTraditional", 35: "taiwaneseCountingThousand",
	36: "taiwaneseDigital", 37: "chineseCounting", 38: "chineseLegalSimplified", 39: "chineseCountingThousand",
	255: "none",
}

// wordLists reads the PlfLst and PlfLfo into the .docx numbering shapes:
// an abstract list per lsid, a num per list override (its 1-based index
// as the ID). Anything malformed ends the reading with what was read.
func (w *wordFile) wordLists() *xNumbering {
	x := &xNumbering{}
	lst := w.tablePart(fcLcbPlfLst)
	if len(lst) < 2 {
		return x
	}
	n := int(int16(binary.LittleEndian.Uint16(lst)))
	if n <= 0 || n > maxLists || 2+28*n > len(lst) {
		return x
	}
	// The LVLs follow the PlfLst in the table stream, outside its lcb.
	lvls := w.table[int(w.fc[2*fcLcbPlfLst])+len(lst):]
	at := 0
	for i := 0; i < n; i++ {
		f := lst[2+28*i:]
		lsid := strconv.FormatUint(uint64(binary.LittleEndian.Uint32(f)), 10)
		levels := 9
		if f[26]&1 != 0 { // fSimpleList
			levels = 1
		}
		abs := struct {
			ID   string `xml:"abstractNumId,attr"`
			Lvls []xLvl `xml:"lvl"`
		}{ID: lsid}
		for k := 0; k < levels; k++ {
			lvl, next, ok := readLVL(lvls, at)
			if !ok {
				break
			}
			lvl.Ilvl = strconv.Itoa(k)
			abs.Lvls = append(abs.Lvls, lvl)
			at = next
		}
		x.Abstract = append(x.Abstract, abs)
	}
	lfo := w.tablePart(fcLcbPlfLfo)
	if len(lfo) < 4 {
		return x
	}
	m := int(binary.LittleEndian.Uint32(lfo))
	if m <= 0 || m > maxLists || 4+16*m > len(lfo) {
		return x
	}
	data := 4 + 16*m // the LFOData, one per LFO
	for i := 0; i < m; i++ {
		e := lfo[4+16*i:]
		num := struct {
			ID        string `xml:"numId,attr"`
			Abstract  xVal   `xml:"abstractNumId"`
			Overrides []struct {
				Ilvl  string `xml:"ilvl,attr"`
				Start *xVal  `xml:"startOverride"`
				Lvl   *xLvl  `xml:"lvl"`
			} `xml:"lvlOverride"`
		}{ID: strconv.Itoa(i + 1), Abstract: xVal{strconv.FormatUint(uint64(binary.LittleEndian.Uint32(e)), 10)}}
		clfolvl := int(e[12])
		if data+4 > len(lfo) {
			x.Nums = append(x.Nums, num)
			continue
		}
		data += 4 // cp
		for k := 0; k < clfolvl && data+8 <= len(lfo); k++ {
			start := int32(binary.LittleEndian.Uint32(lfo[data:]))
			flags := binary.LittleEndian.Uint32(lfo[data+4:])
			data += 8
			ilvl := int(flags & 0xF)
			o := struct {
				Ilvl  string `xml:"ilvl,attr"`
				Start *xVal  `xml:"startOverride"`
				Lvl   *xLvl  `xml:"lvl"`
			}{Ilvl: strconv.Itoa(ilvl)}
			if flags&0x10 != 0 { // fStartAt
				o.Start = &xVal{strconv.Itoa(int(start))}
			}
			if flags&0x20 != 0 { // fFormatting: an LVL follows
				lvl, next, ok := readLVL(lfo, data)
				if !ok {
					break
				}
				lvl.Ilvl = o.Ilvl
				o.Lvl = &lvl
				data = next
			}
			num.Overrides = append(num.Overrides, o)
		}
		x.Nums = append(x.Nums, num)
	}
	return x
}

// readLVL reads one LVL at b[at:]: the 28-byte LVLF, its paragraph and
// character property modifiers, and the number text.
func readLVL(b []byte, at int) (xLvl, int, bool) {
	if at+28+2 > len(b) {
		return xLvl{}, 0, false
	}
	f := b[at:]
	start := int32(binary.LittleEndian.Uint32(f))
	format, ok := nfcFormats[f[4]]
	if !ok {
		format = "decimal"
	}
	cbChpx, cbPapx := int(f[24]), int(f[25])
	p := at + 28 + cbPapx + cbChpx
	if p+2 > len(b) {
		return xLvl{}, 0, false
	}
	cch := int(binary.LittleEndian.Uint16(b[p:]))
	p += 2
	if p+2*cch > len(b) {
		return xLvl{}, 0, false
	}
	u := make([]uint16, cch)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[p+2*i:])
	}
	var text strings.Builder
	for _, r := range utf16.Decode(u) {
		if r < 9 {
			text.WriteString("%" + strconv.Itoa(int(r)+1))
			continue
		}
		if r == '%' {
			r = '％' // a literal percent sign must not read as a placeholder
		}
		text.WriteRune(r)
	}
	lvl := xLvl{Start: &xVal{strconv.Itoa(int(start))}, NumFmt: xVal{format}, LvlText: &xVal{text.String()}}
	if f[5]&0x04 != 0 { // fLegal
		on := "1"
		lvl.IsLgl = &xOnOff{Val: &on}
	}
	return lvl, p + 2*cch, true
}

// paraNumber is a paragraph's list override and level, by the byte range
// of its text in the WordDocument stream.
type paraNumber struct {
	start, end int
	ilfo, ilvl int
}

// paragraphNumbers reads sprmPIlfo and sprmPIlvl from the PAPX of every
// paragraph that has them.
func (w *wordFile) paragraphNumbers() []paraNumber {
	var out []paraNumber
	plc := w.tablePart(fcLcbPlcfBtePapx)
	if len(plc) < 4 || (len(plc)-4)%8 != 0 {
		return nil
	}
	n := (len(plc) - 4) / 8
	for i := 0; i < n; i++ {
		pn := int(binary.LittleEndian.Uint32(plc[(n+1)*4+i*4:]) & 0x3FFFFF)
		if (pn+1)*fkpPageSize > len(w.doc) {
			continue
		}
		page := w.doc[pn*fkpPageSize : (pn+1)*fkpPageSize]
		crun := int(page[fkpPageSize-1])
		if 4*(crun+1)+13*crun > fkpPageSize-1 {
			continue
		}
		for j := 0; j < crun; j++ {
			g := papxAt(page, j)
			ilfo, okF := sprmValue(g, sprmPIlfo)
			if !okF || ilfo <= 0 {
				continue
			}
			ilvl, _ := sprmValue(g, sprmPIlvl)
			out = append(out, paraNumber{
				start: int(binary.LittleEndian.Uint32(page[4*j:])),
				end:   int(binary.LittleEndian.Uint32(page[4*(j+1):])),
				ilfo:  ilfo, ilvl: ilvl,
			})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// papxAt is the grpprl of run i of a PAPX FKP, after its style index.
func papxAt(page []byte, i int) []byte {
	crun := int(page[fkpPageSize-1])
	off := int(page[4*(crun+1)+13*i]) * 2
	if off == 0 || off >= fkpPageSize-1 {
		return nil
	}
	cb := int(page[off])
	size, start := 2*cb-1, off+1
	if cb == 0 {
		if off+1 >= fkpPageSize-1 {
			return nil
		}
		size, start = 2*int(page[off+1]), off+2
	}
	if size < 2 || start+size > fkpPageSize-1 {
		return nil
	}
	return page[start+2 : start+size]
}

// sprmValue is the operand of sprm in grpprl (one or two bytes, as its
// spra says), and whether it is there.
func sprmValue(grpprl []byte, want uint16) (int, bool) {
	for len(grpprl) >= 2 {
		sprm := binary.LittleEndian.Uint16(grpprl)
		grpprl = grpprl[2:]
		size := sprmOperandSize(sprm, grpprl)
		if size < 0 || size > len(grpprl) {
			return 0, false
		}
		if sprm == want {
			switch size {
			case 1:
				return int(grpprl[0]), true
			case 2:
				return int(int16(binary.LittleEndian.Uint16(grpprl))), true
			}
			return 0, false
		}
		grpprl = grpprl[size:]
	}
	return 0, false
}

func (p paraNumber) has(fc int) bool { return p.start <= fc && fc < p.end }
