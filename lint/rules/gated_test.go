package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// gatedPatterns are every pattern the rules run through a gate; each must
// find what its regular expression finds on the whole text.
func gatedPatterns() map[string]*gatedPattern {
	m := map[string]*gatedPattern{
		"citedDocNumber":      citedDocNumber,
		"approxPair":          approxPair,
		"percentRange":        percentRange,
		"dunhaoBetweenQuotes": dunhaoBetweenQuotes,
	}
	for i, g := range shortYearPatterns {
		m["shortYear"+string(rune('0'+i))] = g
	}
	return m
}

func checkGated(t *testing.T, text string) {
	t.Helper()
	for name, g := range gatedPatterns() {
		want := g.re.FindAllStringSubmatchIndex(text, -1)
		got := g.findAll(text)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s on %q: gated %v, whole text %v", name, clip(text, 60), got, want)
		}
	}
}

func TestGatedPatternsMatchWholeText(t *testing.T) {
	cases := []string{
		"",
		"汕府办[2015]29号",
		"国办发„2009‟3号和国发（2005）第043号、国发(05)43号，又号[2019]3号",
		"号号[2019]03号[2020]4号",
		"三、五天，七、八个，第三、四批，一、二、三产业，两、三小时，九、十公里",
		"增长15～30%，降低10.5 — 12.25％，1-2-3%，12至20%和%",
		"08年3月、18年上半年、08—10年、’08、'99年、‘081、2008年度、98年度、09年",
		"《规划》、《方案》、“僵尸”、“睡眠”》、",
		"a\xff号[2019]3号\xe3、\x80二天",
	}
	for _, c := range cases {
		checkGated(t, c)
	}
	for _, dir := range []string{"gov", "forward", "tongbao", "pairs"} {
		paths, err := filepath.Glob(filepath.Join("../../testdata/corpus", dir, "*.txt"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no corpus files in %s", dir)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			checkGated(t, string(data))
		}
	}
}

func FuzzGatedPatterns(f *testing.F) {
	f.Add("国办发„2009‟3号和国发（2005）第043号")
	f.Add("三、五天和两、三小时")
	f.Add("增长15～30%，1-2-3％")
	f.Add("08年3月、08—10年、’08")
	f.Add("《规划》、“方案”")
	f.Fuzz(func(t *testing.T, text string) {
		if strings.Count(text, "") > 4096 {
			return
		}
		checkGated(t, text)
	})
}
