package lint

import (
	"errors"
	"fmt"
	"io"
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
	// lines remembers where each key stood, for errors.
	lines map[string]int
	// options are the values of the sections rules declare (NewOptions:
	// "length", "copy"), by declaration; a declaration missing here has
	// its defaults.
	options map[any]any
}

// DefaultConfig is the configuration used when no file is found: every
// rule at its default severity, every option at its default.
func DefaultConfig() *Config {
	return &Config{lines: map[string]int{}}
}

// ConfigError is a configuration problem, located in its file.
type ConfigError struct {
	Path string
	Line int
	Msg  string
	// Err is the underlying error, when there is one (the file could not
	// be read); errors.Is sees through to it.
	Err error
}

// Unwrap is the underlying error, or nil.
func (e *ConfigError) Unwrap() error { return e.Err }

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
	data, err := readConfigFile(file)
	if err != nil {
		return nil, err
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

// MaxConfigBytes caps a configuration file: a .gwlint.yaml is a few
// hundred bytes, and reading /dev/zero or a runaway file must end in an
// error, not in all of memory.
const MaxConfigBytes = 1 << 20

// readConfigFile reads a configuration file that is a regular file of at
// most MaxConfigBytes. A FIFO, a device or a directory is refused before
// it is read, so that it can neither hang nor fill memory.
func readConfigFile(file string) ([]byte, error) {
	// Stat before opening: opening a FIFO waits for a writer.
	if st, err := os.Stat(file); err == nil && !st.Mode().IsRegular() {
		return nil, &ConfigError{Path: file, Msg: "配置文件必须是普通文件（这是" + fileKind(st.Mode()) + "）；请用 --config 指定 .gwlint.yaml 文件"}
	}
	f, err := os.Open(file)
	if err != nil {
		reason := err
		var pe *os.PathError
		if errors.As(err, &pe) {
			reason = pe.Err // the report names the file already
		}
		return nil, &ConfigError{Path: file, Msg: "cannot read configuration: " + reason.Error(), Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &ConfigError{Path: file, Msg: "cannot read configuration: " + err.Error()}
	}
	if !st.Mode().IsRegular() {
		return nil, &ConfigError{Path: file, Msg: "配置文件必须是普通文件（这是" + fileKind(st.Mode()) + "）；请用 --config 指定 .gwlint.yaml 文件"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxConfigBytes+1))
	if err != nil {
		return nil, &ConfigError{Path: file, Msg: "cannot read configuration: " + err.Error()}
	}
	if len(data) > MaxConfigBytes {
		return nil, &ConfigError{Path: file, Msg: fmt.Sprintf("配置文件超过 %d 字节，不像 .gwlint.yaml；请检查 --config 指定的文件", MaxConfigBytes)}
	}
	return data, nil
}

// fileKind names a file that is not a regular one, in Chinese.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "目录"
	case m&os.ModeNamedPipe != 0:
		return "命名管道"
	case m&os.ModeDevice != 0, m&os.ModeCharDevice != 0:
		return "设备文件"
	case m&os.ModeSocket != 0:
		return "套接字"
	}
	return "特殊文件"
}

// ParseConfig reads a configuration from YAML. An unknown key or a value
// of the wrong kind is an error naming the file, the line and the key.
func ParseConfig(name string, data []byte) (*Config, error) {
	c := &Config{Path: name, lines: map[string]int{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, &ConfigError{Path: name, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	var doc *yaml.Node
	if len(root.Content) > 0 {
		doc = root.Content[0]
	}
	// The sections rules declare are read first, so that the Config's own
	// keys are decoded without them.
	rest, err := decodeSections(c, doc)
	if err != nil {
		return nil, err
	}
	if rest != nil {
		if err := decodeStrict(name, "", rest, reflect.ValueOf(c).Elem(), c.lines); err != nil {
			return nil, err
		}
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) check() error {
	bad := func(key string, msg string) error {
		return &ConfigError{Path: c.Path, Line: c.lines[key], Msg: key + ": " + msg}
	}
	for _, g := range c.Ignore {
		if _, err := path.Match(g, ""); err != nil {
			return bad("ignore", fmt.Sprintf("bad glob %q", g))
		}
	}
	return nil
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
		if prefix == "" && v.Type() == reflect.TypeOf(Config{}) {
			// The sections rules declare are keys of the file too.
			known = append(known, sectionNames()...)
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
