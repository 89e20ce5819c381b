package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Limits bound how much a reader will take in, so that a hostile or
// mistaken input (a 2 GiB log, a zip bomb, a Markdown file nested 100,000
// levels deep) is refused with an error instead of exhausting the machine.
// A zero field means the default.
type Limits struct {
	// MaxFileBytes caps the size of any input file. Default 32 MiB, room
	// for a .docx carrying pictures.
	MaxFileBytes int64
	// MaxTextBytes caps the decoded text of a draft (UTF-8 bytes), and
	// the size of a .txt or Markdown file (four times it for HTML, whose
	// markup outweighs its text). Checking a draft costs about 80 bytes
	// of memory per byte of text, mostly in word segmentation, so the
	// default of 2 MiB (some 700,000 characters, six times the longest
	// Chinese law) keeps gwlint well under 300 MB however large the file.
	MaxTextBytes int64
	// MaxDecompressedBytes caps the inflated size of a .docx part
	// (word/document.xml and the few small parts read to find it).
	// Default 64 MiB.
	MaxDecompressedBytes int64
	// MaxZipEntries caps the number of entries a .docx may have. Word
	// writes a few dozen; default 10,000.
	MaxZipEntries int
	// MaxNesting caps Markdown container nesting (block quotes and list
	// items opened on one line) and, as 4×MaxNesting columns, the
	// indentation of a line. goldmark's cost grows with the square of
	// the nesting depth; real drafts nest a handful of levels. Default 100.
	MaxNesting int
}

const (
	kib = 1 << 10
	mib = 1 << 20
)

// DefaultLimits are the limits gwlint uses unless configured otherwise.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:         32 * mib,
		MaxTextBytes:         2 * mib,
		MaxDecompressedBytes: 64 * mib,
		MaxZipEntries:        10000,
		MaxNesting:           100,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxTextBytes <= 0 {
		l.MaxTextBytes = d.MaxTextBytes
	}
	if l.MaxDecompressedBytes <= 0 {
		l.MaxDecompressedBytes = d.MaxDecompressedBytes
	}
	if l.MaxZipEntries <= 0 {
		l.MaxZipEntries = d.MaxZipEntries
	}
	if l.MaxNesting <= 0 {
		l.MaxNesting = d.MaxNesting
	}
	return l
}

// ErrInput matches (with errors.Is) every error that is the input's
// fault: unreadable, too large, undecodable or malformed. Anything else a
// reader returns would be a defect in gwlint.
var ErrInput = errors.New("input error")

// ErrTooLarge matches (with errors.Is) an InputError for a draft over one
// of the size limits, so that a server can answer 413 rather than 400.
var ErrTooLarge = errors.New("draft too large")

// InputError says why a draft could not be read. The contract reports such
// a file with an error and exit code 2 while the other files are still
// linted, so callers must be able to tell it apart from a failure of the
// tool itself.
//
// Error gives the Reason alone, without the Path: every report prints the
// path beside the error already, and a message that repeated it would
// read "a.txt: error: a.txt: …". Callers that print the error on its own
// take the path from Path.
type InputError struct {
	Path   string // as given to File or Bytes; may be empty
	Reason string // what is wrong, e.g. "word/document.xml missing"
	Err    error  // the underlying cause, if any (e.g. an *fs.PathError)
}

func (e *InputError) Error() string { return e.Reason }

func (e *InputError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrInput) true for every InputError.
func (e *InputError) Is(target error) bool { return target == ErrInput }

// invalid builds an InputError from a format string; a %w argument becomes
// its Err.
func invalid(format string, args ...any) *InputError {
	err := fmt.Errorf(format, args...)
	return &InputError{Reason: err.Error(), Err: errors.Unwrap(err)}
}

