package trace_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
	"github.com/gwlint/gwlint/lint/trace"
)

// level is one generated level of a chain: who issues it, how it swaps
// the jurisdiction words of its parent, and what it plants.
type level struct {
	id, organ, number, addressees, issuer string
	swaps                                 []string
	// plants replace a sentence of the parent's text (old, new pairs) or,
	// with old "", append a sentence to the body.
	plants []string
	want   []string // the additions trace must find at this edge: kind|rule or kind
	// silent: the level cites nothing of its parent, so only the copy
	// links it. forward: the level forwards its parent whole under a
	// two-line wrapper.
	silent, forward bool
}

// chain derives each level from the one above by copying with the
// jurisdiction words swapped, citing its parent by 《title》 and 发文字号,
// with the planted additions.
func chain(t *testing.T, national string, levels []level) []trace.Doc {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(national), "\n")
	title, number := lines[0], lines[1]
	core := title[strings.Index(title, "关于"):]
	body := strings.Join(lines[3:], "\n")
	docs := []trace.Doc{{ID: "national", Path: "national.txt", Title: title, DocNumber: number, Text: national}}
	for _, l := range levels {
		for i := 0; i+1 < len(l.swaps); i += 2 {
			body = strings.ReplaceAll(body, l.swaps[i], l.swaps[i+1])
		}
		for i := 0; i+1 < len(l.plants); i += 2 {
			old, repl := l.plants[i], l.plants[i+1]
			if old == "" {
				body += "\n" + repl
				continue
			}
			if !strings.Contains(body, old) {
				t.Fatalf("%s: the parent's text has no %q to plant in", l.id, old)
			}
			body = strings.Replace(body, old, repl, 1)
		}
		childTitle := l.organ + core
		intro := "根据《" + title + "》（" + number + "）精神，结合实际，现就有关事项通知如下："
		if l.silent {
			intro = "为做好有关工作，现就有关事项通知如下："
		}
		text := strings.Join([]string{childTitle, l.number, "", l.addressees, intro, body, "", l.issuer, "2019年3月1日"}, "\n")
		if l.forward {
			parentText := docs[len(docs)-1].Text
			childTitle = l.organ + "关于转发《" + title + "》的通知"
			text = strings.Join([]string{childTitle, l.number, "", l.addressees,
				"现将《" + title + "》转发给你们，请认真贯彻执行。", "", l.issuer, "2019年3月5日", "", parentText}, "\n")
		}
		docs = append(docs, trace.Doc{ID: l.id, Path: l.id + ".txt", Title: childTitle, DocNumber: l.number, Text: text})
		title, number = childTitle, l.number
	}
	return docs
}

// write saves the generated chain as files, the fixture of the command's
// test (go test ./lint/trace -run TestGeneratedChain -write ../../testdata/trace).
var write = flag.String("write", "", "write the generated chain's documents into this directory")

