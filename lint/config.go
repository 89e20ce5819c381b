package lint

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// ConfigFileName is the file gwlint looks for from the working directory
// upward when no --config is given.
const ConfigFileName = ".gwlint.yaml"

// Config is the contents of a .gwlint.yaml. Every key is optional; the
// zero value of a section means its defaults.
type Config struct {
	// Rules overrides rule severities: "off", "info", "warning" or
	// "error", by rule ID or by a glob such as "burden-*".
	Rules map[string]Severity `yaml:"rules"`
	// Length sets the 字数 caps of length-cap.
	Length LengthConfig `yaml:"length"`
	// Copy sets the thresholds of copy-passage and copy-ratio.
	Copy CopyConfig `yaml:"copy"`
	// Phrases are extra phrase lists (YAML files in the format of
	// dict/phrases), relative to the configuration file.
	Phrases []string `yaml:"phrases"`
	// Parents are parent documents or directories, as --parent.
	Parents []string `yaml:"parents"`
	// Library is a parent library directory, as --library.
	Library string `yaml:"library"`
	// Ignore lists glob patterns of paths not to lint ("**" matches any
	// number of directories).
	Ignore []string `yaml:"ignore"`

	// Warnings are problems in the file that do not stop a check, in
	// Chinese, each with its file and line: the command prints them once.
	Warnings []string `yaml:"-"`

	// Path is the file the configuration was read from, "" for defaults.
	Path string `yaml:"-"`
	// lines remembers where each rule override stood, for errors.
	lines map[string]int
}

// LengthConfig sets the caps of the length-cap rule, after
// 《整治形式主义为基层减负若干规定》第2条: 5000字 for most documents,
// 4000字 for those that deploy a special or specific task, none for
// comprehensive work.
type LengthConfig struct {
	Cap              int `yaml:"cap"`               // default 5000
	TaskCap          int `yaml:"task_cap"`          // default 4000
	ComprehensiveCap int `yaml:"comprehensive_cap"` // default 0: no cap
	// Comprehensive treats every draft as deploying comprehensive work.
	Comprehensive bool `yaml:"comprehensive"`
	// CheckRegulations also caps 条例, 规定 and 办法 issued by 令, which
	// are laws, not work documents, and are exempt by default.
	CheckRegulations bool `yaml:"check_regulations"`
	// CheckCentral also caps documents of 中共中央, 国务院 and their 办公厅,
	// which the article (地方和部门文件) does not govern, as a measure of how
	// far a central text would exceed a local cap.
	CheckCentral bool `yaml:"check_central"`
}

// CopyConfig sets the thresholds of the copy rules.
type CopyConfig struct {
	// MinPassage is the shortest shared passage reported, in normalized
	// characters. Default 13.
	MinPassage int `yaml:"min_passage"`
	// Ratio: copy-ratio fires when this share of the draft is copied.
	Ratio float64 `yaml:"ratio"`
	// Coverage: copy-ratio fires when this share of one parent is
	// reproduced in the draft.
	Coverage float64 `yaml:"coverage"`
	// LongQuotation: a quotation this long (normalized characters) is
	// reported at info severity even though it is not copying.
	LongQuotation int `yaml:"long_quotation"`
}

// DefaultConfig is the configuration used when no file is found.
func DefaultConfig() *Config {
	c := &Config{}
	c.fillDefaults()
	return c
}

func (c *Config) fillDefaults() {
	if c.Length.Cap == 0 {
		c.Length.Cap = 5000
	}
	if c.Length.TaskCap == 0 {
		c.Length.TaskCap = 4000
	}
	if c.Copy.MinPassage == 0 {
		c.Copy.MinPassage = 13
	}
	if c.Copy.Ratio == 0 {
		c.Copy.Ratio = 0.5
	}
	if c.Copy.Coverage == 0 {
		c.Copy.Coverage = 0.6
	}
	if c.Copy.LongQuotation == 0 {
		c.Copy.LongQuotation = 200
	}
}

// ConfigError is a configuration problem, located in its file.
type ConfigError struct {
	Path string
	Line int
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return e.Path + ": " + e.Msg
}

// FindConfig looks for .gwlint.yaml in dir and its parents and returns its
// path, or "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigFileName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadConfig reads a configuration file. Relative paths in it are taken
// relative to the file's directory.
func LoadConfig(file string) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, &ConfigError{Path: file, Msg: "cannot read configuration: " + errors.Unwrap(err).Error()}
	}
	c, err := ParseConfig(file, data)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(file)
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	for i := range c.Phrases {
		c.Phrases[i] = rel(c.Phrases[i])
	}
	for i := range c.Parents {
		c.Parents[i] = rel(c.Parents[i])
	}
	c.Library = rel(c.Library)
	return c, nil
}

