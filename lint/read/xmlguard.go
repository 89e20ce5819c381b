package read

import "io"

// Limits on the XML of an Office part, counted on the bytes as they are
// inflated, before encoding/xml builds anything from them: the decoder
// materializes every attribute of an element (13 million attributes on
// one element, 98 KB compressed, took 2.6 GiB) and every element it
// returns, so a part must be refused while it streams, not after.
const (
	// maxXMLTag is the longest tag, from < to >. Word's longest, a w:rPr
	// child with many attributes or a namespace-heavy root, is a few KB.
	maxXMLTag = 256 << 10
	// maxXMLAttrs is the most attributes one element may carry; Word
	// writes a few dozen on its root element.
	maxXMLAttrs = 1000
	// maxXMLElements is the most elements in one part: a draft at the
	// 2 MiB text limit is well under a million; 16.7 million empty
	// paragraphs (66 KB compressed) took 944 MiB before being refused.
	maxXMLElements = 4 << 20
)

// xmlGuard passes a part's bytes through and fails, with an *InputError
// naming the part, as soon as one of the limits above is passed.
type xmlGuard struct {
	r    io.ReadCloser
	name string

	inTag    bool
	quote    byte // the quote of the attribute value being read, or 0
	tagLen   int
	attrs    int
	elements int
}

func guardXML(r io.ReadCloser, name string) *xmlGuard { return &xmlGuard{r: r, name: name} }

func (g *xmlGuard) Close() error { return g.r.Close() }

func (g *xmlGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	for _, c := range p[:n] {
		if !g.inTag {
			if c == '<' {
				g.inTag, g.tagLen, g.attrs = true, 0, 0
				g.elements++
				if g.elements > maxXMLElements {
					return 0, invalid("该文件的%s含有超过%d个XML元素，不像正常的Word文档，已拒绝", g.name, maxXMLElements)
				}
			}
			continue
		}
		g.tagLen++
		if g.tagLen > maxXMLTag {
			return 0, invalid("该文件的%s中有一个超过%d字节的XML标签，不像正常的Word文档，已拒绝", g.name, maxXMLTag)
		}
		switch {
		case g.quote != 0:
			if c == g.quote {
				g.quote = 0
			}
		case c == '"' || c == '\'':
			g.quote = c
		case c == '=':
			g.attrs++
			if g.attrs > maxXMLAttrs {
				return 0, invalid("该文件的%s中有一个XML元素带有超过%d个属性，不像正常的Word文档，已拒绝", g.name, maxXMLAttrs)
			}
		case c == '>':
			g.inTag = false
		}
	}
	return n, err
}

// boundedOf is the inflate-limited reader under a part opened by
// openPart, for a caller that counts what a part used of a budget.
func boundedOf(rc io.ReadCloser) *boundedReader {
	if g, ok := rc.(*xmlGuard); ok {
		rc = g.r
	}
	return rc.(*boundedReader)
}
