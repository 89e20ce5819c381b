package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/library"
	"github.com/gwlint/gwlint/lint/read"
	"github.com/gwlint/gwlint/lint/report"
	"github.com/gwlint/gwlint/lint/rules"
	"github.com/gwlint/gwlint/lint/web"
)

// The hostile-input suite: whatever a user (or an attacker handing them a
// file) puts beside a draft, gwlint answers quickly, within bounded memory,
// with an exit code of the contract and a message naming the file and the
// reason, and still lints the good draft given with it.

const (
	// hostileDeadline is how long one case may take, in-process or as a
	// subprocess. Every case is refused or read in well under a second;
	// the margin is for the race detector and a loaded machine.
	hostileDeadline = 20 * time.Second
	// hostileMaxRSS is the peak resident memory allowed the subprocess.
	hostileMaxRSS = 300 << 20
)

// goodDraft has a half-width comma between Han characters, so that its
// punct-halfwidth finding shows that it was linted.
const goodDraft = "关于做好安全生产工作的通知\n\n各区县,各部门：\n    请认真落实安全生产责任。\n"

type hostileCase struct {
	name string
	// make writes the hostile input under dir and returns the path to
	// give gwlint (a file, or a directory to walk).
	make func(t *testing.T, dir string) string
	// reason must match the report's error for the input; "" when the
	// input is acceptable and must be linted without an error.
	reason string
	// errPath, when set, is the file (relative to dir) that carries the
	// error, for inputs that are directories.
	errPath string
	// unprivileged runs the subprocess as nobody and skips the
	// in-process run when the test runs as root.
	unprivileged bool
}

