package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// formatUpdate rewrites the golden files of the format, genre and
// punctuation rules: go test ./lint/rules -run TestFormatGovGolden -update
var formatUpdate = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// formatFamily is every rule of the format, genre and punctuation families.
func formatFamily() []*lint.Rule {
	var all []*lint.Rule
	all = append(all, formatRules...)
	all = append(all, genreRules...)
	all = append(all, punctRules...)
	return all
}

// formatCheck runs the three families on a document.
func formatCheck(t testing.TB, doc *lint.Document) []lint.Finding {
	t.Helper()
	checker, err := lint.NewChecker(lint.NewRegistry(formatFamily()...), lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return checker.Check(doc).Findings
}

const formatGovDir = "../../testdata/corpus/gov"

// formatGovHeader explains, for the reviewer of the golden file, why each
// kind of finding on these published State Council documents is a real
// departure from the standard. It is written at the top of the golden file.
const formatGovHeader = `# Findings of the format, genre and punctuation rules on 60 published
# State Council documents (testdata/corpus/gov). These documents are the
# reference for correct practice, so every line below must be a real fault
# in the published text, or advice at info level where published practice
# departs from a standard's 通常. Why each kind is right:
#   punct-halfwidth (error): half-width ; ( ) typed in Chinese text as
#     published: "个人所得税;在中国" (国令第707号), "技工教育)" closing a
#     full-width "（" (国发〔2018〕41号), "(国家发展改革委、工业和信息化部…)" around
#     Chinese (国办发〔2018〕128号), "国家级(Ⅰ级)" (国办函〔2005〕57号).
#   attachment-note (error): 国函〔2006〕132号 writes "附件1.深圳湾…" with no
#     "：" after 附件 (GB/T 9704—2012 7.3.4 "附件：1.XXXXX").
#   attachment-note (warning): 国办函〔2004〕80号 lists "…地质险情调查专家组意见"
#     but attachment 2 is titled "…地质险情调查意见": the names differ (7.3.7).
#   punct-dunhao-between-quotes (info): 《A》、《B》 and “A”、“B”; GB/T
#     15834—2011 4.5.3.5 says such items 通常不用顿号 while published practice
#     keeps the 顿号, hence info, never a warning. The message quotes the two
#     items as they would read without it.
#   number-range (warning): 国办函〔2005〕57号 writes ranges of measures with
#     the hyphen, "480-560米", "1-5毫米", "0.5-2米"; GB/T 15834—2011 4.13
#     marks a range of values with the 浪纹线: 480～560米.
# Not reported, by design: the numbered notes under 国函〔2006〕132号's table
# ("注：1、…" "2、…" "3、…": notes, not 结构层次), 二〇〇四年-style dates
# before 2012-07-01 (the form of GB/T 9704—1999), 国令第706号 (a 令 number),
# continuous （一）…（四十八） numbering across 一、 二、, and the 答复 to
# deputies' 建议 and 提案.
# Regenerate: go test ./lint/rules -run TestFormatGovGolden -update
`

// TestFormatGovGolden runs the three families over every gov/ document
// and compares the findings with testdata/golden/format/gov.golden.
func TestFormatGovGolden(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(formatGovDir, "*.txt"))
	if err != nil || len(names) < 60 {
		t.Fatalf("want the 60 gov/ documents under %s, found %d (%v)", formatGovDir, len(names), err)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(formatGovHeader)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		rel := "gov/" + filepath.Base(name)
		doc := lint.ParseText(rel, string(data))
		for _, f := range formatCheck(t, doc) {
			p := doc.Position(f.Span.Start)
			fmt.Fprintf(&b, "%s:%d:%d %s %s %s\n", rel, p.Line, p.Column, f.Rule, f.Severity, f.Message)
		}
	}
	golden := "../../testdata/golden/format/gov.golden"
	got := b.String()
	if *formatUpdate {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("gov.golden differs at line %d:\n got: %s\nwant: %s\n(run with -update after reviewing)", i+1, g, w)
			}
		}
	}
}
