package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/gwlint/gwlint/lint"
)

// The HTML report is one file a reviewer can open offline or forward by
// mail: style and script are inlined, nothing is fetched. The view is
// rendered here, in Go, so that it reads the same with scripts blocked
// (mail clients, previewers, printing); the small script only links marks
// and the list of findings. Every piece of draft text goes through
// html/template, so a draft can never become markup.

//go:embed html/report.html.tmpl
var htmlTemplateText string

//go:embed html/view.css
var viewCSS string

//go:embed html/report.js
var reportJS string

// htmlTemplate is parsed on the first HTML report, not at start-up: every
// gwlint command would otherwise pay for it (about 0.2 ms of a 6 ms
// start). TestHTMLGolden runs it, so a broken template fails the tests.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"pct": func(v float64) string { return fmt.Sprintf("%.1f", v*100) },
	}).Parse(htmlTemplateText))
})

// ViewCSS is the style sheet of the result view (字数 meter, copy bars,
// marked draft, passages side by side). The web page uses it too, so that
// the page and the report look alike.
func ViewCSS() string { return viewCSS }

// IsDocumentWide reports whether a finding is about the draft as a whole
// rather than a passage in it. Such findings are listed above the draft
// and not painted over its text, where they would cover everything.
func IsDocumentWide(f lint.Finding, textLen int) bool {
	if f.Scope == lint.ScopeDraft {
		return true
	}
	n := f.Span.End - f.Span.Start
	return f.Scope != lint.ScopeCopied && n > 400 && n*2 > textLen
}

type htmlReport struct {
	Tool    string
	Version string
	Date    string
	CSS     template.CSS
	JS      template.JS
	Files   []*htmlFile
	Counts  severityCounts
}

type severityCounts struct {
	Error, Warning, Info int
}

func (c *severityCounts) add(s lint.Severity) {
	switch s {
	case lint.Error:
		c.Error++
	case lint.Warning:
		c.Warning++
	default:
		c.Info++
	}
}

type htmlFile struct {
	ID, Path, Title, Kind string
	Err                   string
	Chars, Cap            int
	CapReason             string
	// CapFill is the 字数 meter's width in percent, at most 100.
	CapFill  float64
	OverCap  bool
	OverBy   int
	Copy     *htmlCopy
	Counts   severityCounts
	Findings []*htmlFinding
	// Groups are the findings by kind, as the printed 审核单 lists them.
	Groups   []htmlGroup
	Wide     []*htmlFinding
	Segments []htmlSegment
	Passages []*htmlPassage
}

type htmlGroup struct {
	Name     string
	Findings []*htmlFinding
}

// findingKinds are the kinds the 审核单 groups findings by, in the order a
// reviewer reads them: size and copying first, then what the draft asks
// of lower levels, then form. A rule belongs to the first kind whose
// prefix its ID has.
var findingKinds = []struct{ name, prefixes string }{
	{"篇幅", "length-"},
	{"照搬照抄", "copy-"},
	{"层层转发", "forward-"},
	{"基层负担与文风", "burden- style-"},
	{"文种与标题", "genre- title-"},
	{"公文格式", "docno- date- heading- attachment- addressee- cc- header- layout-"},
	{"标点与数字", "punct- number-"},
}

func groupFindings(fs []*htmlFinding) []htmlGroup {
	var out []htmlGroup
	used := make([]bool, len(fs))
	for _, k := range findingKinds {
		g := htmlGroup{Name: k.name}
		for i, f := range fs {
			for _, p := range strings.Fields(k.prefixes) {
				if !used[i] && strings.HasPrefix(f.Rule, p) {
					g.Findings, used[i] = append(g.Findings, f), true
				}
			}
		}
		if len(g.Findings) > 0 {
			out = append(out, g)
		}
	}
	rest := htmlGroup{Name: "其他"}
	for i, f := range fs {
		if !used[i] {
			rest.Findings = append(rest.Findings, f)
		}
	}
	if len(rest.Findings) > 0 {
		out = append(out, rest)
	}
	return out
}

type htmlCopy struct {
	Ratio   float64
	Parents []lint.ParentShare
}

type htmlFinding struct {
	ID              string
	Rule, Severity  string
	RuleName        string
	SeverityLabel   string
	Message, Source string
	Line, Column    int
	Related         []htmlRelated
	Fix             *lint.Fix
	Wide            bool
	PassageID       string
}

type htmlRelated struct {
	Path         string
	Line, Column int
	Message      string
}

// htmlSegment is a run of draft text covered by the same findings. Anchors
// are the findings that start here, so that links in the list land on the
// text.
type htmlSegment struct {
	Anchors  []string
	Points   []string // findings with an empty span here
	Text     string
	Marked   bool
	Class    string
	Findings string // IDs, space-separated, for the script
	Title    string // messages, for hover
}