func hostileCases() []hostileCase {
	write := func(name string, data []byte) func(*testing.T, string) string {
		return func(t *testing.T, dir string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	gen := func(name string, f func() []byte) func(*testing.T, string) string {
		return func(t *testing.T, dir string) string { return write(name, f())(t, dir) }
	}
	return []hostileCase{
		{name: "random bytes", make: gen("random.txt", func() []byte {
			b := make([]byte, 256<<10)
			rand.New(rand.NewSource(1)).Read(b)
			return b
		}), reason: `(字节是NUL，这是二进制文件|无法识别文字编码)`},
		{name: "NUL in text", make: write("nul.txt", []byte("关于做好工作的通知\n各部门：\x00请落实。\n")),
			reason: `第\d+字节是NUL，这是二进制文件`},
		{name: "empty file", make: write("empty.txt", nil), reason: `文件是空的`},
		{name: "20 MB text", make: gen("big.txt", func() []byte {
			return bytes.Repeat([]byte("各地区各部门要认真贯彻落实党中央决策部署，切实做好相关工作。\n"), 20<<20/88+1)
		}), reason: `文件大小为20\.\d MiB，超过2 MiB的上限`},
		// The largest draft accepted, every line with a finding: the
		// memory bound must hold for it too.
		{name: "2 MB text, a finding a line", make: gen("large.txt", func() []byte {
			line := []byte("各地区各部门要认真贯彻落实党中央决策部署,切实做好相关工作。\n")
			return bytes.Repeat(line, (2<<20-1000)/len(line))
		})},
		// A finding on every other character took 1.4–2.0 GiB; findings
		// are now capped per rule, with one saying how many were left out.
		{name: "2 MB text, a finding every other character", make: gen("every.txt", func() []byte {
			return append([]byte("关于做好工作的通知\n\n各部门：\n"), bytes.Repeat([]byte("中,"), (2<<20-100)/4)...)
		})},
		{name: "10 MB single line", make: gen("line.md", func() []byte {
			return bytes.Repeat([]byte("各地区各部门要认真贯彻落实党中央决策部署"), 10<<20/57+1)
		}), reason: `文件大小为10\.\d MiB，超过2 MiB的上限`},
		{name: "Markdown nested 100,000 deep", make: gen("deep.md", func() []byte {
			return []byte(strings.Repeat(">", 100000) + " 正文\n")
		}), reason: `Markdown第1行嵌套了100000层引用和列表`},
		{name: "Markdown lists nested 100,000 deep", make: gen("lists.md", func() []byte {
			return []byte(strings.Repeat("- ", 100000) + "正文\n")
		}), reason: `.*嵌套了100000层`},
		// 2 MiB of "[" took 961 MiB, "*a" a million times 741 MiB.
		{name: "Markdown of 2 MB of [", make: gen("brackets.md", func() []byte {
			return append([]byte("关于做好工作的通知\n\n"), bytes.Repeat([]byte("["), 2<<20-100)...)
		}), reason: `超过10000个“\[”或强调符号`},
		{name: "Markdown of a million *a", make: gen("stars.md", func() []byte {
			return append([]byte("关于做好工作的通知\n\n"), bytes.Repeat([]byte("*a"), 1000000)...)
		}), reason: `超过10000个“\[”或强调符号`},
		{name: "broken BOM", make: write("bom.txt", append([]byte{0xEF, 0xBB, 0xBF}, []byte("关于\xff\xfe通知\n")...)),
			reason: `文件以UTF-8的BOM开头，但第9字节起不是合法的UTF-8`},
		{name: "neither UTF-8 nor GB18030", make: write("mojibake.txt", bytes.Repeat([]byte("\xff\xfe\xfd abc \x80"), 100)[2:]),
			reason: `既不是UTF-8、UTF-16，也不是GB18030`},
		{name: "docx zip bomb", make: func(t *testing.T, dir string) string {
			bombOnce.Do(func() { bomb = zipBomb(t, 300<<20) })
			return write("bomb.docx", bomb)(t, dir)
		}, reason: `word/document\.xml解压后超过64 MiB的上限`},
		{name: "docx billion laughs", make: func(t *testing.T, dir string) string {
			return write("laughs.docx", docxWith(t, "word/document.xml", billionLaughs))(t, dir)
		}, reason: `word/document\.xml含有Word从不写入的DOCTYPE声明`},
		// encoding/xml materializes every attribute of an element: 13M
		// attributes on one element took 2.6 GiB. The part is now refused
		// while it inflates.
		{name: "docx with millions of attributes on one element", make: func(t *testing.T, dir string) string {
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p`)
			for i := 0; i < 3_000_000; i++ {
				b.WriteString(` a="1"`)
			}
			b.WriteString(`/></w:body></w:document>`)
			return write("attrs.docx", docxWith(t, "word/document.xml", b.String()))(t, dir)
		}, reason: `XML元素带有超过1000个属性`},
		// Each paragraph read costs about a kilobyte: a million empty
		// <w:p/> took 904 MB. Parts with more paragraphs than any 公文 are
		// refused while they are read.
		{name: "docx with a million empty paragraphs", make: func(t *testing.T, dir string) string {
			body := `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
				strings.Repeat(`<w:p/>`, 1_000_000) + `<w:p><w:r><w:t>关于</w:t></w:r></w:p></w:body></w:document>`
			return write("paragraphs.docx", docxWith(t, "word/document.xml", body))(t, dir)
		}, reason: `段落超过100000个`},
		{name: "docx without document.xml", make: func(t *testing.T, dir string) string {
			return write("empty.docx", docxWith(t, "word/other.xml", "<x/>"))(t, dir)
		}, reason: `缺少word/document\.xml`},
		{name: "truncated docx", make: func(t *testing.T, dir string) string {
			d := docxWith(t, "word/document.xml", docxDocument("关于做好工作的通知", "各部门：请落实。"))
			return write("cut.docx", d[:len(d)*2/3])(t, dir)
		}, reason: `该文件已损坏，不是完整的Word文档`},
		{name: "doc whose directory sector chain loops", make: func(t *testing.T, dir string) string {
			d, err := os.ReadFile("../../testdata/office/notice.doc")
			must(t, err)
			// The FAT entry of the first directory sector points at itself.
			fat := binary.LittleEndian.Uint32(d[76:])
			start := binary.LittleEndian.Uint32(d[48:])
			binary.LittleEndian.PutUint32(d[(fat+1)*512+4*start:], start)
			return write("loop.doc", d)(t, dir)
		}, reason: `复合文档结构已损坏`},
		{name: "scanned PDF", make: func(t *testing.T, dir string) string {
			d, err := os.ReadFile("../../testdata/office/scan.pdf")
			must(t, err)
			return write("scan.pdf", d)(t, dir)
		}, reason: `无法读取：这是扫描版PDF，没有文字层`},
		{name: "PDF stream bomb", make: func(t *testing.T, dir string) string {
			return write("bomb.pdf", pdfStreamBomb(t, 200<<20))(t, dir)
		}, reason: `解压后超过64 MiB的上限`},
		{name: "OFD zip bomb", make: func(t *testing.T, dir string) string {
			return write("bomb.ofd", ofdZipBomb(t, 300<<20))(t, dir)
		}, reason: `该OFD文件解压后超过64 MiB的上限（可能是压缩炸弹）`},
		{name: "directory of unreadable drafts", make: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "drafts")
			must(t, os.Mkdir(p, 0o755))
			must(t, os.WriteFile(filepath.Join(p, "old.wps"), []byte("\x00\x01WPS\x00旧格式"), 0o644))
			must(t, os.WriteFile(filepath.Join(p, "sheet.xls"), []byte("not read"), 0o644))
			return p
		}, errPath: "drafts/old.wps", reason: `该\.wps文件不是可读取的格式`},
		{name: "directory with nothing gwlint reads", make: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "photos")
			must(t, os.Mkdir(p, 0o755))
			must(t, os.WriteFile(filepath.Join(p, "scan.jpg"), []byte{0xFF, 0xD8, 0xFF}, 0o644))
			return p
		}, errPath: "photos", reason: `该目录中没有gwlint能读取的文稿`},
		{name: "directory with a symlink loop and a FIFO", make: func(t *testing.T, dir string) string {
			tree := filepath.Join(dir, "tree")
			must(t, os.MkdirAll(filepath.Join(tree, "sub"), 0o755))
			must(t, os.Symlink("loop.txt", filepath.Join(tree, "loop.txt")))
			must(t, os.Symlink("..", filepath.Join(tree, "sub", "up")))
			must(t, os.Symlink(tree, filepath.Join(tree, "sub", "root.md")))
			if err := syscall.Mkfifo(filepath.Join(tree, "sub", "pipe.txt"), 0o644); err != nil {
				t.Fatalf("mkfifo: %v", err)
			}
			must(t, os.WriteFile(filepath.Join(tree, "sub", "good.txt"), []byte(goodDraft), 0o644))
			return tree
		}, errPath: "tree/loop.txt", reason: `too many levels of symbolic links`},
		{name: "FIFO named on the command line", make: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "pipe.md")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatalf("mkfifo: %v", err)
			}
			return p
		}, reason: `这是命名管道，不是普通文件`},
		{name: "directory named like a file", make: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "folder.txt")
			must(t, os.Mkdir(p, 0o755))
			// A directory is walked: an empty one yields nothing, so put an
			// unreadable-as-text "draft" in it to keep the case an error.
			must(t, os.WriteFile(filepath.Join(p, "x.docx"), []byte("not a zip"), 0o644))
			return p
		}, errPath: "folder.txt/x.docx", reason: `该\.docx文件不是Word文档`},
		{name: "file without read permission", make: func(t *testing.T, dir string) string {
			p := write("secret.txt", []byte(goodDraft))(t, dir)
			must(t, os.Chmod(p, 0))
			return p
		}, reason: `没有读取权限`, unprivileged: true},
	}
}

