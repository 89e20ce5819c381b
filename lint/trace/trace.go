package trace

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/gwlint/gwlint/lint"
)

// Doc is one document of the library: its stored metadata and text.
type Doc struct {
	ID, Path, Title, DocNumber, Date, Text string
}

// Node is a document placed in the tree.
type Node struct {
	ID        string
	Path      string
	Title     string
	DocNumber string
	Date      string
	Level     Level
	// LevelFrom says where the level was read (发文字号国办发〔2019〕3号,
	// 标题XX省人民政府办公厅).
	LevelFrom string

	doc *lint.Document
}

// How a child was linked to its parent.
const (
	ByDocNumber = "引用发文字号"
	ByTitle     = "引用标题"
	ByWrapper   = "转发/印发上级文件"
	ByCopy      = "由文字重复推断"
)

// Kinds of addition.
const (
	EarlierDeadline = "时限提前"
	Raised          = "数量频次加码"
	Widened         = "范围扩大"
	Stricter        = "标准拔高"
	NewDemand       = "新增要求"
)

// Addition is one thing the child adds to its parent.
type Addition struct {
	Kind string
	// Rule is the rule that found it, RuleName its Chinese name.
	Rule, RuleName string
	// Text is the child's passage; ParentText the parent's sentence it
	// restates, when there is one.
	Text, ParentText string
	Message          string
	// Days is how many days earlier a deadline falls; Numbers are the
	// figures the message states (提前92天; 由100亿元提高到160亿元).
	Days    int
	Numbers []float64
	Span    lint.Span
}

// Edge links a child to a parent it implements or forwards.
type Edge struct {
	Parent, Child string
	// Link is how the link was found (ByDocNumber, ByTitle, ByWrapper,
	// ByCopy), Evidence what was found: the cited number or title.
	Link, Evidence string
	// Ratio is the share of the child copied from the parent, Coverage
	// the share of the parent reproduced in the child.
	Ratio, Coverage float64
	Additions       []Addition
	// PaperOnly: the child adds nothing but copying or forwarding
	// (以文件落实文件).
	PaperOnly bool
}

// Graph is the tree (a forest, and in rare cases a lattice) of a library.
type Graph struct {
	Nodes []*Node
	Edges []*Edge
	// Errors are the documents whose check failed; the others are traced.
	Errors []error
	byID   map[string]*Node
}

// Node is the document with the ID, or nil.
func (g *Graph) Node(id string) *Node { return g.byID[id] }

// Options say how to trace.
type Options struct {
	// Checker runs the rules whose findings make the additions
	// (burden-escalation and the demand rules); its configuration sets
	// the copy engine's options.
	Checker *lint.Checker
	// MinCopyRatio is the share of a document copied from another above
	// which, with no citation, the other is taken as its parent (0.5 when
	// zero).
	MinCopyRatio float64
	// Candidates, when set, proposes for a text the IDs of the documents
	// it most likely copies from (a library's fingerprint index); when
	// nil every document of a higher level is compared.
	Candidates func(text string, n int) ([]string, error)
}

// maxCited is the most library documents a document may cite and still
// be linked to each: one that names more is a list or a compilation (a
// 目录, a 汇编, a 清理 notice), not the implementation of them all.
const maxCited = 5

// escalationRule is the rule whose findings are the raised figures.
const escalationRule = "burden-escalation"

// demandRule reports whether a rule's findings are demands of one kind:
// the rules of the demand model.
func demandRule(id string) bool {
	return (strings.HasPrefix(id, "burden-") && id != escalationRule && id != "burden-duplicate") ||
		strings.HasPrefix(id, "forward-demands-")
}

