package read

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"gopkg.in/yaml.v3"
)

// markdownParser is built once; a goldmark parser keeps no state between
// Parse calls and may be shared by goroutines.
var markdownParser = sync.OnceValue(func() parser.Parser {
	// CJK keeps a soft line break between two Han characters from being
	// read as a space.
	return goldmark.New(goldmark.WithExtensions(extension.CJK)).Parser()
})

// readMarkdown reads a Markdown draft. Text is the decoded Markdown source
// itself, so positions point into the file as the author sees it. What is
// not prose is described rather than removed: Skipped (code, raw HTML,
// comments, front matter, link destinations) and Markup (the syntax
// characters around prose). Both come from goldmark's AST and its source
// segments; nothing is rendered.
func readMarkdown(data []byte, limits Limits) (*Source, error) {
	text, enc, err := decode(data)
	if err != nil {
		return nil, err
	}
	src := []byte(text)
	if err := checkNesting(src, limits.MaxNesting); err != nil {
		return nil, err
	}
	if err := checkDelimiters(src); err != nil {
		return nil, err
	}
	m := &markdownWalk{src: src}

	parseSrc := src
	fmEnd, fm, err := frontMatter(src)
	if err != nil {
		return nil, err
	}
	// goldmark sees a copy of the source with every byte in place, so
	// that its segments are offsets into Text: front matter, which
	// goldmark knows nothing of, blanked to spaces (keeping line ends),
	// and a lone CR, which goldmark does not take for a line end, turned
	// into LF.
	if fmEnd > 0 || bytes.IndexByte(src, '\r') >= 0 {
		parseSrc = bytes.Clone(src)
		for i := 0; i < fmEnd; i++ {
			if parseSrc[i] != '\n' && parseSrc[i] != '\r' {
				parseSrc[i] = ' '
			}
		}
		for i, c := range parseSrc {
			if c == '\r' && (i+1 == len(parseSrc) || parseSrc[i+1] != '\n') {
				parseSrc[i] = '\n'
			}
		}
	}
	if fmEnd > 0 {
		m.skip(0, fmEnd)
	}
	doc := markdownParser().Parse(gmtext.NewReader(parseSrc))
	m.walk(doc)
	m.lineMarkup()

	idx := newRuneIndex(src)
	s := &Source{Format: FormatMarkdown, Text: text, Encoding: enc, FrontMatter: fm}
	s.Skipped = idx.ranges(m.skipped)
	s.Markup = subtract(idx.ranges(m.markup), s.Skipped)
	for _, c := range m.comments {
		s.Comments = append(s.Comments, Comment{
			Range: Range{idx.at(c.start), idx.at(c.end)},
			Body:  c.body,
		})
	}
	return s, nil
}

type byteRange struct{ start, end int }

type byteComment struct {
	start, end int
	body       string
}

// markdownWalk gathers byte ranges from goldmark's AST.
type markdownWalk struct {
	src      []byte
	skipped  []byteRange
	markup   []byteRange
	comments []byteComment
}

func (m *markdownWalk) skip(start, end int) {
	start, end = max(start, 0), min(end, len(m.src))
	if start < end {
		m.skipped = append(m.skipped, byteRange{start, end})
	}
}

func (m *markdownWalk) mark(start, end int) {
	start, end = max(start, 0), min(end, len(m.src))
	if start < end {
		m.markup = append(m.markup, byteRange{start, end})
	}
}

// walk visits the tree without recursion: a draft may legally nest
// emphasis and links deep enough to make a recursive walk expensive.
func (m *markdownWalk) walk(root ast.Node) {
	stack := []ast.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !m.visit(n) {
			continue
		}
		for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
			stack = append(stack, c)
		}
	}
}