// TestHostileInputs runs every case in-process through run().
func TestHostileInputs(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.unprivileged && os.Geteuid() == 0 {
				t.Skip("root reads any file; TestHostileInputsBinary runs this case as nobody through setpriv")
			}
			dir := hostileDir(t)
			bad := c.make(t, dir)
			good := filepath.Join(dir, "good.txt")
			must(t, os.WriteFile(good, []byte(goodDraft), 0o644))

			type outcome struct {
				stdout, stderr string
				code           int
			}
			done := make(chan outcome, 1)
			start := time.Now()
			go func() {
				var out, errb bytes.Buffer
				code := run([]string{"gwlint", "check", "--format", "json", bad, good}, strings.NewReader(""), &out, &errb)
				done <- outcome{out.String(), errb.String(), code}
			}()
			var o outcome
			select {
			case o = <-done:
			case <-time.After(hostileDeadline):
				t.Fatalf("no answer within %v", hostileDeadline)
			}
			t.Logf("answered in %v", time.Since(start).Round(time.Millisecond))
			checkHostileOutcome(t, c, dir, bad, good, o.stdout, o.stderr, o.code)

			// The text format names the file and the reason too.
			var out, errb bytes.Buffer
			code := run([]string{"gwlint", "check", "--no-color", bad, good}, strings.NewReader(""), &out, &errb)
			if code != o.code {
				t.Errorf("text format exit %d, json exit %d", code, o.code)
			}
			if c.reason != "" && !regexp.MustCompile(c.reason).MatchString(out.String()) {
				t.Errorf("text output does not match %q:\n%s", c.reason, out.String())
			}
		})
	}
}

// TestHostileInputsBinary runs every case through the built binary, under
// a deadline, and measures its peak memory.
func TestHostileInputsBinary(t *testing.T) {
	bin := buildGwlint(t)
	rss := buildRSSWrapper(t)
	setpriv, _ := exec.LookPath("setpriv")
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			var prefix []string
			if c.unprivileged && os.Geteuid() == 0 {
				if setpriv == "" {
					t.Skip("running as root without setpriv: cannot take away read permission from root")
				}
				prefix = []string{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"}
			}
			dir := hostileDir(t)
			bad := c.make(t, dir)
			good := filepath.Join(dir, "good.txt")
			must(t, os.WriteFile(good, []byte(goodDraft), 0o644))

			ctx, cancel := context.WithTimeout(context.Background(), hostileDeadline)
			defer cancel()
			usage := filepath.Join(dir, "usage")
			argv := append(append([]string{rss, usage}, prefix...), bin, "check", "--format", "json", bad, good)
			cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			start := time.Now()
			cmd.Run()
			elapsed := time.Since(start)
			if ctx.Err() != nil {
				t.Fatalf("no answer within %v", hostileDeadline)
			}
			var code int
			var rss int64
			b, err := os.ReadFile(usage)
			if err != nil {
				t.Fatalf("the measuring wrapper failed: %v\n%s", err, errb.String())
			}
			if _, err := fmt.Sscan(string(b), &code, &rss); err != nil {
				t.Fatalf("usage %q: %v", b, err)
			}
			rss <<= 10 // ru_maxrss is in KiB on Linux
			t.Logf("answered in %v, peak RSS %d MiB", elapsed.Round(time.Millisecond), rss>>20)
			if rss > hostileMaxRSS {
				t.Errorf("peak RSS %d MiB, over %d MiB", rss>>20, hostileMaxRSS>>20)
			}
			checkHostileOutcome(t, c, dir, bad, good, out.String(), errb.String(), code)
		})
	}
}

