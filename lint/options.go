package lint

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Options is a section of the configuration file that rules own
// ("length", "copy"): its keys, their defaults, their documentation and
// their check, declared beside the rules that read them, not in package
// lint. T is a struct whose fields carry a yaml tag (the key) and a doc
// tag (one line for the README's configuration reference); a field left
// out of the file, or set to its zero value, takes the default.
//
// Declare options as a package-level variable, with NewOptions. Several
// declarations may share a section, each with its own keys (the copy
// engine's min_passage and copy-ratio's ratio under "copy"). The
// configuration file is read with every declared section, and a key no
// declaration has is an error naming its file and line. Read the values
// with Get (in a rule) or Of (anywhere else).
type Options[T any] struct {
	section  string
	defaults T
	check    func(v *T, c *OptionsCheck) error
}

// OptionsCheck is what an Options check may do: refuse a value, naming its
// key and line, or warn about one that is allowed but probably not meant.
type OptionsCheck struct {
	cfg     *Config
	section string
}

// Error refuses the value of key (a key of the section, "cap").
func (c *OptionsCheck) Error(key, msg string) error {
	name := c.section + "." + key
	return &ConfigError{Path: c.cfg.Path, Line: c.cfg.lines[name], Msg: name + ": " + msg}
}

// Warn records a warning, in Chinese, that the command prints once.
func (c *OptionsCheck) Warn(msg string) { c.cfg.Warnings = append(c.cfg.Warnings, msg) }

// IsSet reports whether the file sets key.
func (c *OptionsCheck) IsSet(key string) bool { return c.cfg.lines[c.section+"."+key] > 0 }

// Location is "file:line" of key, for warnings.
func (c *OptionsCheck) Location(key string) string { return c.cfg.Location(c.section + "." + key) }

// optionSection is a declaration, whatever its type.
type optionSection interface {
	name() string
	// keys are the declaration's keys in its section.
	keys() []string
	// decode reads the declaration's keys (n holds only those; nil when
	// the file sets none) into a new value, checks it and fills in the
	// defaults.
	decode(cfg *Config, n *yaml.Node) (any, error)
	// reference is the declaration's lines in the README's configuration
	// reference.
	reference() []OptionDoc
}

var (
	sectionsMu sync.RWMutex
	// declared are the declarations in the order they were made.
	declared []optionSection
)

// NewOptions declares a configuration section owned by rules. check, when
// not nil, validates the values as written (before defaults fill the zero
// ones). It panics when the section is declared twice or T is not a struct
// of tagged fields: programming errors the tests catch.
func NewOptions[T any](section string, defaults T, check func(v *T, c *OptionsCheck) error) *Options[T] {
	o := &Options[T]{section: section, defaults: defaults, check: check}
	t := reflect.TypeOf(defaults)
	if t.Kind() != reflect.Struct {
		panic("lint: options " + section + " are not a struct")
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if yamlKey(f) == "" || f.Tag.Get("doc") == "" {
			panic(fmt.Sprintf("lint: option %s.%s lacks its yaml key or doc", section, f.Name))
		}
		if k := f.Type.Kind(); k == reflect.Int || k == reflect.Float64 {
			if _, _, ok := optionRange(f); !ok {
				panic(fmt.Sprintf("lint: numeric option %s.%s lacks its range tag (range:\"min,max\")", section, f.Name))
			}
		}
	}
	sectionsMu.Lock()
	defer sectionsMu.Unlock()
	for i := 0; i < reflect.TypeOf(Config{}).NumField(); i++ {
		if yamlKey(reflect.TypeOf(Config{}).Field(i)) == section {
			panic("lint: options section " + section + " is a key of lint.Config")
		}
	}
	for _, d := range declared {
		if d.name() != section {
			continue
		}
		for _, k := range d.keys() {
			for _, mine := range o.keys() {
				if k == mine {
					panic("lint: option " + section + "." + k + " declared twice")
				}
			}
		}
	}
	declared = append(declared, o)
	return o
}

// Section is the section's key in the configuration file.
func (o *Options[T]) Section() string { return o.section }

// Defaults are the values a configuration without the section has.
func (o *Options[T]) Defaults() T { return o.defaults }

// Of is the section's values in cfg (the defaults when cfg is nil or was
// not read from YAML).
func (o *Options[T]) Of(cfg *Config) T {
	if cfg != nil {
		if v, ok := cfg.options[o]; ok {
			return v.(T)
		}
	}
	return o.defaults
}