// visit records what n says about the source and reports whether its
// children need visiting.
func (m *markdownWalk) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FencedCodeBlock:
		m.fencedCode(n)
		return false
	case *ast.CodeBlock:
		if lines := n.Lines(); lines.Len() > 0 {
			m.skip(lines.At(0).Start, trimLineEnd(m.src, lines.At(lines.Len()-1).Stop))
		}
		return false
	case *ast.HTMLBlock:
		lines := n.Lines()
		if lines.Len() == 0 {
			return false
		}
		end := lines.At(lines.Len() - 1).Stop
		if n.HasClosure() {
			end = n.ClosureLine.Stop
		}
		start := lines.At(0).Start
		end = trimLineEnd(m.src, end)
		m.skip(start, end)
		m.findComments(start, end)
		return false
	case *ast.LinkReferenceDefinition:
		if lines := n.Lines(); lines.Len() > 0 {
			m.skip(lines.At(0).Start, trimLineEnd(m.src, lines.At(lines.Len()-1).Stop))
		}
		return false
	case *ast.Heading:
		m.heading(n)
		m.inlineMarkup(n)
	case *ast.Paragraph, *ast.TextBlock:
		m.inlineMarkup(n)
	case *ast.ListItem:
		m.listMarker(n)
	case *ast.CodeSpan:
		m.codeSpan(n)
		return false
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			start, end := n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop
			m.skip(start, end)
			m.findComments(start, end)
		}
		return false
	case *ast.AutoLink:
		if p := n.Pos(); p >= 0 && p < len(m.src) {
			if gt := bytes.IndexByte(m.src[p:], '>'); gt >= 0 {
				m.skip(p, p+gt+1)
			}
		}
		return false
	case *ast.Link:
		m.linkDestination(n, n.Reference)
	case *ast.Image:
		m.linkDestination(n, n.Reference)
	}
	return true
}

// trimLineEnd moves end back over a final line break, so that a skipped
// block does not swallow the line end that separates it from the next.
func trimLineEnd(src []byte, end int) int {
	end = min(end, len(src))
	if end > 0 && src[end-1] == '\n' {
		end--
	}
	if end > 0 && src[end-1] == '\r' {
		end--
	}
	return end
}

// lineEnd is the offset of the line break ending the line that holds i
// (or len(src)).
func lineEnd(src []byte, i int) int {
	if i >= len(src) {
		return len(src)
	}
	if j := bytes.IndexAny(src[i:], "\r\n"); j >= 0 {
		return i + j
	}
	return len(src)
}

// nextLine is the start of the line after the one holding i.
func nextLine(src []byte, i int) int {
	e := lineEnd(src, i)
	if e < len(src) && src[e] == '\r' {
		e++
	}
	if e < len(src) && src[e] == '\n' {
		e++
	}
	return e
}

// fencedCode skips a fenced block from its opening fence through its
// closing fence; goldmark's lines hold only the content between them.
func (m *markdownWalk) fencedCode(n *ast.FencedCodeBlock) {
	start := n.Pos()
	if start < 0 || start >= len(m.src) {
		return
	}
	fence := m.src[start]
	if fence != '`' && fence != '~' {
		return
	}
	width := 0
	for start+width < len(m.src) && m.src[start+width] == fence {
		width++
	}
	end := lineEnd(m.src, start)
	if lines := n.Lines(); lines.Len() > 0 {
		end = trimLineEnd(m.src, lines.At(lines.Len()-1).Stop)
	}
	// The closing fence, if there is one, is the next line.
	if next := nextLine(m.src, end); next < len(m.src) && next > end {
		closeEnd := lineEnd(m.src, next)
		line := bytes.TrimLeft(m.src[next:closeEnd], " \t>")
		run := 0
		for run < len(line) && line[run] == fence {
			run++
		}
		if run >= width && len(bytes.TrimSpace(line[run:])) == 0 {
			end = closeEnd
		}
	}
	m.skip(start, end)
}

// codeSpan skips a code span with its backticks. Its Pos is the opening
// run; the closing run of the same length follows the last content
// segment.
func (m *markdownWalk) codeSpan(n *ast.CodeSpan) {
	start := n.Pos()
	if start < 0 || start >= len(m.src) {
		return
	}
	width := 0
	for start+width < len(m.src) && m.src[start+width] == '`' {
		width++
	}
	end := start + width
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			end = max(end, t.Segment.Stop)
		}
	}
	if i := bytes.IndexByte(m.src[end:], '`'); i >= 0 {
		end += i + width
	}
	m.skip(start, end)
}

