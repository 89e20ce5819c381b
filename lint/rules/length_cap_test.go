package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

func TestLengthCap(t *testing.T) {
	// body makes n counted characters in all: the 主送机关 (12), the 署名 and
	// the date (12) count too.
	body := func(n int) string {
		n -= 24
		return strings.Repeat("各地要切实做好工作。", n/10) + strings.Repeat("好", n%10)
	}
	tests := []struct {
		name  string
		title string
		chars int
		fires bool
		cap   int
	}{
		{"ordinary notice under 5000", "某市人民政府关于做好防汛工作的通知", 4990, false, 5000},
		{"ordinary notice over 5000", "某市人民政府关于做好防汛工作的通知", 5010, true, 5000},
		{"a 方案 over 4000", "某市人民政府办公室关于印发某市防汛工作方案的通知", 4010, true, 4000},
		{"a 专项 document over 4000", "关于开展安全生产专项整治的通知", 4100, true, 4000},
		{"comprehensive work has no cap", "2024年某市政府工作报告", 9000, false, 0},
		{"a regulation is exempt", "某省水资源管理条例", 9000, false, 0},
		{"a notice issuing a regulation is capped", "某省人民政府关于印发某省水资源管理办法的通知", 5010, true, 5000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.title + "\n某府发〔2024〕1号\n\n各县（市、区）人民政府：\n" + body(tt.chars) + "\n某市人民政府\n2024年7月1日\n"
			doc := lint.ParseText("d.txt", text)
			if got := doc.Chars(); got != tt.chars {
				t.Fatalf("counted %d characters, built %d", got, tt.chars)
			}
			cap, why := lint.DefaultConfig().CapFor(doc)
			if cap != tt.cap {
				t.Errorf("cap = %d (%s), want %d", cap, why, tt.cap)
			}
			fs := runRuleOn(t, LengthCap, doc)
			if (len(fs) > 0) != tt.fires {
				t.Fatalf("fired = %v, want %v: %v", len(fs) > 0, tt.fires, fs)
			}
			if tt.fires {
				f := fs[0]
				if f.Severity != lint.Warning {
					t.Errorf("severity %v: the rule says 一般, so a breach is a warning", f.Severity)
				}
				// The finding spans the counted text, from the first body
				// character to the last.
				if got := doc.Slice(f.Span); !strings.HasPrefix(got, "各县") || !strings.HasSuffix(got, "2024年7月1日") {
					t.Errorf("span %q…", got[:30])
				}
			}
		})
	}
}

// TestLengthCapOnGovCorpus lints the 60 published State Council documents
// and checks that length-cap fires on exactly those over their cap. The
// expected list was checked by hand against each document's title and
// count: the 方案 documents take the 4000 cap, the 条例 issued by 令 is
// exempt, everything else has 5000.
func TestLengthCapOnGovCorpus(t *testing.T) {
	want := map[string]int{ // file → the cap it breaks
		"govcn_5345459.txt": 5000, // 国家粮食应急预案的函: a 预案 is not a 方案
		"govcn_5352010.txt": 5000, // 印发……两个规定的通知
		"govcn_5353308.txt": 5000, // 农业机械化……指导意见
		"govcn_5354528.txt": 5000, // 行政执法公示……指导意见
		"govcn_5357723.txt": 5000, // 消费扶贫……指导意见
		"govcn_5359620.txt": 4000, // “无废城市”建设试点工作方案
		"govcn_5362266.txt": 5000, // 三级公立医院绩效考核……意见
		"govcn_5365341.txt": 4000, // 国家职业教育改革实施方案
		"govcn_5342665.txt": 5000, // 自由贸易试验区……若干措施的通知
	}
	files, _ := filepath.Glob("../../testdata/corpus/gov/*.txt")
	if len(files) < 60 {
		t.Fatalf("found %d gov documents, want 60", len(files))
	}
	var got []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := lint.ParseText(filepath.Base(f), string(data))
		fs := runRuleOn(t, LengthCap, doc)
		limit, why := lint.DefaultConfig().CapFor(doc)
		t.Logf("%s %5d/%d %s %s", filepath.Base(f), doc.Chars(), limit, doc.Title(), why)
		if len(fs) > 0 {
			got = append(got, filepath.Base(f))
			if want[filepath.Base(f)] != limit {
				t.Errorf("%s: fired with cap %d, want cap %d", filepath.Base(f), limit, want[filepath.Base(f)])
			}
		}
	}
	var wantList []string
	for f := range want {
		wantList = append(wantList, f)
	}
	sort.Strings(wantList)
	if strings.Join(got, " ") != strings.Join(wantList, " ") {
		t.Errorf("length-cap fired on\n%v\nwant\n%v", got, wantList)
	}
}
