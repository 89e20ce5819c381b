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