// heading marks the # signs of an ATX heading, opening and closing.
// A setext heading's underline is marked by lineMarkup.
func (m *markdownWalk) heading(n *ast.Heading) {
	p := n.Pos()
	if p < 0 || p >= len(m.src) || m.src[p] != '#' {
		return
	}
	lines := n.Lines()
	if lines.Len() > 0 && lines.At(0).Start <= p {
		return // setext content that happens to begin with #
	}
	run := p
	for run < len(m.src) && m.src[run] == '#' {
		run++
	}
	m.mark(p, run)
	if lines.Len() == 0 {
		return
	}
	// A closing sequence: only # and spaces between the content and the
	// line end.
	stop := lines.At(lines.Len() - 1).Stop
	end := lineEnd(m.src, stop)
	rest := m.src[stop:end]
	if t := bytes.Trim(rest, " \t"); len(t) > 0 && len(bytes.Trim(t, "#")) == 0 {
		first := stop + bytes.IndexByte(rest, '#')
		m.mark(first, first+len(t))
	}
}

// listMarker marks "-", "*", "+", "1." or "1)" of a list item; its Pos is
// the marker and Offset the width up to the item's content.
func (m *markdownWalk) listMarker(n *ast.ListItem) {
	p := n.Pos()
	if p < 0 || p >= len(m.src) {
		return
	}
	end := min(p+max(n.Offset, 1), lineEnd(m.src, p))
	for end > p && (m.src[end-1] == ' ' || m.src[end-1] == '\t') {
		end--
	}
	m.mark(p, end)
}

// inlineMarkup marks, inside the lines of a paragraph or heading, every
// non-space byte that no Text node covers (emphasis delimiters, link
// brackets) and, inside Text nodes, backslash escapes and character
// references. What lies in code spans, raw HTML and link destinations is
// skipped as well and removed from Markup later.
func (m *markdownWalk) inlineMarkup(block ast.Node) {
	lines := block.Lines()
	if lines.Len() == 0 {
		return
	}
	var covered []byteRange
	stack := []ast.Node{}
	for c := block.LastChild(); c != nil; c = c.PreviousSibling() {
		stack = append(stack, c)
	}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if t, ok := n.(*ast.Text); ok {
			covered = append(covered, byteRange{t.Segment.Start, t.Segment.Stop})
			continue
		}
		for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
			stack = append(stack, c)
		}
	}
	sort.Slice(covered, func(i, j int) bool { return covered[i].start < covered[j].start })
	for _, c := range covered {
		m.textSyntax(c.start, c.end)
	}
	k := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		start := -1
		for p := seg.Start; p <= seg.Stop && p <= len(m.src); p++ {
			inMarkup := false
			if p < seg.Stop && p < len(m.src) {
				for k < len(covered) && covered[k].end <= p {
					k++
				}
				inText := k < len(covered) && covered[k].start <= p
				c := m.src[p]
				inMarkup = !inText && c != ' ' && c != '\t' && c != '\n' && c != '\r'
			}
			switch {
			case inMarkup && start < 0:
				start = p
			case !inMarkup && start >= 0:
				m.mark(start, p)
				start = -1
			}
		}
	}
}

// textSyntax marks what goldmark leaves inside a Text segment and
// resolves only when rendering: backslash escapes and character
// references. An escape ("\*", "\;") is marked whole, the escaped
// character with its backslash: the author wrote it to show a literal
// ASCII mark, and a rule that took it for prose would "fix" "\;" into
// "\；", which renders with a visible backslash. A backslash before a
// line end (a hard line break) is marked alone. A character reference
// ("&amp;", "&#12289;", "&#x4E00;") stands for one character, but its
// "&" and ";" are syntax, not the ASCII punctuation of a sentence, and
// must not be counted or corrected; it stays in the source as written,
// so it is Markup rather than decoded.
func (m *markdownWalk) textSyntax(start, end int) {
	src := m.src
	end = min(end, len(src))
	for p := max(start, 0); p < end; p++ {
		switch src[p] {
		case '\\':
			if p+1 >= len(src) {
				continue
			}
			switch next := src[p+1]; {
			case isASCIIPunct(next):
				m.mark(p, p+2)
				p++
			case next == '\n' || next == '\r':
				m.mark(p, p+1)
			}
		case '&':
			if n := charRefLen(src[p:]); n > 0 {
				m.mark(p, p+n)
				p += n - 1
			}
		}
	}
}

