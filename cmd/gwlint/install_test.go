package main

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
)

func TestVersionFromBuildInfo(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name                string
		info                *debug.BuildInfo
		stampV, stampC, stD string
		want                buildVersion
	}{
		{"no build info", nil, "", "", "", buildVersion{Version: lint.Version}},
		{"checkout, -buildvcs=false", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "", "", "", buildVersion{Version: lint.Version}},
		{"checkout with vcs stamp", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "0123456789abcdef0123", "vcs.time", "2026-12-01T08:00:00Z", "vcs.modified", "true")},
			"", "", "", buildVersion{Version: lint.Version, Commit: "0123456789abcdef0123", Date: "2026-12-01T08:00:00Z", Modified: true}},
		{"go install module@v0.2.0", &debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}}, "", "", "", buildVersion{Version: "0.2.0"}},
		{"release script stamp wins", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("vcs.revision", "ffff")},
			"v0.1.0", "abcd", "2026-12-02T00:00:00Z", buildVersion{Version: "0.1.0", Commit: "abcd", Date: "2026-12-02T00:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionFrom(tt.info, tt.stampV, tt.stampC, tt.stD); got != tt.want {
				t.Errorf("versionFrom = %+v, want %+v", got, tt.want)
			}
		})
	}
	s := buildVersion{Version: "0.1.0", Commit: "0123456789abcdef0123", Date: "2026-12-01T08:00:00Z"}.String()
	for _, want := range []string{"0.1.0", "提交 0123456789ab", "2026-12-01T08:00:00Z", runtime.GOOS + "/" + runtime.GOARCH} {
		if !strings.Contains(s, want) {
			t.Errorf("version line %q lacks %q", s, want)
		}
	}
	if s := (buildVersion{Version: "0.1.0"}).String(); !strings.Contains(s, "提交未知") {
		t.Errorf("version line without a commit = %q, want it to say 提交未知", s)
	}
}

func TestHelpCommand(t *testing.T) {
	out, errs, code := gwlint(t, "", "help")
	if code != 0 || !strings.Contains(out, "check") || !strings.Contains(out, "init") {
		t.Fatalf("gwlint help: code %d, stdout %q, stderr %q", code, out, errs)
	}
	out, _, code = gwlint(t, "", "help", "check")
	if code != 0 || !strings.Contains(out, "--quiet") {
		t.Errorf("gwlint help check: code %d, stdout %q", code, out)
	}
}

func TestQuietLeavesOutSummary(t *testing.T) {
	loud, _, code := gwlint(t, "", "check", "--parent", exampleParent, example)
	if code != 1 {
		t.Fatalf("exit code %d, want 1", code)
	}
	quiet, _, code := gwlint(t, "", "check", "--quiet", "--parent", exampleParent, example)
	if code != 1 {
		t.Fatalf("--quiet changed the exit code to %d", code)
	}
	summary := ""
	for _, l := range strings.Split(strings.TrimSpace(loud), "\n") {
		if strings.HasPrefix(l, example+": ") {
			summary = l
		}
	}
	if summary == "" {
		t.Fatalf("the ordinary report has no summary line:\n%s", loud)
	}
	if strings.Contains(quiet, summary) {
		t.Errorf("--quiet still prints the summary %q", summary)
	}
	want := strings.Replace(loud, summary+"\n", "", 1)
	if i := strings.LastIndex(strings.TrimSuffix(want, "\n"), "\n"); i < 0 || !strings.HasPrefix(want[i+1:], "共检查 1 个文件") {
		t.Fatalf("the ordinary report does not end with the closing line:\n%s", loud)
	} else {
		want = want[:i+1]
	}
	if quiet != want {
		t.Errorf("--quiet should drop only the summary and closing lines\n--- got:\n%s\n--- want:\n%s", quiet, want)
	}
}