// File reads and decodes the draft at path. It refuses directories and
// anything that is not a regular file (a named pipe, a device, a socket)
// before opening it, so that it never blocks waiting for a writer.
func File(path string, limits Limits) (*Source, error) {
	limits = limits.withDefaults()
	info, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Path: path, Reason: describeOpenError(err), Err: err}
	}
	if reason := notRegular(info.Mode()); reason != "" {
		return nil, &InputError{Path: path, Reason: reason}
	}
	if info.Size() > limits.MaxFileBytes {
		return nil, &InputError{Path: path, Reason: tooLarge(info.Size(), limits.MaxFileBytes), Err: ErrTooLarge}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, &InputError{Path: path, Reason: describeOpenError(err), Err: err}
	}
	defer f.Close()
	// The file may have been replaced between Stat and Open.
	if info, err = f.Stat(); err != nil {
		return nil, &InputError{Path: path, Reason: describeOpenError(err), Err: err}
	}
	if reason := notRegular(info.Mode()); reason != "" {
		return nil, &InputError{Path: path, Reason: reason}
	}
	// Sized from Stat, so that reading does not grow and copy a buffer;
	// the limit still holds if the file grew since.
	var buf bytes.Buffer
	buf.Grow(int(min(info.Size(), limits.MaxFileBytes)) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, limits.MaxFileBytes+1))
	data := buf.Bytes()
	if err != nil {
		return nil, &InputError{Path: path, Reason: "无法读取：" + err.Error(), Err: err}
	}
	return Bytes(path, data, limits)
}

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "无法打开：" + pe.Err.Error()
	}
	return "无法打开：" + err.Error()
}

func notRegular(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return ""
	case mode.IsDir():
		return "这是目录，不是文件"
	case mode&fs.ModeNamedPipe != 0:
		return "这是命名管道，不是普通文件"
	case mode&fs.ModeSocket != 0:
		return "这是套接字，不是普通文件"
	case mode&fs.ModeDevice != 0:
		return "这是设备，不是普通文件"
	}
	return "不是普通文件"
}

// Bytes decodes data as the draft named path. The content picks the
// reader for containers, whatever the name says: a zip is a .docx or an
// OFD, a compound file a Word 97–2003 (or WPS) document, "%PDF-" a PDF
// (see detect). Otherwise the extension of path picks it: .md and
// .markdown Markdown, .html and .htm HTML, anything else (including "-"
// for standard input) plain text. Errors are *InputError with Path set.
func Bytes(path string, data []byte, limits Limits) (*Source, error) {
	limits = limits.withDefaults()
	if len(data) == 0 {
		return nil, &InputError{Path: path, Reason: reasonEmpty}
	}
	if int64(len(data)) > limits.MaxFileBytes {
		return nil, &InputError{Path: path, Reason: tooLarge(int64(len(data)), limits.MaxFileBytes), Err: ErrTooLarge}
	}
	format, ierr := detect(path, data)
	if ierr != nil {
		ierr.Path = path
		return nil, ierr
	}
	// Text formats are refused before decoding, so that a huge file costs
	// nothing; decoding can only grow UTF-8 text by half (GB18030, UTF-16),
	// and the decoded text is checked again below.
	if rawLimit := limits.MaxTextBytes * rawPerText(format); rawLimit > 0 && int64(len(data)) > rawLimit {
		return nil, &InputError{Path: path, Reason: tooLarge(int64(len(data)), rawLimit) + "（这种格式的文稿）", Err: ErrTooLarge}
	}
	var (
		src *Source
		err error
	)
	switch format {
	case FormatMarkdown:
		src, err = readMarkdown(data, limits)
	case FormatDocx:
		src, err = readDocx(data, limits)
	case FormatDoc:
		src, err = readCompound(data, strings.ToLower(filepath.Ext(path)), limits)
	case FormatPDF:
		src, err = readPDF(data, limits)
	case FormatOFD:
		src, err = readOFD(data, limits)
	case FormatHTML:
		src, err = readHTML(data)
	default:
		src, err = readText(data)
	}
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			ie.Path = path
			return nil, ie
		}
		return nil, &InputError{Path: path, Reason: err.Error(), Err: err}
	}
	if n := int64(len(src.Text)); n > limits.MaxTextBytes {
		return nil, &InputError{Path: path, Reason: fmt.Sprintf("文字有%s，超过一份文稿%s的上限；请拆分后再检查", formatSize(n), formatSize(limits.MaxTextBytes)), Err: ErrTooLarge}
	}
	if reason := noText(data, src); reason != "" {
		return nil, &InputError{Path: path, Reason: reason, Err: ErrNoText}
	}
	src.Path = path
	src.Raw = data
	return src, nil
}

