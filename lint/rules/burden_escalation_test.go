package rules

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// TestEscalationForms: one parent–draft pair per form of 层层加码 and per
// look-alike, each sentence written for the test. want lists what the
// messages must say; none means the pair must stay quiet.
func TestEscalationForms(t *testing.T) {
	tests := []struct {
		name, parent, draft string
		want                []string
	}{
		// 增速度
		{"calendar deadline earlier", "各地要在12月底前完成农村危房改造任务。", "各乡镇要在9月底前完成农村危房改造任务。",
			[]string{"时限由“12月底前”提前到“9月底前”", "提前92天，约3个月"}},
		{"year end to month end", "各地要于年底前全面完成高标准农田建设任务。", "各乡镇要于10月底前全面完成高标准农田建设任务。",
			[]string{"时限由“年底前”提前到“10月底前”", "提前61天"}},
		{"relative deadline shorter", "请各县于5个工作日内报送农村公路隐患排查情况。", "请各乡镇于2个工作日内报送农村公路隐患排查情况。",
			[]string{"时限由“5个工作日内”缩短为“2个工作日内”", "5天缩短为2天"}},
		{"frequency two years to one", "各地每两年开展一次文明村镇评选工作。", "各乡镇每年开展一次文明村镇评选工作。",
			[]string{"频次由“每两年”提高到“每年”", "2倍"}},
		{"frequency written as period", "示范村创建实行“两年一创建”，由县级统一组织。", "示范村创建实行“一年一创建”，由县级统一组织。",
			[]string{"频次由“两年一”提高到“一年一”"}},
		{"monthly to weekly", "各县每月对辖区企业开展一次安全巡查。", "各乡镇每周对辖区企业开展一次安全巡查。",
			[]string{"频次由“每月”提高到“每周”", "4.3倍"}},
		// 加数量
		{"amount in 亿", "全市完成固定资产投资100亿元，重点项目投资占比不低于60%。", "全县完成固定资产投资160亿元，重点项目投资占比不低于60%。",
			[]string{"数量由“100亿元”提高到“160亿元”", "增加60亿元，增幅60%"}},
		{"amount in Chinese numerals", "全省完成造林绿化一百二十万亩。", "全市完成造林绿化一百五十万亩。",
			[]string{"数量由“一百二十万亩”提高到“一百五十万亩”", "增加30万亩，增幅25%"}},
		{"percentage", "村级卫生室标准化建设达标率达到80%以上。", "村级卫生室标准化建设达标率达到100%。",
			[]string{"比例指标由“80%以上”提高到“100%”", "提高20个百分点"}},
		{"count", "每个乡镇每年培育示范合作社3家。", "每个村每年培育示范合作社5家。",
			[]string{"数量由“3家”提高到“5家”"}},
		{"doubling the parent has none", "到2027年，全县农村居民人均可支配收入稳步增长。", "到2027年，全镇农村居民人均可支配收入实现翻番，稳步增长。",
			[]string{"提出“翻番”的增长要求"}},
		// 扩内容
		{"scope from 重点行业 to 所有行业", "在重点行业开展安全生产标准化达标创建活动。", "在所有行业开展安全生产标准化达标创建活动。",
			[]string{"范围由“重点行业”扩大到“所有行业”"}},
		{"scope from 县级 to 乡镇 and 村", "在县级建立新时代文明实践中心，统筹开展志愿服务。", "在乡镇、村建立新时代文明实践中心，统筹开展志愿服务。",
			[]string{"范围由上级文件的县级扩大到村（社区）"}},
		{"more tasks in the list", "各地要做好道路、桥梁、涵洞的隐患排查工作。", "各地要做好道路、桥梁、涵洞、水库、堤防、山塘的隐患排查工作。",
			[]string{"所列事项由上级文件的3项增加到6项"}},
		// 提标准
		{"鼓励 to 要", "鼓励有条件的地方建设农产品冷链物流设施。", "各乡镇要建设农产品冷链物流设施。",
			[]string{"上级文件用“鼓励”", "本文改为“要”"}},
		{"原则上 to 一律", "村级组织办公场所原则上不超过500平方米。", "村级组织办公场所一律不超过500平方米。",
			[]string{"上级文件用“原则上”", "本文改为“一律”"}},
		// Look-alikes that must stay quiet.
		{"parent deadline repeated", "各地要在12月底前完成农村危房改造任务。", "各乡镇要在12月底前完成农村危房改造任务。", nil},
		{"later deadline", "各地要在9月底前完成农村危房改造任务。", "各乡镇要在10月底前完成农村危房改造任务。", nil},
		{"restated range", "每个乡镇配备专职人员3至5名。", "每个乡镇配备专职人员3至5名。", nil},
		{"不低于 the same figure", "村级卫生室标准化建设达标率达到90%。", "村级卫生室标准化建设达标率不低于90%。", nil},
		{"same amount in other numerals", "全市完成固定资产投资160亿元。", "全县完成固定资产投资一百六十亿元。", nil},
		{"a lower figure", "全市完成固定资产投资160亿元。", "全县完成固定资产投资120亿元。", nil},
		{"article numbers are no counts", "违反本条例第三十条规定的，由县级以上人民政府责令改正。", "违反本条例第四十条规定的，由县级以上人民政府责令改正。", nil},
		{"growth already in the parent", "农村居民人均可支配收入力争实现翻番。", "农村居民人均可支配收入实现翻番。", nil},
		{"two deadlines restated", "原则上于2019年12月底前完成相关建设规划，2020年12月底前完成项目竣工验收。", "原则上于2019年12月底前完成相关建设规划，2020年12月底前完成项目竣工验收。", nil},
		{"the second of two deadlines moved", "原则上于2019年12月底前完成相关建设规划，2020年12月底前完成项目竣工验收。", "原则上于2019年12月底前完成相关建设规划，2020年6月底前完成项目竣工验收。",
			[]string{"时限由“2020年12月底前”提前到“2020年6月底前”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := lint.ParseText("parent.txt", "某省人民政府办公厅关于做好有关工作的通知\n各市人民政府：\n"+tt.parent+"\n")
			draft := lint.ParseText("draft.txt", "某县人民政府办公室关于做好有关工作的通知\n各乡镇人民政府：\n"+tt.draft+"\n")
			es := escalations(draft, []*lint.Document{parent}, builtinPhraseSet())
			var msgs []string
			for _, e := range es {
				msgs = append(msgs, e.message)
				if e.related.Path != "parent.txt" || !strings.Contains(tt.parent, strings.TrimSuffix(e.related.Text, "。")) {
					t.Errorf("related does not point at the parent sentence: %+v", e.related)
				}
			}
			all := strings.Join(msgs, "\n")
			if len(tt.want) == 0 && len(es) != 0 {
				t.Fatalf("fired on a look-alike:\n%s", all)
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("missing %q in\n%s", w, all)
				}
			}
		})
	}
}

