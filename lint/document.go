package lint

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint/gongwen"
	"github.com/gwlint/gwlint/lint/read"
	"github.com/gwlint/gwlint/lint/seg"
)

// Document is a parsed draft: its decoded text, the 公文 structure
// recognized in it, and facts computed on demand.
type Document struct {
	Path   string
	Format read.Format
	// Text is the decoded text as the contract defines it; every offset
	// points into it.
	Text string
	// Prose is Text with everything that is not prose (Markdown code,
	// front matter, raw HTML, markup characters) blanked out rune for rune,
	// line breaks kept. It has the same rune offsets as Text, so rules read
	// Prose and report offsets that are right for Text.
	Prose string
	// Source is what the reader returned, with the raw bytes and encoding
	// that --fix needs.
	Source *read.Source
	// Structure is the recognized anatomy: title block, 主送机关, headings,
	// 附件说明, 成文日期, 版记, and the 文种.
	Structure *gongwen.Structure

	index      *Index
	proseIndex *Index

	wordsMu sync.Mutex
	words   []seg.Word

	factsMu sync.Mutex
	facts   map[any]*fact
}

type fact struct {
	once  sync.Once
	value any
}

// Parse builds a Document from a reader's Source.
func Parse(src *read.Source) *Document {
	d := &Document{Path: src.Path, Format: src.Format, Text: src.Text, Source: src}
	d.Prose = blankOut(src.Text, src.Skipped, src.Markup)
	d.index = NewIndex(d.Text)
	if d.Prose == d.Text {
		d.proseIndex = d.index
	} else {
		d.proseIndex = NewIndex(d.Prose)
	}
	d.Structure = gongwen.Recognize(d.Prose)
	return d
}

// ParseFile reads and parses a draft file of any supported type.
func ParseFile(path string) (*Document, error) {
	src, err := read.File(path, read.DefaultLimits())
	if err != nil {
		return nil, err
	}
	return Parse(src), nil
}

// ParseBytes parses a draft held in memory; name's extension chooses the
// reader (.txt, .md, .docx, .html), as for a file.
func ParseBytes(name string, data []byte) (*Document, error) {
	src, err := read.Bytes(name, data, read.DefaultLimits())
	if err != nil {
		return nil, err
	}
	return Parse(src), nil
}

// ParseText parses plain text that is already decoded.
func ParseText(name, text string) *Document {
	return Parse(&read.Source{Path: name, Format: read.FormatText, Text: text, Encoding: "utf-8", Raw: []byte(text)})
}

// Index is the position index of Text.
func (d *Document) Index() *Index { return d.index }

// Len is the number of runes in the text.
func (d *Document) Len() int { return d.index.Len() }

// Position converts a rune offset to a line and column.
func (d *Document) Position(off int) Position { return d.index.Position(off) }

// Slice returns the prose of a span: Text with non-prose blanked.
func (d *Document) Slice(s Span) string { return d.proseIndex.Slice(s) }

// SpanOfBytes converts a byte range of Prose (as regexp returns it) to a
// rune span.
func (d *Document) SpanOfBytes(start, end int) Span { return d.proseIndex.SpanOfBytes(start, end) }

// ByteOffset converts a rune offset to a byte offset into Prose (and Text:
// both have the same byte layout only where nothing was blanked, so use
// it with Prose).
func (d *Document) ByteOffset(off int) int { return d.proseIndex.ByteOffset(off) }

// Title is the recognized title, or "".
func (d *Document) Title() string { return d.Structure.TitleText }

// Kind is the 文种 read from the title, one of the 15 of the 条例, or "".
func (d *Document) Kind() string { return d.Structure.Kind }

// Words is the word segmentation of Prose, computed once on first use by
// the process-wide segmenter. Rules that match phrases use it so that they
// match whole words, never substrings across word boundaries.
func (d *Document) Words() []seg.Word {
	d.wordsMu.Lock()
	defer d.wordsMu.Unlock()
	if d.words == nil {
		d.words = seg.Default().Cut(d.Prose)
	}
	return d.words
}

// releaseFacts drops the words and rule facts once a check is done. They
// are a few times the size of the text; a batch of thousands of drafts
// keeps every Document until its report is written, and without this its
// memory grows with the batch. They are computed again if asked for.
func (d *Document) releaseFacts() {
	d.wordsMu.Lock()
	d.words = nil
	d.wordsMu.Unlock()
	d.factsMu.Lock()
	d.facts = nil
	d.factsMu.Unlock()
}

// Fact returns the value compute gives for key, computing it once per
// document however many rules ask, and from however many goroutines. key
// should be a value of an unexported type of the caller's package, as with
// context.Context keys, so that families cannot collide.
//
// Deprecated: declare a Fact (NewFact) and list it in Rule.Requires, or,
// for a cache that is no rule's fact, use Memo, which is typed.
func (d *Document) Fact(key any, compute func() any) any {
	return d.memo(key, compute)
}

// Memo is compute's value for key in document d, computed once per
// document however many callers ask, and from however many goroutines:
// a typed cache for work several rules or reports do on the same text.
// key should be a value of an unexported type of the caller's package, as
// with context.Context keys, so that packages cannot collide. A rule's
// shared input is better declared as a Fact, so that it is computed only
// where required.
func Memo[T any](d *Document, key any, compute func() T) T {
	return d.memo(key, func() any { return compute() }).(T)
}

func (d *Document) memo(key any, compute func() any) any {
	d.factsMu.Lock()
	if d.facts == nil {
		d.facts = map[any]*fact{}
	}
	f := d.facts[key]
	if f == nil {
		f = &fact{}
		d.facts[key] = f
	}
	d.factsMu.Unlock()
	f.once.Do(func() { f.value = compute() })
	return f.value
}

// blankOut replaces the runes of the given ranges with spaces, keeping
// line breaks, so that offsets are unchanged.
func blankOut(text string, ranges ...[]read.Range) string {
	n := 0
	for _, rs := range ranges {
		n += len(rs)
	}
	if n == 0 {
		return text
	}
	count := utf8.RuneCountInString(text)
	blank := make([]bool, count)
	for _, rs := range ranges {
		for _, r := range rs {
			for i := max(0, r.Start); i < min(r.End, count); i++ {
				blank[i] = true
			}
		}
	}
	var b strings.Builder
	b.Grow(len(text))
	i := 0
	for _, c := range text {
		if blank[i] && c != '\n' && c != '\r' {
			b.WriteByte(' ')
		} else {
			b.WriteRune(c)
		}
		i++
	}
	return b.String()
}