func TestInitWritesLoadableConfig(t *testing.T) {
	dir := t.TempDir()
	_, errs, code := gwlint(t, "", "init", dir)
	if code != 0 {
		t.Fatalf("init: code %d, stderr %s", code, errs)
	}
	path := filepath.Join(dir, lint.ConfigFileName)
	cfg, err := lint.LoadConfig(path)
	if err != nil {
		t.Fatalf("the written configuration does not load: %v", err)
	}
	if _, err := lint.NewChecker(rules.All(), cfg); err != nil {
		t.Fatalf("the written configuration is refused by the checker: %v", err)
	}
	// Every value it writes is the default, so writing it changes nothing.
	def := lint.DefaultConfig()
	if rules.Length.Of(cfg) != rules.Length.Of(def) || lint.CopyAlign.Of(cfg) != lint.CopyAlign.Of(def) || rules.CopyRatioThresholds.Of(cfg) != rules.CopyRatioThresholds.Of(def) ||
		rules.Quotation.Of(cfg) != rules.Quotation.Of(def) || len(cfg.Rules) != 0 || len(cfg.Parents) != 0 || cfg.Library != "" {
		t.Errorf("init wrote non-default settings: %+v", cfg)
	}
	// Every key of the configuration is in it, explained: the keys are
	// read from the Config type, so a new key without its line fails.
	data, _ := os.ReadFile(path)
	var keys func(reflect.Type)
	keys = func(typ reflect.Type) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !regexp.MustCompile(`(?m)^\s*` + name + `:`).Match(data) {
				t.Errorf("the written file lacks %s", name)
			}
			if f.Type.Kind() == reflect.Struct {
				keys(f.Type)
			}
		}
	}
	keys(reflect.TypeOf(lint.Config{}))
	// And every key of the sections rules declare.
	_, sections := lint.OptionSections()
	for _, docs := range sections {
		for _, d := range docs {
			_, key, _ := strings.Cut(d.Key, ".")
			if !regexp.MustCompile(`(?m)^\s*` + key + `:`).Match(data) {
				t.Errorf("the written file lacks %s", d.Key)
			}
		}
	}

	// A second init refuses and leaves the file alone.
	os.WriteFile(path, []byte("rules: {}\n"), 0o644)
	_, errs, code = gwlint(t, "", "init", dir)
	if code != 2 || !strings.Contains(errs, "已存在") {
		t.Errorf("init over an existing file: code %d, stderr %q; want 2 and a refusal", code, errs)
	}
	if data, _ := os.ReadFile(path); string(data) != "rules: {}\n" {
		t.Errorf("init overwrote an existing configuration: %q", data)
	}
}

