package trace

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// LevelCount is how the documents of one level implement their parents.
type LevelCount struct {
	Level string `json:"level"`
	// Documents at the level; Unlinked of them have no parent in the
	// library. Of the linked: Forwards are plain 转发 notices adding
	// nothing, MainlyCopy restate their parent and add nothing
	// (以文件落实文件), OwnMeasures the rest (own text or additions).
	Documents   int `json:"documents"`
	Unlinked    int `json:"unlinked"`
	Forwards    int `json:"forwards"`
	MainlyCopy  int `json:"mainly_copy"`
	OwnMeasures int `json:"own_measures"`
	// Adding is how many add at least one demand or escalation.
	Adding int `json:"adding"`
}

// AddedCount is one kind of addition and on how many edges it was added.
type AddedCount struct {
	Kind     string `json:"kind"`
	Rule     string `json:"rule"`
	RuleName string `json:"rule_name"`
	Edges    int    `json:"edges"`
}

// Summary is the library in figures: the 文山 an office must cut.
type Summary struct {
	Levels []LevelCount `json:"levels"`
	Added  []AddedCount `json:"added"`
}

// Summary counts, per level, how documents implement their parents, and
// which additions are made most often on the way down.
func (g *Graph) Summary() Summary {
	up := map[string][]*Edge{}
	for _, e := range g.Edges {
		up[e.Child] = append(up[e.Child], e)
	}
	counts := make([]LevelCount, len(levelNames))
	for i := range counts {
		counts[i].Level = Level(i).String()
	}
	added := map[[2]string]*AddedCount{}
	for _, n := range g.Nodes {
		c := &counts[n.Level]
		c.Documents++
		es := up[n.ID]
		if len(es) == 0 {
			c.Unlinked++
			continue
		}
		paper, adds := true, false
		for _, e := range es {
			paper = paper && e.PaperOnly
			adds = adds || len(e.Additions) > 0
			seen := map[[2]string]bool{}
			for _, a := range e.Additions {
				k := [2]string{a.Kind, a.Rule}
				if seen[k] {
					continue
				}
				seen[k] = true
				if added[k] == nil {
					added[k] = &AddedCount{Kind: a.Kind, Rule: a.Rule, RuleName: a.RuleName}
				}
				added[k].Edges++
			}
		}
		switch {
		case paper && forwards(n):
			c.Forwards++
		case paper:
			c.MainlyCopy++
		default:
			c.OwnMeasures++
		}
		if adds {
			c.Adding++
		}
	}
	s := Summary{Levels: []LevelCount{}, Added: []AddedCount{}}
	// Central first, 未知 last.
	for i := 1; i <= len(counts); i++ {
		if c := counts[i%len(counts)]; c.Documents > 0 {
			s.Levels = append(s.Levels, c)
		}
	}
	for _, a := range added {
		s.Added = append(s.Added, *a)
	}
	sort.Slice(s.Added, func(i, j int) bool {
		a, b := s.Added[i], s.Added[j]
		if a.Edges != b.Edges {
			return a.Edges > b.Edges
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Rule < b.Rule
	})
	return s
}

// WriteText writes the summary as two small tables.
func (s Summary) WriteText(w io.Writer) error {
	var b strings.Builder
	b.WriteString("各层级文件落实上级文件的方式：\n")
	b.WriteString("层级\t文件数\t未关联上级\t单纯转发\t主要照抄\t有自己的措施\t其中层层加码\n")
	for _, c := range s.Levels {
		fmt.Fprintf(&b, "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", c.Level, c.Documents, c.Unlinked, c.Forwards, c.MainlyCopy, c.OwnMeasures, c.Adding)
	}
	if len(s.Added) == 0 {
		b.WriteString("\n逐级下发中没有发现新增的要求或加码。\n")
	} else {
		b.WriteString("\n逐级下发中最常新增的要求（按出现的上下级文件对数）：\n")
		for _, a := range s.Added {
			name := a.RuleName
			if name == "" {
				name = a.Rule
			}
			fmt.Fprintf(&b, "%d\t%s：%s（%s）\n", a.Edges, a.Kind, name, a.Rule)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