// Build places the documents and links them.
func Build(docs []Doc, opt Options) (*Graph, error) {
	if opt.Checker == nil {
		return nil, fmt.Errorf("trace: Build without a checker")
	}
	if opt.MinCopyRatio <= 0 {
		opt.MinCopyRatio = 0.5
	}
	g := &Graph{byID: map[string]*Node{}}
	for _, d := range docs {
		doc := lint.ParseText(d.Path, d.Text)
		n := &Node{ID: d.ID, Path: d.Path, Title: d.Title, DocNumber: d.DocNumber, Date: d.Date, doc: doc}
		if n.Title == "" {
			n.Title = doc.Title()
		}
		if n.DocNumber == "" {
			n.DocNumber = strings.TrimSpace(doc.Slice(lint.Span(doc.Structure.DocNumber)))
		}
		n.Level, n.LevelFrom = levelOf(doc)
		g.Nodes = append(g.Nodes, n)
		g.byID[n.ID] = n
	}
	idx := newIndex(g.Nodes)
	parents := map[string][]link{}
	for _, n := range g.Nodes {
		if ls := idx.cited(n); len(ls) <= maxCited {
			parents[n.ID] = ls
		}
	}
	reduce(g, parents)
	for _, n := range g.Nodes {
		if len(parents[n.ID]) > 0 {
			continue
		}
		l, err := copyParent(g, n, opt)
		if err != nil {
			g.Errors = append(g.Errors, err)
		}
		if l.parent != "" {
			parents[n.ID] = []link{l}
		}
	}
	demandsOf := map[string]map[string]bool{}
	ownDemands := func(n *Node) map[string]bool {
		if m, ok := demandsOf[n.ID]; ok {
			return m
		}
		m := map[string]bool{}
		res := opt.Checker.WithParents(lint.NewParentSet()).Check(n.doc)
		for _, f := range res.Findings {
			if demandRule(f.Rule) {
				m[f.Rule] = true
			}
		}
		demandsOf[n.ID] = m
		return m
	}
	for _, n := range g.Nodes {
		for _, l := range parents[n.ID] {
			p := g.byID[l.parent]
			e := &Edge{Parent: p.ID, Child: n.ID, Link: l.how, Evidence: l.evidence}
			res := opt.Checker.WithParents(lint.NewParentSet(p.doc)).Check(n.doc)
			if res.Err != nil {
				g.Errors = append(g.Errors, fmt.Errorf("%s：%w", n.Path, res.Err))
			}
			if res.Copy != nil && len(res.Copy.Parents) > 0 {
				e.Ratio, e.Coverage = res.Copy.Parents[0].Ratio, res.Copy.Parents[0].Coverage
			}
			had := ownDemands(p)
			for _, f := range res.Findings {
				switch {
				case f.Rule == escalationRule:
					if a := escalationAddition(n.doc, f); !restated(a) {
						e.Additions = append(e.Additions, a)
					}
				case demandRule(f.Rule) && !had[f.Rule] && !passedOn(n.doc, p.doc, res.Copy, f.Span) && !repeated(e.Additions, f, n.doc):
					e.Additions = append(e.Additions, Addition{Kind: NewDemand, Rule: f.Rule, RuleName: f.Name,
						Text: n.doc.Slice(f.Span), Message: f.Message, Span: f.Span})
				}
			}
			e.PaperOnly = len(e.Additions) == 0 && (e.Ratio >= opt.MinCopyRatio || forwards(n))
			g.Edges = append(g.Edges, e)
		}
	}
	sort.SliceStable(g.Edges, func(i, j int) bool {
		if g.Edges[i].Parent != g.Edges[j].Parent {
			return g.Edges[i].Parent < g.Edges[j].Parent
		}
		return g.Edges[i].Child < g.Edges[j].Child
	})
	return g, nil
}

// restated reports whether an escalation names a figure the parent's
// sentence states too: a sentence with two deadlines (2019年12月底前完成规划，
// 2020年12月底前完成验收) restated as it stands moves neither.
func restated(a Addition) bool {
	return a.Text != "" && strings.Contains(a.ParentText, a.Text)
}

// passedOn reports whether a demand of the child is the parent's, passed
// on: it lies in a passage copied from the parent, or its words stand in
// the parent's text. A demand the parent makes is not added by the child
// even when the rule reports it only in the child (a central document may
// ask for 配套文件, a local one may not).
func passedOn(child, parent *lint.Document, c *lint.CopyFacts, at lint.Span) bool {
	if c != nil {
		for _, p := range c.Passages {
			if p.Draft.Start <= at.Start && at.End <= p.Draft.End {
				return true
			}
		}
	}
	t := child.Slice(at)
	return t != "" && strings.Contains(parent.Prose, t)
}

// repeated reports whether the same demand, by rule and words, is
// already among the additions.
func repeated(as []Addition, f lint.Finding, doc *lint.Document) bool {
	t := doc.Slice(f.Span)
	for _, a := range as {
		if a.Rule == f.Rule && a.Text == t {
			return true
		}
	}
	return false
}

