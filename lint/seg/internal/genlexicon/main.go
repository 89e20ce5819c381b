// Command genlexicon writes dict/words/lexicon.txt and its index
// dict/words/lexicon.idx from gse's zh_s
// dictionary and dict/words/gongwen.txt. Run it through `go generate
// ./lint/seg`.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/gwlint/gwlint/lint/seg/internal/lexgen"
)

func main() {
	domain := flag.String("domain", "../../dict/words/gongwen.txt", "the domain dictionary")
	out := flag.String("o", "../../dict/words/lexicon.txt", "where to write the lexicon")
	idx := flag.String("idx", "../../dict/words/lexicon.idx", "where to write the lexicon's index")
	flag.Parse()
	if err := run(*domain, *out, *idx); err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
}

func run(domainPath, out, idx string) error {
	src, err := os.ReadFile(domainPath)
	if err != nil {
		return err
	}
	seg, err := lexgen.Reference(string(src))
	if err != nil {
		return err
	}
	lex, index, err := lexgen.Format(seg, "dict/words/gongwen.txt")
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, lex, 0o644); err != nil {
		return err
	}
	return os.WriteFile(idx, index, 0o644)
}
