// Command naive is the baseline gwlint's speed is measured against: a
// program that segments 公文 (official-document) drafts with gse the way
// gse's own documentation does it, loading gse's embedded zh_s dictionary
// (352,275 entries) into a fresh segmenter at every start, then cutting
// each file given on the command line one after another.
//
// It does what any gse-based checker must do before its first rule runs,
// and nothing more: it runs no rule and reports no finding, so every
// second gwlint is faster than it is a second gwlint's way of loading the
// dictionary (lint/seg) saves. It prints one line per file, the number of
// words, so the segmentation cannot be optimized away and a reader can
// check it did the work.
//
// It must stay naive: no caching, no concurrency, no trimmed dictionary.
// It is built only by bench/compare.sh and bench/ratio-guard.sh; it links
// gse's 36 MB of embedded dictionaries, which gwlint itself never does.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/go-ego/gse"
)

func main() {
	if len(os.Args) < 2 || strings.HasPrefix(os.Args[1], "-") {
		fmt.Fprintln(os.Stderr, "usage: naive FILE...  (segments each file with gse's full zh_s dictionary)")
		os.Exit(2)
	}
	os.Exit(run(os.Args[1:]))
}

func run(paths []string) int {
	seg := gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		fmt.Fprintf(os.Stderr, "naive: loading gse's zh_s dictionary: %v\n", err)
		return 2
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	status := 0
	for _, path := range paths {
		text, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "naive: %v\n", err)
			status = 2
			continue
		}
		fmt.Fprintf(out, "%s\t%d\n", path, len(seg.Segment(text)))
	}
	return status
}