// Get is the section's values in the pass's configuration.
func (o *Options[T]) Get(p *Pass) T { return o.Of(p.Config) }

// Set replaces the values in cfg, for tests and for library users who
// build a configuration in Go. It does not check them.
func (o *Options[T]) Set(cfg *Config, v T) {
	if cfg.options == nil {
		cfg.options = map[any]any{}
	}
	cfg.options[o] = v
}

func (o *Options[T]) name() string { return o.section }

func (o *Options[T]) keys() []string {
	t := reflect.TypeOf(o.defaults)
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = yamlKey(t.Field(i))
	}
	return out
}

func (o *Options[T]) decode(cfg *Config, n *yaml.Node) (any, error) {
	var v T
	if n != nil {
		if err := decodeStrict(cfg.Path, o.section+".", n, reflect.ValueOf(&v).Elem(), cfg.lines); err != nil {
			return nil, err
		}
	}
	// The declaration's own check first, for its more specific words;
	// the declared ranges then catch what it lets through.
	oc := &OptionsCheck{cfg: cfg, section: o.section}
	if o.check != nil {
		if err := o.check(&v, oc); err != nil {
			return nil, err
		}
	}
	if err := checkRanges(reflect.ValueOf(v), oc); err != nil {
		return nil, err
	}
	fillZero(reflect.ValueOf(&v).Elem(), reflect.ValueOf(o.defaults))
	return v, nil
}

// optionRange reads a numeric field's range tag, "min,max".
func optionRange(f reflect.StructField) (lo, hi float64, ok bool) {
	a, b, found := strings.Cut(f.Tag.Get("range"), ",")
	if !found {
		return 0, 0, false
	}
	lo, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	hi, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	return lo, hi, err1 == nil && err2 == nil && lo <= hi
}

// checkRanges refuses a numeric option outside its declared range. Zero
// is always allowed: it means the default. A value past a sane bound
// would not be an error anywhere else, only switch a rule off silently
// (a min_passage of a million finds no copying).
func checkRanges(v reflect.Value, c *OptionsCheck) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		lo, hi, ok := optionRange(t.Field(i))
		if !ok {
			continue
		}
		var x float64
		switch f := v.Field(i); f.Kind() {
		case reflect.Int:
			x = float64(f.Int())
		case reflect.Float64:
			x = f.Float()
		default:
			continue
		}
		if x == 0 {
			continue
		}
		if !(x >= lo && x <= hi) { // written so that .nan is refused too
			return c.Error(yamlKey(t.Field(i)), fmt.Sprintf("取值应在 %s 到 %s 之间（0 表示默认值），现为 %s",
				strconv.FormatFloat(lo, 'f', -1, 64), strconv.FormatFloat(hi, 'f', -1, 64), strconv.FormatFloat(x, 'f', -1, 64)))
		}
	}
	return nil
}

// fillZero sets each zero field of v to the default's.
func fillZero(v, defaults reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		if v.Field(i).IsZero() {
			v.Field(i).Set(defaults.Field(i))
		}
	}
}

// OptionDoc is one key of a section, for the configuration reference.
type OptionDoc struct {
	Key     string // "length.cap"
	Default string // as YAML writes it
	Doc     string
}

func (o *Options[T]) reference() []OptionDoc {
	var out []OptionDoc
	t, d := reflect.TypeOf(o.defaults), reflect.ValueOf(o.defaults)
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		def, _ := yaml.Marshal(d.Field(i).Interface())
		out = append(out, OptionDoc{Key: o.section + "." + yamlKey(f), Default: strings.TrimSpace(string(def)), Doc: f.Tag.Get("doc")})
	}
	return out
}

// OptionSections lists the declared sections in the order they were
// declared, each with its keys, defaults and documentation: what the
// README's configuration reference shows.
func OptionSections() (names []string, docs map[string][]OptionDoc) {
	docs = map[string][]OptionDoc{}
	for _, d := range declarations() {
		if _, ok := docs[d.name()]; !ok {
			names = append(names, d.name())
		}
		docs[d.name()] = append(docs[d.name()], d.reference()...)
	}
	return names, docs
}

func declarations() []optionSection {
	sectionsMu.RLock()
	defer sectionsMu.RUnlock()
	return append([]optionSection(nil), declared...)
}