func TestRulesTableWraps(t *testing.T) {
	for _, width := range []int{80, 100, 160} {
		out, _, code := gwlint(t, "", "rules", "--width", strconv.Itoa(width))
		if code != 0 {
			t.Fatalf("rules: code %d", code)
		}
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if !strings.HasPrefix(lines[0], "rule") || !strings.Contains(lines[0], "default") || strings.Index(lines[0], "source") > strings.Index(lines[0], "what it finds") {
			t.Errorf("width %d: header %q, want rule, default, source, what it finds", width, lines[0])
		}
		for _, l := range lines {
			if w := displayWidth(l); w > width {
				t.Errorf("width %d: line of %d columns: %q", width, w, l)
			}
		}
		// Every rule starts a line, and every word of its description
		// survives the wrapping.
		var all strings.Builder
		for _, l := range lines {
			all.WriteString(strings.ReplaceAll(l, " ", ""))
		}
		for _, r := range rules.All().Rules() {
			if !strings.Contains(out, "\n"+r.ID+" ") {
				t.Errorf("width %d: no line starts with %s", width, r.ID)
			}
			if !strings.Contains(all.String(), strings.ReplaceAll(r.Doc, " ", "")[:9]) {
				t.Errorf("width %d: the description of %s is lost", width, r.ID)
			}
		}
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want []string
	}{
		{"短", 10, []string{"短"}},
		{"一二三四五六", 6, []string{"一二三", "四五六"}},
		{"一二三，四五", 6, []string{"一二", "三，四", "五"}}, // a comma never starts a line
		{"GB/T 9704—2012 7.3.2", 10, []string{"GB/T", "9704—2012", "7.3.2"}},
		{"", 10, []string{""}},
	}
	for _, tt := range tests {
		got := wrapText(tt.in, tt.w)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

func TestDoubleClickDecision(t *testing.T) {
	tests := []struct {
		goos       string
		args       []string
		ownConsole bool
		want       bool
	}{
		{"windows", []string{`C:\gwlint.exe`}, true, true},                   // Explorer, a shortcut
		{"windows", []string{`C:\gwlint.exe`}, false, false},                 // typed in cmd.exe: usage
		{"windows", []string{`C:\gwlint.exe`, "check", "a.md"}, true, false}, // a shortcut with arguments
		{"linux", []string{"gwlint"}, true, false},
		{"darwin", []string{"gwlint"}, true, false},
	}
	for _, tt := range tests {
		if got := doubleClicked(tt.goos, tt.args, tt.ownConsole); got != tt.want {
			t.Errorf("doubleClicked(%s, %q, %v) = %v, want %v", tt.goos, tt.args, tt.ownConsole, got, tt.want)
		}
	}
	if startedFromExplorer() && runtime.GOOS != "windows" {
		t.Error("startedFromExplorer is true outside Windows")
	}
}

// TestBashCompletion sources the script of gwlint completion bash in a real
// bash and completes as a user pressing Tab would.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	if testing.Short() {
		t.Skip("builds gwlint")
	}
	bin := buildGwlint(t)
	script, _, code := gwlint(t, "", "completion", "bash")
	if code != 0 {
		t.Fatal("completion bash failed")
	}
	complete := func(words ...string) string {
		src := script + "\nCOMP_WORDS=(" + shellWords(words) + "); COMP_CWORD=" + strconv.Itoa(len(words)-1) + "; _gwlint_complete; printf '%s\\n' \"${COMPREPLY[@]}\"\n"
		cmd := exec.Command(bash, "--norc", "-c", src)
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("bash: %v\n%s", err, out)
		}
		return string(out)
	}
	if got := complete("gwlint", "ch"); strings.TrimSpace(got) != "check" {
		t.Errorf("gwlint ch<Tab> = %q, want check", got)
	}
	if got := complete("gwlint", ""); !strings.Contains(got, "serve") || !strings.Contains(got, "library") {
		t.Errorf("gwlint <Tab> = %q, want the commands", got)
	}
	if got := complete("gwlint", "check", "--fa"); strings.TrimSpace(got) != "--fail-level" {
		t.Errorf("gwlint check --fa<Tab> = %q, want --fail-level", got)
	}
	if _, errs, code := gwlint(t, "", "completion", "tcsh"); code != 2 || errs == "" {
		t.Errorf("completion tcsh: code %d, want 2 with a message", code)
	}
}

func shellWords(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + w + "'"
	}
	return strings.Join(q, " ")
}

// TestGoInstallFromCheckout is the README's first install route: go install
// ./cmd/gwlint in a checkout puts a working gwlint in GOBIN.
func TestGoInstallFromCheckout(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go install")
	}
	gobin := t.TempDir()
	cmd := exec.Command("go", "install", "./cmd/gwlint")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install ./cmd/gwlint: %v\n%s", err, out)
	}
	checkInstalled(t, filepath.Join(gobin, "gwlint"+exeSuffix()), lint.Version)
}

