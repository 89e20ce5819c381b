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
			cap, why := CapFor(lint.DefaultConfig(), doc)
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

// TestLengthCapOnGovCorpus lints the 60 published State Council documents.
// 第2条 caps 地方和部门文件, so none of them is capped and length-cap never
// fires. With length.check_central on, it fires on exactly those over the
// cap they would have as local documents; that list was checked by hand
// against each document's title and count: the 方案 documents take the
// 4000 cap, the 条例 issued by 令 is exempt, everything else has 5000.
func TestLengthCapOnGovCorpus(t *testing.T) {
	wantCentral := map[string]int{ // file → the cap it breaks as a local document
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
	central := lint.DefaultConfig()
	opts := Length.Defaults()
	opts.CheckCentral = true
	Length.Set(central, opts)
	var got []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		doc := lint.ParseText(name, string(data))
		if fs := runRuleOn(t, LengthCap, doc); len(fs) > 0 {
			t.Errorf("%s: length-cap fired on a State Council document: %s", name, fs[0].Message)
		}
		if limit, why := CapFor(lint.DefaultConfig(), doc); limit != 0 {
			t.Errorf("%s: cap %d (%s), want none", name, limit, why)
		}
		limit, why := CapFor(central, doc)
		t.Logf("%s %5d/%d %s %s", name, doc.Chars(), limit, doc.Title(), why)
		if limit > 0 && doc.Chars() > limit {
			got = append(got, name)
			if wantCentral[name] != limit {
				t.Errorf("%s: over cap %d, want cap %d", name, limit, wantCentral[name])
			}
		}
	}
	var wantList []string
	for f := range wantCentral {
		wantList = append(wantList, f)
	}
	sort.Strings(wantList)
	if strings.Join(got, " ") != strings.Join(wantList, " ") {
		t.Errorf("with check_central, over the cap:\n%v\nwant\n%v", got, wantList)
	}
}

// TestLengthCapIssuer covers how the issuer and an issued document decide
// the cap, and how a local general cap bounds the special one.
func TestLengthCapIssuer(t *testing.T) {
	shandong, err := lint.ParseConfig("s.yaml", []byte("length:\n  cap: 3000\n"))
	if err != nil {
		t.Fatal(err)
	}
	loose, err := lint.ParseConfig("l.yaml", []byte("length:\n  cap: 3000\n  task_cap: 3500\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, title, docno, after string
		cfg                       *lint.Config
		cap                       int
		why                       string
	}{
		{"国发 number", "关于加强某项工作的意见", "国发〔2018〕38号", "", nil, 0, "国发〔2018〕38号"},
		{"国办函 number", "关于某事的函", "国办函〔2005〕57号", "", nil, 0, "国办函"},
		{"中办发 number", "关于某事的通知", "中办发〔2019〕16号", "", nil, 0, "中办发"},
		{"中发 number", "关于某事的意见", "中发〔2019〕1号", "", nil, 0, "中发"},
		{"central organ in the title, no number", "国务院办公厅关于做好某项工作的通知", "", "", nil, 0, "国务院办公厅"},
		{"joint central issuers", "中共中央 国务院关于某项工作的意见", "", "", nil, 0, "中共中央"},
		{"a State Council department is a department", "国务院国资委关于某项工作的通知", "国资发〔2024〕1号", "", nil, 5000, "默认"},
		{"a ministry", "国家发展改革委关于某项工作的通知", "发改办〔2024〕1号", "", nil, 5000, "默认"},
		{"a province", "山东省人民政府关于某项工作的通知", "鲁政发〔2024〕1号", "", nil, 5000, "默认"},
		{"印发 wrapper: the issued 方案 decides", "某市人民政府办公室关于印发防汛工作方案的通知", "某政办发〔2024〕1号", "", nil, 4000, "所印发的文件标题含“方案”"},
		{"印发 wrapper: the issued text's own title decides", "某市人民政府办公室关于印发有关文件的通知", "某政办发〔2024〕1号",
			"某市城区排水防涝专项整治实施方案\n一、总体要求\n做好工作。\n", nil, 4000, "所印发的文件标题含“方案”"},
		{"山东 3000: a 方案 is capped at 3000 too", "某市人民政府关于印发防汛工作方案的通知", "鲁某政发〔2024〕1号", "", shandong, 3000, "方案"},
		{"山东 3000: an ordinary notice", "某市人民政府关于做好防汛工作的通知", "鲁某政发〔2024〕1号", "", shandong, 3000, "默认"},
		{"task_cap above cap is applied as cap", "某市人民政府关于印发防汛工作方案的通知", "鲁某政发〔2024〕1号", "", loose, 3000, "方案"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.title + "\n" + tt.docno + "\n\n各县（市、区）人民政府：\n现将有关事项通知如下。\n某市人民政府\n2024年7月1日\n" + tt.after
			doc := lint.ParseText("d.txt", text)
			cfg := tt.cfg
			if cfg == nil {
				cfg = lint.DefaultConfig()
			}
			got, why := CapFor(cfg, doc)
			if got != tt.cap || !strings.Contains(why, tt.why) {
				t.Errorf("cap %d (%s), want %d (…%s…)", got, why, tt.cap, tt.why)
			}
		})
	}
	if len(shandong.Warnings) != 0 {
		t.Errorf("length.cap alone warns: %v", shandong.Warnings)
	}
	if len(loose.Warnings) != 1 || !strings.Contains(loose.Warnings[0], "l.yaml:3") || !strings.Contains(loose.Warnings[0], "按3000字检查") {
		t.Errorf("task_cap 3500 over cap 3000: warnings %v, want one at l.yaml:3 saying 3000 applies", loose.Warnings)
	}
}