// ParseConfig reads a configuration from YAML. An unknown key or a value
// of the wrong kind is an error naming the file, the line and the key.
func ParseConfig(name string, data []byte) (*Config, error) {
	c := &Config{Path: name, lines: map[string]int{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, &ConfigError{Path: name, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(root.Content) > 0 {
		if err := decodeStrict(name, "", root.Content[0], reflect.ValueOf(c).Elem(), c.lines); err != nil {
			return nil, err
		}
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	c.fillDefaults()
	c.warn()
	return c, nil
}

func (c *Config) check() error {
	bad := func(key string, msg string) error {
		return &ConfigError{Path: c.Path, Line: c.lines[key], Msg: key + ": " + msg}
	}
	for key, v := range map[string]int{"length.cap": c.Length.Cap, "length.task_cap": c.Length.TaskCap, "length.comprehensive_cap": c.Length.ComprehensiveCap} {
		if v < 0 {
			return bad(key, "a cap must not be negative (0 means the default, or none for comprehensive_cap)")
		}
	}
	if c.Copy.MinPassage < 0 || (c.Copy.MinPassage > 0 && c.Copy.MinPassage < 8) {
		return bad("copy.min_passage", "must be at least 8 characters")
	}
	for key, v := range map[string]float64{"copy.ratio": c.Copy.Ratio, "copy.coverage": c.Copy.Coverage} {
		if !(v >= 0 && v <= 1) { // written so that .nan is refused too
			return bad(key, "a share between 0 and 1")
		}
	}
	for _, g := range c.Ignore {
		if _, err := path.Match(g, ""); err != nil {
			return bad("ignore", fmt.Sprintf("bad glob %q", g))
		}
	}
	return nil
}

// warn records what is allowed but probably not meant. A special cap
// above the general one is applied as the general one: 第2条 sets the
// special cap lower, and a local rule such as 山东's 3000字 lowers both.
func (c *Config) warn() {
	// length.cap alone below 4000 (山东's 3000) needs no warning: the
	// special cap follows it down, as its user expects.
	if c.Length.Cap > 0 && c.Length.TaskCap > c.Length.Cap && c.lines["length.task_cap"] > 0 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%s：length.task_cap（%d字）大于 length.cap（%d字）：部署专项工作或者具体任务的文件上限不应高于一般上限，按%d字检查；如确需放宽，请同时调高 length.cap",
			c.Location("length.task_cap"), c.Length.TaskCap, c.Length.Cap, c.Length.Cap))
	}
}

// Location is "file:line" of a key in the configuration file ("phrases",
// "rules.length-cap"), or just the file when the line is unknown, for
// errors found after parsing, such as a phrase list that does not load.
func (c *Config) Location(key string) string {
	if n := c.lines[key]; n > 0 {
		return fmt.Sprintf("%s:%d", c.Path, n)
	}
	return c.Path
}

// CheckRules verifies that every rule named in the configuration exists.
func (c *Config) CheckRules(reg *Registry) error {
	keys := make([]string, 0, len(c.Rules))
	for k := range c.Rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		matched := false
		for _, r := range reg.Rules() {
			if ok, _ := path.Match(k, r.ID); ok {
				matched = true
				break
			}
		}
		if !matched {
			return &ConfigError{Path: c.Path, Line: c.lines["rules."+k], Msg: fmt.Sprintf("rules: unknown rule %q (see gwlint rules)", k)}
		}
	}
	return nil
}

// Overrides reports whether the configuration sets rule's severity, by its
// ID or by a glob.
func (c *Config) Overrides(r *Rule) bool {
	if _, ok := c.Rules[r.ID]; ok {
		return true
	}
	for k := range c.Rules {
		if ok, _ := path.Match(k, r.ID); ok {
			return true
		}
	}
	return false
}

// SeverityOf is the severity rule runs at: the most specific override
// (an exact ID beats a glob; a longer glob beats a shorter one), else the
// rule's default.
func (c *Config) SeverityOf(r *Rule) Severity {
	if s, ok := c.Rules[r.ID]; ok {
		return s
	}
	best, sev := -1, r.Severity
	for k, s := range c.Rules {
		if ok, _ := path.Match(k, r.ID); ok && len(k) > best {
			best, sev = len(k), s
		}
	}
	return sev
}

// Ignored reports whether a path matches one of the ignore globs.
func (c *Config) Ignored(p string) bool {
	p = filepath.ToSlash(filepath.Clean(p))
	for _, g := range c.Ignore {
		if globMatch(g, p) {
			return true
		}
	}
	return false
}