func checker(t *testing.T) *lint.Checker {
	t.Helper()
	c, err := lint.NewChecker(rules.All(), lint.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestGeneratedChain plants known additions at known levels of a chain
// derived from a real national document and asks trace to recover the
// tree and every planted addition at its edge, and nothing planted
// elsewhere.
func TestGeneratedChain(t *testing.T) {
	data, err := os.ReadFile("../../testdata/corpus/gov/govcn_5360002.txt")
	if err != nil {
		t.Fatal(err)
	}
	levels := []level{
		{id: "province", organ: "江西省人民政府办公厅", number: "赣府厅发〔2019〕5号",
			addressees: "各设区市、县（区）人民政府，省政府各部门：", issuer: "江西省人民政府办公厅",
			swaps:  []string{"全国", "全省", "国务院", "省政府", "各省（区、市）", "各设区市", "各地", "各设区市"},
			plants: []string{"该项工作于2019年4月底前完成", "该项工作于2019年2月底前完成"},
			want:   []string{trace.EarlierDeadline}},
		{id: "city", organ: "赣州市人民政府办公室", number: "赣市府办发〔2019〕12号",
			addressees: "各县（市、区）人民政府，市政府各部门：", issuer: "赣州市人民政府办公室",
			swaps:  []string{"全省", "全市", "省政府", "市政府", "各设区市", "各县（市、区）"},
			plants: []string{"", "对治理工作不力的地方，实行一票否决。", "", "各县（市、区）要于每周五前将治理工作进展情况报送市教育局。"},
			want:   []string{trace.NewDemand + "|burden-veto", trace.NewDemand + "|burden-forms"}},
		{id: "county", organ: "信丰县人民政府办公室", number: "信府办发〔2019〕20号",
			addressees: "各乡镇人民政府，县政府各部门：", issuer: "信丰县人民政府办公室",
			swaps:  []string{"全市", "全县", "市政府", "县政府", "各县（市、区）", "各乡镇"},
			plants: []string{"", "各乡镇要将整改前后的现场照片上传至工作群，作为工作落实的依据。"},
			want:   []string{trace.NewDemand + "|burden-proof"}},
		{id: "township", organ: "大塘埠镇人民政府", number: "大府发〔2019〕3号",
			addressees: "各村（居）委会，镇直各单位：", issuer: "大塘埠镇人民政府", forward: true},
	}
	docs := chain(t, string(data), levels)
	if *write != "" {
		for _, d := range docs {
			if err := os.WriteFile(filepath.Join(*write, d.ID+".txt"), []byte(d.Text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	g, err := trace.Build(docs, trace.Options{Checker: checker(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Errors {
		t.Error(e)
	}
	wantLevel := map[string]trace.Level{"national": trace.Central, "province": trace.Province, "city": trace.City, "county": trace.County, "township": trace.Township}
	for id, l := range wantLevel {
		if got := g.Node(id).Level; got != l {
			t.Errorf("%s: level %s, want %s (%s)", id, got, l, g.Node(id).LevelFrom)
		}
	}
	parent := map[string]string{"province": "national", "city": "province", "county": "city", "township": "county"}
	if len(g.Edges) != len(parent) {
		for _, e := range g.Edges {
			t.Logf("edge %s → %s (%s)", e.Parent, e.Child, e.Link)
		}
		t.Fatalf("%d edges, want %d", len(g.Edges), len(parent))
	}
	for i, e := range edgesByChild(g) {
		_ = i
		if parent[e.Child] != e.Parent {
			t.Errorf("%s: parent %s, want %s", e.Child, e.Parent, parent[e.Child])
		}
		if e.Link != trace.ByDocNumber && e.Child != "township" {
			t.Errorf("%s: linked %s, want %s", e.Child, e.Link, trace.ByDocNumber)
		}
		if e.Ratio < 0.7 || e.Coverage < 0.7 {
			t.Errorf("%s: copied %.2f, coverage %.2f, want both at least 0.7", e.Child, e.Ratio, e.Coverage)
		}
		var want []string
		for _, l := range levels {
			if l.id == e.Child {
				want = l.want
			}
		}
		got := map[string]bool{}
		for _, a := range e.Additions {
			got[a.Kind] = true
			got[a.Kind+"|"+a.Rule] = true
			t.Logf("%s: %s %s %q %s", e.Child, a.Kind, a.Rule, a.Text, a.Message)
		}
		for _, w := range want {
			if !got[w] {
				t.Errorf("%s: no addition %s", e.Child, w)
			}
		}
		if len(e.Additions) != len(want) {
			t.Errorf("%s: %d additions, want %d (only those planted at this level)", e.Child, len(e.Additions), len(want))
		}
		if e.Child == "province" {
			if a := e.Additions[0]; a.Days < 59 || a.Days > 62 {
				t.Errorf("province: deadline %d days earlier, want about 59", a.Days)
			}
		}
		if e.PaperOnly != (len(want) == 0) {
			t.Errorf("%s: 以文件落实文件 %v with %d additions", e.Child, e.PaperOnly, len(e.Additions))
		}
	}
}

// TestSummary counts the generated chain: the 省, 市 and 县 implement with
// their own additions, the 乡 only forwards; four additions, once each.
func TestSummary(t *testing.T) {
	data, err := os.ReadFile("../../testdata/corpus/gov/govcn_5360002.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs := []trace.Doc{{ID: "national", Path: "national.txt", Text: string(data)}}
	for _, name := range []string{"province", "city", "county", "township"} {
		b, err := os.ReadFile("../../testdata/trace/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, trace.Doc{ID: name, Path: name + ".txt", Text: string(b)})
	}
	g, err := trace.Build(docs, trace.Options{Checker: checker(t)})
	if err != nil {
		t.Fatal(err)
	}
	s := g.Summary()
	want := []trace.LevelCount{
		{Level: "中央", Documents: 1, Unlinked: 1},
		{Level: "省级", Documents: 1, OwnMeasures: 1, Adding: 1},
		{Level: "市级", Documents: 1, OwnMeasures: 1, Adding: 1},
		{Level: "县级", Documents: 1, OwnMeasures: 1, Adding: 1},
		{Level: "乡级", Documents: 1, Forwards: 1},
	}
	if len(s.Levels) != len(want) {
		t.Fatalf("levels %+v, want %+v", s.Levels, want)
	}
	for i := range want {
		if s.Levels[i] != want[i] {
			t.Errorf("level %d: %+v, want %+v", i, s.Levels[i], want[i])
		}
	}
	rules := map[string]int{}
	for _, a := range s.Added {
		rules[a.Rule] = a.Edges
	}
	for _, r := range []string{"burden-escalation", "burden-veto", "burden-forms", "burden-proof"} {
		if rules[r] != 1 {
			t.Errorf("added %s on %d edges, want 1 (%+v)", r, rules[r], s.Added)
		}
	}
	if len(s.Added) != 4 {
		t.Errorf("added %+v, want the four planted", s.Added)
	}
}

func edgesByChild(g *trace.Graph) map[string]*trace.Edge {
	out := map[string]*trace.Edge{}
	for _, e := range g.Edges {
		out[e.Child] = e
	}
	return out
}

// TestInferredByCopy: a county notice that copies its city's without
// citing it is linked by the copy alone, and says so.
func TestInferredByCopy(t *testing.T) {
	data, err := os.ReadFile("../../testdata/corpus/gov/govcn_5365945.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs := chain(t, string(data), []level{
		{id: "city", organ: "赣州市人民政府", number: "赣市府发〔2019〕2号", addressees: "各县（市、区）人民政府，市政府各部门：",
			issuer: "赣州市人民政府", swaps: []string{"全国", "全市", "国务院", "市政府"}},
		{id: "county", organ: "信丰县人民政府", number: "信府发〔2019〕4号", addressees: "各乡镇人民政府，县政府各部门：",
			issuer: "信丰县人民政府", swaps: []string{"全市", "全县", "市政府", "县政府"}, silent: true},
	})
	g, err := trace.Build(docs, trace.Options{Checker: checker(t)})
	if err != nil {
		t.Fatal(err)
	}
	e := edgesByChild(g)["county"]
	if e == nil || e.Parent != "city" || e.Link != trace.ByCopy {
		t.Fatalf("county: edge %+v, want from city by %s", e, trace.ByCopy)
	}
	if !e.PaperOnly {
		t.Errorf("county: copies %.2f and adds %d, want 以文件落实文件", e.Ratio, len(e.Additions))
	}
}

// BenchmarkBuild traces the generated five-document chain of
// testdata/trace: parsing, linking, and one check per edge.
func BenchmarkBuild(b *testing.B) {
	var docs []trace.Doc
	for _, name := range []string{"national", "province", "city", "county", "township"} {
		data, err := os.ReadFile("../../testdata/trace/" + name + ".txt")
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, trace.Doc{ID: name, Path: name + ".txt", Text: string(data)})
	}
	c, err := lint.NewChecker(rules.All(), lint.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := trace.Build(docs, trace.Options{Checker: c}); err != nil {
			b.Fatal(err)
		}
	}
}
