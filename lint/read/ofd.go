package read

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"path"
	"strconv"
	"strings"
)

// An OFD (GB/T 33190-2016, the fixed-layout format of Chinese
// e-government) is a zip: OFD.xml names each document's Document.xml,
// which lists the pages (and the template pages they are drawn on); a
// page's Content.xml holds layers of TextObjects, each placed by its
// Boundary (millimetres, y downwards) with TextCodes whose X, Y and
// DeltaX place the characters. The text is there as Unicode, so reading
// an OFD is placing characters and putting lines in order; lines become
// paragraphs the way a PDF's do (see joinParagraphs).

type ofdRoot struct {
	DocBodies []struct {
		DocRoot string `xml:"DocRoot"`
	} `xml:"DocBody"`
}

type ofdDocument struct {
	Templates []struct {
		ID      string `xml:"ID,attr"`
		BaseLoc string `xml:"BaseLoc,attr"`
	} `xml:"CommonData>TemplatePage"`
	Pages []struct {
		BaseLoc string `xml:"BaseLoc,attr"`
	} `xml:"Pages>Page"`
}

type ofdPage struct {
	Templates []struct {
		ID     string `xml:"TemplateID,attr"`
		ZOrder string `xml:"ZOrder,attr"`
	} `xml:"Template"`
	Layers []ofdBlock `xml:"Content>Layer"`
}

// ofdBlock is a layer or a page block: text objects, and blocks inside.
type ofdBlock struct {
	Texts  []ofdText  `xml:"TextObject"`
	Blocks []ofdBlock `xml:"PageBlock"`
}

type ofdText struct {
	Boundary string `xml:"Boundary,attr"`
	Size     string `xml:"Size,attr"`
	CTM      string `xml:"CTM,attr"`
	Codes    []struct {
		X      string `xml:"X,attr"`
		Y      string `xml:"Y,attr"`
		DeltaX string `xml:"DeltaX,attr"`
		DeltaY string `xml:"DeltaY,attr"`
		Text   string `xml:",chardata"`
	} `xml:"TextCode"`
}

// maxOFDBlockDepth bounds PageBlocks inside PageBlocks.
const maxOFDBlockDepth = 64

func ofdError(format string, args ...any) *InputError {
	return invalid("该OFD文件"+format+"；请用OFD阅读器打开后另存，或向发文单位索取.docx或文字版PDF", args...)
}

// readOFD reads the text objects of every page of every document of an
// OFD, template pages first where they are drawn beneath the page, in
// reading order, lines joined into paragraphs, page numbers left out.
func readOFD(data []byte, limits Limits) (*Source, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ofdError("已损坏，不是完整的zip封装（%v）", err)
	}
	if len(zr.File) > limits.MaxZipEntries {
		return nil, ofdError("有%d个部件，超过%d的上限", len(zr.File), limits.MaxZipEntries)
	}
	o := &ofdReader{zr: zr, budget: limits.MaxDecompressedBytes, limit: limits.MaxDecompressedBytes}
	var root ofdRoot
	if err := o.decode("OFD.xml", &root); err != nil {
		return nil, err
	}
	var lines []pdfLine
	page := 0
	for _, body := range root.DocBodies {
		docPath := ofdClean("", body.DocRoot)
		var doc ofdDocument
		if err := o.decode(docPath, &doc); err != nil {
			return nil, err
		}
		dir := path.Dir(docPath)
		templates := map[string]string{}
		for _, t := range doc.Templates {
			templates[t.ID] = ofdClean(dir, t.BaseLoc)
		}
		for _, p := range doc.Pages {
			if page >= maxPDFPages {
				return nil, ofdError("超过%d页", maxPDFPages)
			}
			var pg ofdPage
			if err := o.decode(ofdClean(dir, p.BaseLoc), &pg); err != nil {
				return nil, err
			}
			var glyphs []pdfGlyph
			for _, t := range pg.Templates {
				if loc, ok := templates[t.ID]; ok && t.ZOrder != "Foreground" {
					var tp ofdPage
					if err := o.decode(loc, &tp); err == nil {
						for _, l := range tp.Layers {
							glyphs = ofdGlyphs(l, glyphs, 0)
						}
					}
				}
			}
			for _, l := range pg.Layers {
				glyphs = ofdGlyphs(l, glyphs, 0)
			}
			lines = append(lines, pageLines(glyphs, page)...)
			page++
		}
	}
	if page == 0 {
		return nil, ofdError("没有页面")
	}
	text := joinParagraphs(dropPageNumbers(lines))
	if strings.TrimSpace(text) == "" {
		return nil, invalid("无法读取：该OFD文件没有文字（可能是扫描件），gwlint不做文字识别（OCR）；请向发文单位索取.docx或文字版")
	}
	return &Source{Format: FormatOFD, Text: text, Encoding: EncodingUTF8}, nil
}