// checkHostileOutcome checks one run: exit code, the bad file's error in
// the report, the good file's findings, and no panic.
func checkHostileOutcome(t *testing.T, c hostileCase, dir, bad, good, stdout, stderr string, code int) {
	t.Helper()
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "internal error") {
		t.Fatalf("crashed:\n%s", stderr)
	}
	var rep struct {
		Files []struct {
			Path     string `json:"path"`
			Error    string `json:"error"`
			Findings []struct {
				Rule string `json:"rule"`
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("report is not JSON (%v); exit %d, stderr:\n%s\nstdout:\n%.2000s", err, code, stderr, stdout)
	}
	errPath := bad
	if c.errPath != "" {
		errPath = filepath.Join(dir, c.errPath)
	}
	goodSeen, errSeen := false, false
	for _, f := range rep.Files {
		switch {
		case f.Path == good || (c.errPath != "" && strings.HasSuffix(f.Path, "good.txt")):
			goodSeen = true
			if f.Error != "" {
				t.Errorf("good file %s has an error: %s", f.Path, f.Error)
			}
			found := false
			for _, x := range f.Findings {
				found = found || x.Rule == "punct-halfwidth"
			}
			if !found {
				t.Errorf("good file %s was not linted: no punct-halfwidth finding in %+v", f.Path, f.Findings)
			}
		case f.Path == errPath:
			errSeen = true
			if c.reason == "" {
				if f.Error != "" {
					t.Errorf("%s: unexpected error %q", f.Path, f.Error)
				}
				continue
			}
			if !regexp.MustCompile(c.reason).MatchString(f.Error) {
				t.Errorf("%s: error %q does not match %q", f.Path, f.Error, c.reason)
			}
		case f.Error != "" && c.errPath == "":
			t.Errorf("unexpected error for %s: %s", f.Path, f.Error)
		}
	}
	if !goodSeen {
		t.Errorf("good file missing from the report: %s", stdout)
	}
	if !errSeen {
		t.Errorf("%s missing from the report: %s", errPath, stdout)
	}
	want := 1 // the good draft's error-level finding
	if c.reason != "" {
		want = 2
	}
	if code != want {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, want, stderr)
	}
}

// hostileDir is a fresh directory that an unprivileged user can enter.
func hostileDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "gwlint-hostile-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Give back permissions taken away so that removal works.
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				os.Chmod(p, 0o644)
			}
			return nil
		})
		os.RemoveAll(dir)
	})
	must(t, os.Chmod(dir, 0o755))
	return dir
}

