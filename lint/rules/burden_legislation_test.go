package rules

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// TestBurdenQuietOnLegislation: laws and regulations as enacted (the
// corpus pairs: 人大 laws, 国务院令 regulations and the provinces'
// implementing 办法) set legal duties, and no burden or forwarding-demand
// rule reads them as burdens; a county's own 考核办法, which no 人大 passed,
// is read like any draft.
func TestBurdenQuietOnLegislation(t *testing.T) {
	checker, err := lint.NewChecker(lint.NewRegistry(burdenFamilyRules()...), lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../testdata/corpus/pairs/*_law-*.txt")
	more, _ := filepath.Glob("../../testdata/corpus/pairs/*tiaoli*.txt")
	more2, _ := filepath.Glob("../../testdata/corpus/pairs/*_child_*banfa*.txt")
	files = append(append(files, more...), more2...)
	if len(files) < 6 {
		t.Fatalf("only %d enacted texts in the corpus pairs", len(files))
	}
	for _, path := range files {
		doc, err := lint.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !isLegislation(doc) {
			t.Errorf("%s is not read as legislation", filepath.Base(path))
		}
		for _, f := range checker.Check(doc).Findings {
			if strings.HasPrefix(f.Rule, "burden-") || strings.HasPrefix(f.Rule, "forward-demands-") {
				t.Errorf("%s: %s on enacted text: %s", filepath.Base(path), f.Rule, f.Message)
			}
		}
	}
	county := "某县乡镇工作目标考核办法\n\n第一条　为推进各项工作落实，制定本办法。\n第二条　县考核办每月对各乡镇工作进度进行排名并通报，排名后三位的乡镇由县政府约谈主要负责同志。\n"
	doc := lint.ParseText("考核办法.txt", county)
	if isLegislation(doc) {
		t.Error("a county 考核办法 read as legislation")
	}
	found := false
	for _, f := range checker.Check(doc).Findings {
		found = found || f.Rule == "burden-ranking"
	}
	if !found {
		t.Error("the county 考核办法's monthly ranking is not reported")
	}
}