// globMatch matches a slash-separated path against a glob in which "**"
// stands for any number of directories.
func globMatch(glob, p string) bool {
	gs, ps := strings.Split(glob, "/"), strings.Split(p, "/")
	// failed remembers the (glob, path) positions already known not to
	// match: without it, a glob of many "**" takes time exponential in
	// their number ("**/**/**/…" over a deep path never finishes).
	failed := make([]bool, (len(gs)+1)*(len(ps)+1))
	var match func(i, j int) bool
	match = func(i, j int) bool {
		for i < len(gs) {
			if gs[i] == "**" {
				for k := j; k <= len(ps); k++ {
					if failed[(i+1)*(len(ps)+1)+k] {
						continue
					}
					if match(i+1, k) {
						return true
					}
					failed[(i+1)*(len(ps)+1)+k] = true
				}
				return false
			}
			if j >= len(ps) {
				return false
			}
			if ok, _ := path.Match(gs[i], ps[j]); !ok {
				return false
			}
			i, j = i+1, j+1
		}
		return j == len(ps)
	}
	// A pattern without a slash matches the base name anywhere.
	if !strings.Contains(glob, "/") {
		ok, _ := path.Match(glob, path.Base(p))
		return ok
	}
	return match(0, 0)
}

// decodeStrict decodes a YAML node into v, refusing keys v has no field
// for. It walks the node tree itself because yaml.v3 only offers
// KnownFields on a Decoder, whose errors do not say which file or key.
func decodeStrict(file, prefix string, n *yaml.Node, v reflect.Value, lines map[string]int) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if v.Kind() == reflect.Struct {
		if n.Kind != yaml.MappingNode {
			return &ConfigError{Path: file, Line: n.Line, Msg: fmt.Sprintf("%s: expected a mapping of keys", nonEmpty(prefix, "configuration"))}
		}
		fields := map[string]reflect.Value{}
		var known []string
		for i := 0; i < v.NumField(); i++ {
			tag := strings.Split(v.Type().Field(i).Tag.Get("yaml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			fields[tag] = v.Field(i)
			known = append(known, tag)
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			name := prefix + key.Value
			if err := duplicateKey(file, name, key, seen); err != nil {
				return err
			}
			f, ok := fields[key.Value]
			if !ok {
				return &ConfigError{Path: file, Line: key.Line, Msg: fmt.Sprintf("unknown key %q (known: %s)", name, strings.Join(known, ", "))}
			}
			lines[name] = key.Line
			if err := decodeStrict(file, name+".", val, f, lines); err != nil {
				return err
			}
		}
		return nil
	}
	if v.Kind() == reflect.Map {
		if n.Kind != yaml.MappingNode {
			return &ConfigError{Path: file, Line: n.Line, Msg: fmt.Sprintf("%s: expected a mapping", strings.TrimSuffix(prefix, "."))}
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			if err := duplicateKey(file, prefix+key.Value, key, seen); err != nil {
				return err
			}
			lines[prefix+key.Value] = key.Line
			elem := reflect.New(v.Type().Elem())
			if err := val.Decode(elem.Interface()); err != nil {
				return &ConfigError{Path: file, Line: val.Line, Msg: fmt.Sprintf("%s%s: %s", prefix, key.Value, valueProblem(val, elem.Elem()))}
			}
			v.SetMapIndex(reflect.ValueOf(key.Value), elem.Elem())
		}
		return nil
	}
	if err := n.Decode(v.Addr().Interface()); err != nil {
		return &ConfigError{Path: file, Line: n.Line, Msg: fmt.Sprintf("%s: %s", strings.TrimSuffix(prefix, "."), valueProblem(n, v))}
	}
	return nil
}

// duplicateKey refuses a key given twice in one mapping: YAML decoders
// keep one of the two silently, and the user meant one of them.
func duplicateKey(file, name string, key *yaml.Node, seen map[string]int) error {
	if first, ok := seen[key.Value]; ok {
		return &ConfigError{Path: file, Line: key.Line, Msg: fmt.Sprintf("key %q given twice (first on line %d)", name, first)}
	}
	seen[key.Value] = key.Line
	return nil
}

// valueProblem says in words what value a key wanted.
func valueProblem(n *yaml.Node, v reflect.Value) string {
	want := v.Kind().String()
	switch {
	case v.Type() == reflect.TypeOf(Severity(0)):
		want = "off, info, warning or error"
	case v.Kind() == reflect.Int:
		want = "a whole number"
	case v.Kind() == reflect.Float64:
		want = "a number"
	case v.Kind() == reflect.Bool:
		want = "true or false"
	case v.Kind() == reflect.Slice:
		want = "a list of strings"
	case v.Kind() == reflect.String:
		want = "a string"
	}
	got := n.Value
	if n.Kind != yaml.ScalarNode {
		got = "a " + map[yaml.Kind]string{yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}[n.Kind]
		return fmt.Sprintf("got %s, want %s", got, want)
	}
	return fmt.Sprintf("bad value %q, want %s", got, want)
}

func nonEmpty(s, alt string) string {
	if s == "" {
		return alt
	}
	return strings.TrimSuffix(s, ".")
}
