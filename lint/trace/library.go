package trace

import (
	"fmt"

	"github.com/gwlint/gwlint/lint/library"
)

// FromLibrary reads every document of a library, and gives the function
// that proposes, for a text, the library documents it most likely copies
// (the library's fingerprint index), so that the copy links need not
// compare each document with all the others.
func FromLibrary(lib *library.Library) ([]Doc, func(string, int) ([]string, error), error) {
	entries, err := lib.List()
	if err != nil {
		return nil, nil, err
	}
	docs := make([]Doc, 0, len(entries))
	for _, e := range entries {
		_, text, err := lib.Get(e.ID)
		if err != nil {
			return nil, nil, fmt.Errorf("文件库中的 %s（%s）无法读出：%w", e.ID, e.Path, err)
		}
		docs = append(docs, Doc{ID: e.ID, Path: e.Path, Title: e.Title, DocNumber: e.DocNumber, Date: e.Date, Text: text})
	}
	candidates := func(text string, n int) ([]string, error) {
		cs, err := lib.Candidates(text, n)
		if err != nil {
			return nil, err
		}
		ids := make([]string, len(cs))
		for i, c := range cs {
			ids[i] = c.ID
		}
		return ids, nil
	}
	return docs, candidates, nil
}
