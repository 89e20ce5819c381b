package lint

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/gwlint/gwlint/lint/library"
)

// LibraryParents offers a parent library's documents as parents: for each
// draft, the candidates its winnowing index ranks highest, which the
// ParentSet then aligns exactly.
type LibraryParents struct {
	lib *library.Library

	mu      sync.Mutex
	parsed  map[string]*Parent // by library ID, so a parent is parsed once per run
	damaged map[string]error   // by library ID: parents whose text failed its hash
}

// OpenLibrary opens a parent library for reading. Several checks may read
// one library at once; a library being written by `gwlint library add`
// answers after the writer's transaction, or ErrLocked after a second.
func OpenLibrary(dir string) (*LibraryParents, error) {
	lib, err := library.Open(dir, library.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	return &LibraryParents{lib: lib, parsed: map[string]*Parent{}, damaged: map[string]error{}}, nil
}

// Close releases the library.
func (l *LibraryParents) Close() error { return l.lib.Close() }

// Candidates returns the n parents most likely to share passages with the
// draft.
func (l *LibraryParents) Candidates(draft string, n int) ([]*Parent, error) {
	cs, err := l.lib.Candidates(draft, n)
	if err != nil {
		return nil, err
	}
	out := make([]*Parent, 0, len(cs))
	for _, c := range cs {
		p, err := l.parent(c.ID)
		if errors.Is(err, library.ErrDamagedEntry) {
			// One damaged parent costs only itself: the draft is compared
			// with the others, and Damaged names it for the report.
			l.mu.Lock()
			l.damaged[c.ID] = err
			l.mu.Unlock()
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Damaged is, when some library parents were found damaged (their stored
// text no longer matches its hash), one result naming each, for the
// report to carry as an input error after the drafts; nil otherwise.
func (l *LibraryParents) Damaged() *Result {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.damaged) == 0 {
		return nil
	}
	ids := make([]string, 0, len(l.damaged))
	for id := range l.damaged {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	errs := make([]error, 0, len(ids))
	for _, id := range ids {
		errs = append(errs, l.damaged[id])
	}
	return &Result{Path: l.lib.Path(), Err: errors.Join(errs...)}
}

func (l *LibraryParents) parent(id string) (*Parent, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if p := l.parsed[id]; p != nil {
		return p, nil
	}
	e, text, err := l.lib.Get(id)
	if err != nil {
		return nil, fmt.Errorf("parent library: %w", err)
	}
	p := &Parent{Doc: ParseText(e.Path, text), Path: e.Path, LibraryID: e.ID}
	l.parsed[id] = p
	return p, nil
}

// LibraryDoc turns a parsed document into what the library stores: its
// prose, and the title, 发文字号 and 成文日期 read from it.
func LibraryDoc(d *Document) library.Doc {
	st := d.Structure
	return library.Doc{
		Path:      d.Path,
		Title:     st.TitleText,
		DocNumber: d.Slice(st.DocNumber),
		Date:      d.Slice(st.Date),
		Text:      d.Prose,
	}
}