// charRefLen is the length of the character reference that b opens with,
// or 0. The forms are CommonMark's: &#1–7 decimal digits; &#x or &#X and
// 1–6 hex digits; & and an HTML5 entity name, each closed by ";". A name
// HTML5 does not define (&nosuch;) is literal text, as goldmark renders it.
func charRefLen(b []byte) int {
	const maxName = 32 // the longest HTML5 name, CounterClockwiseContourIntegral, has 31 letters
	if len(b) < 3 || b[0] != '&' {
		return 0
	}
	if b[1] == '#' {
		i, lo, hi, hex := 2, 1, 7, false
		if i < len(b) && (b[i] == 'x' || b[i] == 'X') {
			i, hi, hex = 3, 6, true
		}
		d := i
		for d < len(b) && d-i < hi && (isDigit(b[d]) || hex && isHexLetter(b[d])) {
			d++
		}
		if d-i >= lo && d < len(b) && b[d] == ';' {
			return d + 1
		}
		return 0
	}
	i := 1
	for i < len(b) && i <= maxName && (isDigit(b[i]) || b[i] >= 'a' && b[i] <= 'z' || b[i] >= 'A' && b[i] <= 'Z') {
		i++
	}
	if i == 1 || i >= len(b) || b[i] != ';' {
		return 0
	}
	if _, ok := util.LookUpHTML5EntityByName(string(b[1:i])); !ok {
		return 0
	}
	return i + 1
}

func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isHexLetter(c byte) bool { return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// linkDestination skips what follows a link's text: "(destination
// "title")" of an inline link or "[label]" of a full reference. The
// link's Pos is its "[" (or "!["); the text's "]" is the first one after
// the last byte of its content.
func (m *markdownWalk) linkDestination(n ast.Node, ref *ast.ReferenceLink) {
	p := n.Pos()
	if p < 0 || p >= len(m.src) {
		return
	}
	contentEnd := p + 1
	stack := []ast.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c := c.(type) {
		case *ast.Text:
			contentEnd = max(contentEnd, c.Segment.Stop)
		case *ast.RawHTML:
			if c.Segments.Len() > 0 {
				contentEnd = max(contentEnd, c.Segments.At(c.Segments.Len()-1).Stop)
			}
		}
		for k := c.FirstChild(); k != nil; k = k.NextSibling() {
			stack = append(stack, k)
		}
	}
	if contentEnd >= len(m.src) {
		return
	}
	close := bytes.IndexByte(m.src[contentEnd:], ']')
	if close < 0 {
		return
	}
	after := contentEnd + close + 1
	if after >= len(m.src) {
		return
	}
	switch {
	case ref == nil && m.src[after] == '(':
		if end := inlineDestinationEnd(m.src, after); end > after {
			m.skip(after, end)
		}
	case ref != nil && ref.Type == ast.ReferenceLinkFull && m.src[after] == '[':
		if end := bytes.IndexByte(m.src[after:], ']'); end > 0 {
			m.skip(after, after+end+1)
		}
	}
}

// inlineDestinationEnd returns the offset just past the ")" closing the
// "(destination "title")" that opens at open, or -1.
func inlineDestinationEnd(src []byte, open int) int {
	i := open + 1
	space := func() {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
			i++
		}
	}
	space()
	if i < len(src) && src[i] == '<' {
		for i++; i < len(src) && src[i] != '>' && src[i] != '\n'; i++ {
			if src[i] == '\\' {
				i++
			}
		}
		i++
	} else {
		depth := 0
	dest:
		for ; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case ' ', '\t', '\n', '\r':
				break dest
			case '(':
				depth++
			case ')':
				if depth == 0 {
					break dest
				}
				depth--
			}
		}
	}
	space()
	if i < len(src) && (src[i] == '"' || src[i] == '\'' || src[i] == '(') {
		closer := src[i]
		if closer == '(' {
			closer = ')'
		}
		for i++; i < len(src) && src[i] != closer; i++ {
			if src[i] == '\\' {
				i++
			}
		}
		i++
		space()
	}
	if i < len(src) && src[i] == ')' {
		return i + 1
	}
	return -1
}

// findComments records every <!-- ... --> in src[start:end].
func (m *markdownWalk) findComments(start, end int) {
	for start < end {
		open := bytes.Index(m.src[start:end], []byte("<!--"))
		if open < 0 {
			return
		}
		open += start
		bodyStart := open + len("<!--")
		closeAt := bytes.Index(m.src[bodyStart:end], []byte("-->"))
		stop := end
		body := m.src[bodyStart:end]
		if closeAt >= 0 {
			body = m.src[bodyStart : bodyStart+closeAt]
			stop = bodyStart + closeAt + len("-->")
		}
		m.comments = append(m.comments, byteComment{open, stop, strings.TrimSpace(string(body))})
		start = stop
	}
}

