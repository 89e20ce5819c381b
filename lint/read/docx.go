package read

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// XML namespaces of WordprocessingML, in its transitional (what Word
// writes) and strict forms, and of markup compatibility.
const (
	nsWord       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsCompat     = "http://schemas.openxmlformats.org/markup-compatibility/2006"

	relOfficeDocument       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relOfficeDocumentStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

	defaultMainPart = "word/document.xml"
	// maxXMLDepth bounds element nesting; Word nests a few dozen levels
	// (tables in tables), and each open element costs the decoder memory.
	maxXMLDepth = 2000
	// maxParagraphs bounds the paragraphs of one part. A 公文 has a few
	// hundred, a long report a few thousand; each paragraph read costs
	// about a kilobyte (its layout and run statistics), so a million
	// empty <w:p/> in 1 MB of XML took 900 MB before the text limit saw
	// them.
	maxParagraphs = 100_000
)

var errInflateLimit = errors.New("inflate limit reached")

// readDocx reads a Word .docx as Word shows it. Text is the paragraphs
// (w:p) of the main document body, in document order, joined with "\n";
// a paragraph in a table cell is a line of its own, and so is each
// paragraph of a text box (w:txbxContent), placed after the paragraph
// the box is anchored in. Within a paragraph: w:t is text, w:tab and
// w:ptab are "\t", w:noBreakHyphen is "-", a manual line break (w:br
// without a type or of type textWrapping, and w:cr) is "\n", page and
// column breaks are nothing (they are layout, not text). Hidden text
// (w:vanish) is left out.
//
// Automatic numbering is rendered from numbering.xml where Word shows it,
// "一、" or "（一）" or "1." before the paragraph's text, without the tab
// or space Word puts after it; those runes are listed in
// Source.Generated, so that no fix edits them.
//
// Tracked changes are read as if accepted: inserted text (w:ins, w:moveTo)
// is kept, deleted text (w:del, w:moveFrom) is not. Field codes
// (w:instrText) are left out and their results kept. Headers, footers,
// footnotes, endnotes and comments live in other parts and are not in
// the text; the footers are read for Layout only.
//
// The zip's own size fields are only a hint: each part is inflated
// through a reader that stops at Limits.MaxDecompressedBytes, so a zip
// bomb fails with an error. A DOCTYPE in the main part is refused (Word
// never writes one), and the XML decoder expands no custom entities.
func readDocx(data []byte, limits Limits) (*Source, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, invalid("该文件已损坏，不是完整的Word文档或zip封装（%v）；请在Word或WPS中重新另存为.docx", err)
	}
	if len(zr.File) > limits.MaxZipEntries {
		return nil, invalid("该.docx文件的zip封装有%d个部件，超过%d的上限，不像Word文档；请在Word或WPS中另存为.docx后再检查", len(zr.File), limits.MaxZipEntries)
	}
	name, err := mainPartName(zr, limits)
	if err != nil {
		return nil, err
	}
	f := zipEntry(zr, name)
	if f == nil {
		if name == defaultMainPart {
			return nil, invalid("该文件缺少%s，不是Word文档；请在Word或WPS中另存为.docx后再检查", name)
		}
		return nil, invalid("该.docx文件缺少_rels/.rels指明的正文部件%s；请在Word或WPS中重新另存为.docx", name)
	}
	pkg, err := openDocxPackage(zr, name, limits.MaxDecompressedBytes)
	if err != nil {
		return nil, err
	}
	w := newDocxWalker(pkg, "body")
	if err := w.walk(f, name, limits.MaxDecompressedBytes); err != nil {
		return nil, err
	}
	if !w.sawRoot {
		// A blank Word document still has an (empty) w:body.
		return nil, invalid("该文件的%s中没有正文（w:body），不是Word文档；请在Word或WPS中另存为.docx后再检查", name)
	}
	src := &Source{Format: FormatDocx, Encoding: EncodingUTF8}
	src.Text, src.Generated, src.Layout = w.result()
	for _, ref := range w.footerRefs {
		part := zipEntry(zr, pkg.rels[ref])
		if part == nil {
			continue
		}
		fw := newDocxWalker(pkg, "ftr")
		if err := fw.walk(part, part.Name, limits.MaxDecompressedBytes); err != nil {
			return nil, err
		}
		text, _, _ := fw.result()
		src.Layout.Footers = append(src.Layout.Footers, Footer{Text: text, PageField: fw.pageField})
	}
	return src, nil
}

