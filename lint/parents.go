package lint

import (
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/gwlint/gwlint/lint/align"
)

// CopyAlignOptions are the copy engine's key of the "copy" section.
type CopyAlignOptions struct {
	MinPassage int `yaml:"min_passage" range:"8,1000" doc:"shortest passage reported, in normalized characters (at least 8)"`
}

// CopyAlign is the copy engine's part of the "copy" section, which the
// copy rules' thresholds share.
var CopyAlign = NewOptions("copy", CopyAlignOptions{MinPassage: 13}, func(v *CopyAlignOptions, c *OptionsCheck) error {
	if v.MinPassage < 0 || (v.MinPassage > 0 && v.MinPassage < 8) {
		return c.Error("min_passage", "must be at least 8 characters")
	}
	return nil
})

// Parent is a parent (higher-level) document a draft may copy from.
type Parent struct {
	Doc *Document
	// Path is how the report names the parent: the path given on the
	// command line, or the library's stored path.
	Path string
	// LibraryID is the library entry's ID for a parent from a library,
	// "" for a parent given by path.
	LibraryID string

	once sync.Once
	norm *align.Normalized
}

func (p *Parent) normalized() *align.Normalized {
	p.once.Do(func() { p.norm = align.Normalize(p.Doc.Prose) })
	return p.norm
}

// Title is the parent's recognized title.
func (p *Parent) Title() string { return p.Doc.Title() }

// Candidates finds, for a draft, the parents in a library most likely to
// share passages with it. The parent library implements it.
type Candidates interface {
	Candidates(draft string, n int) ([]*Parent, error)
}

// ParentSet is the set of parent documents drafts are compared with:
// explicit parents, and the best candidates a library proposes for each
// draft.
type ParentSet struct {
	explicit []*Parent
	library  Candidates
	// LibraryCandidates is how many library parents are aligned exactly
	// for each draft.
	LibraryCandidates int
}

// NewParentSet makes a set of explicit parents from parsed documents.
func NewParentSet(docs ...*Document) *ParentSet {
	s := &ParentSet{LibraryCandidates: 20}
	for _, d := range docs {
		s.explicit = append(s.explicit, &Parent{Doc: d, Path: d.Path})
	}
	return s
}

// SetLibrary adds a library whose candidates are compared with each draft.
func (s *ParentSet) SetLibrary(lib Candidates) { s.library = lib }

// Len is the number of explicit parents, plus one for a library.
func (s *ParentSet) Len() int {
	if s == nil {
		return 0
	}
	n := len(s.explicit)
	if s.library != nil {
		n++
	}
	return n
}

// LoadParents reads parent documents from files and directories. A parent
// that cannot be read is returned as a Result with Err set, so that the
// report names it; the drafts are still compared with the others.
func LoadParents(paths []string) (*ParentSet, []*Result) {
	var docs []*Document
	var errs []*Result
	for _, t := range ExpandPaths(paths, nil) {
		if t.Err == nil && t.Path == "-" {
			t.Err = fmt.Errorf("上级文件不能从标准输入读入，请给出文件路径")
		}
		if t.Err != nil {
			errs = append(errs, &Result{Path: t.Path, Err: fmt.Errorf("上级文件：%w", t.Err)})
			continue
		}
		d, err := ParseFile(t.Path)
		if err != nil {
			errs = append(errs, &Result{Path: t.Path, Err: fmt.Errorf("上级文件：%w", err)})
			continue
		}
		docs = append(docs, d)
	}
	return NewParentSet(docs...), errs
}

// CopyFacts is the comparison of one draft with its parents, computed
// once per draft and shared by the copy rules, the escalation rule and
// the report's copy object.
type CopyFacts struct {
	// Ratio is the share of the draft's normalized characters that lie in
	// passages copied from any parent (quotations and references excluded).
	Ratio float64
	// Parents are the parents compared, in order: explicit parents first,
	// then library candidates.
	Parents []ParentShare
	// Passages are the copied passages, sorted by draft offset, each
	// attributed to one parent.
	Passages []CopyPassage
	// Quotations are passages of a parent that the draft quotes as a
	// quotation (根据《…》, 指出：“…”): references, not copying.
	Quotations []CopyPassage
	// Err is set when the library could not be searched; explicit parents
	// were still compared.
	Err error
}

