package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestTraceCommand traces the generated chain of testdata/trace (a real
// 国办发 notice copied down to 省, 市, 县 with additions planted, and a 乡
// that forwards the 县's) through a library, as text, as JSON, and around
// one document.
func TestTraceCommand(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib")
	if _, errs, code := gwlint(t, "", "library", "add", "--library", lib, "testdata/trace"); code != 0 {
		t.Fatalf("add: code %d, %s", code, errs)
	}
	out, errs, code := gwlint(t, "", "trace", "--library", lib)
	if code != 0 {
		t.Fatalf("trace: code %d, %s", code, errs)
	}
	// Each level under its parent, indented one step further, with what
	// it added.
	for _, want := range []string{
		"[中央] 国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知 国办发〔2019〕3号",
		"\n    [省级] 江西省人民政府办公厅",
		"        + 时限提前：“2019年2月底前”，提前61天",
		"\n        [市级] 赣州市人民政府办公室",
		"（一票否决与责任状）",
		"\n            [县级] 信丰县人民政府办公室",
		"\n                [乡级] 大塘埠镇人民政府关于转发",
		"以文件落实文件",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("trace text lacks %q:\n%s", want, out)
		}
	}
	out, _, code = gwlint(t, "", "trace", "--library", lib, "--format", "json")
	var rep struct {
		Version   int
		Documents []struct{ ID, Title, Level string }
		Edges     []struct {
			Parent, Child, Link string
			Ratio               float64 `json:"copy_ratio"`
			PaperOnly           bool    `json:"paper_only"`
			Additions           []struct{ Kind, Rule string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("json: code %d, %v\n%s", code, err, out)
	}
	if rep.Version != 1 || len(rep.Documents) != 5 || len(rep.Edges) != 4 {
		t.Fatalf("json: version %d, %d documents, %d edges\n%s", rep.Version, len(rep.Documents), len(rep.Edges), out)
	}
	var county string
	for _, d := range rep.Documents {
		if strings.HasPrefix(d.Title, "信丰县") {
			county = d.ID
		}
	}
	// Around the county: the chain above it and the township below, each
	// once.
	out, _, code = gwlint(t, "", "trace", "--library", lib, county)
	if code != 0 || strings.Count(out, "[") != 5 || !strings.Contains(out, "[乡级]") || !strings.Contains(out, "[中央]") {
		t.Errorf("trace %s: code %d\n%s", county, code, out)
	}
	out, _, code = gwlint(t, "", "trace", "--library", lib, "--summary")
	if code != 0 || !strings.Contains(out, "乡级\t1\t0\t1\t0\t0\t0") || !strings.Contains(out, "一票否决与责任状") {
		t.Errorf("trace --summary: code %d\n%s", code, out)
	}
	for _, bad := range [][]string{
		{"trace"},
		{"trace", "--library", lib, "--format", "html"},
		{"trace", "--library", lib, "no-such-document"},
	} {
		if _, errs, code := gwlint(t, "", bad...); code != 2 || !strings.Contains(errs, "trace：") {
			t.Errorf("%v: code %d, %q", bad, code, errs)
		}
	}
}
