package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint"
)

// burdenNotice wraps a sentence in a plausible notice, so that rules see
// it as the document's own demand.
func burdenNotice(sentence string) string {
	return "关于做好有关工作的通知\n各乡镇人民政府，县直各单位：\n" + sentence + "\n特此通知。\n某县人民政府办公室\n2024年7月1日\n"
}

func TestBurdenRules(t *testing.T) {
	tests := []struct {
		rule     *lint.Rule
		sentence string
		want     bool
	}{
		// burden-deadline: the construction, not the words.
		{BurdenDeadline, "请各乡镇于次日12时前报送工作进展。", true},
		{BurdenDeadline, "要求当天反馈落实情况。", true},
		{BurdenDeadline, "周五发文要求周六反馈。", true},
		{BurdenDeadline, "请于2个工作日内上报统计数据。", true},
		{BurdenDeadline, "请于10个工作日内报送。", false},
		{BurdenDeadline, "建立即时报送机制。", false},
		{BurdenDeadline, "本通知自即日起施行。", false},
		{BurdenDeadline, "发生较大事故的，要求立即上报。", false},
		{BurdenDeadline, "不得要求基层当天反馈。", false},
		// burden-veto
		{BurdenVeto, "对发生重大安全事故的乡镇实行一票否决。", true},
		{BurdenVeto, "各乡镇要与村签订安全生产责任书。", true},
		{BurdenVeto, "不得随意设置“一票否决”和签订责任状事项。", false},
		{BurdenVeto, "按照职责分工落实责任。", false},
		// burden-proof
		{BurdenProof, "每次入户走访须上传现场照片。", true},
		{BurdenProof, "以工作台账和现场照片作为考核依据。", true},
		{BurdenProof, "申请人提交的照片应为近期免冠照片。", false},
		{BurdenProof, "各企业要建立安全生产台账。", false},
		{BurdenProof, "不把拍照留痕作为评判工作优劣的标准。", false},
		// burden-ranking
		{BurdenRanking, "县政府督查室每月排名通报。", true},
		{BurdenRanking, "按月通报排名情况。", true},
		{BurdenRanking, "排名靠前的城市给予表扬。", false},
		{BurdenRanking, "每月召开调度会，通报工作进展。", false},
		{BurdenRanking, "不得按月度、季度频繁搞排名通报。", false},
		// burden-app
		{BurdenApp, "要求村干部每日在政务APP上打卡。", true},
		{BurdenApp, "将点赞量、转发量纳入年度考核。", true},
		{BurdenApp, "打造红色旅游打卡地。", false},
		{BurdenApp, "文章阅读量较高。", false},
		// burden-criteria
		{BurdenCriteria, "乡镇（街道）召开推进会不少于2次。", true},
		{BurdenCriteria, "工作获得县级以上媒体报道不少于1次。", true},
		{BurdenCriteria, "年度考核实行千分制。", true},
		{BurdenCriteria, "全年召开推进会2次。", false},
		{BurdenCriteria, "考核应当化繁为简、不搞“千分制”。", false},
		// burden-forms
		{BurdenForms, "各乡镇每周报送统计表。", true},
		{BurdenForms, "按季度报送统计报表。", false},
	}
	for _, tt := range tests {
		t.Run(tt.rule.ID+"/"+tt.sentence, func(t *testing.T) {
			fs := runRule(t, tt.rule, burdenNotice(tt.sentence))
			if got := len(fs) > 0; got != tt.want {
				t.Fatalf("fired = %v, want %v: %v", got, tt.want, fs)
			}
			for _, f := range fs {
				if f.Message == "" || f.Source == "" || !strings.Contains(f.Message, "“") {
					t.Errorf("finding lacks message or source: %+v", f)
				}
			}
		})
	}
}

// TestBurdenNarration: the same burden in a 通报 that condemns it is not
// the 通报's own demand.
func TestBurdenNarration(t *testing.T) {
	text := "关于2起整治形式主义为基层减负典型问题的通报\n" +
		"某县住建局征求意见时要求当天反馈，每月排名通报。\n"
	for _, r := range []*lint.Rule{BurdenDeadline, BurdenRanking} {
		if fs := runRule(t, r, text); len(fs) != 0 {
			t.Errorf("%s fired on a 通报: %v", r.ID, fs)
		}
	}
	// Narration cues in an ordinary document silence the sentence too.
	if fs := runRule(t, BurdenRanking, burdenNotice("有的部门每月排名通报，加重基层负担。")); len(fs) != 0 {
		t.Errorf("fired on narration: %v", fs)
	}
}