// buildGwlint builds the command into a directory anyone can execute from.
func buildGwlint(t *testing.T) string {
	t.Helper()
	dir := hostileDir(t)
	bin := filepath.Join(dir, "gwlint")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// rssWrapper runs a command and writes its exit code and peak RSS (KiB)
// to a file. The test cannot measure gwlint directly: Linux carries the
// parent's peak RSS into a child through exec (ru_maxrss keeps the old
// address space's high-water mark), so a child of a large test process
// reports the test's peak, not its own. This small process is the parent
// instead.
const rssWrapper = `package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "rsswrapper:", err)
		os.Exit(125)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	code := cmd.ProcessState.ExitCode()
	if code < 0 {
		code = 128 + int(cmd.ProcessState.Sys().(syscall.WaitStatus).Signal())
	}
	os.WriteFile(os.Args[1], []byte(fmt.Sprintf("%d %d\n", code, ru.Maxrss)), 0o644)
	os.Exit(code)
}
`

func buildRSSWrapper(t *testing.T) string {
	t.Helper()
	dir := hostileDir(t)
	src := filepath.Join(dir, "rsswrapper.go")
	must(t, os.WriteFile(src, []byte(rssWrapper), 0o644))
	bin := filepath.Join(dir, "rsswrapper")
	cmd := exec.Command("go", "build", "-o", bin, src)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the RSS wrapper: %v\n%s", err, out)
	}
	return bin
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	// billionLaughs defines ten levels of entities, each ten of the one
	// below: expanded, &lol9; is a billion "lol"s.
	billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE w:document [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`
)

// docxDocument is a minimal word/document.xml with one paragraph a line.
func docxDocument(lines ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, l := range lines {
		fmt.Fprintf(&b, `<w:p><w:r><w:t>%s</w:t></w:r></w:p>`, l)
	}
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// docxWith is a .docx package whose part name holds body.
func docxWith(t *testing.T, name, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{{"[Content_Types].xml", docxContentTypes}, {"_rels/.rels", docxRels}, {name, body}} {
		w, err := zw.Create(p[0])
		must(t, err)
		_, err = io.WriteString(w, p[1])
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// bomb is made once for both hostile tests: compressing 300 MB takes a
// while under the race detector.
var (
	bombOnce sync.Once
	bomb     []byte
)

// zipBomb is a .docx whose document.xml inflates to size bytes: an
// opening tag, then spaces, compressed to a few hundred KB.
func zipBomb(t *testing.T, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{{"[Content_Types].xml", docxContentTypes}, {"_rels/.rels", docxRels}} {
		w, err := zw.Create(p[0])
		must(t, err)
		_, err = io.WriteString(w, p[1])
		must(t, err)
	}
	w, err := zw.Create("word/document.xml")
	must(t, err)
	head := `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`
	_, err = io.WriteString(w, head)
	must(t, err)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := len(head); n < size; n += len(chunk) {
		_, err = w.Write(chunk)
		must(t, err)
	}
	must(t, zw.Close())
	if buf.Len() > 2<<20 {
		t.Fatalf("zip bomb is %d bytes compressed", buf.Len())
	}
	return buf.Bytes()
}

// ofdZipBomb is an OFD whose one page inflates to size bytes.
func ofdZipBomb(t *testing.T, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{
		{"OFD.xml", `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`},
		{"Doc_0/Document.xml", `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`},
	} {
		w, err := zw.Create(p[0])
		must(t, err)
		_, err = io.WriteString(w, p[1])
		must(t, err)
	}
	w, err := zw.Create("Doc_0/Pages/Page_0/Content.xml")
	must(t, err)
	_, err = io.WriteString(w, `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1"><ofd:TextObject Boundary="0 0 1 1" Size="1"><ofd:TextCode X="0" Y="0">`)
	must(t, err)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for n := 0; n < size; n += len(chunk) {
		_, err = w.Write(chunk)
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// TestParallelCheckIsDeterministic: checking many files at once gives the
// same report, byte for byte, as checking them one at a time, with
// parent documents and with a parent library (both shared between the
// goroutines).
func TestParallelCheckIsDeterministic(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "corpus")
	var drafts []string
	for _, tgt := range lint.ExpandPaths([]string{root}, nil) {
		if tgt.Err != nil {
			t.Fatal(tgt.Err)
		}
		drafts = append(drafts, tgt.Path)
	}
	// Every third file (every ninth under -short, for the race detector)
	// keeps all the corpus directories while bounding the time.
	stride := 3
	if testing.Short() {
		stride = 9
	}
	var picked []string
	for i := 0; i < len(drafts); i += stride {
		picked = append(picked, drafts[i])
	}
	drafts = picked
	parentFiles, err := filepath.Glob(filepath.Join(root, "pairs", "*_parent_*.txt"))
	if err != nil || len(parentFiles) < 5 {
		t.Fatalf("parents: %v %v", parentFiles, err)
	}
	libDir := filepath.Join(t.TempDir(), "lib")
	lib, err := library.Open(libDir, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parentFiles {
		doc, err := lint.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := lib.Add(lint.LibraryDoc(doc)); err != nil {
			t.Fatal(err)
		}
	}
	must(t, lib.Close())

	for _, setup := range []string{"parents", "library"} {
		t.Run(setup, func(t *testing.T) {
			reportFor := func(jobs int) []byte {
				checker, err := lint.NewChecker(rules.All(), nil)
				if err != nil {
					t.Fatal(err)
				}
				var parents *lint.ParentSet
				if setup == "parents" {
					var errs []*lint.Result
					parents, errs = lint.LoadParents(parentFiles)
					if len(errs) > 0 {
						t.Fatal(errs[0].Err)
					}
				} else {
					parents, _ = lint.LoadParents(nil)
					lp, err := lint.OpenLibrary(libDir)
					if err != nil {
						t.Fatal(err)
					}
					defer lp.Close()
					parents.SetLibrary(lp)
				}
				checker.SetParents(parents)
				var buf bytes.Buffer
				if err := report.JSON(&buf, checker.CheckFiles(drafts, jobs), report.Options{ToolVersion: lint.Version, Registry: checker.Registry()}); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			one := reportFor(1)
			if !bytes.Contains(one, []byte(`"copy-passage"`)) {
				t.Fatal("no copy-passage finding: the parents were not used, the test proves little")
			}
			for _, jobs := range []int{2, 8} {
				if got := reportFor(jobs); !bytes.Equal(got, one) {
					t.Errorf("jobs=%d report differs from jobs=1 (%d vs %d bytes)", jobs, len(got), len(one))
				}
			}
		})
	}
}

// TestFixCommand: `check --fix` rewrites a GB18030 draft with CRLF line
// ends in place, keeping its encoding, line ends and mode, leaves .docx
// and .html drafts byte for byte as they were, reports what is left, and
// changes nothing when run a second time.
func TestFixCommand(t *testing.T) {
	const (
		draft = "某省人民政府办公厅文件\r\n某政办发[2024]12号\r\n\r\n关于做好安全生产工作的通知\r\n\r\n各市,县人民政府：\r\n    请认真落实安全生产责任,确保不发生重大事故。\r\n"
		fixed = "某省人民政府办公厅文件\r\n某政办发〔2024〕12号\r\n\r\n关于做好安全生产工作的通知\r\n\r\n各市，县人民政府：\r\n    请认真落实安全生产责任，确保不发生重大事故。\r\n"
	)
	gb := func(s string) []byte {
		b, err := read.Encode(s, read.EncodingGB18030)
		must(t, err)
		return b
	}
	dir := t.TempDir()
	txt := filepath.Join(dir, "draft.txt")
	must(t, os.WriteFile(txt, gb(draft), 0o640))
	must(t, os.Chmod(txt, 0o640))
	others := map[string][]byte{
		filepath.Join(dir, "draft.docx"): docxWith(t, "word/document.xml", docxDocument(strings.Split(strings.TrimSpace(strings.ReplaceAll(draft, "\r", "")), "\n")...)),
		filepath.Join(dir, "draft.html"): []byte("<p>" + strings.ReplaceAll(draft, "\r\n", "</p><p>") + "</p>"),
	}
	for p, b := range others {
		must(t, os.WriteFile(p, b, 0o644))
	}

	var runs [2]string
	for i := range runs {
		var out, errb bytes.Buffer
		code := run([]string{"gwlint", "check", "--fix", "--format", "json", dir}, strings.NewReader(""), &out, &errb)
		if code != 1 {
			t.Fatalf("run %d: exit %d (the .docx and .html keep their findings)\n%s", i+1, code, errb.String())
		}
		runs[i] = errb.String()
		got, err := os.ReadFile(txt)
		must(t, err)
		if !bytes.Equal(got, gb(fixed)) {
			t.Fatalf("run %d: draft.txt is %q, want the fixed text in GB18030 with CRLF", i+1, got)
		}
		if st, _ := os.Stat(txt); st.Mode().Perm() != 0o640 {
			t.Errorf("run %d: mode %v, want 0640", i+1, st.Mode().Perm())
		}
		for p, b := range others {
			if now, _ := os.ReadFile(p); !bytes.Equal(now, b) {
				t.Errorf("run %d: %s was rewritten", i+1, filepath.Base(p))
			}
		}
		var rep struct {
			Files []struct {
				Path     string
				Findings []struct{ Rule string }
			}
		}
		must(t, json.Unmarshal(out.Bytes(), &rep))
		for _, f := range rep.Files {
			fixable := 0
			for _, x := range f.Findings {
				if x.Rule == "punct-halfwidth" || x.Rule == "docno-format" {
					fixable++
				}
			}
			if strings.HasSuffix(f.Path, ".txt") && fixable != 0 {
				t.Errorf("run %d: draft.txt still reported with %d fixable findings", i+1, fixable)
			}
			if !strings.HasSuffix(f.Path, ".txt") && fixable < 3 {
				t.Errorf("run %d: %s lost its findings (%d)", i+1, f.Path, fixable)
			}
		}
		if names := dirEntries(t, dir); len(names) != 3 {
			t.Errorf("run %d: files in the directory: %v", i+1, names)
		}
	}
	if !strings.Contains(runs[0], "draft.txt：已修改 3 处") {
		t.Errorf("first run did not say what it fixed: %q", runs[0])
	}
	if strings.Contains(runs[1], "applied") {
		t.Errorf("second run fixed again: %q", runs[1])
	}
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	must(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestHostileAddDuringCompact: `gwlint library add` started while another
// process compacts the library (here the test process, holding the
// writer's lock while the add waits, then compacting) reported "20 added"
// and lost them, because it waited on the lock of the file compact
// replaced. Now it waits on library.lock and adds into the new file.
func TestHostileAddDuringCompact(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gwlint")
	}
	bin := buildGwlint(t)
	work := t.TempDir()
	parents, _ := killParents(t, filepath.Join(work, "parents"), 60)
	lib := filepath.Join(work, "lib")
	if out, errs, code := runBin(t, bin, append([]string{"library", "add", "--library", lib}, parents[:40]...)...); code != 0 {
		t.Fatalf("add: exit %d\n%s%s", code, out, errs)
	}
	list, _, _ := runBin(t, bin, "library", "list", "--library", lib)
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(list), "\n") {
		ids = append(ids, strings.Fields(line)[0])
	}
	if _, errs, code := runBin(t, bin, append([]string{"library", "remove", "--library", lib}, ids[:20]...)...); code != 0 {
		t.Fatalf("remove: exit %d\n%s", code, errs)
	}

	compactor, err := library.Open(lib, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	add := exec.Command(bin, append([]string{"library", "add", "--library", lib}, parents[40:]...)...)
	var errb bytes.Buffer
	add.Stderr = &errb
	must(t, add.Start())
	time.Sleep(300 * time.Millisecond) // the add waits for the lock (up to a second)
	must(t, compactor.Compact())
	must(t, compactor.Close())
	if err := add.Wait(); err != nil {
		t.Fatalf("add during compact: %v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "新加入 20 篇") {
		t.Errorf("add during compact: %s", errb.String())
	}
	list, _, _ = runBin(t, bin, "library", "list", "--library", lib)
	if n := len(strings.Split(strings.TrimSpace(list), "\n")); n != 40 {
		t.Errorf("after compact and an add waiting on it: %d documents listed, want 40 (20 kept, 20 added)", n)
	}
}

// TestHostileDamagedParentText: a stored parent text changed on disk (a
// damaged sector, a bad copy) went unnoticed and was compared as if
// intact. Now the check compares the draft with the other parents, still
// reports its findings, and names the damaged parent as an input error
// (exit 2); `library verify` finds it too.
func TestHostileDamagedParentText(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gwlint")
	}
	bin := buildGwlint(t)
	lib := filepath.Join(t.TempDir(), "lib")
	parent := filepath.Join("..", "..", "testdata", "example", "parents", "guobanfa-2018-123.txt")
	draft := filepath.Join("..", "..", "testdata", "example", "notice.txt")
	if _, errs, code := runBin(t, bin, "library", "add", "--library", lib, parent); code != 0 {
		t.Fatalf("add: exit %d\n%s", code, errs)
	}
	if _, errs, code := runBin(t, bin, "library", "verify", "--library", lib); code != 0 || !strings.Contains(errs, "全部完好") {
		t.Fatalf("verify of an intact library: exit %d\n%s", code, errs)
	}
	out, _, code := runBin(t, bin, "check", "--format", "json", "--library", lib, draft)
	if code != 1 || !strings.Contains(out, `"copy-passage"`) {
		t.Fatalf("check against the intact library: exit %d, want 1 with copy-passage\n%.1500s", code, out)
	}

	// Change one character of the stored text, compressed as the library
	// stores it, so that it still decompresses.
	db, err := bbolt.Open(filepath.Join(lib, library.FileName), 0o644, nil)
	must(t, err)
	var id string
	must(t, db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("docs")).ForEach(func(k, v []byte) error {
			var e library.Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			id = e.ID
			key := binary.BigEndian.AppendUint32(nil, e.Num)
			r := flate.NewReader(bytes.NewReader(tx.Bucket([]byte("text")).Get(key)))
			text, err := io.ReadAll(r)
			if err != nil {
				return err
			}
			var z bytes.Buffer
			w, _ := flate.NewWriter(&z, 4)
			w.Write(bytes.Replace(text, []byte("政务新媒体"), []byte("政务新煤体"), 1))
			w.Close()
			return tx.Bucket([]byte("text")).Put(key, z.Bytes())
		})
	}))
	must(t, db.Close())

	out, errs, code := runBin(t, bin, "check", "--format", "json", "--library", lib, draft)
	if code != 2 {
		t.Errorf("check against a damaged parent: exit %d, want 2\n%s", code, errs)
	}
	if !strings.Contains(out, "已损坏") || !strings.Contains(out, id) {
		t.Errorf("the report does not name the damaged parent %s:\n%.3000s", id, out)
	}
	if !strings.Contains(out, `"punct-halfwidth"`) {
		t.Errorf("the draft's own findings are missing:\n%.3000s", out)
	}
	_, errs, code = runBin(t, bin, "library", "verify", "--library", lib)
	if code != 2 || !strings.Contains(errs, id) || !strings.Contains(errs, "1份已损坏") {
		t.Errorf("verify of a damaged library: exit %d\n%s", code, errs)
	}
}

// TestHostileServerRequests: a DNS-rebinding page (its own name resolved
// to 127.0.0.1, Origin and Host agreeing) got 200 from the page's API;
// two slow uploads held both checking slots and every other request got
// 503; 64 parents of text held gigabytes. The server as `gwlint serve`
// builds it now refuses the foreign Host (421), reads bodies outside the
// slots under a deadline (408), and caps a request's decoded text (413).
func TestHostileServerRequests(t *testing.T) {
	handler, err := web.NewServer(web.Options{Registry: rules.All(), ToolVersion: "test", MaxConcurrent: 1,
		UploadTimeout: 500 * time.Millisecond, AllowedHosts: allowedHosts("127.0.0.1:8080", nil)})
	must(t, err)
	ts := httptest.NewServer(handler)
	defer ts.Close()
	post := func(host string, parents int) (int, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, _ := mw.CreateFormField("text")
		fw.Write([]byte(goodDraft))
		for i := 0; i < parents; i++ {
			pw, _ := mw.CreateFormFile("parent", fmt.Sprintf("p%d.txt", i))
			pw.Write(bytes.Repeat([]byte("各地区各部门要认真贯彻落实党中央决策部署。"), 8000)) // 504 KB of text
		}
		mw.Close()
		req, _ := http.NewRequest("POST", ts.URL+"/api/check", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		if host != "" {
			req.Host = host
			req.Header.Set("Origin", "http://"+host)
		}
		resp, err := http.DefaultClient.Do(req)
		must(t, err)
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}
	if code, body := post("rebind.attacker.example:8080", 0); code != http.StatusMisdirectedRequest {
		t.Errorf("DNS rebinding Host: %d %s, want 421", code, body)
	}
	if code, body := post("", 20); code != http.StatusRequestEntityTooLarge {
		t.Errorf("20 parents of 504 KB text (10 MB, over the 8 MiB request text cap): %d %.300s, want 413", code, body)
	}
	addr := strings.TrimPrefix(ts.URL, "http://")
	var stalled []net.Conn
	for i := 0; i < 2; i++ {
		conn, err := net.Dial("tcp", addr)
		must(t, err)
		defer conn.Close()
		fmt.Fprintf(conn, "POST /api/check HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n", addr)
		stalled = append(stalled, conn)
	}
	time.Sleep(100 * time.Millisecond)
	if code, body := post("", 0); code != http.StatusOK {
		t.Errorf("a draft beside two stalled uploads: %d %.300s, want 200", code, body)
	}
	for _, conn := range stalled {
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil || resp.StatusCode != http.StatusRequestTimeout {
			t.Errorf("stalled upload: %v %v, want 408", resp, err)
		}
	}
	for addr, want := range map[string]string{"127.0.0.1:8080": "127.0.0.1", "0.0.0.0:8080": "", ":8080": "", "192.168.1.5:8080": "192.168.1.5", "office-pc:80": "office-pc"} {
		if got := strings.Join(allowedHosts(addr, nil), ","); got != want {
			t.Errorf("allowedHosts(%q) = %q, want %q", addr, got, want)
		}
	}
}

// pdfStreamBomb is a one-page PDF whose content stream inflates to size
// bytes of drawing operators from a few hundred kilobytes.
func pdfStreamBomb(t *testing.T, size int) []byte {
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestCompression)
	must(t, err)
	chunk := bytes.Repeat([]byte("0 0 m "), 1<<16)
	for n := 0; n < size; n += len(chunk) {
		_, err := zw.Write(chunk)
		must(t, err)
	}
	must(t, zw.Close())
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
	}
	var offsets []int
	for i, o := range objs {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// TestHostileConfig: --config /dev/zero ran out of memory with a stack
// trace, a FIFO as --config or as library.db hung, and a huge min_passage
// silently turned copy detection off. Each is now a clear error, exit 2,
// within the deadline.
func TestHostileConfig(t *testing.T) {
	dir := hostileDir(t)
	good := filepath.Join(dir, "good.txt")
	must(t, os.WriteFile(good, []byte(goodDraft), 0o644))
	fifo := filepath.Join(dir, "fifo.yaml")
	must(t, syscall.Mkfifo(fifo, 0o644))
	big := filepath.Join(dir, "big.yaml")
	must(t, os.WriteFile(big, bytes.Repeat([]byte("# 注释\n"), 200000), 0o644))
	yaml := func(name, text string) string {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	lib := filepath.Join(dir, "lib")
	must(t, os.Mkdir(lib, 0o755))
	must(t, syscall.Mkfifo(filepath.Join(lib, library.FileName), 0o644))
	for _, tc := range []struct {
		name   string
		args   []string
		reason string
	}{
		{"/dev/zero as --config", []string{"--config", "/dev/zero"}, `配置文件必须是普通文件（这是设备文件）`},
		{"a FIFO as --config", []string{"--config", fifo}, `配置文件必须是普通文件（这是命名管道）`},
		{"a directory as --config", []string{"--config", dir}, `配置文件必须是普通文件（这是目录）`},
		{"a 1.6 MB --config", []string{"--config", big}, `配置文件超过 1048576 字节`},
		{"min_passage of a million", []string{"--config", yaml("mp.yaml", "copy:\n  min_passage: 1000000\n")}, `copy\.min_passage: 取值应在 8 到 1000 之间`},
		{"long_quotation of a billion", []string{"--config", yaml("lq.yaml", "copy:\n  long_quotation: 1000000000\n")}, `copy\.long_quotation: 取值应在 13 到 100000 之间`},
		{"a cap of 2^40", []string{"--config", yaml("cap.yaml", "length:\n  cap: 1099511627776\n")}, `length\.cap: 取值应在 100 到 1000000 之间`},
		{"a FIFO as library.db", []string{"--library", lib}, `library\.db 不是普通文件`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type outcome struct {
				code           int
				stdout, stderr string
			}
			done := make(chan outcome, 1)
			go func() {
				var out, errb bytes.Buffer
				code := run(append(append([]string{"gwlint", "check"}, tc.args...), good), strings.NewReader(""), &out, &errb)
				done <- outcome{code, out.String(), errb.String()}
			}()
			select {
			case o := <-done:
				if o.code != 2 || !regexp.MustCompile(tc.reason).MatchString(o.stdout+o.stderr) {
					t.Errorf("exit %d, want 2 with %q\nstdout: %s\nstderr: %s", o.code, tc.reason, o.stdout, o.stderr)
				}
				if strings.Contains(o.stderr, "goroutine ") {
					t.Errorf("a stack trace:\n%s", o.stderr)
				}
			case <-time.After(hostileDeadline):
				t.Fatalf("no answer within %v", hostileDeadline)
			}
		})
	}
}

// TestHostileFix: --fix rewrote a 0444 file, split hard links, and a
// failed fix dropped every finding of the file from the report. Now such
// a file is left as it is, the reason goes to standard error, the
// report keeps its findings, and the run exits 2.
func TestHostileFix(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(t *testing.T, path string)
		reason  string
	}{
		{"read-only", func(t *testing.T, path string) { must(t, os.Chmod(path, 0o444)) }, "只读"},
		{"hard link", func(t *testing.T, path string) { must(t, os.Link(path, path+".bak")) }, "硬链接"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := hostileDir(t)
			path := filepath.Join(dir, "draft.txt")
			must(t, os.WriteFile(path, []byte(goodDraft), 0o644))
			tc.prepare(t, path)
			var out, errb bytes.Buffer
			code := run([]string{"gwlint", "check", "--fix", "--format", "json", path}, strings.NewReader(""), &out, &errb)
			if code != 2 || !strings.Contains(errb.String(), tc.reason) || !strings.Contains(errb.String(), "未修改") {
				t.Errorf("exit %d, stderr %q; want 2 and the reason (%s)", code, errb.String(), tc.reason)
			}
			if !strings.Contains(out.String(), `"punct-halfwidth"`) {
				t.Errorf("the report lost the file's findings:\n%s", out.String())
			}
			if got, _ := os.ReadFile(path); string(got) != goodDraft {
				t.Errorf("the file was changed: %q", got)
			}
		})
	}
}

// TestHostileFileNames: a file name with a newline forged report lines in
// text output ("x\ny.txt:1:1: error …" read as a second finding), and one
// with an escape sequence could drive the terminal. Such names are now
// written quoted; Markdown with no prose is refused like HTML with none.
func TestHostileFileNames(t *testing.T) {
	dir := hostileDir(t)
	forged := filepath.Join(dir, "x\n伪造.txt:9:9: error length-cap: 伪造的问题 \x1b[2J.txt")
	must(t, os.WriteFile(forged, []byte(goodDraft), 0o644))
	var out, errb bytes.Buffer
	code := run([]string{"gwlint", "check", "--no-color", forged}, strings.NewReader(""), &out, &errb)
	if code != 1 {
		t.Errorf("exit %d, want 1 (the draft's finding)\n%s", code, errb.String())
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "伪造.txt:9:9") || strings.Contains(line, "\x1b[2J") {
			t.Errorf("a forged line or a raw escape in the report: %q", line)
		}
	}
	if !strings.Contains(out.String(), `\n`) || !strings.Contains(out.String(), `\x1b[2J`) {
		t.Errorf("the name is not written quoted:\n%s", out.String())
	}

	for name, text := range map[string]string{"code.md": "```\n关于做好工作的通知\n```\n", "comment.md": "<!-- 各部门,请落实 -->\n"} {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, []byte(text), 0o644))
		out.Reset()
		errb.Reset()
		if code := run([]string{"gwlint", "check", "--no-color", p}, strings.NewReader(""), &out, &errb); code != 2 || !strings.Contains(out.String(), "没有文字") {
			t.Errorf("%s, Markdown with no prose: exit %d, want 2 saying it has no text\n%s", name, code, out.String())
		}
	}
}