// lineMarkup marks what only the shape of a line tells: block-quote ">"
// markers, setext heading underlines and thematic breaks. Marks that land
// in code or HTML are dropped later with the rest of Markup in Skipped.
func (m *markdownWalk) lineMarkup() {
	src := m.src
	for ls := 0; ls < len(src); ls = nextLine(src, ls) {
		le := lineEnd(src, ls)
		i := ls
		for i < le {
			for i < le && (src[i] == ' ' || src[i] == '\t') {
				i++
			}
			if i >= le {
				break
			}
			if rest := src[i:le]; isRuleLine(rest) {
				for j, c := range rest {
					if c != ' ' && c != '\t' {
						m.mark(i+j, i+j+1)
					}
				}
				break
			}
			if src[i] == '>' {
				m.mark(i, i+1)
				i++
				continue
			}
			if w := listMarkerWidth(src[i:le]); w > 0 {
				i += w
				continue
			}
			break
		}
		if le == len(src) {
			break
		}
	}
}

// isRuleLine reports whether a line (after its container markers) is a
// setext underline (= or - only) or a thematic break (three or more of
// one of - * _, spaces allowed).
func isRuleLine(line []byte) bool {
	var ch byte
	n := 0
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t':
			continue
		case ch == 0 && (c == '=' || c == '-' || c == '*' || c == '_'):
			ch = c
		case c != ch:
			return false
		}
		n++
	}
	return ch == '=' || ch == '-' || n >= 3
}

// listMarkerWidth is the width of a list marker and the space after it at
// the start of line, or 0.
func listMarkerWidth(line []byte) int {
	if len(line) == 0 {
		return 0
	}
	spaceAt := func(i int) bool { return i == len(line) || line[i] == ' ' || line[i] == '\t' }
	switch line[0] {
	case '-', '+', '*':
		if spaceAt(1) {
			return min(2, len(line))
		}
		return 0
	}
	d := 0
	for d < len(line) && d < 9 && line[d] >= '0' && line[d] <= '9' {
		d++
	}
	if d > 0 && d < len(line) && (line[d] == '.' || line[d] == ')') && spaceAt(d+1) {
		return min(d+2, len(line))
	}
	return 0
}

// maxDelimiters is the most link brackets, or emphasis marks, one
// paragraph may hold. goldmark keeps a node and a delimiter record for
// each while it parses a paragraph's inlines: 2 MiB of "[" took 961 MiB,
// "*a" a million times 741 MiB. No draft has ten thousand of either in
// one paragraph.
const maxDelimiters = 10000

// checkDelimiters refuses a paragraph (a run of non-blank lines) with
// more than maxDelimiters "[" or more than maxDelimiters "*" and "_"
// before goldmark sees it.
func checkDelimiters(src []byte) error {
	brackets, emphasis, line, start := 0, 0, 1, 1
	blank := true
	for _, c := range src {
		switch c {
		case '\n':
			if blank {
				brackets, emphasis, start = 0, 0, line+1
			}
			blank = true
			line++
			continue
		case '[':
			brackets++
		case '*', '_':
			emphasis++
		}
		if c != ' ' && c != '\t' && c != '\r' {
			blank = false
		}
		if brackets > maxDelimiters || emphasis > maxDelimiters {
			return invalid("Markdown第%d行起的段落含有超过%d个“[”或强调符号“*”“_”，不像正常的文稿，已拒绝；请检查文件是否正确", start, maxDelimiters)
		}
	}
	return nil
}

// checkNesting refuses Markdown nested so deep that goldmark, whose work
// per line grows with the square of its open containers, would take
// minutes: a line opening more than maxDepth block quotes and list items,
// or indented more than 4×maxDepth columns (each list level takes at
// least two).
func checkNesting(src []byte, maxDepth int) error {
	maxIndent := 4 * maxDepth
	line := 1
	for ls := 0; ls < len(src); ls = nextLine(src, ls) {
		le := lineEnd(src, ls)
		col := 0
		i := ls
		for ; i < le && (src[i] == ' ' || src[i] == '\t'); i++ {
			if src[i] == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
		}
		if col > maxIndent {
			return invalid("Markdown第%d行缩进%d列，超过%d列会使列表嵌套过深而无法解析，已拒绝", line, col, maxIndent)
		}
		depth := 0
		for i < le {
			if src[i] == ' ' || src[i] == '\t' {
				i++
				continue
			}
			if src[i] == '>' {
				depth++
				i++
				continue
			}
			if w := listMarkerWidth(src[i:le]); w > 0 {
				depth++
				i += w
				continue
			}
			break
		}
		if depth > maxDepth {
			return invalid("Markdown第%d行嵌套了%d层引用和列表，超过%d层，已拒绝", line, depth, maxDepth)
		}
		line++
		if le == len(src) {
			break
		}
	}
	return nil
}