// TestBurdenPhraseExamples runs the examples of every shipped entry through
// its rule (not only the matcher): a match example wrapped in a notice must
// make the rule fire, unless the example is itself narration or negated.
func TestBurdenPhraseExamples(t *testing.T) {
	loadBuiltinPhrases()
	byID := map[string]*lint.Rule{}
	for _, r := range append(append([]*lint.Rule{}, burdenRules...), forwardRules...) {
		byID[r.ID] = r
	}
	for _, l := range builtinPhraseLists {
		for _, e := range l.Entries {
			r := byID[e.Rule]
			if r == nil {
				t.Fatalf("%s:%d: entry for unknown rule %s", l.Path, e.Line, e.Rule)
			}
			if strings.HasPrefix(e.Rule, "forward-") || e.Rule == "style-taohua" {
				continue // these read a wrapper or a density, tested apart
			}
			for _, ex := range e.Match {
				if fs := runRule(t, r, burdenNotice(ex+"。")); len(fs) == 0 {
					t.Errorf("%s:%d: %s does not fire on its example %q", l.Path, e.Line, e.Rule, ex)
				}
			}
		}
	}
}

func TestUserPhraseList(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "local.yaml")
	os.WriteFile(good, []byte(`kinds:
  - rule: burden-app
    severity: warning
    slots: ["村村通", "打卡"]
    message: 本地词表：强制使用“村村通”打卡
    source: 本县减负清单第3条
    match: [要求使用［村村通打卡］]
    nomatch: [村村通公路]
`), 0o644)
	if err := CheckPhraseLists([]string{good}); err != nil {
		t.Fatal(err)
	}
	cfg := lint.DefaultConfig()
	cfg.Phrases = []string{good}
	checker, err := lint.NewChecker(lint.NewRegistry(BurdenApp), cfg)
	if err != nil {
		t.Fatal(err)
	}
	fs := checker.Check(lint.ParseText("d.txt", burdenNotice("要求村干部使用村村通打卡。"))).Findings
	found := false
	for _, f := range fs {
		if f.Source == "本县减负清单第3条" && strings.Contains(f.Message, "local.yaml") {
			found = true
		}
	}
	if !found {
		t.Errorf("user entry not applied: %v", fs)
	}

	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(strings.Replace(mustRead(t, good), "burden-app", "burden-nosuch", 1)), 0o644)
	err = CheckPhraseLists([]string{bad})
	if err == nil || !strings.Contains(err.Error(), "bad.yaml:2") {
		t.Fatalf("want an error at bad.yaml:2, got %v", err)
	}
	// A run with the bad list does not start: the error names the
	// configuration, the list's file and line, and the entry's rule.
	cfg.Phrases = []string{bad}
	if _, err := lint.NewChecker(lint.NewRegistry(BurdenVeto), cfg); err == nil || !strings.Contains(err.Error(), "bad.yaml:2") || !strings.Contains(err.Error(), "burden-nosuch") {
		t.Errorf("want the run refused at bad.yaml:2 (burden-nosuch), got %v", err)
	}
	// A run whose enabled rules read no phrase list does not load it.
	if _, err := lint.NewChecker(lint.NewRegistry(TitleFormat), cfg); err != nil {
		t.Errorf("a run without phrase rules loaded the list: %v", err)
	}
}