// decodeSections reads every declared section of the file's root mapping
// into cfg.options (defaults for those it leaves out) and returns the
// root without them, for the Config's own keys. A key of a declared
// section that no declaration has is an error, as an unknown key is.
func decodeSections(cfg *Config, root *yaml.Node) (*yaml.Node, error) {
	decls := declarations()
	bySection := map[string][]optionSection{}
	for _, d := range decls {
		bySection[d.name()] = append(bySection[d.name()], d)
	}
	nodes := map[string]*yaml.Node{}
	rest := root
	if root != nil && root.Kind == yaml.MappingNode {
		rest = &yaml.Node{Kind: yaml.MappingNode, Tag: root.Tag, Line: root.Line, Column: root.Column}
		seen := map[string]int{}
		for i := 0; i+1 < len(root.Content); i += 2 {
			key, val := root.Content[i], root.Content[i+1]
			if _, ok := bySection[key.Value]; !ok {
				rest.Content = append(rest.Content, key, val)
				continue
			}
			if err := duplicateKey(cfg.Path, key.Value, key, seen); err != nil {
				return nil, err
			}
			cfg.lines[key.Value] = key.Line
			nodes[key.Value] = val
		}
	}
	if cfg.options == nil {
		cfg.options = map[any]any{}
	}
	for section, ds := range bySection {
		parts, err := splitSection(cfg, section, nodes[section], ds)
		if err != nil {
			return nil, err
		}
		for i, d := range ds {
			v, err := d.decode(cfg, parts[i])
			if err != nil {
				return nil, err
			}
			cfg.options[d] = v
		}
	}
	return rest, nil
}

// splitSection gives each declaration of a section the keys it declares.
func splitSection(cfg *Config, section string, n *yaml.Node, ds []optionSection) ([]*yaml.Node, error) {
	parts := make([]*yaml.Node, len(ds))
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return parts, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, &ConfigError{Path: cfg.Path, Line: n.Line, Msg: section + ": expected a mapping of keys"}
	}
	owner := map[string]int{}
	var known []string
	for i, d := range ds {
		for _, k := range d.keys() {
			owner[k] = i
			known = append(known, k)
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		d, ok := owner[key.Value]
		if !ok {
			return nil, &ConfigError{Path: cfg.Path, Line: key.Line, Msg: fmt.Sprintf("unknown key %q (known: %s)", section+"."+key.Value, strings.Join(known, ", "))}
		}
		if parts[d] == nil {
			parts[d] = &yaml.Node{Kind: yaml.MappingNode, Tag: n.Tag, Line: n.Line, Column: n.Column}
		}
		parts[d].Content = append(parts[d].Content, key, n.Content[i+1])
	}
	return parts, nil
}

// sectionNames are the declared sections' keys, for the list of known keys.
func sectionNames() []string {
	names, _ := OptionSections()
	return names
}

func yamlKey(f reflect.StructField) string {
	k := strings.Split(f.Tag.Get("yaml"), ",")[0]
	if k == "-" {
		return ""
	}
	return k
}

// configHead and configTail are the Config's own keys in the configuration
// reference, around the sections rules declare.
const (
	configHead = `rules:                     # severity per rule, or a glob: off | info | warning | error
  punct-dunhao-between-quotes: off
  "burden-*": error
  style-taohua: off
`
	configTail = `phrases:                   # extra phrase lists, in the format of dict/phrases/*.yaml
  - team-phrases.yaml
parents: [parents/]        # as --parent, relative to this file
library: lib/              # as --library
ignore:                    # paths not linted ("**" spans directories; a bare name matches anywhere)
  - "archive/**"
  - "*.bak.md"
`
)

// ConfigReference is the configuration file with every key, at its default
// for the sections rules declare, each with its line of documentation: the
// reference the README shows, generated so that it cannot drift from the
// declarations.
func ConfigReference() string {
	var b strings.Builder
	b.WriteString(configHead)
	names, docs := OptionSections()
	sort.Strings(names)
	for _, name := range names {
		b.WriteString(name + ":\n")
		for _, d := range docs[name] {
			_, key, _ := strings.Cut(d.Key, ".")
			line := "  " + key + ": " + d.Default
			b.WriteString(line + strings.Repeat(" ", max(1, 27-len(line))) + "# " + d.Doc + "\n")
		}
	}
	b.WriteString(configTail)
	return b.String()
}
