package annotate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// Options say who annotates and how rules are named.
type Options struct {
	// Author of the comments and tracked changes; "gwlint" when empty.
	Author string
	// Date stamped on them; the zero time leaves it out, which keeps the
	// output byte for byte the same for the same input.
	Date time.Time
	// RuleName names a rule for a finding that carries no Name of its
	// own; nil shows the ID alone.
	RuleName func(id string) string
	// Fixes chooses which findings' fixes become tracked changes; nil
	// takes every fix.
	Fixes func(lint.Finding) bool
}

// Summary says what a written document holds.
type Summary struct {
	Comments, Changes int
}

// Docx writes the annotated draft of r as a .docx to w.
func Docx(w io.Writer, r *lint.Result, opt Options) (Summary, error) {
	if r == nil || r.Doc == nil {
		return Summary{}, fmt.Errorf("没有可写入的文稿")
	}
	if opt.Author == "" {
		opt.Author = "gwlint"
	}
	b := newBuilder(r, opt)
	body := b.document()
	zw := zip.NewWriter(w)
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(packageRels)},
		{"word/_rels/document.xml.rels", []byte(documentRels)},
		{"word/document.xml", body},
		{"word/styles.xml", []byte(styles)},
		{"word/settings.xml", []byte(settings)},
		{"word/comments.xml", b.comments()},
		{"docProps/app.xml", []byte(appProps)},
	}
	for _, p := range parts {
		// A fixed modification time keeps the file the same for the same
		// draft; zip's default is the current time.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2012, 7, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return Summary{}, err
		}
		if _, err := fw.Write(p.data); err != nil {
			return Summary{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return Summary{}, err
	}
	return Summary{Comments: len(b.notes), Changes: b.changes}, nil
}

// note is one comment: the finding it explains and its place.
type note struct {
	id    int
	f     lint.Finding
	start int
	end   int
}

// change is one tracked change: the runes [start, end) deleted and text
// inserted after them.
type change struct {
	id         int
	start, end int
	text       string
}

type builder struct {
	r     *lint.Result
	opt   Options
	text  []rune
	notes []note
	edits []change
	st    *gongwen.Structure
	// nextID numbers comments and changes; Word needs the ids of
	// comments unique among comments and of revisions among revisions,
	// and one counter for both is simplest.
	nextID  int
	changes int
}

func newBuilder(r *lint.Result, opt Options) *builder {
	b := &builder{r: r, opt: opt, text: []rune(r.Doc.Prose), st: r.Doc.Structure}
	fs := append([]lint.Finding(nil), r.Findings...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Span.Start < fs[j].Span.Start })
	n := len(b.text)
	clamp := func(x int) int { return min(max(x, 0), n) }
	for _, f := range fs {
		b.notes = append(b.notes, note{id: b.id(), f: f, start: clamp(f.Span.Start), end: clamp(f.Span.End)})
	}
	// Fixes as tracked changes, in order, leaving out one that overlaps an
	// earlier one or crosses a paragraph (Word's revisions live inside
	// paragraphs; such a fix is still described in its comment).
	last := -1
	for _, f := range fs {
		if f.Fix == nil || (opt.Fixes != nil && !opt.Fixes(f)) {
			continue
		}
		s, e := clamp(f.Fix.Span.Start), clamp(f.Fix.Span.End)
		// Only what changes is marked: 构 → 构： is an insertion of ：,
		// 江府办发[2019]03号 → 江府办发〔2019〕3号 changes [2019]03.
		ins := []rune(f.Fix.Text)
		for s < e && len(ins) > 0 && b.text[s] == ins[0] {
			s, ins = s+1, ins[1:]
		}
		for e > s && len(ins) > 0 && b.text[e-1] == ins[len(ins)-1] {
			e, ins = e-1, ins[:len(ins)-1]
		}
		if s < last || strings.ContainsRune(string(b.text[s:e]), '\n') || strings.ContainsRune(string(ins), '\n') || s == e && len(ins) == 0 {
			continue
		}
		b.edits = append(b.edits, change{id: b.id(), start: s, end: e, text: string(ins)})
		b.changes++
		last = max(e, s+1)
	}
	return b
}

