package rules

import (
	"testing"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
)

// FuzzFormatRules runs every rule of the format, genre and punctuation
// families on arbitrary text: no panic, every span inside the text, every
// fix inside its finding, and applying the fixes keeps valid text.
func FuzzFormatRules(f *testing.F) {
	for _, s := range []string{
		"",
		"国发（2005）43号",
		"XX市人民政府关于做好防汛工作的通知。\n汕府办[2015]29号\n\n各区人民政府:\n一.总体要求\n1、目标,责任;15～30%。\n附件:1、名单;\nXX市人民政府\n2024年07月01日\n抄送:市委办公室\n",
		"（“《〔【】〕》”）)(（",
		"三、五天 08年3月 ’08 《A》、《B》 “A”、“B” http://a.b/c?d=1,2 a@b.cn",
		"12\n急件\n秘密1年\n通知\n\n张市长、李书记：\n妥否，请批示。\n",
		"\r\n\r一、\n（一）、\n(1)\n1)\n",
		"一、甲\n(一)a\n（二)b\n(三）、c\n１．d\n２、e\n注：1、f\n2、g\n注：\n1.h\n2.i\n",
		"XX县人民政府关于转发市人民政府转发《省人民政府关于做好防汛工作的通知》的通知的通知\n",
		"“”、“” 》、《 “a\n”、“b 《《a》》、《b》 “" + "很长很长很长很长很长很长很长很长很长" + "”、“x”",
	} {
		f.Add(s)
	}
	checker, err := lint.NewChecker(lint.NewRegistry(formatFamily()...), lint.DefaultConfig())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := lint.ParseText("fuzz.txt", text)
		fs := checker.Check(doc).Findings
		n := doc.Len()
		for _, x := range fs {
			if x.Span.Start < 0 || x.Span.End > n || x.Span.Start > x.Span.End {
				t.Fatalf("%s: span %v outside text of %d runes", x.Rule, x.Span, n)
			}
			if x.Fix != nil && (x.Fix.Span.Start < x.Span.Start || x.Fix.Span.End > x.Span.End || x.Fix.Span.Start > x.Fix.Span.End) {
				t.Fatalf("%s: fix %v outside finding %v", x.Rule, x.Fix.Span, x.Span)
			}
		}
		if fixed, _ := lint.ApplyFixes(text, fs); !utf8.ValidString(fixed) {
			t.Fatalf("fixes broke the text: %q", fixed)
		}
	})
}