// ParentShare is what one parent contributed to the draft.
type ParentShare struct {
	Parent *Parent
	Path   string
	Title  string
	// DocNumber is the parent's 发文字号, or "": with the title it names
	// the parent to people, where the path names the file.
	DocNumber string
	// Ratio is the share of the draft copied from this parent; Coverage
	// the share of this parent reproduced in the draft, the clearest sign
	// of 上下一般粗 (a lower level restating its parent whole).
	Ratio, Coverage float64
	// Verbatim is set when the draft's text, normalized, is the parent's
	// word for word: a repost (全文照转) under a new heading at most.
	Verbatim bool
}

// CopyPassage is one passage of the draft found in a parent.
type CopyPassage struct {
	Draft      Span
	Parent     *Parent
	ParentSpan Span
	// Len is the passage's length in normalized characters; Similarity
	// the share of them identical to the parent's.
	Len        int
	Similarity float64
	// Edits are the differences inside the passage (a swapped 全国/全省, a
	// changed year), in draft and parent offsets.
	Edits []CopyEdit
	// AlsoIn names the other parents that contain the same passage.
	AlsoIn []*Parent
}

// CopyEdit is one difference inside a copied passage.
type CopyEdit struct {
	Draft, Parent Span
}

// Compare compares doc with the explicit parents and with the library's
// best candidates for it.
func (s *ParentSet) Compare(doc *Document, cfg *Config) *CopyFacts {
	minPassage := CopyAlign.Of(cfg).MinPassage
	facts := &CopyFacts{}
	parents := append([]*Parent(nil), s.explicit...)
	if s.library != nil {
		cands, err := s.library.Candidates(doc.Prose, s.LibraryCandidates)
		if err != nil {
			facts.Err = err
		}
		parents = append(parents, cands...)
	}
	draft := align.Normalize(doc.Prose)
	// A draft kept in the same folder or library as its parents is not its
	// own parent: comparing it with itself would report it 100% copied.
	// Any other parent with the same text is a real parent that the draft
	// reposts word for word, and is compared like any other.
	kept := parents[:0]
	for _, p := range parents {
		if !sameDocument(doc, draft, p) {
			kept = append(kept, p)
		}
	}
	parents = kept
	if len(parents) == 0 {
		return facts
	}
	norms := make([]*align.Normalized, len(parents))
	for i, p := range parents {
		norms[i] = p.normalized()
	}

	// References to the parent (its 《title》, its 发文字号, quotations) are
	// how a document should cite its source: they are cut out of the
	// passages and the ratio, and quotations are reported on their own.
	// A passage continues across them (按照《决定》精神 in a copied
	// sentence is one passage), but they are not counted. Dates are
	// treated the same way: a date or date range is no copying, even when
	// the parent has the same one. The standard parts of a 公文 (主送机关,
	// 署名, 成文日期, 附注, 版记) are structure: not counted, and a passage
	// stops at them.
	var cite []align.Range
	var quotes []align.Range
	for _, r := range align.FindReferences(doc.Prose) {
		cite = append(cite, r.Range)
		if r.Kind == align.KindQuotation {
			quotes = append(quotes, r.Range)
		}
	}
	cite = append(cite, dateRanges(doc)...)
	structure := structureRanges(doc)
	opt := align.Options{MinLen: minPassage, Cite: cite, Exclude: structure}
	res := align.Compare(draft, norms, opt)

	facts.Ratio = res.Ratio
	for i, p := range parents {
		share := res.Parents[i]
		verbatim := string(norms[i].Runes) == string(draft.Runes)
		facts.Parents = append(facts.Parents, ParentShare{Parent: p, Path: p.Path, Title: p.Title(), DocNumber: p.Doc.Slice(p.Doc.Structure.DocNumber), Ratio: share.Ratio, Coverage: share.Coverage, Verbatim: verbatim})
	}
	for _, ps := range res.Passages {
		if !convincing(ps, opt.MinLen) {
			continue
		}
		facts.Passages = append(facts.Passages, copyPassage(ps, parents))
	}
	if len(quotes) > 0 {
		// Compare again without the quotations cut out, and keep what lies
		// inside them: the quoted passages.
		// Compared without the citations cut out, a passage is a
		// quotation only where it lies inside one: a sentence copied
		// whole around a short 贯彻落实《…》 is a copied passage, already
		// reported, not a quotation.
		all := align.Compare(draft, norms, align.Options{MinLen: minPassage, Exclude: structure})
		for _, ps := range all.Passages {
			if !convincing(ps, opt.MinLen) {
				continue
			}
			for _, q := range quotes {
				in := min(ps.Draft.End, q.End) - max(ps.Draft.Start, q.Start)
				if in > 0 && float64(in) >= quotationShare*float64(ps.Draft.End-ps.Draft.Start) {
					facts.Quotations = append(facts.Quotations, copyPassage(ps, parents))
					break
				}
			}
		}
	}
	if s.library != nil {
		facts.dropSilentCandidates(len(s.explicit))
	}
	return facts
}

