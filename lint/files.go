package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Version is gwlint's version, reported by `gwlint version` and in every
// report.
const Version = "0.1.0"

// DraftExtensions are the file types a directory walk picks up. A file
// named on the command line is linted whatever its extension (as plain
// text when it is none of these).
var DraftExtensions = []string{".txt", ".md", ".markdown", ".docx", ".doc", ".wps", ".pdf", ".ofd", ".html", ".htm"}

// errNoDrafts is a directory walk that found nothing to lint: reporting
// nothing and exiting 0 would pass a folder of unreadable files as clean.
var errNoDrafts = errors.New("该目录中没有gwlint能读取的文稿（" + strings.Join(DraftExtensions, " ") + "）；请把文稿另存为其中一种格式")

// Target is one file to lint, or a path that could not be expanded.
// When Data is set, the draft is read from it rather than from the file
// system (standard input, an upload), with Path's extension choosing the
// reader.
type Target struct {
	Data []byte
	Path string
	Err  error
}

// ExpandPaths turns command-line paths into the files to lint: files as
// given, directories walked recursively in lexical order for draft files,
// hidden directories (.git) skipped, ignored paths dropped. Problems (a
// missing path, an unreadable directory) come back as Targets with Err set,
// in place, so that the report names them and the rest is still linted.
func ExpandPaths(paths []string, cfg *Config) []Target {
	var out []Target
	for _, p := range paths {
		if p == "-" {
			out = append(out, Target{Path: p})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			out = append(out, Target{Path: p, Err: inputError(err)})
			continue
		}
		if !st.IsDir() {
			if cfg == nil || !cfg.Ignored(p) {
				out = append(out, Target{Path: p})
			}
			continue
		}
		var found []Target
		ignored := false // drafts were there but the configuration ignores them
		walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				found = append(found, Target{Path: path, Err: inputError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				if cfg != nil && path != p && cfg.Ignored(path) {
					ignored = true
					return fs.SkipDir
				}
				return nil
			}
			if !isDraftFile(path) {
				return nil
			}
			if cfg != nil && cfg.Ignored(path) {
				ignored = true
				return nil
			}
			found = append(found, Target{Path: path})
			return nil
		})
		if walkErr != nil {
			found = append(found, Target{Path: p, Err: inputError(walkErr)})
		}
		if len(found) == 0 && !ignored {
			found = append(found, Target{Path: p, Err: errNoDrafts})
		}
		sort.SliceStable(found, func(i, j int) bool { return found[i].Path < found[j].Path })
		out = append(out, found...)
	}
	return out
}

func isDraftFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range DraftExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// inputError shortens an os error to the reason, since the report already
// names the path.
func inputError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read: %w", pe.Err)
	}
	return err
}