func (b *builder) id() int { b.nextID++; return b.nextID - 1 }

// role is how a paragraph is set.
type role int

const (
	roleBody role = iota
	roleTitle
	roleFlush  // 主送机关, 附件说明, 版记: no first-line indent
	roleRight  // 署名 and 成文日期
	roleCenter // 发文字号, centred under the title block
	roleHeading1
	roleHeading2
)

func (b *builder) roleOf(start, end int) role {
	st := b.st
	in := func(sp gongwen.Span) bool { return !sp.Empty() && start < sp.End && end > sp.Start }
	for _, sec := range st.Sections {
		if sec.Kind != gongwen.SectionMain && in(sec.Title) {
			// The title of a document a notice issues or forwards.
			return roleTitle
		}
	}
	switch {
	case in(st.Title):
		return roleTitle
	case in(st.DocNumber):
		return roleCenter
	case in(st.Issuer), in(st.Date):
		return roleRight
	case in(st.Addressees), in(st.AttachmentNote), in(st.Imprint):
		return roleFlush
	}
	for _, h := range st.Headings {
		if start < h.Span.End && end > h.Span.Start {
			switch h.Level {
			case gongwen.Level1:
				return roleHeading1
			case gongwen.Level2:
				return roleHeading2
			}
		}
	}
	return roleBody
}

// line is one paragraph of the output: the runes [start, end) of a line
// of the text (end is its line break, or the end of the text), and
// [lo, hi) the part of it that is not leading or trailing white space.
type line struct{ start, end, lo, hi int }

// pos is a place in the output: a line and a rune offset within its
// visible part.
type pos struct{ line, at int }

func (a pos) before(b pos) bool { return a.line < b.line || a.line == b.line && a.at < b.at }

// document writes word/document.xml: one paragraph for each line of the
// decoded text.
func (b *builder) document() []byte {
	var lines []line
	start := 0
	for i := 0; i <= len(b.text); i++ {
		if i < len(b.text) && b.text[i] != '\n' {
			continue
		}
		lo, hi := start, i
		// White space that opens or closes a line (full-width indentation,
		// Markdown markup blanked) is left to the paragraph's indent.
		for lo < hi && isBlank(b.text[lo]) {
			lo++
		}
		for hi > lo && isBlank(b.text[hi-1]) {
			hi--
		}
		lines = append(lines, line{start, i, lo, hi})
		start = i + 1
	}
	// Where each offset lands: on its line (an offset on a line break is
	// the end of that line), drawn into the line's visible part.
	place := func(x int) pos {
		k := sort.Search(len(lines), func(k int) bool { return lines[k].end >= x })
		k = min(k, len(lines)-1)
		l := lines[k]
		return pos{k, min(max(x, l.lo), l.hi)}
	}
	type mark struct{ start, end pos }
	notes := make([]mark, len(b.notes))
	for i, n := range b.notes {
		notes[i] = mark{place(n.start), place(n.end)}
	}
	edits := make([]mark, len(b.edits))
	for i, c := range b.edits {
		edits[i] = mark{place(c.start), place(c.end)}
	}
	var out bytes.Buffer
	out.WriteString(xml.Header)
	out.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for k, l := range lines {
		rl := b.roleOf(l.lo, l.hi)
		out.WriteString("<w:p>")
		out.WriteString(paragraphProps(rl))
		cuts := []int{l.lo, l.hi}
		for _, m := range append(append([]mark(nil), notes...), edits...) {
			for _, p := range []pos{m.start, m.end} {
				if p.line == k {
					cuts = append(cuts, p.at)
				}
			}
		}
		sort.Ints(cuts)
		cuts = dedupe(cuts)
		for ci, x := range cuts {
			here := pos{k, x}
			for i, m := range edits {
				if m.end == here && b.edits[i].text != "" {
					fmt.Fprintf(&out, `<w:ins w:id="%d" w:author="%s"%s><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:ins>`,
						b.edits[i].id, esc(b.opt.Author), b.dateAttr(), esc(b.edits[i].text))
				}
			}
			for i, m := range notes {
				if m.end == here && m.start.before(m.end) {
					b.commentEnd(&out, b.notes[i].id)
				}
			}
			for i, m := range notes {
				if m.start == here {
					fmt.Fprintf(&out, `<w:commentRangeStart w:id="%d"/>`, b.notes[i].id)
				}
			}
			for i, m := range notes {
				if m.end == here && !m.start.before(m.end) {
					b.commentEnd(&out, b.notes[i].id)
				}
			}
			if ci+1 < len(cuts) {
				deleted := -1
				for i, m := range edits {
					if !here.before(m.start) && here.before(m.end) {
						deleted = i
					}
				}
				b.piece(&out, x, cuts[ci+1], deleted)
			}
		}
		out.WriteString("</w:p>")
	}
	out.WriteString(sectPr)
	out.WriteString(`</w:body></w:document>`)
	return out.Bytes()
}

