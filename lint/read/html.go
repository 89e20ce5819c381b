package read

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaPrescanBytes is how far into an HTML file a <meta charset> is looked
// for. The HTML standard says 1024; Chinese pages often carry a long
// comment or <title> first, and browsers look further in practice.
const metaPrescanBytes = 4096

// readHTML reads an HTML draft. Text is the text a browser shows: script,
// style, head, template, noscript and hidden elements are left out;
// entities are decoded; each block element (p, div, h1-h6, li, tr, td,
// th, table, blockquote, pre, ...) stands on its own line, and each br
// ends a line. Inside a block, runs of HTML white space collapse to one
// space and are trimmed at its edges, as browsers do, except that a line
// break between two East Asian wide characters (Han, kana, full-width
// punctuation) disappears instead of becoming a space, so Chinese text
// wrapped in the source stays whole. Inside pre, white space is kept.
// Empty lines are dropped, except those made by br or inside pre.
//
// A comment's Range is the zero-length position in Text where it stood:
// the end of the line before it when it stands between blocks, so that a
// disable-next-line comment refers to the block after it.
//
// The encoding is taken from a byte-order mark, else from <meta charset>
// or <meta http-equiv="Content-Type">, else detected as for text.
func readHTML(data []byte) (*Source, error) {
	text, enc, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, invalid("网页格式错误，无法读取（%v）", err)
	}
	v := &visibleText{}
	v.walk(doc)
	s := &Source{Format: FormatHTML, Text: v.out.String(), Encoding: enc}
	s.Comments = v.comments
	for i := range s.Comments {
		r := &s.Comments[i].Range
		r.Start = min(r.Start, v.outRunes)
		r.End = r.Start
	}
	return s, nil
}

func decodeHTML(data []byte) (text, enc string, err error) {
	if bytes.HasPrefix(data, bomUTF8) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return decode(data)
	}
	if label := metaCharset(data[:min(len(data), metaPrescanBytes)]); label != "" {
		return decodeDeclared(data, label)
	}
	return decode(data)
}

// metaCharset returns the charset label a <meta> near the top declares,
// or "". The tokenizer works on bytes, so any ASCII-compatible encoding
// can be scanned before it is known.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if atom.Lookup(name) == atom.Body {
				return ""
			}
			if atom.Lookup(name) != atom.Meta || !hasAttr {
				continue
			}
			var charset, httpEquiv, content string
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					charset = strings.TrimSpace(string(v))
				case "http-equiv":
					httpEquiv = strings.ToLower(strings.TrimSpace(string(v)))
				case "content":
					content = string(v)
				}
			}
			if charset != "" {
				return charset
			}
			if httpEquiv == "content-type" {
				if _, after, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
					label, _, _ := strings.Cut(after, ";")
					if label = strings.Trim(strings.TrimSpace(label), `"'`); label != "" {
						return label
					}
				}
			}
		}
	}
}

// htmlBlocks are the elements that start and end a line of visible text.
var htmlBlocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true,
	atom.Legend: true, atom.Li: true, atom.Listing: true, atom.Main: true,
	atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Plaintext: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Td: true, atom.Tfoot: true,
	atom.Th: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
	atom.Xmp: true,
}

// htmlHidden are the elements whose content a browser does not show.
var htmlHidden = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Template: true,
	atom.Noscript: true, atom.Title: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Noembed: true, atom.Noframes: true,
}

// htmlPreformatted keep their white space.
var htmlPreformatted = map[atom.Atom]bool{
	atom.Pre: true, atom.Listing: true, atom.Xmp: true, atom.Plaintext: true, atom.Textarea: true,
}

// visibleText accumulates the lines of visible text.
type visibleText struct {
	out      strings.Builder // finished lines joined by "\n"
	outRunes int
	lines    int

	line      strings.Builder // the line being built
	lineRunes int
	last      rune // last rune written to line

	space   bool // white space seen since the last rune
	newline bool // ... and it held a line break

	hidden   int // depth inside elements not shown
	preDepth int

	comments []Comment
}

// walk visits the tree without recursion; x/net/html already refuses
// nesting deeper than 512 open elements, but a walk need not rely on it.
func (v *visibleText) walk(root *html.Node) {
	type step struct {
		n    *html.Node
		exit bool
	}
	stack := []step{{n: root}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s.exit {
			v.leave(s.n)
			continue
		}
		v.enter(s.n)
		stack = append(stack, step{n: s.n, exit: true})
		for c := s.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, step{n: c})
		}
	}
}

func (v *visibleText) enter(n *html.Node) {
	switch n.Type {
	case html.CommentNode:
		v.comments = append(v.comments, Comment{
			Range: Range{v.position(), v.position()},
			Body:  strings.TrimSpace(n.Data),
		})
	case html.TextNode:
		if v.hidden == 0 {
			v.text(n.Data)
		}
	case html.ElementNode:
		if v.hidden > 0 || isHiddenElement(n) {
			v.hidden++
			return
		}
		switch {
		case n.DataAtom == atom.Br:
			v.endLine(true)
		case htmlBlocks[n.DataAtom]:
			v.endLine(false)
		}
		if htmlPreformatted[n.DataAtom] {
			v.preDepth++
		}
	}
}

func (v *visibleText) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	if v.hidden > 0 {
		v.hidden--
		return
	}
	if htmlPreformatted[n.DataAtom] {
		v.preDepth--
	}
	if htmlBlocks[n.DataAtom] {
		v.endLine(false)
	}
}

func isHiddenElement(n *html.Node) bool {
	if htmlHidden[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none") {
				return true
			}
		}
	}
	return false
}

// position is where the next comment stands: inside the current line,
// or at the end of the last finished one.
func (v *visibleText) position() int {
	if v.lineRunes > 0 {
		sep := 0
		if v.lines > 0 {
			sep = 1
		}
		return v.outRunes + sep + v.lineRunes
	}
	return v.outRunes
}

func (v *visibleText) text(s string) {
	if v.preDepth > 0 {
		for _, r := range s {
			if r == '\n' {
				v.endLine(true)
				continue
			}
			v.put(r)
		}
		return
	}
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\f', '\r':
			if v.lineRunes > 0 {
				v.space = true
				v.newline = v.newline || r == '\n' || r == '\r'
			}
			continue
		}
		if v.space && !(v.newline && eastAsianWide(v.last) && eastAsianWide(r)) {
			v.put(' ')
		}
		v.space, v.newline = false, false
		v.put(r)
	}
}

func (v *visibleText) put(r rune) {
	v.line.WriteRune(r)
	v.lineRunes++
	v.last = r
}

// endLine finishes the current line. An empty line is kept only when
// forced (br, a line break in pre).
func (v *visibleText) endLine(force bool) {
	if v.lineRunes == 0 && !force {
		return
	}
	if v.lines > 0 {
		v.out.WriteByte('\n')
		v.outRunes++
	}
	v.out.WriteString(v.line.String())
	v.outRunes += v.lineRunes
	v.lines++
	v.line.Reset()
	v.lineRunes = 0
	v.space, v.newline = false, false
	v.last = 0
}

// eastAsianWide reports whether r is a character between which a source
// line break is dropped rather than shown as a space (CSS Text, segment
// break transformation).
func eastAsianWide(r rune) bool {
	switch {
	case r == 0 || r == utf8.RuneError:
		return false
	case r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFF00 && r <= 0xFFEF, // full-width forms
		r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo)
}
