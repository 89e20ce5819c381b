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
// beside the original and renamed over it, keeping its permissions, owner,
// group and extended attributes, so a crash leaves either the old file or
// the new one, never half of each.
//
// A file gwlint should not rewrite is refused with the reason (a
// *FixRefusedError): one without write permission (0444, even for root),
// one with several hard links (the rename would split them), one whose
// owner or extended attributes cannot be carried over, and one that
// changed on disk since it was read, checked once before writing and
// again just before the rename, so that an editor's save in between is
// not overwritten.
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
	if reason := refuseToRewrite(path, st); reason != "" {
		return 0, &FixRefusedError{Path: res.Path, Reason: reason}
	}
	if err := unchanged(path, st, src.Raw); err != nil {
		return 0, err
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
	if reason := carryOver(path, tmp.Name(), st); reason != "" {
		return 0, &FixRefusedError{Path: res.Path, Reason: reason}
	}
	// Last look: a save since the first check is kept, not overwritten.
	beforeLastLook()
	if err := unchanged(path, st, src.Raw); err != nil {
		return 0, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, err
	}
	return n, nil
}

// beforeLastLook lets a test save the file between the write of the
// fixed copy and the last look.
var beforeLastLook = func() {}

// FixRefusedError is a file --fix leaves as it is, and why.
type FixRefusedError struct {
	Path, Reason string
}

func (e *FixRefusedError) Error() string { return e.Reason + "；未修改" }

// ErrChangedOnDisk is a draft that changed since it was read.
var ErrChangedOnDisk = errors.New("文件在检查后已被修改（可能正在编辑器中保存），未修改；请保存后重新运行")

// unchanged reports whether the file at path is still what was read: the
// same size, modification time and bytes.
func unchanged(path string, was os.FileInfo, raw []byte) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Size() != was.Size() || !st.ModTime().Equal(was.ModTime()) || !os.SameFile(st, was) {
		return ErrChangedOnDisk
	}
	now, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, raw) {
		return ErrChangedOnDisk
	}
	return nil
}

// readOnly says why a file is not to be written: no one may write it.
// Root may write any file, but a file with no write permission at all was
// made read-only on purpose.
func readOnly(st os.FileInfo) string {
	if st.Mode().Perm()&0o222 == 0 {
		return fmt.Sprintf("文件为只读（权限 %v）", st.Mode().Perm())
	}
	return ""
}