type ofdReader struct {
	zr     *zip.Reader
	budget int64 // inflated bytes left for all parts together
	limit  int64 // the whole budget, for messages
}

// decode reads part name (found case-insensitively, as writers differ)
// into v, within what is left of the budget.
func (o *ofdReader) decode(name string, v any) error {
	f := zipEntry(o.zr, name)
	if f == nil {
		for _, e := range o.zr.File {
			if strings.EqualFold(e.Name, name) {
				f = e
				break
			}
		}
	}
	if f == nil {
		return ofdError("缺少%s", name)
	}
	bomb := &InputError{Reason: "该OFD文件解压后超过" + formatSize(o.limit) + "的上限（可能是压缩炸弹），已拒绝", Err: ErrTooLarge}
	rc, err := openPart(f, o.budget)
	if err != nil {
		return bomb
	}
	defer rc.Close()
	br := boundedOf(rc)
	before := br.left
	err = xml.NewDecoder(rc).Decode(v)
	o.budget -= before - br.left
	switch {
	case errors.Is(err, errInflateLimit):
		return bomb
	case err != nil:
		return ofdError("的%s已损坏（%v）", name, err)
	}
	return nil
}

// ofdClean resolves a location written in the package: absolute from
// the package root ("/Doc_0/…"), else relative to dir.
func ofdClean(dir, loc string) string {
	loc = strings.ReplaceAll(strings.TrimSpace(loc), `\`, "/")
	if strings.HasPrefix(loc, "/") {
		return strings.TrimPrefix(path.Clean(loc), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+path.Join(dir, loc)), "/")
}

// ofdGlyphs places the characters of a block's text objects. The y axis
// runs down the page, so it is negated for pageLines, which reads lines
// top to bottom by descending y as in PDF.
func ofdGlyphs(b ofdBlock, out []pdfGlyph, depth int) []pdfGlyph {
	if depth > maxOFDBlockDepth {
		return out
	}
	for _, t := range b.Texts {
		box := ofdNumbers(t.Boundary)
		if len(box) < 2 {
			continue
		}
		size, _ := strconv.ParseFloat(t.Size, 64)
		if size <= 0 {
			size = 3.5
		}
		// A CTM scales the object; its scale applies to the size and
		// the advances, its translation is within the boundary.
		scale := 1.0
		if m := ofdNumbers(t.CTM); len(m) == 6 {
			if s := m[0]; s > 0 {
				scale = s
			}
		}
		var x, y float64
		for _, c := range t.Codes {
			if v, err := strconv.ParseFloat(c.X, 64); err == nil {
				x = v
			}
			if v, err := strconv.ParseFloat(c.Y, 64); err == nil {
				y = v
			}
			dx, dy := ofdDeltas(c.DeltaX), ofdDeltas(c.DeltaY)
			i := 0
			for _, r := range c.Text {
				w := size
				if i < len(dx) {
					w = dx[i]
				}
				out = append(out, pdfGlyph{x: box[0] + x*scale, y: -(box[1] + y*scale), w: w * scale, size: size * scale, r: unifiedIdeograph(r)})
				x += w
				if i < len(dy) {
					y += dy[i]
				}
				i++
			}
		}
	}
	for _, inner := range b.Blocks {
		out = ofdGlyphs(inner, out, depth+1)
	}
	return out
}

func ofdNumbers(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		if v, err := strconv.ParseFloat(f, 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// ofdDeltas expands a DeltaX or DeltaY list, where "g N d" stands for N
// times d.
func ofdDeltas(s string) []float64 {
	f := strings.Fields(s)
	var out []float64
	for i := 0; i < len(f); i++ {
		if f[i] == "g" && i+2 < len(f) {
			n, err1 := strconv.Atoi(f[i+1])
			d, err2 := strconv.ParseFloat(f[i+2], 64)
			if err1 == nil && err2 == nil && n > 0 {
				for k := 0; k < n && len(out) < 1<<16; k++ {
					out = append(out, d)
				}
			}
			i += 2
			continue
		}
		if v, err := strconv.ParseFloat(f[i], 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}
