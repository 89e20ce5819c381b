package rules

import (
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// HeaderMarks checks the marks above the 发文机关标志 (GB/T 9704—2012
// 7.2.1–7.2.3, 条例 第九条): the 份号 (copy number) "一般用6位3号阿拉伯数字";
// the 密级 (classification) is 绝密, 机密 or 秘密, with the 保密期限 after a
// "★" (秘密★1年); the 紧急程度 (urgency) is 特急 or 加急 and nothing else
// (急件, 特级, 紧急 are not in the 条例's vocabulary). The recognizer only
// takes well-formed marks, so this rule reads the lines above the title
// itself, and only lines made of nothing but such marks. The standard says
// 一般 of the 份号, so the rule warns.
var HeaderMarks = &lint.Rule{
	ID:       "header-marks",
	Name:     "版头标志",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 7.2.1—7.2.3",
	Doc:      "份号、密级和保密期限、紧急程度不合规范（6位份号，绝密/机密/秘密★期限，特急/加急）",
	Run: func(pass *lint.Pass) {
		doc := pass.Doc
		st := doc.Structure
		// Without a recognized title (a wrong mark can hide the title
		// block from the recognizer) the first lines are read; only lines
		// made of nothing but marks are judged, so prose is safe.
		limit := st.Title.Start
		if st.Title.Empty() {
			limit = doc.Len()
		}
		seen := 0
		for _, p := range st.Paragraphs {
			if p.Content.Start >= limit || seen >= 3 {
				break
			}
			if p.Text == "" {
				continue
			}
			seen++
			checkHeaderLine(pass, p.Content.Start, []rune(p.Text))
		}
	},
}

// wrongUrgency lists urgency words seen in drafts that the 条例 does not
// use, with the standard word each most likely means ("" when unclear).
var wrongUrgency = map[string]string{
	"急件": "", "紧急": "", "特级": "特急", "特急件": "特急", "加急件": "加急", "急": "", "十万火急": "特急", "特快": "",
}

// checkHeaderLine judges one line of marks; a line with anything else in
// it is not a line of marks and is left alone.
func checkHeaderLine(pass *lint.Pass, start int, rs []rune) {
	type token struct {
		at   int
		text string
	}
	var toks []token
	for i := 0; i < len(rs); {
		if fmtSpace(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && !fmtSpace(rs[j]) {
			j++
		}
		toks = append(toks, token{i, string(rs[i:j])})
		i = j
	}
	if len(toks) == 0 || len(toks) > 4 {
		return
	}
	// "特 急" letter-spaced is one word.
	if len(toks) == 2 && len([]rune(toks[0].text)) == 1 && len([]rune(toks[1].text)) == 1 {
		toks = []token{{toks[0].at, toks[0].text + toks[1].text}}
	}
	type report struct {
		sp  lint.Span
		msg string
		src string // the clause, when narrower than the rule's source
		fix *lint.Fix
	}
	var reports []report
	for _, t := range toks {
		n := len([]rune(t.text))
		sp := lint.Span{Start: start + t.at, End: start + t.at + n}
		switch {
		case allDigits(t.text):
			ascii := toASCIIDigits(t.text)
			if n == 6 && ascii == t.text {
				continue
			}
			r := report{sp: sp, src: "GB/T 9704—2012 7.2.1", msg: "份号一般用6位阿拉伯数字，如“000001”"}
			if n <= 6 {
				right := strings.Repeat("0", 6-n) + ascii
				r.msg = "份号“" + t.text + "”应为6位阿拉伯数字“" + right + "”"
				r.fix = &lint.Fix{Span: sp, Text: right}
			}
			reports = append(reports, r)
		case strings.HasPrefix(t.text, "绝密") || strings.HasPrefix(t.text, "机密") || strings.HasPrefix(t.text, "秘密"):
			rest := []rune(t.text)[2:]
			if len(rest) == 0 || rest[0] == '★' {
				continue
			}
			if strings.ContainsRune("☆*＊", rest[0]) {
				at := lint.Span{Start: sp.Start + 2, End: sp.Start + 3}
				reports = append(reports, report{sp: at, src: "GB/T 9704—2012 7.2.2", msg: "密级和保密期限之间用“★”隔开", fix: &lint.Fix{Span: at, Text: "★"}})
			} else if fmtDigit(rest[0]) || rest[0] == '长' {
				at := lint.Span{Start: sp.Start, End: sp.Start + 2}
				reports = append(reports, report{sp: at, src: "GB/T 9704—2012 7.2.2", msg: "密级和保密期限之间用“★”隔开，如“秘密★1年”",
					fix: &lint.Fix{Span: at, Text: t.text[:len("秘密")] + "★"}})
			} else {
				return // 秘密文件…: prose, not a mark
			}
		case t.text == "特急" || t.text == "加急" || t.text == "特提" || t.text == "平急":
		default:
			right, ok := wrongUrgency[t.text]
			if !ok {
				return // not a line of marks
			}
			r := report{sp: sp, src: "《党政机关公文处理工作条例》第九条；GB/T 9704—2012 7.2.3", msg: "紧急程度只分“特急”“加急”，不用“" + t.text + "”"}
			if right != "" {
				r.msg = "紧急程度“" + t.text + "”应为“" + right + "”：紧急程度只分“特急”“加急”"
				r.fix = &lint.Fix{Span: sp, Text: right}
			}
			reports = append(reports, r)
		}
	}
	for _, r := range reports {
		pass.Report(lint.Finding{Span: r.sp, Message: r.msg, Source: r.src, Fix: r.fix})
	}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !fmtDigit(r) {
			return false
		}
	}
	return true
}
