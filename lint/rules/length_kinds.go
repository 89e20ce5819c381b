package rules

import (
	"fmt"
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/gongwen"
)

// LengthOptions are the 字数 caps of length-cap, the "length" section of
// the configuration, after 《整治形式主义为基层减负若干规定》第2条: 5000字 for
// most documents, 4000字 for those that deploy a special or specific task,
// none for comprehensive work.
type LengthOptions struct {
	Cap              int  `yaml:"cap" range:"100,1000000" doc:"most documents (《整治形式主义为基层减负若干规定》第2条)"`
	TaskCap          int  `yaml:"task_cap" range:"100,1000000" doc:"documents deploying a special or specific task (方案, 专项工作, 工作安排…)"`
	ComprehensiveCap int  `yaml:"comprehensive_cap" range:"100,1000000" doc:"documents deploying comprehensive work: 0 means no cap"`
	Comprehensive    bool `yaml:"comprehensive" doc:"treat every draft as comprehensive work"`
	// CheckRegulations also caps 条例, 规定 and 办法 issued by 令, which
	// are laws, not work documents, and are exempt by default.
	CheckRegulations bool `yaml:"check_regulations" doc:"also cap 条例, 规定, 办法 and laws (exempt by default)"`
	// CheckCentral also caps documents of 中共中央, 国务院 and their 办公厅,
	// which the article (地方和部门文件) does not govern, as a measure of how
	// far a central text would exceed a local cap.
	CheckCentral bool `yaml:"check_central" doc:"also cap documents of 中共中央, 国务院 and their 办公厅 (exempt by default)"`
}

// Length is the "length" section of the configuration.
var Length = lint.NewOptions("length", LengthOptions{Cap: 5000, TaskCap: 4000}, checkLength)

// checkLength refuses a negative cap and warns of a special cap above the
// general one, which is applied as the general one: 第2条 sets the special
// cap lower, and a local rule such as 山东's 3000字 lowers both.
func checkLength(v *LengthOptions, c *lint.OptionsCheck) error {
	for key, n := range map[string]int{"cap": v.Cap, "task_cap": v.TaskCap, "comprehensive_cap": v.ComprehensiveCap} {
		if n < 0 {
			return c.Error(key, "a cap must not be negative (0 means the default, or none for comprehensive_cap)")
		}
	}
	// length.cap alone below 4000 (山东's 3000) needs no warning: the
	// special cap follows it down, as its user expects.
	if v.Cap > 0 && v.TaskCap > v.Cap && c.IsSet("task_cap") {
		c.Warn(fmt.Sprintf("%s：length.task_cap（%d字）大于 length.cap（%d字）：部署专项工作或者具体任务的文件上限不应高于一般上限，按%d字检查；如确需放宽，请同时调高 length.cap",
			c.Location("task_cap"), v.TaskCap, v.Cap, v.Cap))
	}
	return nil
}

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

// CapFor decides which 字数 cap governs doc under cfg's length options and
// says why, in Chinese, for the finding's message. A cap of 0 means none.
//
// The article caps 地方和部门文件 (local and department documents), so a
// document of 中共中央, 国务院 or their 办公厅 (read from its 发文字号 or the
// organ heading its title) has no cap. A 印发 notice is counted with the
// document it issues, and the cap follows that document's kind: a 方案
// issued by a three-line notice is a 方案. The special cap never exceeds the
// general one (a province that caps every document at 3000字 caps its
// 方案 at 3000 too); Config.Warnings says so when the file set it higher.
func CapFor(cfg *lint.Config, doc *lint.Document) (int, string) {
	c := Length.Of(cfg)
	if !c.CheckRegulations && isRegulation(doc) {
		return 0, "法律法规和规章不是所限的地方和部门工作文件，不设字数上限"
	}
	if !c.CheckCentral {
		if how, ok := lint.CentralIssuer(doc); ok {
			return 0, "中央文件（" + how + "），不属第2条所限的地方和部门文件，不设字数上限"
		}
	}
	if c.Comprehensive {
		return c.ComprehensiveCap, "配置声明为部署综合性工作的文件"
	}
	if v, ok := frontMatter(doc, "comprehensive"); ok && isYes(v) {
		return c.ComprehensiveCap, "文稿元数据声明为部署综合性工作的文件"
	}
	title, whose := doc.Title(), "标题"
	if issued := issuedTitle(doc); issued != "" {
		title, whose = issued, "所印发的文件标题"
	}
	for _, w := range comprehensiveTitles {
		if strings.Contains(title, w) {
			return c.ComprehensiveCap, fmt.Sprintf("%s含“%s”，属部署综合性工作的文件", whose, w)
		}
	}
	for _, w := range taskTitles {
		if strings.Contains(title, w) {
			return c.taskCap(), fmt.Sprintf("%s含“%s”，属部署专项工作或者具体任务的文件", whose, w)
		}
	}
	return c.Cap, "默认上限：未部署专项工作、具体任务或综合性工作"
}

// taskCap is the cap of a special or specific task, never above the
// general cap: the article sets the special cap lower (4000 under 5000),
// and a local rule that lowers the general cap lowers both.
func (c LengthOptions) taskCap() int {
	if c.Cap > 0 && c.TaskCap > c.Cap {
		return c.Cap
	}
	return c.TaskCap
}

// issuedTitle is the title of the document a 印发 (or 转发, 批转) notice
// issues: the title of the text that follows the notice when it is there,
// else the name the notice's own title gives it ("关于印发X的通知" → X).
// It is "" for any other document.
func issuedTitle(doc *lint.Document) string {
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
func isRegulation(doc *lint.Document) bool {
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

func frontMatter(d *lint.Document, key string) (string, bool) {
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