// TestGoInstallModulePath is the README's second route, go install
// github.com/gwlint/gwlint/cmd/gwlint@vX, run against a module proxy on
// disk that serves this checkout's tracked files as the release: exactly
// what proxy.golang.org serves once the tag is pushed. Dependencies come
// from the module cache, so no network is needed.
func TestGoInstallModulePath(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go install")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	ls.Dir = "../.."
	out, err := ls.Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	version := "v" + lint.Version
	proxy := t.TempDir()
	at := filepath.Join(proxy, "github.com", "gwlint", "gwlint", "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(at, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	write("list", version+"\n")
	write(version+".info", `{"Version":"`+version+`","Time":"2026-12-01T00:00:00Z"}`)
	write(version+".mod", string(gomod))
	zf, err := os.Create(filepath.Join(at, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join("../..", name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create("github.com/gwlint/gwlint@" + version + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zf.Close()

	// A module cache of its own, so that this stand-in for the release
	// never lands in the user's cache; the dependencies are served from
	// the user's cache, which is itself a valid proxy.
	realCache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	modcache := t.TempDir()
	t.Cleanup(func() {
		// The module cache is read-only; go clean is what empties it.
		clean := exec.Command("go", "clean", "-modcache")
		clean.Env = append(os.Environ(), "GOMODCACHE="+modcache)
		clean.Run()
	})
	gobin := t.TempDir()
	for _, query := range []string{version, "latest"} {
		cmd := exec.Command("go", "install", "github.com/gwlint/gwlint/cmd/gwlint@"+query)
		cmd.Dir = t.TempDir()
		cmd.Env = append(os.Environ(), "GOBIN="+gobin, "GOMODCACHE="+modcache, "GOSUMDB=off", "GOFLAGS=-mod=mod", "GOWORK=off",
			"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(filepath.Join(strings.TrimSpace(string(realCache)), "cache", "download")))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go install …@%s: %v\n%s", query, err, out)
		}
		checkInstalled(t, filepath.Join(gobin, "gwlint"+exeSuffix()), lint.Version)
	}
}

// TestReleaseScript is the third route: the release script builds a
// binary whose checksum sha256sum -c accepts and whose version line names
// the version and the commit it was built from.
func TestReleaseScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release binary")
	}
	for _, tool := range []string{"bash", "git", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	head, err := exec.Command("git", "-C", "../..", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	out := t.TempDir()
	target := runtime.GOOS + "/" + runtime.GOARCH
	cmd := exec.Command("bash", "scripts/release.sh", lint.Version, out)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GWLINT_TARGETS="+target)
	if log, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("release.sh: %v\n%s", err, log)
	}
	verify := exec.Command("sha256sum", "-c", "SHA256SUMS")
	verify.Dir = out
	if log, err := verify.CombinedOutput(); err != nil || !strings.Contains(string(log), ": OK") {
		t.Fatalf("sha256sum -c SHA256SUMS: %v\n%s", err, log)
	}
	name := "gwlint_" + lint.Version + "_" + runtime.GOOS + "_" + runtime.GOARCH + exeSuffix()
	line := checkInstalled(t, filepath.Join(out, name), lint.Version)
	if !strings.Contains(line, "提交 "+string(head[:12])) {
		t.Errorf("the release binary's version line %q does not name commit %s", line, head[:12])
	}

	// A damaged download fails the check.
	f, err := os.OpenFile(filepath.Join(out, name), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte{0})
	f.Close()
	verify = exec.Command("sha256sum", "-c", "SHA256SUMS")
	verify.Dir = out
	if err := verify.Run(); err == nil {
		t.Error("sha256sum -c accepts a damaged binary")
	}

	// A version that is not lint.Version is refused.
	bad := exec.Command("bash", "scripts/release.sh", "9.9.9", t.TempDir())
	bad.Dir = "../.."
	if err := bad.Run(); err == nil {
		t.Error("release.sh built a version that lint.Version does not say")
	}
}

func checkInstalled(t *testing.T, bin, version string) string {
	t.Helper()
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "gwlint "+version) {
		t.Fatalf("%s version: %v, %q", bin, err, out)
	}
	return string(out)
}

func exeSuffix() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}