// forwards reports whether a document is a 转发 or 印发 wrapper.
func forwards(n *Node) bool {
	return strings.Contains(n.Title, "转发") || strings.Contains(n.Title, "批转")
}

var (
	daysRe   = regexp.MustCompile(`提前(\d+)天`)
	numberRe = regexp.MustCompile(`\d+(?:\.\d+)?`)
)

// escalationAddition reads a burden-escalation finding: its kind from
// what the message says changed, its figures from the message.
func escalationAddition(doc *lint.Document, f lint.Finding) Addition {
	a := Addition{Rule: f.Rule, RuleName: f.Name, Text: doc.Slice(f.Span), Message: f.Message, Span: f.Span}
	if len(f.Related) > 0 {
		a.ParentText = f.Related[0].Text
	}
	m := f.Message
	switch {
	case strings.Contains(m, "时限"):
		a.Kind = EarlierDeadline
		if d := daysRe.FindStringSubmatch(m); d != nil {
			a.Days, _ = strconv.Atoi(d[1])
		}
	case strings.Contains(m, "范围") || strings.Contains(m, "所列事项"):
		a.Kind = Widened
	case strings.Contains(m, "拔高"):
		a.Kind = Stricter
	default:
		a.Kind = Raised
	}
	// The figures stand in the part after the colon, where the message
	// says what changed.
	tail := m
	if i := strings.Index(m, "："); i >= 0 {
		tail = m[i:]
	}
	if i := strings.Index(tail, "（上级文件《"); i >= 0 {
		tail = tail[:i]
	}
	for _, s := range numberRe.FindAllString(tail, 8) {
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			a.Numbers = append(a.Numbers, v)
		}
	}
	return a
}

// link is a proposed parent.
type link struct {
	parent, how, evidence string
}

// index finds documents by 发文字号 and title.
type index struct {
	byNumber map[string][]*Node
	byTitle  map[string][]*Node
	byCore   map[string][]*Node
}

func newIndex(nodes []*Node) *index {
	x := &index{byNumber: map[string][]*Node{}, byTitle: map[string][]*Node{}, byCore: map[string][]*Node{}}
	for _, n := range nodes {
		if no := normNumber(n.DocNumber); no != "" {
			x.byNumber[no] = append(x.byNumber[no], n)
		}
		if t := normTitle(n.Title); len([]rune(t)) >= 6 {
			x.byTitle[t] = append(x.byTitle[t], n)
			if c := core(t); c != "" {
				x.byCore[c] = append(x.byCore[c], n)
			}
		}
	}
	return x
}

var (
	docNumberRe = regexp.MustCompile(`[\p{Han}]{1,12}\s*[〔\[［（(【]\s*(?:19|20)\d{2}\s*[〕\]］）)】]\s*[0-9]{1,5}\s*号`)
	citedTitle  = regexp.MustCompile(`《([^《》\n]{4,160})》`)
)

// cited are the documents n names: by 发文字号 anywhere in its text, by a
// 《title》 in it, by the title its own title forwards or issues. A
// parent must not stand lower than the child.
func (x *index) cited(n *Node) []link {
	var out []link
	seen := map[string]bool{n.ID: true}
	add := func(p *Node, how, evidence string) {
		if seen[p.ID] || (p.Level != Unknown && n.Level != Unknown && p.Level > n.Level) {
			return
		}
		seen[p.ID] = true
		out = append(out, link{p.ID, how, evidence})
	}
	text := n.doc.Prose
	own := normNumber(n.DocNumber)
	for _, m := range docNumberRe.FindAllString(text, -1) {
		r := []rune(strings.Join(strings.Fields(m), ""))
		// The match may start with words before the 机关代字 (按照国办发):
		// try each suffix, longest first.
		for k := 0; k < len(r)-6; k++ {
			key := normNumber(string(r[k:]))
			if key == own {
				continue
			}
			if ps := x.byNumber[key]; len(ps) > 0 {
				for _, p := range ps {
					add(p, ByDocNumber, string(r[k:]))
				}
				break
			}
		}
	}
	title := normTitle(n.Title)
	for _, m := range citedTitle.FindAllStringSubmatch(text, -1) {
		x.byName(n, m[1], ByTitle, add)
	}
	for _, w := range []string{"转发", "批转", "印发"} {
		if i := strings.Index(title, w); i >= 0 {
			rest := strings.TrimSuffix(title[i+len(w):], "的通知")
			if rest != "" {
				x.byName(n, rest, ByWrapper, add)
			}
		}
	}
	return out
}

