package trace

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// JSONVersion is the version of the trace report's JSON. Fields are only
// ever added within a version.
const JSONVersion = 1

// Around is the part of the graph that concerns one document: the chain
// of its ancestors above it and every descendant below it.
func (g *Graph) Around(id string) *Graph {
	keep := map[string]bool{id: true}
	up := map[string][]*Edge{}
	down := map[string][]*Edge{}
	for _, e := range g.Edges {
		up[e.Child] = append(up[e.Child], e)
		down[e.Parent] = append(down[e.Parent], e)
	}
	walk := func(from string, next map[string][]*Edge, far func(*Edge) string) {
		stack := []string{from}
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, e := range next[x] {
				if y := far(e); !keep[y] {
					keep[y] = true
					stack = append(stack, y)
				}
			}
		}
	}
	walk(id, up, func(e *Edge) string { return e.Parent })
	// Below the document only: its parents' other children are not its
	// chain.
	below := map[string]bool{id: true}
	stack := []string{id}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range down[x] {
			if !below[e.Child] {
				below[e.Child], keep[e.Child] = true, true
				stack = append(stack, e.Child)
			}
		}
	}
	out := &Graph{byID: map[string]*Node{}, Errors: g.Errors}
	for _, n := range g.Nodes {
		if keep[n.ID] {
			out.Nodes = append(out.Nodes, n)
			out.byID[n.ID] = n
		}
	}
	for _, e := range g.Edges {
		if keep[e.Parent] && keep[e.Child] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// WriteText writes the graph as indented trees, one per root (a document
// with no parent in the library), each edge's additions under its child.
// Documents linked to nothing are listed at the end, by level.
func (g *Graph) WriteText(w io.Writer) error {
	children := map[string][]*Edge{}
	hasParent := map[string]bool{}
	for _, e := range g.Edges {
		children[e.Parent] = append(children[e.Parent], e)
		hasParent[e.Child] = true
	}
	var b strings.Builder
	var alone []*Node
	printed := map[string]bool{}
	var walk func(n *Node, e *Edge, depth int)
	walk = func(n *Node, e *Edge, depth int) {
		ind := strings.Repeat("    ", depth)
		fmt.Fprintf(&b, "%s[%s] %s\n", ind, n.Level, describe(n))
		if e != nil {
			fmt.Fprintf(&b, "%s    ← %s：%s；本文%.0f%%照抄上级文件，上级文件%.0f%%被照抄\n", ind, e.Link, e.Evidence, 100*e.Ratio, 100*e.Coverage)
			if e.PaperOnly {
				fmt.Fprintf(&b, "%s    ⤷ 以文件落实文件：除照抄、转发外未提出新的要求\n", ind)
			}
			for _, a := range e.Additions {
				fmt.Fprintf(&b, "%s    + %s：%s\n", ind, a.Kind, summary(a))
			}
		}
		if printed[n.ID] {
			if len(children[n.ID]) > 0 {
				fmt.Fprintf(&b, "%s    （下级文件见上）\n", ind)
			}
			return
		}
		printed[n.ID] = true
		for _, c := range children[n.ID] {
			walk(g.byID[c.Child], c, depth+1)
		}
	}
	roots := 0
	for _, n := range g.Nodes {
		switch {
		case hasParent[n.ID]:
		case len(children[n.ID]) == 0:
			alone = append(alone, n)
		default:
			if roots > 0 {
				b.WriteString("\n")
			}
			roots++
			walk(n, nil, 0)
		}
	}
	if roots == 0 {
		b.WriteString("文件库中没有找到上下级文件之间的引用或照抄关系。\n")
	}
	if len(alone) > 0 {
		sort.SliceStable(alone, func(i, j int) bool { return alone[i].Level < alone[j].Level })
		fmt.Fprintf(&b, "\n未与其他文件关联（%d件）：\n", len(alone))
		for _, n := range alone {
			fmt.Fprintf(&b, "    [%s] %s\n", n.Level, describe(n))
		}
	}
	for _, err := range g.Errors {
		fmt.Fprintf(&b, "注意：%v\n", err)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// describe names a document to people: title, 发文字号, and the ID by which
// `gwlint trace DOC` finds it.
func describe(n *Node) string {
	s := n.Title
	if s == "" {
		s = n.Path
	}
	if n.DocNumber != "" {
		s += " " + n.DocNumber
	}
	return s + " {" + n.ID + "}"
}

// summary is an addition in one line: what the child wrote, what the
// parent wrote, in figures.
func summary(a Addition) string {
	switch a.Kind {
	case NewDemand:
		name := a.RuleName
		if name == "" {
			name = a.Rule
		}
		return fmt.Sprintf("“%s”（%s）", clip(a.Text, 40), name)
	case EarlierDeadline:
		if a.Days > 0 {
			return fmt.Sprintf("“%s”，提前%d天", clip(a.Text, 40), a.Days)
		}
	}
	m := a.Message
	if i := strings.Index(m, "："); i >= 0 {
		m = m[i+len("："):]
	}
	if i := strings.Index(m, "（上级文件《"); i >= 0 {
		m = m[:i]
	}
	return clip(m, 80)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// The JSON report.
type (
	jsonReport struct {
		Version   int        `json:"version"`
		Documents []jsonDoc  `json:"documents"`
		Edges     []jsonEdge `json:"edges"`
		Summary   Summary    `json:"summary"`
		Errors    []string   `json:"errors"`
	}
	jsonDoc struct {
		ID        string `json:"id"`
		Path      string `json:"path"`
		Title     string `json:"title"`
		DocNumber string `json:"doc_number"`
		Date      string `json:"date"`
		Level     string `json:"level"`
		LevelFrom string `json:"level_from"`
	}
	jsonEdge struct {
		Parent    string         `json:"parent"`
		Child     string         `json:"child"`
		Link      string         `json:"link"`
		Evidence  string         `json:"evidence"`
		Ratio     float64        `json:"copy_ratio"`
		Coverage  float64        `json:"coverage"`
		PaperOnly bool           `json:"paper_only"`
		Additions []jsonAddition `json:"additions"`
	}
	jsonAddition struct {
		Kind       string    `json:"kind"`
		Rule       string    `json:"rule"`
		RuleName   string    `json:"rule_name"`
		Text       string    `json:"text"`
		ParentText string    `json:"parent_text,omitempty"`
		Message    string    `json:"message"`
		Start      int       `json:"start"`
		End        int       `json:"end"`
		Days       int       `json:"days,omitempty"`
		Numbers    []float64 `json:"numbers"`
	}
)

// WriteJSON writes the graph as the versioned JSON report.
func (g *Graph) WriteJSON(w io.Writer) error {
	r := jsonReport{Version: JSONVersion, Documents: []jsonDoc{}, Edges: []jsonEdge{}, Errors: []string{}}
	for _, n := range g.Nodes {
		r.Documents = append(r.Documents, jsonDoc{n.ID, n.Path, n.Title, n.DocNumber, n.Date, n.Level.String(), n.LevelFrom})
	}
	for _, e := range g.Edges {
		je := jsonEdge{Parent: e.Parent, Child: e.Child, Link: e.Link, Evidence: e.Evidence,
			Ratio: round(e.Ratio), Coverage: round(e.Coverage), PaperOnly: e.PaperOnly, Additions: []jsonAddition{}}
		for _, a := range e.Additions {
			nums := a.Numbers
			if nums == nil {
				nums = []float64{}
			}
			je.Additions = append(je.Additions, jsonAddition{a.Kind, a.Rule, a.RuleName, a.Text, a.ParentText, a.Message, a.Span.Start, a.Span.End, a.Days, nums})
		}
		r.Edges = append(r.Edges, je)
	}
	r.Summary = g.Summary()
	for _, err := range g.Errors {
		r.Errors = append(r.Errors, err.Error())
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func round(v float64) float64 { return float64(int(v*1000+0.5)) / 1000 }
