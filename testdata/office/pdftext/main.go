// Command pdftext prints, as JSON by file name, the text gwlint reads from
// each PDF named; measure.py compares it with pdftotext's.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gwlint/gwlint/lint/read"
)

func main() {
	out := map[string]string{}
	for _, p := range os.Args[1:] {
		s, err := read.File(p, read.Limits{})
		if err != nil {
			fmt.Fprintln(os.Stderr, p, err)
			continue
		}
		out[filepath.Base(p)] = s.Text
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		os.Exit(1)
	}
}
