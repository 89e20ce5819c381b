package read

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
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
)

var errInflateLimit = errors.New("inflate limit reached")

// readDocx reads a Word .docx. Text is the paragraphs (w:p) of the main
// document body, in document order, joined with "\n"; a paragraph in a
// table cell is a line of its own. Within a paragraph: w:t is text, w:tab
// and w:ptab are "\t", w:noBreakHyphen is "-", page and column breaks are
// nothing (they are layout, not text).
//
// A manual line break (w:br without a type, or type="textWrapping", and
// w:cr) does not end the line: the contract makes line N of a report
// paragraph N of the document, so only a w:p may. The break becomes
// nothing, because Chinese text wraps between characters without a space
// ("通<br/>知" reads "通知"), except between two ASCII letters or digits,
// where it becomes one space so that the words either side stay apart
// ("Windows<br/>10" reads "Windows 10").
//
// Tracked changes are read as if accepted: inserted text (w:ins, w:moveTo)
// is kept, deleted text (w:del, w:moveFrom) is not. Text boxes
// (w:txbxContent) float outside the flow of the body and are left out, as
// are field codes (w:instrText), headers, footers, footnotes and comments,
// which live in other parts.
//
// The zip's own size fields are only a hint: the part is inflated through
// a reader that stops at Limits.MaxDecompressedBytes, so a zip bomb fails
// with an error. A DOCTYPE is refused (Word never writes one), so entity
// tricks never reach the XML decoder, which would not expand custom
// entities anyway.
func readDocx(data []byte, limits Limits) (*Source, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, invalid("not a .docx: %w", err)
	}
	if len(zr.File) > limits.MaxZipEntries {
		return nil, invalid("not a .docx: the zip has %d entries, over the limit of %d", len(zr.File), limits.MaxZipEntries)
	}
	name, err := mainPartName(zr, limits)
	if err != nil {
		return nil, err
	}
	f := zipEntry(zr, name)
	if f == nil {
		if name == defaultMainPart {
			return nil, invalid("%s missing: not a Word document", name)
		}
		return nil, invalid("%s missing (named as the main document in _rels/.rels)", name)
	}
	text, err := docxText(f, name, limits.MaxDecompressedBytes)
	if err != nil {
		return nil, err
	}
	return &Source{Format: FormatDocx, Text: text, Encoding: EncodingUTF8}, nil
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
		return nil, invalid("%s inflates past %s", f.Name, formatSize(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, invalid("%s: %w", f.Name, err)
	}
	return &boundedReader{rc: rc, left: limit}, nil
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
		return invalid("%s inflates past %s", name, formatSize(limit))
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return invalid("%s is not well-formed XML: line %d: %s", name, se.Line, se.Msg)
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return ie
	}
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) {
		// archive/zip also stops at the size the header declares.
		return invalid("%s is a corrupt zip entry: %w", name, err)
	}
	return invalid("%s: %w", name, err)
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

// docxText streams the main part through the XML decoder and collects
// the body's paragraphs.
func docxText(f *zip.File, name string, limit int64) (string, error) {
	rc, err := openPart(f, limit)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var (
		paras    []string
		cur      strings.Builder
		depth    int
		skipFrom int // depth of the element whose subtree is ignored; 0 for none
		inBody   bool
		paraOpen int
		inText   bool
		sawBody  bool
		// lineBreak: a manual line break was read and nothing since;
		// what it becomes depends on the text after it.
		lineBreak bool
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", partError(name, limit, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
				return "", invalid("%s has a DOCTYPE, which Word never writes; refused", name)
			}
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return "", invalid("%s nests elements more than %d deep", name, maxXMLDepth)
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
			if t.Name.Local == "body" {
				inBody, sawBody = true, true
				continue
			}
			if !inBody {
				continue
			}
			switch t.Name.Local {
			case "del", "moveFrom", "delText", "delInstrText", "instrText",
				"txbxContent", "pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr":
				skipFrom = depth
			case "p":
				if paraOpen == 0 {
					cur.Reset()
					lineBreak = false
				}
				paraOpen++
			case "t":
				inText = paraOpen > 0
			case "tab", "ptab":
				if paraOpen > 0 {
					cur.WriteByte('\t')
					lineBreak = false
				}
			case "cr":
				lineBreak = lineBreak || paraOpen > 0
			case "br":
				lineBreak = lineBreak || paraOpen > 0 && isLineBreak(t)
			case "noBreakHyphen":
				if paraOpen > 0 {
					cur.WriteByte('-')
					lineBreak = false
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
			case "body":
				inBody = false
			case "t":
				inText = false
			case "p":
				if paraOpen > 0 {
					paraOpen--
					if paraOpen == 0 {
						paras = append(paras, cur.String())
					}
				}
			}
		case xml.CharData:
			if inText && skipFrom == 0 && len(t) > 0 {
				if lineBreak && isASCIIAlnum(lastByte(&cur)) && isASCIIAlnum(t[0]) {
					cur.WriteByte(' ')
				}
				lineBreak = false
				cur.Write(t)
			}
		}
	}
	if !sawBody {
		// A blank Word document still has an (empty) w:body.
		return "", invalid("%s has no w:body: not a Word document", name)
	}
	return strings.Join(paras, "\n"), nil
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

// lastByte is the last byte written to b, or 0.
func lastByte(b *strings.Builder) byte {
	s := b.String()
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
