package read

// Format is the kind of input a draft was read from.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatDocx     Format = "docx"
	FormatHTML     Format = "html"
	// FormatDoc is Word 97–2003 binary, and WPS's .wps where it is the
	// same format.
	FormatDoc Format = "doc"
	FormatPDF Format = "pdf"
	// FormatOFD is GB/T 33190's fixed-layout document.
	FormatOFD Format = "ofd"
)

// Range is a half-open range of rune offsets [Start, End) into Source.Text.
type Range struct {
	Start, End int
}

// Comment is an HTML comment found in a Markdown or HTML draft. Inline
// suppressions (<!-- gwlint-disable ... -->) are read from these.
type Comment struct {
	Range Range  // the whole comment, in Source.Text (for HTML: where it stood in the visible text)
	Body  string // the text between <!-- and -->, trimmed
}

// Source is one decoded draft.
type Source struct {
	Path   string
	Format Format
	// Text is the decoded text as the contract defines it. Rules see only
	// this; all offsets are rune offsets into it.
	Text string
	// Skipped are ranges of Text that are not prose and that rules must
	// not look into: Markdown code blocks and code spans, front matter,
	// HTML comments and raw HTML, link destinations and link reference
	// definitions. Sorted and disjoint. Empty for other formats.
	Skipped []Range
	// Markup are ranges of Markdown syntax around prose: heading #'s,
	// emphasis delimiters, link brackets, backslash escapes (the
	// backslash and the mark it escapes, "\*"), character references
	// ("&amp;", "&#x4E00;"), list markers (ordered ones too, "1."),
	// block-quote >'s, setext underlines and thematic breaks. Rules that
	// count characters or check punctuation skip them; rules that read
	// numbering must not. Sorted, disjoint, never inside Skipped. Empty
	// for other formats.
	Markup []Range
	// Comments are the HTML comments of Markdown and HTML drafts.
	Comments []Comment
	// Generated are ranges of Text that the file does not hold as
	// characters but that its reader rendered as the format shows them:
	// the "一、" of Word's automatic numbering. Rules read them; no fix
	// may edit them. Sorted and disjoint.
	Generated []Range
	// Layout is the page and paragraph look of a .docx; nil for other
	// formats.
	Layout *Layout
	// FrontMatter holds the top-level scalar keys of a Markdown draft's
	// YAML front matter (e.g. "comprehensive: true").
	FrontMatter map[string]string

	// Encoding is how the bytes were decoded: "utf-8", "utf-8-bom",
	// "utf-16le", "utf-16be" or "gb18030". Kept so that --fix can write
	// the file back the way it came.
	Encoding string
	// Raw is the file's bytes as read, so that --fix can check that the
	// file has not changed since.
	Raw []byte
}

// Layout is what a .docx says about its page and the look of its
// paragraphs, with styles resolved (document defaults, the paragraph
// style and the styles it is based on, character styles, direct
// formatting, theme fonts). Lengths are in twentieths of a point
// (twips) and font sizes in half-points, as Word stores them.
type Layout struct {
	Page       Page
	Paragraphs []ParagraphLayout // one per paragraph of Text, in order
	Footers    []Footer          // the body section's default footers
}

// Page is the body section's page setup; Known is false when the
// document says nothing (Word then uses its defaults).
type Page struct {
	Known                            bool
	Width, Height                    int
	Top, Bottom, Left, Right, Gutter int
	MarginsKnown                     bool   // the document sets the margins (w:pgMar)
	GridType                         string // "", "lines", "linesAndChars", "snapToChars"
	LinePitch                        int    // the grid's line pitch
	CharSpace                        int    // the grid's character spacing adjustment
}

// ParagraphLayout is one paragraph's look.
type ParagraphLayout struct {
	Range Range // the paragraph's runes in Text, its generated number included
	// Style is the paragraph style's name ("heading 1", "Title", "Normal").
	Style string
	// Outline is the outline level, 0 for a first-level heading; -1 for
	// body text.
	Outline int
	// Font and Size (half-points, 0 when unknown) are the East Asian font
	// and size of most of the paragraph's characters; Bold likewise.
	Font string
	Size int
	Bold bool
	// Align is the justification (w:jc): "", "left", "center", "both"…
	Align string
	// Line and LineRule are the line spacing: with LineRule "exact" or
	// "atLeast" Line is in twips, with "auto" (or "") in 240ths of a line.
	Line     int
	LineRule string
	// Runs are the paragraph's text in stretches of one look, as rune
	// ranges of Text (the generated number not included).
	Runs    []RunLayout
	InTable bool
	// InTextBox: the paragraph is in a text box; it follows the
	// paragraph the box is anchored in.
	InTextBox bool
}

// Footer is one footer's text, field results included, and whether it
// has a PAGE field.
type Footer struct {
	Text      string
	PageField bool
}

// RunLayout is a stretch of a paragraph's text in one font, size and
// weight.
type RunLayout struct {
	Range Range
	Font  string
	Size  int
	Bold  bool
}
