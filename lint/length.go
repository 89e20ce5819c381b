package lint

import (
	"fmt"
	"strings"
)

// comprehensiveTitles mark a document that deploys all-round work, which
// 《整治形式主义为基层减负若干规定》第2条 leaves without a cap ("除部署综合性
// 工作外"). Only titles that leave no doubt are here; anything else gets
// the ordinary cap, as the rule intends.
var comprehensiveTitles = []string{"政府工作报告", "工作要点", "五年规划", "规划纲要", "国民经济和社会发展计划"}

// taskTitles mark a document that deploys a special task or a specific
// task (部署专项工作或者具体任务), capped at 4000字 by the same article. A 方案
// is the typical form; 专项 work, 工作安排 and 行动计划 name the same thing.
// 专项 alone is not enough: 专项附加扣除 is a tax term, not a task.
var taskTitles = []string{"方案", "工作安排", "行动计划", "攻坚行动", "整治行动",
	"专项工作", "专项行动", "专项整治", "专项治理", "专项检查", "专项督查", "专项斗争", "专项清理"}

// regulationKinds are titles of laws and regulations. They are not work
// documents and the cap does not govern them: a 条例 issued by 令 is as long
// as its subject needs.
var regulationKinds = []string{"条例", "规定", "办法", "细则", "规则", "法"}

// CapFor decides which 字数 cap governs doc and says why, in Chinese, for
// the finding's message. A cap of 0 means none.
//
// The article caps 地方和部门文件 (local and department documents). gwlint
// applies it to every draft it is given, because those are the drafts it
// sees; a published State Council document over 5000字 is reported all the
// same, as a measure of how far it would exceed the cap.
func (c *Config) CapFor(doc *Document) (int, string) {
	title := doc.Title()
	if !c.Length.CheckRegulations && isRegulation(doc) {
		return 0, "法律法规和规章不是所限的地方和部门工作文件，不设字数上限"
	}
	if c.Length.Comprehensive {
		return c.Length.ComprehensiveCap, "配置声明为部署综合性工作的文件"
	}
	if v, ok := doc.frontMatter("comprehensive"); ok && isYes(v) {
		return c.Length.ComprehensiveCap, "文稿元数据声明为部署综合性工作的文件"
	}
	for _, w := range comprehensiveTitles {
		if strings.Contains(title, w) {
			return c.Length.ComprehensiveCap, fmt.Sprintf("标题含“%s”，属部署综合性工作的文件", w)
		}
	}
	for _, w := range taskTitles {
		if strings.Contains(title, w) {
			return c.Length.TaskCap, fmt.Sprintf("标题含“%s”，属部署专项工作或者具体任务的文件", w)
		}
	}
	return c.Length.Cap, "默认上限：未部署专项工作、具体任务或综合性工作"
}

// isRegulation reports whether the title itself names a law or regulation
// (专利代理条例, 中华人民共和国……法), not a notice that issues one
// (关于印发……办法的通知 is a 通知 and is capped).
func isRegulation(doc *Document) bool {
	if doc.Kind() != "" {
		return false
	}
	title := strings.TrimSpace(doc.Title())
	title = strings.TrimRight(title, "）)")
	if i := strings.LastIndexAny(title, "（("); i > 0 && strings.Contains(title[i:], "年") {
		title = title[:i] // 条例（2018年修订）
	}
	for _, k := range regulationKinds {
		if strings.HasSuffix(title, k) {
			return k != "法" || strings.HasPrefix(title, "中华人民共和国") || len([]rune(title)) <= 20
		}
	}
	return false
}

func (d *Document) frontMatter(key string) (string, bool) {
	if d.Source == nil || d.Source.FrontMatter == nil {
		return "", false
	}
	v, ok := d.Source.FrontMatter[key]
	return v, ok
}

func isYes(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "on", "1", "是":
		return true
	}
	return false
}
