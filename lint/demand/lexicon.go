package demand

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Lexicon is a compiled set of demand lists: the word classes, the scope
// words that decide whether a clause imposes anything, and the burden
// kinds. It is immutable once built and safe for concurrent use.
type Lexicon struct {
	Kinds []*Kind
	// Declared are the rules user lists declare (rules:), reported by a
	// host rule under their own ID without Go code.
	Declared []*Declared

	classes map[string][]string
	scope   map[string]*Slot // the scope classes, compiled
	parts   map[string]*Slot // the classes who, modal, act and object
	// words indexes every word of every class and slot by its first rune,
	// longest first; a word's id indexes the slots that hold it.
	words map[rune][]word
	n     int
	ids   map[string]int
	// slots are the compiled slots of the kinds; slotsOf lists, for each
	// word id, the slots that hold it.
	slots   []*Slot
	slotsOf [][]int32
	// first has bit c set when some word starts with rune c (c < 0x10000):
	// most runes start none, and a bit test is far cheaper than the map.
	first *[0x10000 / 64]uint64
}

type word struct {
	r  []rune
	id int
}

// Kind is one burden kind: the parts a demand must hold, in any order,
// for the kind's rule to report it.
type Kind struct {
	// Rule is the ID of the rule that reports the kind.
	Rule     string
	Severity string
	Message  string
	Source   string
	// Slots must all be found in the clauses of one demand that impose.
	Slots []*Slot
	// Context, when set, must be found in the demand's sentence or the
	// sentence before it in the same paragraph (检查组将于下周进驻。请…).
	Context []*Slot
	// Unless silences the kind in a sentence that holds it: the innocent
	// uses of its words (申请人提交的照片).
	Unless *Slot
	// Clause: all the slots must stand in one clause, not only in one
	// demand.
	Clause bool
	// OutsideTitles: words inside 书名号 are names of documents, not
	// parts of the demand (印发《实施方案》 asks for no new 方案).
	OutsideTitles bool
	// LocalOnly: the kind applies to 地方和部门 documents, not to those of
	// 中共中央, 国务院 and their 办公厅 (which may set up 示范, direct the
	// governments below them and so on).
	LocalOnly bool
	Match     []string
	NoMatch   []string
	Path      string
	Line      int
}

// Declared is a rule a list declares: its ID, default severity, source
// and description.
type Declared struct {
	ID       string `yaml:"id"`
	Severity string `yaml:"severity"`
	Source   string `yaml:"source"`
	Doc      string `yaml:"doc"`
	Path     string `yaml:"-"`
	Line     int    `yaml:"-"`
}

// Slot is one part of a kind: alternatives, each a word, a class or a
// built-in parser.
type Slot struct {
	Src      string
	words    map[int]bool
	builtins []string
	idx      int  // in Lexicon.slots, for the per-sentence gate
	anywhere bool // a built-in that may match in any sentence ({deadline}, {department})
}

// Error is a problem in a demand list, located in its file.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d：%s", e.Path, e.Line, e.Msg)
	}
	return e.Path + "：" + e.Msg
}

// The scope classes of model.yaml; a user list may add words to them.
var scopeClasses = []string{
	"negators", "not_negators", "double_negation", "purpose", "narration", "criticism", "continuation", "replaced_from", "replaced_by",
}

// The built-in parsers a slot may name.
var builtinSlots = []string{"deadline", "tight_deadline", "number", "count", "many", "score", "fine_score", "share", "money", "department"}