// TestEscalationPairs runs burden-escalation on the real parent–child
// pairs of testdata/corpus/pairs (a law or 行政法规 and the local 条例 or
// 实施办法 that carries it out) and holds the findings to a reviewed list.
// The list is empty today, and each pair was read for why:
//   - pair16 (淄博 建筑节能条例 against the 民用建筑节能条例): the fines are
//     restated as the same ranges (2%以上4%以下) and stay quiet.
//   - pair15 (上海 妇女权益保障条例): 第十四条、十六条 are article numbers,
//     not counts of 条 raised from 十二条.
//   - pair13 (北京 突发事件应对法实施办法): 第四十七条 gives the 乡镇人民政府
//     and 街道办事处 duties the law gives the 县级人民政府 after an
//     emergency; duties the law sets for emergencies are not escalation.
//   - pair11, 12, 14: the local texts restate or add procedure; no
//     deadline, figure, level or hedge of the parent is tightened.
//
// A finding that appears must be added to escalationPairReview with why
// it is defensible; an unreviewed one fails.
func TestEscalationPairs(t *testing.T) {
	children, err := filepath.Glob("../../testdata/corpus/pairs/pair*_child_*.txt")
	if err != nil || len(children) == 0 {
		t.Fatal("no pairs")
	}
	sort.Strings(children)
	var got []string
	for _, c := range children {
		prefix := strings.SplitN(filepath.Base(c), "_", 2)[0]
		parents, _ := filepath.Glob(filepath.Join(filepath.Dir(c), prefix+"_parent_*.txt"))
		if len(parents) != 1 {
			t.Fatalf("%s: %d parents", c, len(parents))
		}
		child, err := lint.ParseFile(c)
		if err != nil {
			t.Fatal(err)
		}
		parent, err := lint.ParseFile(parents[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range escalations(child, []*lint.Document{parent}, builtinPhraseSet()) {
			line := fmt.Sprintf("%s %s «%s»: %s", prefix, e.severity, clip(child.Slice(e.span), 30), e.message)
			got = append(got, line)
		}
	}
	for _, g := range got {
		t.Log(g)
	}
	reviewed := 0
	for _, g := range got {
		for key := range escalationPairReview {
			if strings.HasPrefix(g, key) {
				reviewed++
				break
			}
		}
	}
	if reviewed != len(got) {
		t.Errorf("%d of %d findings on the real pairs are not in escalationPairReview", len(got)-reviewed, len(got))
	}
	if len(got) != len(escalationPairReview) {
		t.Errorf("%d findings, %d reviewed entries: the review is stale", len(got), len(escalationPairReview))
	}
}

// escalationPairReview lists the reviewed findings on the real pairs by
// the start of their line, each with why it is defensible.
var escalationPairReview = map[string]string{}
