package lint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gwlint/gwlint/lint/read"
)

// ApplyFixes returns text with the fixes of findings applied. Fixes that
// overlap an earlier one are skipped (the next run applies them), so the
// result is always well defined; the count of applied fixes is returned.
func ApplyFixes(text string, findings []Finding) (string, int) {
	var fixes []*Fix
	for i := range findings {
		if f := findings[i].Fix; f != nil {
			fixes = append(fixes, f)
		}
	}
	if len(fixes) == 0 {
		return text, 0
	}
	sort.SliceStable(fixes, func(i, j int) bool { return fixes[i].Span.Start < fixes[j].Span.Start })
	x := NewIndex(text)
	var b strings.Builder
	at, applied := 0, 0
	for _, f := range fixes {
		if f.Span.Start < at || f.Span.End > x.Len() {
			continue
		}
		b.WriteString(x.Slice(Span{Start: at, End: f.Span.Start}))
		b.WriteString(f.Text)
		at = f.Span.End
		applied++
	}
	b.WriteString(x.Slice(Span{Start: at, End: x.Len()}))
	return b.String(), applied
}

// ErrNotFixable is returned for input types that are reported but never
// rewritten: a .docx or .html draft is owned by its editor, and rewriting
// its markup from text could lose formatting.
var ErrNotFixable = errors.New("only .txt and Markdown drafts are fixed in place; .docx and .html are reported, never rewritten")

// FixFile applies the fixes of a result to its file and returns how many
// were applied. The file is written as it came: same encoding, BOM and line
// ends (fixes never touch line ends). It is written to a temporary file
// beside the original and renamed over it, keeping its permissions, so a
// crash leaves either the old file or the new one, never half of each. A
// file that changed on disk since it was read is refused.
func FixFile(res *Result) (int, error) {
	if res.Doc == nil || res.Doc.Source == nil {
		return 0, nil
	}
	src := res.Doc.Source
	if src.Format != read.FormatText && src.Format != read.FormatMarkdown {
		return 0, ErrNotFixable
	}
	fixed, n := ApplyFixes(src.Text, res.Findings)
	if n == 0 {
		return 0, nil
	}
	data, err := read.Encode(fixed, src.Encoding)
	if err != nil {
		return 0, fmt.Errorf("cannot encode the fixed text as %s: %w", src.Encoding, err)
	}
	// A draft reached through a symbolic link is written where the link
	// points: renaming over the link itself would replace it with a copy
	// and leave the real file unfixed.
	path, err := filepath.EvalSymlinks(res.Path)
	if err != nil {
		return 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	now, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	if !bytes.Equal(now, src.Raw) {
		return 0, errors.New("the file changed on disk since it was read; not fixed, run again")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".gwlint-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return 0, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return 0, err
	}
	if err := tmp.Close(); err != nil {
		return 0, err
	}
	if err := os.Chmod(tmp.Name(), st.Mode().Perm()); err != nil {
		return 0, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, err
	}
	return n, nil
}