func (b *builder) commentEnd(out *bytes.Buffer, id int) {
	fmt.Fprintf(out, `<w:commentRangeEnd w:id="%d"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="%d"/></w:r>`, id, id)
}

// piece writes the runes [s, e), inside a deletion when change deleted
// (an index into edits, or -1) deletes them.
func (b *builder) piece(out *bytes.Buffer, s, e, deleted int) {
	text := esc(string(b.text[s:e]))
	if deleted >= 0 {
		fmt.Fprintf(out, `<w:del w:id="%d" w:author="%s"%s><w:r><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>`,
			b.id(), esc(b.opt.Author), b.dateAttr(), text)
		return
	}
	fmt.Fprintf(out, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, text)
}

func (b *builder) dateAttr() string {
	if b.opt.Date.IsZero() {
		return ""
	}
	return ` w:date="` + b.opt.Date.UTC().Format(time.RFC3339) + `"`
}

// comments writes word/comments.xml: for each finding its severity and
// rule, its message, its authority and, for a copy, the parent's words.
func (b *builder) comments() []byte {
	var out bytes.Buffer
	out.WriteString(xml.Header)
	out.WriteString(`<w:comments xmlns:w="` + nsW + `">`)
	for _, n := range b.notes {
		f := n.f
		fmt.Fprintf(&out, `<w:comment w:id="%d" w:author="%s" w:initials="GW"%s>`, n.id, esc(b.opt.Author), b.dateAttr())
		head := "【" + f.Severity.Chinese() + "】"
		name := f.Name
		if name == "" && b.opt.RuleName != nil {
			name = b.opt.RuleName(f.Rule)
		}
		if name != "" {
			head += name + "（" + f.Rule + "）"
		} else {
			head += f.Rule
		}
		lines := []string{head, f.Message}
		if f.Source != "" {
			lines = append(lines, "依据："+f.Source)
		}
		if f.Fix != nil {
			lines = append(lines, "建议改为：“"+f.Fix.Text+"”（见修订）")
		}
		for _, rel := range f.Related {
			if rel.Text == "" {
				continue
			}
			where := rel.Message
			if where == "" {
				where = "相关原文"
			}
			lines = append(lines, fmt.Sprintf("%s（%s 第%d行）：%s", where, rel.Path, rel.Start.Line, clip(rel.Text, 300)))
		}
		for _, l := range lines {
			fmt.Fprintf(&out, `<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, esc(l))
		}
		out.WriteString(`</w:comment>`)
	}
	out.WriteString(`</w:comments>`)
	return out.Bytes()
}

func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "……"
}

func isBlank(r rune) bool { return r == '\r' || unicode.IsSpace(r) }

func dedupe(xs []int) []int {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// esc escapes text for an XML attribute or element, and drops what XML
// 1.0 cannot hold (control characters a draft may carry).
func esc(s string) string {
	var buf bytes.Buffer
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF {
			return r
		}
		return -1
	}, s)
	xml.EscapeText(&buf, []byte(s))
	return buf.String()
}