// Reasons for a draft with nothing to check. Linting such a file would
// report nothing, and a pre-commit hook would pass an empty draft as
// clean, so it is refused as an input error instead.
const (
	reasonEmpty  = "文件是空的，没有可检查的内容"
	reasonNoText = "文件中没有文字，只有空白或标记"
)

// noText says why a decoded draft has nothing to check, or "". A file
// that decodes to nothing at all is empty when it held at most a
// byte-order mark; other formats (a .docx with an empty body, an HTML
// page of markup only) have no text.
//
// Markdown counts as HTML does: a file of code blocks, front matter,
// comments and markup only has no prose, and a pre-commit hook must not
// pass it as clean any more than an HTML page of tags.
func noText(data []byte, src *Source) string {
	if src.Text == "" && isBOMOnly(data) {
		return reasonEmpty
	}
	if !hasProse(src.Text, src.Skipped, src.Markup) {
		return reasonNoText
	}
	return ""
}

// ErrNoText matches (with errors.Is) an InputError for a draft with
// nothing to check: empty, or white space and markup only.
var ErrNoText = errors.New("no text to check")

// hasProse reports whether text has a non-blank rune outside the ranges
// (rune offsets) that are not prose.
func hasProse(text string, ranges ...[]Range) bool {
	var all []Range
	for _, rs := range ranges {
		all = append(all, rs...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	k, i := 0, 0
	for _, c := range text {
		for k < len(all) && all[k].End <= i {
			k++
		}
		inside := k < len(all) && all[k].Start <= i
		if !inside && !unicode.IsSpace(c) && c != '\ufeff' {
			return true
		}
		i++
	}
	return false
}

func isBOMOnly(data []byte) bool {
	return len(data) == 0 || bytes.Equal(data, bomUTF8) || bytes.Equal(data, bomUTF16LE) || bytes.Equal(data, bomUTF16BE)
}

// rawPerText is how many file bytes a format may spend per byte of text
// before the text is decoded; 0 means no check before decoding (the
// binary formats, whose text is bounded as it is decoded instead).
func rawPerText(f Format) int64 {
	switch f {
	case FormatDocx, FormatDoc, FormatPDF, FormatOFD:
		return 0
	case FormatHTML:
		return 4
	}
	return 1
}

// FormatOf is the format Bytes and File read path as, from its extension.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".docx":
		return FormatDocx
	case ".html", ".htm":
		return FormatHTML
	}
	return FormatText
}

func tooLarge(size, limit int64) string {
	return fmt.Sprintf("文件大小为%s，超过%s的上限", formatSize(size), formatSize(limit))
}

// formatSize writes n the way people say file sizes: "40 MiB", "1.5 MiB",
// "12 KiB", "300 bytes".
func formatSize(n int64) string {
	switch {
	case n >= mib && n%mib == 0:
		return fmt.Sprintf("%d MiB", n/mib)
	case n >= mib:
		return fmt.Sprintf("%.1f MiB", float64(n)/mib)
	case n >= kib && n%kib == 0:
		return fmt.Sprintf("%d KiB", n/kib)
	case n >= kib:
		return fmt.Sprintf("%.1f KiB", float64(n)/kib)
	case n == 1:
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}
