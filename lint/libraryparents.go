package lint

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/gwlint/gwlint/lint/gongwen"
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
	return OpenLibraryWait(dir, 0)
}

// OpenLibraryWait is OpenLibrary waiting up to wait (one second when zero)
// for a writer in another process to finish: a server that answers many
// drafts would rather wait out a batch of `gwlint library add` than answer
// without the library.
func OpenLibraryWait(dir string, wait time.Duration) (*LibraryParents, error) {
	lib, err := library.Open(dir, library.Options{ReadOnly: true, Timeout: wait})
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

// LibraryInfo says which library a check is compared with, for a page to
// show: its directory's name, how many documents it holds and the newest
// 成文日期 among them.
type LibraryInfo struct {
	Name string `json:"name"`
	// Dir is the absolute directory, kept from the answers a server
	// gives other machines: the name says which library it is.
	Dir       string `json:"-"`
	Documents int    `json:"documents"`
	// Newest is the latest 成文日期 as YYYY-MM-DD, "" when no stored
	// document has a date that reads as one.
	Newest string `json:"newest"`
}

// Info reads the library's name, size and newest date. It reads every
// entry, so a caller that asks often keeps the answer until the library
// file changes.
func (l *LibraryParents) Info() (LibraryInfo, error) {
	entries, err := l.lib.List()
	if err != nil {
		return LibraryInfo{}, err
	}
	dir := filepath.Dir(l.lib.Path())
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	info := LibraryInfo{Name: filepath.Base(dir), Dir: dir, Documents: len(entries)}
	var newest gongwen.CalendarDate
	for _, e := range entries {
		// Dates are stored as written (二〇二四年三月五日, 2024年3月5日):
		// compared as calendar dates, not as strings.
		d, ok := gongwen.ParseDate(e.Date)
		if ok && (d.Year > newest.Year || d.Year == newest.Year && (d.Month > newest.Month || d.Month == newest.Month && d.Day > newest.Day)) {
			newest = d
		}
	}
	if newest.Year > 0 {
		info.Newest = fmt.Sprintf("%04d-%02d-%02d", newest.Year, newest.Month, newest.Day)
	}
	return info, nil
}