type htmlPassage struct {
	ID, FindingID      string
	Line, Column       int
	ParentPath         string
	ParentName         string
	ParentLine, ParCol int
	Draft, Parent      []diffPiece
}

// HTML writes the self-contained HTML report.
func HTML(w io.Writer, results []*lint.Result, opt Options) error {
	rep := htmlReport{Tool: ToolName, Version: opt.ToolVersion, Date: opt.Date, CSS: template.CSS(viewCSS), JS: template.JS(reportJS)}
	for i, r := range results {
		f := htmlFileOf(r, fmt.Sprintf("file%d", i+1))
		rep.Counts.Error += f.Counts.Error
		rep.Counts.Warning += f.Counts.Warning
		rep.Counts.Info += f.Counts.Info
		rep.Files = append(rep.Files, f)
	}
	bw := bufio.NewWriter(w)
	if err := htmlTemplate().Execute(bw, rep); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return bw.Flush()
}

func htmlFileOf(r *lint.Result, id string) *htmlFile {
	f := &htmlFile{ID: id, Path: r.Path, Title: r.Title, Kind: r.Kind, Chars: r.Chars, Cap: r.Cap, CapReason: r.CapReason}
	if r.Err != nil || r.Doc == nil {
		if r.Err != nil {
			f.Err = r.Err.Error()
		} else {
			f.Err = "文件未能读取"
		}
		return f
	}
	if r.Cap > 0 {
		f.CapFill = min(100, float64(r.Chars)*100/float64(r.Cap))
		f.OverCap = r.Chars > r.Cap
		f.OverBy = r.Chars - r.Cap
	}
	if r.Copy != nil {
		f.Copy = &htmlCopy{Ratio: r.Copy.Ratio, Parents: r.Copy.Parents}
	}
	text := []rune(r.Doc.Text)
	inline := make([]inlineSpan, 0, len(r.Findings))
	for i, fd := range r.Findings {
		hf := &htmlFinding{
			ID: fmt.Sprintf("%s-f%d", id, i+1), Rule: fd.Rule, RuleName: fd.Name, Severity: fd.Severity.String(), SeverityLabel: severityLabel(fd.Severity),
			Message: fd.Message, Source: fd.Source, Fix: fd.Fix,
			Wide: IsDocumentWide(fd, len(text)),
		}
		p := r.Doc.Position(fd.Span.Start)
		hf.Line, hf.Column = p.Line, p.Column
		for _, rel := range fd.Related {
			hf.Related = append(hf.Related, htmlRelated{Path: rel.Path, Line: rel.Start.Line, Column: rel.Start.Column, Message: rel.Message})
		}
		f.Counts.add(fd.Severity)
		f.Findings = append(f.Findings, hf)
		if hf.Wide {
			f.Wide = append(f.Wide, hf)
		}
		inline = append(inline, inlineSpan{id: hf.ID, span: clampSpan(fd.Span, len(text)), finding: fd, wide: hf.Wide})
	}
	f.Groups = groupFindings(f.Findings)
	for _, cp := range CopiedPassages(r) {
		s := clampSpan(cp.Draft, len(text))
		parent, draft := diffRunes([]rune(cp.ParentText), text[s.Start:s.End])
		p := r.Doc.Position(s.Start)
		ps := &htmlPassage{
			ID: fmt.Sprintf("%s-p%d", id, len(f.Passages)+1), Line: p.Line, Column: p.Column,
			ParentPath: cp.ParentPath, ParentName: cp.ParentName, ParentLine: cp.ParentStart.Line, ParCol: cp.ParentStart.Column,
			Draft: draft, Parent: parent,
		}
		if cp.Finding >= 0 {
			hf := f.Findings[cp.Finding]
			ps.FindingID = hf.ID
			if hf.PassageID == "" {
				hf.PassageID = ps.ID
			}
		}
		f.Passages = append(f.Passages, ps)
	}
	f.Segments = segmentText(text, inline)
	return f
}

func clampSpan(s lint.Span, n int) lint.Span {
	s.Start = max(0, min(s.Start, n))
	s.End = max(s.Start, min(s.End, n))
	return s
}

type inlineSpan struct {
	id      string
	span    lint.Span
	finding lint.Finding
	wide    bool
}

