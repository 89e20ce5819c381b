package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// burdenCorpusGolden holds every finding of the forward-*, burden-* and
// style-taohua rules on the real documents of testdata/corpus (gov/,
// forward/, tongbao/). `go test ./lint/rules -run BurdenCorpus -update`
// rewrites it; review the diff line by line.
//
// Review of the current golden file (why each finding is right):
//   - forward-chain on forward/fwd01–fwd07 and on gov/govcn_5345284,
//     5345291, 5345293, 5351713 (the same 国办 notices as fwd01–fwd04):
//     recognized from their titles (转发…的通知), fwd06 (no title) and
//     fwd07 (no title line) from 现将《…》转发(给)你们. The 国办 notices are
//     two documents deep; fwd06 names the forwarded notice with its 文号
//     国发明电〔2014〕1号; fwd07 is three deep (深安监管〔2017〕132号 → the
//     总局办公厅 notice 安监总厅科技函〔2017〕57号 → the 目录 it issued).
//   - forward-plain (info) on fwd01–fwd05, fwd07 and the gov/ twins: the
//     wrappers forward with exhortations only (认真贯彻执行, 结合实际, 加强
//     领导), no 配套文件, no reports, no dates: the form asked for when a
//     level has nothing of its own to add. fwd06 is not plain: it sets out
//     自查 under headings with a 6月20日18：00前 deadline.
//   - forward-demands-report on fwd06, lines 4 and 6: "于6月20日18：00前…
//     向省政府报送自查报告", asked of the 市（州） and of the 省级部门. A
//     自查报告 on how policies are carried out is a 贯彻落实情况 report. No
//     forward-demands-package: it asks for no 配套文件.
//   - No forward-nested-title: none of the real titles nests.
//   - No forward-* on the other gov/ documents: 印发 notices, 意见, 批复, 函
//     forward nothing. No forward-* on tongbao/35, a 通报 titled 关于转发…
//     的通报 with no wrapper formula.
//   - No burden-* at all: the gov/ documents contain 不少于 and 工作日内 only
//     in legal time limits (合法性审核时间一般不少于5个工作日, 20个工作日内
//     公布), which are not burdens and match no construction; 全程留痕 in the
//     行政执法全过程记录 opinion (5354528) is a legal record, so it was
//     taken out of the list. tongbao/ are 通报 that condemn burdens
//     (critiqueDocument), e.g. "要求当天或次日反馈" in the 潮州 case.
//   - style-taohua: density above 2.5 per 1,000 with at least 5 phrases on
//     the densest 国办 notices of the 1990s (2.9 to 3.7), and three
//     openings of 220 to 370 characters restating background (近年来,
//     高度重视, 党中央…): information for a drafter, reported at info.
var burdenCorpusGolden = "../../testdata/golden/burden/corpus.golden"

// burdenCorpusReview explains each burden-* finding on gov/ documents. Its
// keys are "file rule" pairs; the test checks that every burden-* finding
// in the corpus has an entry, so an unreviewed finding cannot slip in.
// Today there is none (see above).
var burdenCorpusReview = map[string]string{}

func burdenFamilyRules() []*lint.Rule {
	var rules []*lint.Rule
	rules = append(rules, forwardRules...)
	rules = append(rules, burdenRules...)
	return rules
}

func burdenCorpusFiles(t testing.TB) []string {
	var files []string
	for _, dir := range []string{"gov", "forward", "tongbao"} {
		m, err := filepath.Glob(filepath.Join("../../testdata/corpus", dir, "*.txt"))
		if err != nil || len(m) == 0 {
			t.Fatalf("no corpus files in %s", dir)
		}
		files = append(files, m...)
	}
	return files
}

func TestBurdenCorpus(t *testing.T) {
	checker, err := lint.NewChecker(lint.NewRegistry(burdenFamilyRules()...), lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, path := range burdenCorpusFiles(t) {
		doc, err := lint.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel := strings.TrimPrefix(filepath.ToSlash(path), "../../testdata/corpus/")
		for _, f := range checker.Check(doc).Findings {
			p := doc.Position(f.Span.Start)
			fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s [%s] «%s»\n", rel, p.Line, p.Column, f.Severity, f.Rule, f.Message, f.Source, clip(doc.Slice(f.Span), 60))
			if strings.HasPrefix(f.Rule, "burden-") && strings.HasPrefix(rel, "gov/") {
				key := filepath.Base(rel) + " " + f.Rule
				if burdenCorpusReview[key] == "" {
					t.Errorf("unreviewed finding %s: %s", key, f.Message)
				}
			}
			if strings.HasPrefix(rel, "tongbao/") && strings.HasPrefix(f.Rule, "burden-") {
				t.Errorf("%s: burden finding on a 通报 that condemns burdens: %s", rel, f.Message)
			}
		}
	}
	got := b.String()
	if u := flag.Lookup("update"); u != nil && u.Value.String() == "true" {
		if err := os.MkdirAll(filepath.Dir(burdenCorpusGolden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(burdenCorpusGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(burdenCorpusGolden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("findings differ from %s; run with -update and review the diff\n%s", burdenCorpusGolden, firstDiff(string(want), got))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n want %s\n got  %s", i+1, a, b)
		}
	}
	return ""
}
