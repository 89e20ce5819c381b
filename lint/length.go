package lint

import (
	"fmt"
	"strings"

	"github.com/gwlint/gwlint/lint/gongwen"
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
// The article caps 地方和部门文件 (local and department documents), so a
// document of 中共中央, 国务院 or their 办公厅 (read from its 发文字号 or the
// organ heading its title) has no cap. A 印发 notice is counted with the
// document it issues, and the cap follows that document's kind: a 方案
// issued by a three-line notice is a 方案. The special cap never exceeds the
// general one (a province that caps every document at 3000字 caps its
// 方案 at 3000 too); Config.Warnings says so when the file set it higher.
func (c *Config) CapFor(doc *Document) (int, string) {
	if !c.Length.CheckRegulations && isRegulation(doc) {
		return 0, "法律法规和规章不是所限的地方和部门工作文件，不设字数上限"
	}
	if !c.Length.CheckCentral {
		if how, ok := CentralIssuer(doc); ok {
			return 0, "中央文件（" + how + "），不属第2条所限的地方和部门文件，不设字数上限"
		}
	}
	if c.Length.Comprehensive {
		return c.Length.ComprehensiveCap, "配置声明为部署综合性工作的文件"
	}
	if v, ok := doc.frontMatter("comprehensive"); ok && isYes(v) {
		return c.Length.ComprehensiveCap, "文稿元数据声明为部署综合性工作的文件"
	}
	title, whose := doc.Title(), "标题"
	if issued := issuedTitle(doc); issued != "" {
		title, whose = issued, "所印发的文件标题"
	}
	for _, w := range comprehensiveTitles {
		if strings.Contains(title, w) {
			return c.Length.ComprehensiveCap, fmt.Sprintf("%s含“%s”，属部署综合性工作的文件", whose, w)
		}
	}
	for _, w := range taskTitles {
		if strings.Contains(title, w) {
			return c.taskCap(), fmt.Sprintf("%s含“%s”，属部署专项工作或者具体任务的文件", whose, w)
		}
	}
	return c.Length.Cap, "默认上限：未部署专项工作、具体任务或综合性工作"
}

// taskCap is the cap of a special or specific task, never above the
// general cap: the article sets the special cap lower (4000 under 5000),
// and a local rule that lowers the general cap lowers both.
func (c *Config) taskCap() int {
	if c.Length.Cap > 0 && c.Length.TaskCap > c.Length.Cap {
		return c.Length.Cap
	}
	return c.Length.TaskCap
}

// issuedTitle is the title of the document a 印发 (or 转发, 批转) notice
// issues: the title of the text that follows the notice when it is there,
// else the name the notice's own title gives it ("关于印发X的通知" → X).
// It is "" for any other document.
func issuedTitle(doc *Document) string {
	title := doc.Title()
	verb := -1
	for _, v := range []string{"印发", "转发", "批转"} {
		if i := strings.LastIndex(title, v); i >= 0 && i > verb {
			verb = i + len(v)
		}
	}
	if verb < 0 {
		return ""
	}
	for _, sec := range doc.Structure.Sections {
		if sec.Kind == gongwen.SectionEmbedded && strings.TrimSpace(sec.TitleText) != "" {
			return sec.TitleText
		}
	}
	name := title[verb:]
	name = strings.TrimSuffix(name, "的通知")
	name = strings.Trim(name, "《》")
	return name
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