// segmentText cuts the text at every start and end of a finding, so that
// each piece is covered by one set of findings and overlapping findings
// never nest elements. Document-wide findings only leave an anchor. A
// sweep keeps the findings that cover the current piece, so thousands of
// findings cost little.
func segmentText(text []rune, spans []inlineSpan) []htmlSegment {
	cuts := []int{0, len(text)}
	for _, s := range spans {
		cuts = append(cuts, s.span.Start)
		if !s.wide {
			cuts = append(cuts, s.span.End)
		}
	}
	sort.Ints(cuts)
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return spans[order[i]].span.Start < spans[order[j]].span.Start })

	var segs []htmlSegment
	var active []int // indices into spans, in finding order
	next := 0
	for i, a := range cuts {
		if i > 0 && a == cuts[i-1] {
			continue
		}
		b := a
		for _, c := range cuts[i+1:] {
			if c > a {
				b = c
				break
			}
		}
		seg := htmlSegment{Text: string(text[a:b])}
		for ; next < len(order) && spans[order[next]].span.Start <= a; next++ {
			k := order[next]
			s := spans[k]
			seg.Anchors = append(seg.Anchors, s.id)
			switch {
			case s.wide:
			case s.span.Start == s.span.End:
				seg.Points = append(seg.Points, s.id)
			default:
				active = append(active, k)
			}
		}
		kept := active[:0]
		for _, k := range active {
			if spans[k].span.End > a {
				kept = append(kept, k)
			}
		}
		active = kept
		sort.Ints(active)
		if len(active) > 0 && a < b {
			var ids, titles []string
			sev := lint.Off
			copied := false
			for _, k := range active {
				s := spans[k]
				ids = append(ids, s.id)
				titles = append(titles, fmt.Sprintf("%s %s：%s", s.finding.Severity, s.finding.Rule, s.finding.Message))
				if s.finding.Scope == lint.ScopeCopied {
					copied = true
				} else {
					sev = max(sev, s.finding.Severity)
				}
			}
			seg.Marked = true
			seg.Findings = strings.Join(ids, " ")
			seg.Title = strings.Join(titles, "\n")
			var cls []string
			if sev != lint.Off {
				cls = append(cls, "sev-"+sev.String())
			}
			if copied {
				cls = append(cls, "copied")
			}
			seg.Class = strings.Join(cls, " ")
		}
		if seg.Text == "" && len(seg.Anchors) == 0 {
			continue
		}
		segs = append(segs, seg)
	}
	return segs
}

// severityLabel names a severity for readers of the report, who are not
// all programmers.
func severityLabel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "错误"
	case lint.Warning:
		return "警告"
	default:
		return "提示"
	}
}

// CopiedPassage is a passage of a draft found in a parent, with the
// parent's words, ready to be shown side by side.
type CopiedPassage struct {
	Draft      lint.Span
	ParentPath string
	// ParentName names the parent for people: 《title》（发文字号）, or the
	// path when it has no title.
	ParentName  string
	ParentSpan  lint.Span
	ParentStart lint.Position
	ParentText  string
	// Finding is the index of the copy-passage finding about this passage
	// in the result's findings, or -1 when the rule did not report it.
	Finding int
}

// CopiedPassages lists the copied passages of a result: those the copy
// comparison found, or, when it kept none, those the copy-passage findings
// point at.
func CopiedPassages(r *lint.Result) []CopiedPassage {
	if r.Doc == nil {
		return nil
	}
	findingAt := map[lint.Span]int{}
	for i, f := range r.Findings {
		if f.Scope == lint.ScopeCopied {
			if _, seen := findingAt[f.Span]; !seen {
				findingAt[f.Span] = i
			}
		}
	}
	var out []CopiedPassage
	if r.Copy != nil {
		for _, p := range r.Copy.Passages {
			if p.Parent == nil || p.Parent.Doc == nil {
				continue
			}
			pd := p.Parent.Doc
			cp := CopiedPassage{
				Draft: p.Draft, ParentPath: p.Parent.Path, ParentSpan: p.ParentSpan,
				ParentName:  ParentName(lint.ParentShare{Path: p.Parent.Path, Title: pd.Title(), DocNumber: pd.Slice(pd.Structure.DocNumber)}),
				ParentStart: pd.Position(p.ParentSpan.Start), ParentText: pd.Index().Slice(p.ParentSpan), Finding: -1,
			}
			if i, ok := findingAt[p.Draft]; ok {
				cp.Finding = i
			}
			out = append(out, cp)
		}
	}
	if len(out) > 0 {
		return out
	}
	for i, f := range r.Findings {
		if f.Scope != lint.ScopeCopied || len(f.Related) == 0 || f.Related[0].Text == "" {
			continue
		}
		rel := f.Related[0]
		name := rel.Path
		if r.Copy != nil {
			// A result rebuilt from a report (check --server) still names
			// the parent by its title and 发文字号.
			for _, p := range r.Copy.Parents {
				if p.Path == rel.Path {
					name = ParentName(p)
					break
				}
			}
		}
		out = append(out, CopiedPassage{Draft: f.Span, ParentPath: rel.Path, ParentName: name, ParentSpan: rel.Span, ParentStart: rel.Start, ParentText: rel.Text, Finding: i})
	}
	return out
}
