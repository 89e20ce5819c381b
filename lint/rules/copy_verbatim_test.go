package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// checkWithParents runs rules on a draft file against parent files.
func checkWithParents(t testing.TB, rs []*lint.Rule, draft string, parents ...string) *lint.Result {
	t.Helper()
	checker, err := lint.NewChecker(lint.NewRegistry(rs...), lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	set, errs := lint.LoadParents(parents)
	if len(errs) > 0 {
		t.Fatal(errs[0].Err)
	}
	checker.SetParents(set)
	return checker.CheckFile(draft)
}

// TestVerbatimRepost: a draft that reposts its parent word for word (the
// State Council's 国办发〔2018〕123号 under another file name) is 100%
// copied and says so: 全文照转. Only the same file is no parent; a copy of
// it elsewhere is. With one character added it reads the same way, minus
// the 全文照转.
func TestVerbatimRepost(t *testing.T) {
	parent := "../../testdata/example/parents/guobanfa-2018-123.txt"
	data, err := os.ReadFile(parent)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	same := filepath.Join(dir, "repost.txt")
	edited := filepath.Join(dir, "edited.txt")
	os.WriteFile(same, data, 0o644)
	os.WriteFile(edited, []byte(strings.Replace(string(data), "政务新媒体是", "政务新媒体乃是", 1)), 0o644)
	rs := []*lint.Rule{CopyRatio, CopyPassage}

	res := checkWithParents(t, rs, same, parent)
	if res.Copy == nil || res.Copy.Ratio < 0.95 {
		t.Fatalf("a verbatim repost: copy facts %+v, want a ratio near 1 (the 主送机关 and 成文日期 are structure, not copying)", res.Copy)
	}
	var ratio *lint.Finding
	for i, f := range res.Findings {
		if f.Rule == "copy-ratio" {
			ratio = &res.Findings[i]
		}
	}
	if ratio == nil || !strings.Contains(ratio.Message, "逐字相同（全文照转）") {
		t.Fatalf("copy-ratio on a verbatim repost: %v, want 全文照转", res.Findings)
	}

	res = checkWithParents(t, rs, edited, parent)
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "全文照转") {
			t.Errorf("an edited copy is not word for word: %s", f.Message)
		}
	}
	if res.Copy == nil || res.Copy.Ratio < 0.9 {
		t.Errorf("an edited copy: ratio %v, want above 0.9", res.Copy)
	}

	// The parent checked against itself: the same file is no parent.
	res = checkWithParents(t, rs, parent, parent)
	if res.Copy != nil && len(res.Copy.Parents) != 0 {
		t.Errorf("the parent against itself: parents %v, want none", res.Copy.Parents)
	}
	for _, f := range res.Findings {
		t.Errorf("the parent against itself: %s", f.Message)
	}
}