// byName links the documents a cited title names: the title as stored,
// else the documents whose title, from its 关于 on, is the same, the
// nearest level above the child first.
func (x *index) byName(n *Node, cited, how string, add func(*Node, string, string)) {
	t := normTitle(cited)
	if t == normTitle(n.Title) {
		return
	}
	if ps := x.byTitle[t]; len(ps) > 0 {
		for _, p := range ps {
			add(p, how, "《"+cited+"》")
		}
		return
	}
	c := core(t)
	if c == "" {
		return
	}
	var best *Node
	for _, p := range x.byCore[c] {
		if p == n || (p.Level != Unknown && n.Level != Unknown && p.Level >= n.Level) {
			continue
		}
		if best == nil || p.Level > best.Level {
			best = p
		}
	}
	if best != nil {
		add(best, how, "《"+cited+"》")
	}
}

// normNumber folds the brackets and spaces of a 发文字号.
func normNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '[', '［', '（', '(', '【', '〔':
			b.WriteRune('〔')
		case ']', '］', '）', ')', '】', '〕':
			b.WriteRune('〕')
		default:
			if !unicode.IsSpace(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// normTitle drops spaces, 书名号 and quotation marks.
func normTitle(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("《》〈〉“”\"", r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// core is a title from its first 关于 on, without the issuing organ, or ""
// when too short to name one document.
func core(t string) string {
	i := strings.Index(t, "关于")
	if i < 0 {
		return ""
	}
	c := t[i:]
	if len([]rune(c)) < 8 {
		return ""
	}
	return c
}

// reduce keeps, of a child's parents, the nearest: a parent that is an
// ancestor of another parent of the same child is dropped (a 县 citing
// both the 国务院 notice and the 省 notice implements the 省's). It also
// drops a link that would close a cycle.
func reduce(g *Graph, parents map[string][]link) {
	ancestor := func(a, of string) bool {
		seen := map[string]bool{}
		stack := []string{of}
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, l := range parents[x] {
				if l.parent == a {
					return true
				}
				if !seen[l.parent] {
					seen[l.parent] = true
					stack = append(stack, l.parent)
				}
			}
		}
		return false
	}
	for _, n := range g.Nodes {
		ls := parents[n.ID]
		var kept []link
		for i, l := range ls {
			drop := false
			for j, o := range ls {
				if i != j && ancestor(l.parent, o.parent) {
					drop = true
					break
				}
			}
			if !drop && ancestor(n.ID, l.parent) {
				drop = true
			}
			if !drop {
				kept = append(kept, l)
			}
		}
		parents[n.ID] = kept
	}
}

// copyParent proposes, for a document that cites none in the library, the
// one it copies most from, above MinCopyRatio, at a higher level.
func copyParent(g *Graph, n *Node, opt Options) (link, error) {
	var cands []*Node
	if opt.Candidates != nil {
		ids, err := opt.Candidates(n.doc.Prose, 10)
		if err != nil {
			return link{}, fmt.Errorf("%s：无法在文件库中查找相似文件：%w", n.Path, err)
		}
		for _, id := range ids {
			if p := g.byID[id]; p != nil {
				cands = append(cands, p)
			}
		}
	} else {
		cands = g.Nodes
	}
	var docs []*lint.Document
	var kept []*Node
	for _, p := range cands {
		if p == n || n.Level == Unknown || p.Level == Unknown || p.Level >= n.Level {
			continue
		}
		docs = append(docs, p.doc)
		kept = append(kept, p)
	}
	if len(docs) == 0 {
		return link{}, nil
	}
	facts := lint.NewParentSet(docs...).Compare(n.doc, opt.Checker.Config())
	best, ratio := -1, opt.MinCopyRatio
	for i, s := range facts.Parents {
		if s.Ratio >= ratio {
			best, ratio = i, s.Ratio
		}
	}
	if best < 0 {
		return link{}, nil
	}
	p := facts.Parents[best]
	for _, k := range kept {
		if k.doc == p.Parent.Doc {
			return link{k.ID, ByCopy, fmt.Sprintf("%.0f%%的文字与之重复", 100*p.Ratio)}, nil
		}
	}
	return link{}, nil
}