// convincing reports whether a passage is worth a finding. It must share
// minLen identical characters: a date and a stock phrase joined across a
// changed number are not a copy. A short passage must also be mostly
// identical, because in short stretches the tolerated edits (numbers,
// jurisdiction words) are most of what legislative boilerplate is made of:
// "第四十六次会议通过 2024年9月27日" against "第五次会议通过 2005年8月28日".
func convincing(ps align.Passage, minLen int) bool {
	if ps.Exact < minLen {
		return false
	}
	return ps.Len >= shortPassage || ps.Similarity >= shortPassageSimilarity
}

// quotationShare is how much of a passage must lie inside a quotation
// for the passage to be one.
const quotationShare = 0.8

const (
	shortPassage           = 30
	shortPassageSimilarity = 0.8
)

// sameDocument reports whether parent p is the draft itself: the same
// file, or, for a parent from a library, the same library entry (the
// draft stored in the library it is checked against: same normalized text,
// which is what the entry's ID is made of). An explicit parent whose text
// equals the draft's is another document, which the draft reposts.
func sameDocument(doc *Document, draft *align.Normalized, p *Parent) bool {
	if doc.Path != "" && p.Path != "" && doc.Path != "-" {
		a, errA := os.Stat(doc.Path)
		b, errB := os.Stat(p.Path)
		if errA == nil && errB == nil && os.SameFile(a, b) {
			return true
		}
	}
	if p.LibraryID == "" {
		return false
	}
	pn := p.normalized()
	return len(pn.Runes) == len(draft.Runes) && string(pn.Runes) == string(draft.Runes)
}

// ParentDocuments are the parsed parents compared with the draft, for
// rules that read the parents' own sentences (burden-escalation).
func (f *CopyFacts) ParentDocuments() []*Document {
	out := make([]*Document, 0, len(f.Parents))
	for _, p := range f.Parents {
		out = append(out, p.Parent.Doc)
	}
	return out
}

// dropSilentCandidates removes library candidates to which no passage of
// the draft is attributed, so the report lists the parents that matter,
// not every document the index proposed.
func (f *CopyFacts) dropSilentCandidates(explicit int) {
	kept := f.Parents[:explicit]
	for _, p := range f.Parents[explicit:] {
		if p.Ratio > 0 {
			kept = append(kept, p)
		}
	}
	sort.SliceStable(kept[explicit:], func(i, j int) bool { return kept[explicit+i].Ratio > kept[explicit+j].Ratio })
	f.Parents = kept
}

func copyPassage(ps align.Passage, parents []*Parent) CopyPassage {
	cp := CopyPassage{
		Draft:      Span{Start: ps.Draft.Start, End: ps.Draft.End},
		Parent:     parents[ps.Parent],
		ParentSpan: Span{Start: ps.ParentRange.Start, End: ps.ParentRange.End},
		Len:        ps.Len,
		Similarity: ps.Similarity,
	}
	for _, e := range ps.Edits {
		cp.Edits = append(cp.Edits, CopyEdit{Draft: Span{Start: e.Draft.Start, End: e.Draft.End}, Parent: Span{Start: e.Parent.Start, End: e.Parent.End}})
	}
	for _, i := range ps.AlsoIn {
		cp.AlsoIn = append(cp.AlsoIn, parents[i])
	}
	return cp
}

// RelatedIn makes a Related pointing at span in document d, carrying the
// text there so that reports can show it beside the finding.
func RelatedIn(d *Document, path string, span Span, message string) Related {
	return Related{
		Path: path, Span: span,
		Start: d.Position(span.Start), End: d.Position(span.End),
		Message: message, Text: d.Index().Slice(span),
	}
}