// frontMatter finds YAML front matter: a first line "---", then a line
// "---" or "..." closing it. It returns the byte offset just past the
// closing delimiter (0 when there is none) and the top-level keys whose
// values are scalars.
func frontMatter(src []byte) (int, map[string]string, error) {
	first := lineEnd(src, 0)
	if string(bytes.TrimRight(src[:first], " \t")) != "---" {
		return 0, nil, nil
	}
	bodyStart := nextLine(src, 0)
	line := 2
	for ls := bodyStart; ls < len(src); ls = nextLine(src, ls) {
		le := lineEnd(src, ls)
		delim := string(bytes.TrimRight(src[ls:le], " \t"))
		if delim == "---" || delim == "..." {
			fm, err := frontMatterKeys(src[bodyStart:ls])
			if err != nil {
				return 0, nil, invalid("文首元数据（第1—%d行）不是合法的YAML（%v）", line, err)
			}
			return le, fm, nil
		}
		line++
		if le == len(src) {
			break
		}
	}
	return 0, nil, nil // no closing line: a thematic break, not front matter
}

func frontMatterKeys(body []byte) (fm map[string]string, err error) {
	defer func() {
		// yaml.v3 has panicked on malformed input before; a draft's front
		// matter must never take the tool down.
		if r := recover(); r != nil {
			fm, err = nil, fmt.Errorf("yaml parser failed: %v", r)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(body, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	mapping := doc.Content[0]
	fm = map[string]string{}
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		k, v := mapping.Content[i], mapping.Content[i+1]
		if k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode {
			fm[k.Value] = v.Value
		}
	}
	return fm, nil
}

// runeIndex converts byte offsets into src to rune offsets, keeping a
// count for every 256-byte block so that a conversion reads at most 255
// bytes.
type runeIndex struct {
	src    []byte
	blocks []int
}

const runeIndexBlock = 256

func newRuneIndex(src []byte) *runeIndex {
	x := &runeIndex{src: src, blocks: make([]int, len(src)/runeIndexBlock+1)}
	n := 0
	for i, b := range src {
		if i%runeIndexBlock == 0 {
			x.blocks[i/runeIndexBlock] = n
		}
		if b&0xC0 != 0x80 {
			n++
		}
	}
	if len(src)%runeIndexBlock == 0 {
		x.blocks[len(src)/runeIndexBlock] = n
	}
	return x
}

// at returns the number of runes that start before byte offset b.
func (x *runeIndex) at(b int) int {
	b = max(0, min(b, len(x.src)))
	blk := b / runeIndexBlock
	if blk >= len(x.blocks) {
		blk = len(x.blocks) - 1
	}
	n := x.blocks[blk]
	for i := blk * runeIndexBlock; i < b; i++ {
		if x.src[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// ranges converts byte ranges to rune ranges, sorted and merged.
func (x *runeIndex) ranges(brs []byteRange) []Range {
	out := make([]Range, 0, len(brs))
	for _, r := range brs {
		if s, e := x.at(r.start), x.at(r.end); s < e {
			out = append(out, Range{s, e})
		}
	}
	return mergeRanges(out)
}

// mergeRanges sorts ranges and joins those that overlap or touch.
func mergeRanges(rs []Range) []Range {
	if len(rs) == 0 {
		return nil
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.Start <= last.End {
			last.End = max(last.End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}

// subtract removes from rs (sorted, merged) everything inside cut (sorted,
// merged).
func subtract(rs, cut []Range) []Range {
	var out []Range
	k := 0
	for _, r := range rs {
		for k < len(cut) && cut[k].End <= r.Start {
			k++
		}
		start := r.Start
		for j := k; j < len(cut) && cut[j].Start < r.End; j++ {
			if cut[j].Start > start {
				out = append(out, Range{start, cut[j].Start})
			}
			start = max(start, cut[j].End)
		}
		if start < r.End {
			out = append(out, Range{start, r.End})
		}
	}
	return out
}