func mustRead(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestForwardRecognition(t *testing.T) {
	tests := []struct {
		name, text string
		forward    bool
	}{
		{"title", "某市人民政府办公室转发省政府办公厅关于做好防汛工作的通知\n各区县人民政府：\n现将《省政府办公厅关于做好防汛工作的通知》转发给你们，请认真贯彻执行。\n", true},
		{"批转", "国务院批转发展改革委关于2014年深化经济体制改革重点任务意见的通知\n各省人民政府：\n国务院同意发展改革委意见，现转发给你们，请认真贯彻执行。\n", true},
		{"no title", "各市（州）人民政府：\n现将《国务院关于开展督查的通知》（国发明电〔2014〕1号）转发你们，请按照通知要求开展自查。\n特此通知。\n", true},
		{"印发 own plan", "某市人民政府关于印发某市防汛工作方案的通知\n各区县人民政府：\n现将《某市防汛工作方案》印发给你们，请认真组织实施。\n", false},
		{"意见", "某市人民政府关于加快发展体育产业的意见\n各区县人民政府：\n为加快发展体育产业，提出如下意见。\n", false},
		{"批复", "某市人民政府关于同意设立某开发区的批复\n某区人民政府：\n你区《关于设立某开发区的请示》收悉。现批复如下。\n", false},
		{"函 mentioning 转发", "某市人民政府办公室关于征求意见的函\n各区县：\n请不要将本函转发至无关单位。\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ok := recognizeForward(lint.ParseText("d.txt", tt.text))
			if ok != tt.forward {
				t.Fatalf("recognized = %v, want %v", ok, tt.forward)
			}
			fs := runRule(t, ForwardChain, tt.text)
			if (len(fs) > 0) != tt.forward {
				t.Errorf("forward-chain findings %v", fs)
			}
		})
	}
}

func TestForwardRules(t *testing.T) {
	const head = "某县人民政府办公室转发市政府办公室关于做好防汛工作的通知\n各乡镇人民政府，县直各单位：\n现将《市政府办公室关于做好防汛工作的通知》转发给你们，"
	const tail = "\n某县人民政府办公室\n2024年7月1日\n"
	tests := []struct {
		name string
		body string
		want map[string]bool
	}{
		{"plain", "请结合实际，认真贯彻执行。", map[string]bool{"forward-chain": true, "forward-plain": true}},
		{"package", "请各乡镇结合实际制定实施方案。", map[string]bool{"forward-chain": true, "forward-demands-package": true}},
		{"report", "请于7月10日前将贯彻落实情况报送县政府办公室。", map[string]bool{"forward-chain": true, "forward-demands-report": true}},
		{"negated", "不再制定实施细则，原文转发执行。", map[string]bool{"forward-chain": true, "forward-plain": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]bool{}
			for _, r := range forwardRules {
				for _, f := range runRule(t, r, head+tt.body+tail) {
					got[f.Rule] = true
					if f.Rule == "forward-plain" && f.Severity != lint.Info {
						t.Errorf("forward-plain must be info, got %v", f.Severity)
					}
				}
			}
			for id := range tt.want {
				if !got[id] {
					t.Errorf("missing %s (got %v)", id, got)
				}
			}
			for id := range got {
				if !tt.want[id] {
					t.Errorf("unexpected %s", id)
				}
			}
		})
	}
	nested := "某县人民政府办公室关于转发市政府办公室关于转发省政府办公厅关于做好防汛工作的通知的通知的通知\n各乡镇：\n现转发给你们，请认真贯彻执行。\n"
	if fs := runRule(t, ForwardNestedTitle, nested); len(fs) != 1 {
		t.Errorf("nested title: %v", fs)
	}
	if fs := runRule(t, ForwardNestedTitle, head+"请认真贯彻执行。"+tail); len(fs) != 0 {
		t.Errorf("single title reported: %v", fs)
	}
	// A nested title that also ends in punctuation is still nested, and a
	// nested or three-level notice is never praised as plain forwarding.
	nestedStop := strings.Replace(nested, "的通知\n", "的通知。\n", 1)
	if fs := runRule(t, ForwardNestedTitle, nestedStop); len(fs) != 1 {
		t.Errorf("nested title ending in 。: %v", fs)
	}
	if fs := runRule(t, ForwardPlain, nested); len(fs) != 0 {
		t.Errorf("nested notice praised as plain: %v", fs)
	}
	// The forwarded name comes from the wrapper's 书名号 when the title has
	// the organ in front; 印发 is where the forwarded text is published,
	// not a layer of its own.
	issued := "某县人民政府办公室转发市政府办公室关于印发防汛工作方案的通知\n各乡镇：\n市政府办公室《关于印发防汛工作方案的通知》已经县政府同意，现转发给你们，请认真贯彻执行。\n某县人民政府办公室\n2024年7月1日\n"
	fs := runRule(t, ForwardChain, issued)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "共2层") || !strings.Contains(fs[0].Message, "《关于印发防汛工作方案的通知》") || strings.Contains(fs[0].Message, "层级越多") {
		t.Errorf("forward-chain on a forwarded 印发 notice: %v", fs)
	}
	if fs := runRule(t, ForwardPlain, issued); len(fs) != 1 {
		t.Errorf("plain forwarding of a 印发 notice: %v", fs)
	}
	// A paragraph of the notice's own after the forwarding sentence makes
	// it more than plain forwarding.
	own := head + "请认真贯彻执行。\n各乡镇要在汛期前全面排查河道、水库和地质灾害隐患点，落实巡查责任人，确保群众生命财产安全。" + tail
	if fs := runRule(t, ForwardPlain, own); len(fs) != 0 {
		t.Errorf("notice with a paragraph of its own praised as plain: %v", fs)
	}
	if fs := runRule(t, ForwardPlain, head+"请认真贯彻执行。"+tail); len(fs) != 1 {
		t.Errorf("plain forwarding not noted: %v", fs)
	}
}