var (
	ruleIDRe = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	classRe  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// rawList is a list file as YAML.
type rawList struct {
	Classes map[string][]string `yaml:"classes"`
	Scope   map[string][]string `yaml:"scope"`
	Kinds   []yaml.Node         `yaml:"kinds"`
	Rules   []yaml.Node         `yaml:"rules"`
}

type rawKind struct {
	Rule     string   `yaml:"rule"`
	Severity string   `yaml:"severity"`
	Slots    []string `yaml:"slots"`
	Context  []string `yaml:"context"`
	Unless   string   `yaml:"unless"`
	Within   string   `yaml:"within"`
	Titles   string   `yaml:"titles"`
	Issuers  string   `yaml:"issuers"`
	Message  string   `yaml:"message"`
	Source   string   `yaml:"source"`
	Match    []string `yaml:"match"`
	NoMatch  []string `yaml:"nomatch"`
}

var kindKeys = []string{"rule", "severity", "slots", "context", "unless", "within", "titles", "issuers", "message", "source", "match", "nomatch"}

// File is one list to compile: its name (for errors) and its bytes.
type File struct {
	Path string
	Data []byte
}

// parsed is one list file read: its classes and scope words with their
// lines, its kinds and declared rules. The embedded lists are kept in
// this form in builtin_data.go (generated), so that a check does not pay
// for YAML.
type parsed struct {
	Path    string
	Classes []named
	Scope   []named
	Kinds   []kindAt
	Rules   []Declared
}

type named struct {
	Name  string
	Line  int
	Words []string
}

type kindAt struct {
	Raw  rawKind
	Line int
}

// Compile parses the files in order, the built-in model first, and
// compiles them into one lexicon. It does not run the examples; Check
// does.
func Compile(files ...File) (*Lexicon, error) {
	var ps []*parsed
	for _, f := range files {
		p, err := parseFile(f)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return compileParsed(ps)
}

// parseFile reads a list's YAML, checking its keys.
func parseFile(f File) (*parsed, error) {
	if !utf8.Valid(f.Data) {
		return nil, &Error{Path: f.Path, Msg: "不是 UTF-8 编码的文本，请另存为 UTF-8"}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(f.Data, &root); err != nil {
		return nil, &Error{Path: f.Path, Msg: "不是有效的 YAML：" + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, &Error{Path: f.Path, Msg: "词表应是含 classes、scope、kinds 键的映射"}
	}
	top := root.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if k := top.Content[i].Value; k != "classes" && k != "scope" && k != "kinds" && k != "rules" {
			return nil, &Error{Path: f.Path, Line: top.Content[i].Line, Msg: fmt.Sprintf("未知的键 %q（可用：classes、scope、kinds、rules）", k)}
		}
	}
	var raw rawList
	if err := top.Decode(&raw); err != nil {
		return nil, &Error{Path: f.Path, Line: top.Line, Msg: "格式有误：" + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	p := &parsed{Path: f.Path}
	for _, name := range sortedNames(raw.Classes) {
		p.Classes = append(p.Classes, named{Name: name, Line: keyLine(top, "classes", name), Words: raw.Classes[name]})
	}
	for _, name := range sortedNames(raw.Scope) {
		p.Scope = append(p.Scope, named{Name: name, Line: keyLine(top, "scope", name), Words: raw.Scope[name]})
	}
	for i := range raw.Kinds {
		n := &raw.Kinds[i]
		if n.Kind != yaml.MappingNode {
			return nil, &Error{Path: f.Path, Line: n.Line, Msg: fmt.Sprintf("每个 kind 是一个映射，键为 %s", strings.Join(kindKeys, "、"))}
		}
		for j := 0; j+1 < len(n.Content); j += 2 {
			if !contains(kindKeys, n.Content[j].Value) {
				return nil, &Error{Path: f.Path, Line: n.Content[j].Line, Msg: fmt.Sprintf("未知的键 %q（可用：%s）", n.Content[j].Value, strings.Join(kindKeys, "、"))}
			}
		}
		var k rawKind
		if err := n.Decode(&k); err != nil {
			return nil, &Error{Path: f.Path, Line: n.Line, Msg: "格式有误：" + strings.TrimPrefix(err.Error(), "yaml: ")}
		}
		p.Kinds = append(p.Kinds, kindAt{Raw: k, Line: n.Line})
	}
	for i := range raw.Rules {
		n := &raw.Rules[i]
		var d Declared
		if err := n.Decode(&d); err != nil {
			return nil, &Error{Path: f.Path, Line: n.Line, Msg: "rules 的每一项是含 id、severity、source、doc 的映射"}
		}
		d.Path, d.Line = f.Path, n.Line
		p.Rules = append(p.Rules, d)
	}
	return p, nil
}

func sortedNames(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// compileParsed checks and compiles parsed lists.
func compileParsed(ps []*parsed) (*Lexicon, error) {
	lx := &Lexicon{classes: map[string][]string{}, ids: map[string]int{}, words: map[rune][]word{}}
	scopeWords := map[string][]string{}
	type pending struct {
		path string
		k    kindAt
	}
	var kinds []pending
	for _, f := range ps {
		for _, c := range f.Classes {
			name, ws, line := c.Name, c.Words, c.Line
			if !classRe.MatchString(name) {
				return nil, &Error{Path: f.Path, Line: line, Msg: fmt.Sprintf("词类名 %q 只能用小写字母、数字和下划线", name)}
			}
			if contains(builtinSlots, name) {
				return nil, &Error{Path: f.Path, Line: line, Msg: fmt.Sprintf("%q 是内置解析器，不能作词类名", name)}
			}
			if len(ws) == 0 {
				return nil, &Error{Path: f.Path, Line: line, Msg: fmt.Sprintf("词类 %s 是空的", name)}
			}
			for _, w := range ws {
				if err := checkWord(w); err != nil {
					return nil, &Error{Path: f.Path, Line: line, Msg: fmt.Sprintf("词类 %s：%v", name, err)}
				}
			}
			// A later list adds to a class of an earlier one.
			lx.classes[name] = append(lx.classes[name], ws...)
		}
		for _, c := range f.Scope {
			if !contains(scopeClasses, c.Name) {
				return nil, &Error{Path: f.Path, Line: c.Line, Msg: fmt.Sprintf("scope 下未知的词类 %q（可用：%s）", c.Name, strings.Join(scopeClasses, "、"))}
			}
			for _, w := range c.Words {
				if err := checkWord(w); err != nil {
					return nil, &Error{Path: f.Path, Line: c.Line, Msg: fmt.Sprintf("scope.%s：%v", c.Name, err)}
				}
			}
			scopeWords[c.Name] = append(scopeWords[c.Name], c.Words...)
		}
		for _, k := range f.Kinds {
			kinds = append(kinds, pending{f.Path, k})
		}
		for i := range f.Rules {
			d := f.Rules[i]
			switch {
			case !ruleIDRe.MatchString(d.ID):
				return nil, &Error{Path: f.Path, Line: d.Line, Msg: fmt.Sprintf("rules：id 应是规则 ID，如 local-meeting，实为 %q", d.ID)}
			case d.Severity != "info" && d.Severity != "warning" && d.Severity != "error":
				return nil, &Error{Path: f.Path, Line: d.Line, Msg: fmt.Sprintf("rules：%s 的 severity 应是 info、warning 或 error", d.ID)}
			case strings.TrimSpace(d.Source) == "" || strings.TrimSpace(d.Doc) == "":
				return nil, &Error{Path: f.Path, Line: d.Line, Msg: fmt.Sprintf("rules：%s 要写明 source（依据）和 doc（一句话说明）", d.ID)}
			}
			for _, x := range lx.Declared {
				if x.ID == d.ID {
					return nil, &Error{Path: f.Path, Line: d.Line, Msg: fmt.Sprintf("rules：%s 声明了两次（另见 %s:%d）", d.ID, x.Path, x.Line)}
				}
			}
			lx.Declared = append(lx.Declared, &d)
		}
	}
	lx.scope = map[string]*Slot{}
	for _, name := range scopeClasses {
		s := &Slot{Src: name, words: map[int]bool{}}
		for _, w := range scopeWords[name] {
			s.words[lx.id(w)] = true
		}
		lx.scope[name] = s
	}
	lx.parts = map[string]*Slot{}
	for _, name := range []string{"who", "modal", "act", "object"} {
		if _, ok := lx.classes[name]; ok {
			lx.parts[name], _ = lx.compileSlot("{" + name + "}")
		}
	}
	for _, p := range kinds {
		k, err := lx.compileKind(p.path, p.k.Line, p.k.Raw)
		if err != nil {
			return nil, err
		}
		lx.Kinds = append(lx.Kinds, k)
	}
	// A user's kinds are tried before the built-in ones of the same rule:
	// a local list refines what ships.
	sort.SliceStable(lx.Kinds, func(i, j int) bool {
		return !builtinPath(lx.Kinds[i].Path) && builtinPath(lx.Kinds[j].Path)
	})
	lx.slotsOf = make([][]int32, lx.n)
	for _, sl := range lx.slots {
		for id := range sl.words {
			lx.slotsOf[id] = append(lx.slotsOf[id], int32(sl.idx))
		}
	}
	lx.first = new([0x10000 / 64]uint64)
	for c := range lx.words {
		if c < 0x10000 {
			lx.first[c>>6] |= 1 << (c & 63)
		}
	}
	for c, ws := range lx.words {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i].r) > len(ws[j].r) })
		lx.words[c] = ws
	}
	return lx, nil
}

// id is the id of a word, added to the index when new.
func (lx *Lexicon) id(w string) int {
	if id, ok := lx.ids[w]; ok {
		return id
	}
	id := lx.n
	lx.n++
	lx.ids[w] = id
	r := []rune(w)
	lx.words[r[0]] = append(lx.words[r[0]], word{r: r, id: id})
	return id
}

func (lx *Lexicon) compileKind(path string, line int, raw rawKind) (*Kind, error) {
	bad := func(format string, args ...any) error {
		return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	k := &Kind{Rule: raw.Rule, Severity: raw.Severity, Message: strings.TrimSpace(raw.Message), Source: strings.TrimSpace(raw.Source),
		Match: raw.Match, NoMatch: raw.NoMatch, Path: path, Line: line, Clause: raw.Within == "clause", OutsideTitles: raw.Titles == "skip", LocalOnly: raw.Issuers == "local"}
	switch {
	case !ruleIDRe.MatchString(k.Rule):
		return nil, bad("rule 应是规则 ID，如 burden-proof，实为 %q", k.Rule)
	case k.Severity != "info" && k.Severity != "warning" && k.Severity != "error":
		return nil, bad("severity 应是 info、warning 或 error，实为 %q", k.Severity)
	case raw.Within != "" && raw.Within != "clause" && raw.Within != "demand":
		return nil, bad("within 应是 clause 或 demand，实为 %q", raw.Within)
	case raw.Titles != "" && raw.Titles != "skip" && raw.Titles != "count":
		return nil, bad("titles 应是 skip（书名号里的词不算）或 count，实为 %q", raw.Titles)
	case raw.Issuers != "" && raw.Issuers != "local" && raw.Issuers != "all":
		return nil, bad("issuers 应是 local（只查地方和部门文件）或 all，实为 %q", raw.Issuers)
	case len(raw.Slots) == 0:
		return nil, bad("slots 至少要有一项")
	case k.Message == "":
		return nil, bad("message 不能为空：命中时要告诉起草人问题在哪、怎么改")
	case k.Source == "":
		return nil, bad("source 不能为空：写明依据（法规条款，或“实务通行做法”）")
	case len(k.Match) == 0:
		return nil, bad("match 至少要有一个应命中的例句，用［］标出应标记的部分")
	case len(k.NoMatch) == 0:
		return nil, bad("nomatch 至少要有一个不应命中的相似句")
	}
	for _, src := range raw.Slots {
		s, err := lx.compileSlot(src)
		if err != nil {
			return nil, bad("slots %q：%v", src, err)
		}
		k.Slots = append(k.Slots, s)
	}
	for _, src := range raw.Context {
		s, err := lx.compileSlot(src)
		if err != nil {
			return nil, bad("context %q：%v", src, err)
		}
		k.Context = append(k.Context, s)
	}
	if raw.Unless != "" {
		s, err := lx.compileSlot(raw.Unless)
		if err != nil {
			return nil, bad("unless %q：%v", raw.Unless, err)
		}
		if len(s.builtins) > 0 {
			return nil, bad("unless 只能列词和词类，不能用内置解析器")
		}
		k.Unless = s
	}
	for _, ex := range k.Match {
		if n := strings.Count(ex, "［"); n == 0 || n != strings.Count(ex, "］") || strings.Index(ex, "［") > strings.Index(ex, "］") {
			return nil, bad("match 例句 %q 要用［］标出应标记的部分", ex)
		}
	}
	return k, nil
}

// compileSlot parses "A|B|{class}|{builtin}".
func (lx *Lexicon) compileSlot(src string) (*Slot, error) {
	s := &Slot{Src: src, words: map[int]bool{}, idx: len(lx.slots)}
	lx.slots = append(lx.slots, s)
	for _, a := range strings.Split(strings.TrimSpace(src), "|") {
		a = strings.TrimSpace(a)
		if strings.HasPrefix(a, "{") && strings.HasSuffix(a, "}") {
			name := a[1 : len(a)-1]
			if contains(builtinSlots, name) {
				s.builtins = append(s.builtins, name)
				s.anywhere = s.anywhere || name == "department" || name == "deadline" || name == "tight_deadline"
				continue
			}
			ws, ok := lx.classes[name]
			if !ok {
				return nil, fmt.Errorf("未知的词类 {%s}（在 classes 下定义，或用内置的 %s）", name, strings.Join(builtinSlots, "、"))
			}
			for _, w := range ws {
				s.words[lx.id(w)] = true
			}
			continue
		}
		if err := checkWord(a); err != nil {
			return nil, err
		}
		s.words[lx.id(a)] = true
	}
	return s, nil
}

func checkWord(w string) error {
	switch {
	case w == "":
		return fmt.Errorf("有空词")
	case utf8.RuneCountInString(w) > 32:
		return fmt.Errorf("词 %q 超过 32 个字", w)
	case strings.IndexFunc(w, unicode.IsSpace) >= 0:
		return fmt.Errorf("词 %q 含空白", w)
	case strings.ContainsAny(w, "{}|［］"):
		return fmt.Errorf("词 %q 含 { } | ［ ］ 之一", w)
	}
	return nil
}

// keyLine finds the line of key sub under key in a mapping.
func keyLine(top *yaml.Node, key, sub string) int {
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != key {
			continue
		}
		m := top.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			if m.Content[j].Value == sub {
				return m.Content[j].Line
			}
		}
		return top.Content[i].Line
	}
	return top.Line
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Rules lists the distinct rule IDs the kinds name, sorted.
func (lx *Lexicon) Rules() []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range lx.Kinds {
		if !seen[k.Rule] {
			seen[k.Rule] = true
			out = append(out, k.Rule)
		}
	}
	sort.Strings(out)
	return out
}

// builtinPath reports whether a list is one of the embedded lists.
func builtinPath(p string) bool { return strings.HasPrefix(p, "dict/demand/") }

// DeclaredRule is the declared rule of that ID, or nil.
func (lx *Lexicon) DeclaredRule(id string) *Declared {
	for _, d := range lx.Declared {
		if d.ID == id {
			return d
		}
	}
	return nil
}
