package gongwen

import (
	"strings"
	"testing"
	"time"
)

// TestRecognizeLarge guards the linear-time promise on inputs far beyond
// any real draft: 20 MB of ordinary lines and a single 10 MB line.
func TestRecognizeLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	var sb strings.Builder
	for sb.Len() < 20<<20 {
		sb.WriteString("　　（一）加强组织领导。各地区各部门要高度重视，确保各项措施落到实处。\n一、总体要求\n1.5亿元\n")
	}
	long := "关于X的通知\n" + strings.Repeat("各省人民政府、", 10<<20/21) + "：\n" + strings.Repeat("一", 1<<20) + "\n"
	noBreaks := strings.Repeat("国务院办公厅关于", 10<<20/24)
	// Many lines each of which could be some element, after the 成文日期.
	crowd := "关于X的通知\n正文。\n国务院\n2018年11月7日\n关于Y的意见\n正文。\n" +
		strings.Repeat("各省人民政府：\n\n\n国务院\n2018年11月7日\n附件\n关于Z的通知\n", 1<<20/16)
	for name, doc := range map[string]string{"20MB lines": sb.String(), "10MB line": long, "10MB no break": noBreaks, "crowd": crowd} {
		start := time.Now()
		s := Recognize(doc)
		elapsed := time.Since(start)
		t.Logf("%s: %d bytes, %d paragraphs, %d headings in %v", name, len(doc), len(s.Paragraphs), len(s.Headings), elapsed)
		if elapsed > 20*time.Second {
			t.Errorf("%s took %v", name, elapsed)
		}
	}
}