// The forwarded text's own demands are the parent's: forward-demands-*
// read only the wrapper.
func TestForwardDemandsOnlyInWrapper(t *testing.T) {
	text := "某县人民政府办公室转发市政府关于做好防汛工作意见的通知\n各乡镇：\n市政府《关于做好防汛工作的意见》已经市政府同意，现转发给你们，请认真贯彻执行。\n某县人民政府办公室\n2024年7月1日\n" +
		"关于做好防汛工作的意见\n各区县要结合实际制定实施方案，及时报送贯彻落实情况。\n"
	for _, r := range []*lint.Rule{ForwardDemandsPackage, ForwardDemandsReport} {
		if fs := runRule(t, r, text); len(fs) != 0 {
			t.Errorf("%s read the forwarded text: %v", r.ID, fs)
		}
	}
}

func TestEscalation(t *testing.T) {
	parent := lint.ParseText("parent.txt", "省政府办公厅关于开展防汛检查的通知\n各市人民政府：\n请各市于3个工作日内报送检查情况。各市要每季度开展一次隐患排查，排查覆盖率达到80%以上。鼓励有条件的地方建立防汛物资储备库。\n")
	draft := lint.ParseText("draft.txt", "县政府办公室关于开展防汛检查的通知\n各乡镇：\n请各乡镇于当天报送检查情况。各乡镇要每月开展一次隐患排查，排查覆盖率达到100%。各乡镇必须建立防汛物资储备库。\n")
	es := escalations(draft, []*lint.Document{parent}, builtinPhraseSet())
	var msgs []string
	for _, e := range es {
		msgs = append(msgs, e.message)
		if e.related.Path != "parent.txt" || e.related.Text == "" {
			t.Errorf("related does not point at the parent sentence: %+v", e.related)
		}
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"时限由“3个工作日内”缩短为“当天”", "频次由“每季度”提高到“每月”", "比例指标由“80%以上”提高到“100%”", "拔高了标准"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	// The same text against itself escalates nothing.
	if es := escalations(parent, []*lint.Document{parent}, builtinPhraseSet()); len(es) != 0 {
		t.Errorf("parent against itself: %v", es)
	}
	// A range restated as it stands raises nothing: its upper figure is
	// not a raise of the parent's lower one (pair16 of the corpus).
	p3 := lint.ParseText("p3.txt", "民用建筑节能条例\n第三十八条 违反本条例规定的，处合同价款2%以上4%以下的罚款。\n")
	d3 := lint.ParseText("d3.txt", "某市建筑节能条例\n第三十条 违反本条例规定的，处合同价款2%以上4%以下的罚款。\n")
	if es := escalations(d3, []*lint.Document{p3}, builtinPhraseSet()); len(es) != 0 {
		t.Errorf("a range restated as it stands: %v", es)
	}
	d4 := lint.ParseText("d4.txt", "某市建筑节能条例\n第三十条 违反本条例规定的，处合同价款5%的罚款。\n")
	if es := escalations(d4, []*lint.Document{p3}, builtinPhraseSet()); len(es) != 1 || !strings.Contains(es[0].message, "提高到“5%”") {
		t.Errorf("a figure above the whole range: %v", es)
	}
	// Scope: 各省 → 各村.
	p2 := lint.ParseText("p2.txt", "各省要组织开展人居环境整治检查。\n")
	d2 := lint.ParseText("d2.txt", "各村要组织开展人居环境整治检查。\n")
	es = escalations(d2, []*lint.Document{p2}, builtinPhraseSet())
	if len(es) != 1 || !strings.Contains(es[0].message, "村（社区）") {
		t.Errorf("scope: %v", es)
	}
}

// Without copy facts burden-escalation stays quiet.
func TestEscalationWithoutParents(t *testing.T) {
	if fs := runRule(t, BurdenEscalation, burdenNotice("请于当天报送。")); len(fs) != 0 {
		t.Errorf("fired without parents: %v", fs)
	}
}

// fwd06 (四川, forwarding 国发明电〔2014〕1号) asks twice for a 自查报告 by
// 6月20日18：00: a report on how the forwarded notice is carried out.
func TestForwardDemandsSelfCheckReport(t *testing.T) {
	doc, err := lint.ParseFile("../../testdata/corpus/forward/fwd06_sichuan-zhuanfa-guofamingdian-2014-1_notitle.txt")
	if err != nil {
		t.Fatal(err)
	}
	fs := runRuleOn(t, ForwardDemandsReport, doc)
	var lines []int
	for _, f := range fs {
		if !strings.Contains(doc.Slice(f.Span), "自查报告") {
			t.Errorf("finding on %q, want the 自查报告 demand", doc.Slice(f.Span))
		}
		lines = append(lines, doc.Position(f.Span.Start).Line)
	}
	if len(lines) != 2 || lines[0] != 4 || lines[1] != 6 {
		t.Errorf("findings on lines %v, want [4 6]: %v", lines, fs)
	}
	// The same demand in a notice that forwards nothing is reported too
	// (every notice that assigns work downwards is read), and a negated
	// demand is no demand.
	if fs := runRule(t, ForwardDemandsReport, burdenNotice("各乡镇于6月20日前向县政府报送自查报告。")); len(fs) != 1 {
		t.Errorf("plain notice: %v", fs)
	}
	for _, text := range []string{
		"某县人民政府办公室转发市政府办公室关于做好防汛工作的通知\n各乡镇：\n现将《市政府办公室关于做好防汛工作的通知》转发给你们，不再要求报送自查报告。\n",
	} {
		if fs := runRule(t, ForwardDemandsReport, text); len(fs) != 0 {
			t.Errorf("%q: %v", text, fs)
		}
	}
}

// A phrase list edited while the process runs (gwlint serve) is read
// again: the compiled set is keyed by the file's size and time, not its
// path alone.
func TestUserPhraseListReloadsWhenEdited(t *testing.T) {
	path := filepath.Join(t.TempDir(), "local.yaml")
	list := func(word string) string {
		return "kinds:\n  - rule: burden-app\n    severity: warning\n    slots: [" + word + "]\n    message: 本地词表：" + word + "\n    source: 本县减负清单\n    match: [要求［" + word + "］]\n    nomatch: [村村通公路]\n"
	}
	cfg := lint.DefaultConfig()
	cfg.Phrases = []string{path}
	found := func(sentence string) bool {
		t.Helper()
		checker, err := lint.NewChecker(lint.NewRegistry(BurdenApp), cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range checker.Check(lint.ParseText("d.txt", burdenNotice(sentence))).Findings {
			if f.Source == "本县减负清单" {
				return true
			}
		}
		return false
	}
	if err := os.WriteFile(path, []byte(list("村村通打卡")), 0o644); err != nil {
		t.Fatal(err)
	}
	if !found("要求村干部使用村村通打卡。") {
		t.Fatal("first list not applied")
	}
	// Same size, later time: a stamp on size alone would miss it.
	if err := os.WriteFile(path, []byte(list("乡乡通打卡")), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if found("要求村干部使用村村通打卡。") {
		t.Error("the old list is still applied after the edit")
	}
	if !found("要求村干部使用乡乡通打卡。") {
		t.Error("the edited list is not applied")
	}
}