// docxPackage is the parts of a .docx that the main part refers to.
type docxPackage struct {
	styles    *styleSheet
	numbering *numbering
	rels      map[string]string // relationship id → part name
}

const (
	relStyles    = "/styles"
	relNumbering = "/numbering"
	relTheme     = "/theme"
)

func openDocxPackage(zr *zip.Reader, main string, limit int64) (*docxPackage, error) {
	pkg := &docxPackage{rels: map[string]string{}}
	dir := path.Dir(main)
	relsName := path.Join(dir, "_rels", path.Base(main)+".rels")
	var rels struct {
		Relationship []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		}
	}
	if err := decodePart(zipEntry(zr, relsName), limit, &rels); err != nil {
		return nil, err
	}
	byType := map[string]string{}
	for _, r := range rels.Relationship {
		if r.Mode == "External" {
			continue
		}
		target := strings.TrimPrefix(path.Clean("/"+path.Join(dir, strings.ReplaceAll(r.Target, `\`, "/"))), "/")
		if strings.HasPrefix(r.Target, "/") {
			target = strings.TrimPrefix(path.Clean(r.Target), "/")
		}
		pkg.rels[r.ID] = target
		for _, suffix := range []string{relStyles, relNumbering, relTheme} {
			if strings.HasSuffix(r.Type, suffix) {
				byType[suffix] = target
			}
		}
	}
	part := func(kind, fallback string) *zip.File {
		if name, ok := byType[kind]; ok {
			return zipEntry(zr, name)
		}
		return zipEntry(zr, path.Join(dir, fallback))
	}
	var (
		styles xStyles
		num    xNumbering
		theme  xTheme
	)
	if err := decodePart(part(relStyles, "styles.xml"), limit, &styles); err != nil {
		return nil, err
	}
	if err := decodePart(part(relNumbering, "numbering.xml"), limit, &num); err != nil {
		return nil, err
	}
	if err := decodePart(part(relTheme, "theme/theme1.xml"), limit, &theme); err != nil {
		return nil, err
	}
	pkg.styles = newStyleSheet(&styles, &theme)
	pkg.numbering = newNumbering(&num)
	return pkg, nil
}

// docxWalker streams one part (the main document or a footer) through
// the XML decoder and collects its paragraphs.
type docxWalker struct {
	pkg  *docxPackage
	root string // "body" for the main document, "ftr" for a footer

	paras      []docxPara
	open       []*paraBuilder
	tables     int
	boxes      int
	sawRoot    bool
	page       Page
	footerRefs []string
	pageField  bool
	paraCount  int
}

// docxPara is a finished paragraph: its number (generated) and text.
type docxPara struct {
	number, text string
	layout       ParagraphLayout
}

type paraBuilder struct {
	b      strings.Builder
	n      int         // runes written to b
	runs   []RunLayout // ranges relative to the paragraph's text
	ppr    xPPr
	style  paraStyle
	rpr    *xRPr // of the run being read
	chars  map[runKey]int
	boxed  []docxPara // text-box paragraphs anchored here
	table  bool
	box    bool
	hidden bool // the current run is hidden text
}

type runKey struct {
	font string
	size int
	bold bool
}

func newDocxWalker(pkg *docxPackage, root string) *docxWalker {
	return &docxWalker{pkg: pkg, root: root}
}

func (w *docxWalker) walk(f *zip.File, name string, limit int64) error {
	rc, err := openPart(f, limit)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var (
		depth    int
		skipFrom int // depth of the element whose subtree is ignored; 0 for none
		inRoot   bool
		inText   bool
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return partError(name, limit, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				return invalid("该文件的%s含有Word从不写入的DOCTYPE声明，已拒绝（可能是恶意构造的文件）", name)
			}
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return invalid("该文件的%s元素嵌套超过%d层，已拒绝", name, maxXMLDepth)
			}
			if skipFrom > 0 {
				continue
			}
			if t.Name.Space == nsCompat && t.Name.Local == "Fallback" {
				skipFrom = depth
				continue
			}
			if !isWordNS(t.Name.Space) {
				continue
			}
			if t.Name.Local == w.root {
				inRoot, w.sawRoot = true, true
				continue
			}
			if !inRoot {
				continue
			}
			p := w.top()
			switch t.Name.Local {
			case "del", "moveFrom", "delText", "delInstrText", "tblPr", "trPr", "tcPr":
				skipFrom = depth
			case "instrText":
				// The field's code, not its result; read only to see
				// whether a footer numbers its pages.
				var code string
				if err := d.DecodeElement(&code, &t); err != nil {
					return partError(name, limit, err)
				}
				depth--
				w.noteField(code)
			case "fldSimple":
				for _, a := range t.Attr {
					if a.Name.Local == "instr" {
						w.noteField(a.Value)
					}
				}
			case "pPr":
				var ppr xPPr
				if err := d.DecodeElement(&ppr, &t); err != nil {
					return partError(name, limit, err)
				}
				depth--
				if p != nil {
					p.ppr = ppr
					id := ""
					if ppr.PStyle != nil {
						id = ppr.PStyle.Val
					}
					p.style = w.pkg.styles.paragraph(id)
				}
				if ppr.SectPr != nil {
					w.section(ppr.SectPr)
				}
			case "rPr":
				var rpr xRPr
				if err := d.DecodeElement(&rpr, &t); err != nil {
					return partError(name, limit, err)
				}
				depth--
				if p != nil {
					p.rpr = &rpr
					p.hidden = rpr.Vanish.on()
				}
			case "sectPr":
				var sp xSectPr
				if err := d.DecodeElement(&sp, &t); err != nil {
					return partError(name, limit, err)
				}
				depth--
				w.section(&sp)
			case "tbl":
				w.tables++
			case "txbxContent":
				w.boxes++
			case "p":
				if w.paraCount++; w.paraCount > maxParagraphs {
					return invalid("%s中的段落超过%d个，远多于任何公文；文件可能已损坏或是恶意构造的，请在Word中检查后另存", name, maxParagraphs)
				}
				np := &paraBuilder{chars: map[runKey]int{}, table: w.tables > 0, box: w.boxes > 0}
				np.style = w.pkg.styles.paragraph("")
				w.open = append(w.open, np)
			case "r":
				if p != nil {
					p.rpr, p.hidden = nil, false
				}
			case "t":
				inText = p != nil
			case "tab", "ptab":
				if p != nil && !p.hidden {
					p.b.WriteByte('\t')
					p.n++
				}
			case "cr":
				if p != nil && !p.hidden {
					p.b.WriteByte('\n')
					p.n++
				}
			case "br":
				if p != nil && !p.hidden && isLineBreak(t) {
					p.b.WriteByte('\n')
					p.n++
				}
			case "noBreakHyphen":
				if p != nil && !p.hidden {
					p.b.WriteByte('-')
					p.n++
				}
			}
		case xml.EndElement:
			if skipFrom > 0 {
				if depth == skipFrom {
					skipFrom = 0
				}
				depth--
				continue
			}
			depth--
			if !isWordNS(t.Name.Space) {
				continue
			}
			switch t.Name.Local {
			case w.root:
				inRoot = false
			case "t":
				inText = false
			case "tbl":
				w.tables = max(0, w.tables-1)
			case "txbxContent":
				w.boxes = max(0, w.boxes-1)
			case "p":
				w.closeParagraph()
			}
		case xml.CharData:
			if p := w.top(); inText && skipFrom == 0 && p != nil && !p.hidden && len(t) > 0 {
				p.b.Write(t)
				rp := w.pkg.styles.run(p.style.Run, p.rpr)
				k := utf8.RuneCount(t)
				p.chars[runKey{rp.Font, rp.Size, rp.Bold}] += k
				if last := len(p.runs) - 1; last >= 0 && p.runs[last].Range.End == p.n &&
					p.runs[last].Font == rp.Font && p.runs[last].Size == rp.Size && p.runs[last].Bold == rp.Bold {
					p.runs[last].Range.End += k
				} else {
					p.runs = append(p.runs, RunLayout{Range: Range{p.n, p.n + k}, Font: rp.Font, Size: rp.Size, Bold: rp.Bold})
				}
				p.n += k
			}
		}
	}
	for len(w.open) > 0 {
		w.closeParagraph() // a truncated part: keep what was read
	}
	return nil
}

func (w *docxWalker) top() *paraBuilder {
	if len(w.open) == 0 {
		return nil
	}
	return w.open[len(w.open)-1]
}

func (w *docxWalker) noteField(code string) {
	f := strings.Fields(strings.ToUpper(code))
	if len(f) > 0 && f[0] == "PAGE" {
		w.pageField = true
	}
}

// closeParagraph finishes the innermost open paragraph: numbered, placed
// after its parent when it is in a text box, else in the text.
func (w *docxWalker) closeParagraph() {
	p := w.top()
	if p == nil {
		return
	}
	w.open = w.open[:len(w.open)-1]
	numID, ilvl := p.style.NumID, p.style.Ilvl
	if np := p.ppr.NumPr; np != nil {
		if np.NumID != nil {
			numID = np.NumID.Val
		}
		if np.Ilvl != nil {
			ilvl, _ = strconv.Atoi(np.Ilvl.Val)
		}
	}
	number := ""
	if numID != "" {
		number = w.pkg.numbering.next(numID, ilvl)
	}
	outline := p.style.Outline
	if p.ppr.OutlineLvl != nil {
		if n, err := strconv.Atoi(p.ppr.OutlineLvl.Val); err == nil && n < 9 {
			outline = n
		}
	}
	lay := ParagraphLayout{
		Style: p.style.Name, Outline: outline, Align: p.style.Jc,
		LineRule: p.style.Line.LineRule, InTable: p.table, InTextBox: p.box,
	}
	lay.Line, _ = strconv.Atoi(p.style.Line.Line)
	if p.ppr.Jc != nil {
		lay.Align = p.ppr.Jc.Val
	}
	if sp := p.ppr.Spacing; sp != nil {
		if n, err := strconv.Atoi(sp.Line); err == nil {
			lay.Line = n
		}
		if sp.LineRule != "" {
			lay.LineRule = sp.LineRule
		}
	}
	best := -1
	for k, n := range p.chars {
		// Most characters win; ties go to the larger size, then the
		// font name, so that the choice does not depend on map order.
		if n > best || n == best && (k.size > lay.Size || k.size == lay.Size && k.font < lay.Font) {
			best = n
			lay.Font, lay.Size, lay.Bold = k.font, k.size, k.bold
		}
	}
	if best < 0 {
		// No text: the look the paragraph's mark has.
		rp := w.pkg.styles.run(p.style.Run, p.ppr.RPr)
		lay.Font, lay.Size, lay.Bold = rp.Font, rp.Size, rp.Bold
	}
	lay.Runs = p.runs
	done := docxPara{number: number, text: p.b.String(), layout: lay}
	if parent := w.top(); parent != nil && p.box {
		parent.boxed = append(parent.boxed, done)
		parent.boxed = append(parent.boxed, p.boxed...)
		return
	}
	w.paras = append(w.paras, done)
	w.paras = append(w.paras, p.boxed...)
}

// section records a section's page; the last one read is the body's
// (Word writes the final section's properties at the end of w:body).
func (w *docxWalker) section(sp *xSectPr) {
	var pg Page
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if sp.PgSz != nil {
		pg.Width, pg.Height, pg.Known = atoi(sp.PgSz.W), atoi(sp.PgSz.H), true
	}
	if m := sp.PgMar; m != nil {
		pg.Top, pg.Bottom, pg.Left, pg.Right, pg.Gutter = atoi(m.Top), atoi(m.Bottom), atoi(m.Left), atoi(m.Right), atoi(m.Gutter)
		pg.MarginsKnown = true
	}
	if g := sp.DocGrid; g != nil {
		pg.GridType, pg.LinePitch = g.Type, atoi(g.LinePitch)
		// charSpace is a signed 32-bit value that some writers store
		// unsigned (4294966476 for -820).
		if n, err := strconv.ParseInt(g.CharSpace, 10, 64); err == nil {
			pg.CharSpace = int(int32(uint32(n)))
		}
	}
	w.page = pg
	w.footerRefs = w.footerRefs[:0]
	for _, r := range sp.FooterRefs {
		if r.Type == "" || r.Type == "default" {
			w.footerRefs = append(w.footerRefs, r.ID)
		}
	}
}

// result joins the paragraphs into Text and places the generated numbers
// and each paragraph's layout in it.
func (w *docxWalker) result() (string, []Range, *Layout) {
	var b strings.Builder
	var gen []Range
	lay := &Layout{Page: w.page}
	at := 0
	for i, p := range w.paras {
		if i > 0 {
			b.WriteByte('\n')
			at++
		}
		start := at
		if p.number != "" {
			n := utf8.RuneCountInString(p.number)
			gen = append(gen, Range{at, at + n})
			b.WriteString(p.number)
			at += n
		}
		b.WriteString(p.text)
		textStart := at
		at += utf8.RuneCountInString(p.text)
		for k := range p.layout.Runs {
			p.layout.Runs[k].Range.Start += textStart
			p.layout.Runs[k].Range.End += textStart
		}
		p.layout.Range = Range{start, at}
		lay.Paragraphs = append(lay.Paragraphs, p.layout)
	}
	return b.String(), gen, lay
}
func zipEntry(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// openPart opens a zip entry for reading, bounded at limit bytes inflated.
func openPart(f *zip.File, limit int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, invalid("该文件的%s解压后超过%s的上限（可能是压缩炸弹），已拒绝", f.Name, formatSize(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, invalid("该文件的%s无法读取（%w）；请在Word或WPS中重新另存", f.Name, err)
	}
	return guardXML(&boundedReader{rc: rc, left: limit}, f.Name), nil
}

// boundedReader fails with errInflateLimit once more than its limit has
// been read, whatever the zip header claimed.
type boundedReader struct {
	rc   io.ReadCloser
	left int64
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, errInflateLimit
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return n, errInflateLimit
	}
	return n, err
}

func (b *boundedReader) Close() error { return b.rc.Close() }

// partError explains an error met while reading a part.
func partError(name string, limit int64, err error) error {
	if errors.Is(err, errInflateLimit) {
		return invalid("该文件的%s解压后超过%s的上限（可能是压缩炸弹），已拒绝", name, formatSize(limit))
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return invalid("该文件的%s不是合法的XML（第%d行：%s），文件可能已损坏；请在Word或WPS中重新另存", name, se.Line, se.Msg)
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return ie
	}
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) {
		// archive/zip also stops at the size the header declares.
		return invalid("该文件的%s在zip封装中已损坏（%w）；请在Word或WPS中重新另存", name, err)
	}
	return invalid("该文件的%s无法读取（%w）", name, err)
}

// mainPartName finds the main document part from the package
// relationships; Word always names it word/document.xml, other writers
// need not.
func mainPartName(zr *zip.Reader, limits Limits) (string, error) {
	f := zipEntry(zr, "_rels/.rels")
	if f == nil {
		return defaultMainPart, nil
	}
	rc, err := openPart(f, limits.MaxDecompressedBytes)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	var rels struct {
		Relationship []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		}
	}
	d := xml.NewDecoder(rc)
	if err := d.Decode(&rels); err != nil {
		return "", partError(f.Name, limits.MaxDecompressedBytes, err)
	}
	for _, r := range rels.Relationship {
		if r.Type == relOfficeDocument || r.Type == relOfficeDocumentStrict {
			target := path.Clean("/" + strings.ReplaceAll(r.Target, `\`, "/"))
			return strings.TrimPrefix(target, "/"), nil
		}
	}
	return defaultMainPart, nil
}

func isWordNS(space string) bool { return space == nsWord || space == nsWordStrict }

// isLineBreak reports whether a w:br breaks the line (rather than the
// page or column).
func isLineBreak(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if a.Name.Local == "type" {
			return a.Value == "" || a.Value == "textWrapping"
		}
	}
	return true
}
