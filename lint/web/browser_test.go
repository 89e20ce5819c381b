package web

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/report"
	"github.com/gwlint/gwlint/lint/rules"
)

const chromiumPath = "/usr/bin/chromium"

// webBrowser starts headless Chromium with no network beyond this machine
// and a fresh profile. It skips the test when Chromium is not installed.
func webBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser test needs %s (apt-get install chromium fonts-noto-cjk): %v", chromiumPath, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	return bctx
}

// webListen serves the page the way `gwlint serve` does, on a free
// loopback port.
func webListen(t *testing.T) string {
	t.Helper()
	s, err := NewServer(Options{Registry: rules.All(), ToolVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewHTTPServer(ln.Addr().String(), s)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + "/"
}

// webConsole collects the page's exceptions and console errors (a CSP
// violation is one), which fail the test.
func webConsole(t *testing.T, ctx context.Context) func() []string {
	var mu sync.Mutex
	var problems []string
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), problems...)
	}
}

// webScreenshot saves what the window shows once the element with the
// given id is scrolled to the top.
func webScreenshot(t *testing.T, ctx context.Context, id, name string) {
	t.Helper()
	webEval[bool](t, ctx, `document.getElementById("`+id+`").scrollIntoView({block: "start"}), true`)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("GWLINT_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
}

func webEval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// TestBrowserPastedDraft pastes a draft with characters outside the BMP
// before its findings and HTML-looking text, and checks that each mark
// covers exactly the characters the server reported, and that nothing of
// the draft became markup.
func TestBrowserPastedDraft(t *testing.T) {
	ctx := webBrowser(t)
	url := webListen(t)
	problems := webConsole(t, ctx)

	draft := "关于<script>alert(1)</script>做好𠮷𠀾工作的通知\n\n各单位：\n　　𠀾𠀾𠀾请按时报送材料,逾期不候。<img src=x onerror=alert(2)>\n　　联系人:𠮷先生。\n"
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.ID("draft-text")),
		chromedp.SetValue(chromedp.ID("draft-text"), draft),
		chromedp.Click(chromedp.ID("check-button")),
		chromedp.WaitVisible(chromedp.CSS("#finding-list li")),
	); err != nil {
		t.Fatal(err)
	}

	// The JavaScript side of the offsets: code points to UTF-16 units.
	if got := webEval[[]int](t, ctx, `window.gwlint.unitIndex("a𠀾b𠮷")`); !equalInts(got, []int{0, 1, 3, 4, 6}) {
		t.Errorf("unitIndex = %v", got)
	}
	if got := webEval[string](t, ctx, `JSON.stringify(window.gwlint.diffChars("甲𠀾乙丙", "甲𠀾丙丁"))`); got != `{"parent":[{"text":"甲𠀾","changed":false},{"text":"乙","changed":true},{"text":"丙","changed":false}],"draft":[{"text":"甲𠀾丙","changed":false},{"text":"丁","changed":true}]}` {
		t.Errorf("diffChars = %s", got)
	}

	// What the server found, at code-point offsets.
	checker, err := lint.NewChecker(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	res := checker.Check(lint.ParseText(pastedName, draft))
	runes := []rune(draft)
	var marked []string
	for _, f := range res.Findings {
		if f.Rule == "punct-halfwidth" {
			marked = append(marked, string(runes[f.Span.Start:f.Span.End]))
		}
	}
	if len(marked) < 2 {
		t.Fatalf("the rules found %d half-width marks, want the , and the : (findings %v)", len(marked), res.Findings)
	}
	type markInfo struct {
		Text string `json:"text"`
		F    string `json:"f"`
	}
	marks := webEval[[]markInfo](t, ctx, `Array.from(document.querySelectorAll("#draft-view mark")).map(m => ({text: m.textContent, f: m.dataset.f}))`)
	byFinding := map[string]string{}
	for _, m := range marks {
		for _, id := range strings.Fields(m.F) {
			byFinding[id] += m.Text
		}
	}
	for i, f := range res.Findings {
		if f.Span.Start == f.Span.End || f.Rule == "length-cap" {
			continue
		}
		want := string(runes[f.Span.Start:f.Span.End])
		if got := byFinding[strconv.Itoa(i)]; got != want {
			t.Errorf("finding %d (%s) marks %q in the page, the server means %q", i, f.Rule, got, want)
		}
	}

	// The draft reads as it was pasted, and none of it is markup.
	if got := webEval[string](t, ctx, `document.getElementById("draft-view").textContent`); got != draft {
		t.Errorf("draft view %q, want %q", got, draft)
	}
	if n := webEval[int](t, ctx, `document.querySelectorAll("#draft-view script, #draft-view img, #result script, #result img").length`); n != 0 {
		t.Errorf("%d elements made from the draft's text", n)
	}
	if title := webEval[string](t, ctx, `document.getElementById("result-title").textContent`); !strings.Contains(title, "<script>alert(1)</script>") {
		t.Errorf("title shown as %q", title)
	}

	// A click on a finding selects its mark; a click on a mark opens its
	// message and source.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#finding-list li")),
		chromedp.WaitVisible(chromedp.CSS("#draft-view mark.gw-active")),
		chromedp.Click(chromedp.CSS("#draft-view mark.sev-warning, #draft-view mark.sev-error, #draft-view mark.sev-info")),
		chromedp.WaitVisible(chromedp.ID("popup")),
	); err != nil {
		t.Fatal(err)
	}
	popup := webEval[string](t, ctx, `document.getElementById("popup-body").textContent`)
	if !strings.Contains(popup, "依据：") {
		t.Errorf("popup %q lacks the source", popup)
	}
	webScreenshot(t, ctx, "result", "pasted.png")
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}

// TestBrowserUploads chooses a .docx draft and a parent file, and checks
// the 字数 card, the copy bars and the passages side by side.
func TestBrowserUploads(t *testing.T) {
	ctx := webBrowser(t)
	url := webListen(t)
	problems := webConsole(t, ctx)

	dir := t.TempDir()
	parent, err := os.ReadFile("../../testdata/corpus/pairs/pair11_parent_law-renda-daibiaofa-2015.txt")
	if err != nil {
		t.Fatal(err)
	}
	child, err := os.ReadFile("../../testdata/corpus/pairs/pair11_child_shandong-shishi-daibiaofa-banfa-2015.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.ReplaceAll(string(child), "\r\n", "\n"), "\n")
	draftPath := filepath.Join(dir, "实施办法.docx")
	parentPath := filepath.Join(dir, "代表法.txt")
	if err := os.WriteFile(draftPath, webDocx(t, paras...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(parentPath, parent, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.ID("draft-file")),
		chromedp.SetUploadFiles(chromedp.ID("draft-file"), []string{draftPath}),
		chromedp.SetUploadFiles(chromedp.ID("parent-file"), []string{parentPath}),
		chromedp.WaitVisible(chromedp.ID("draft-chosen")),
		chromedp.WaitVisible(chromedp.CSS("#parent-list li")),
		chromedp.Click(chromedp.ID("check-button")),
		chromedp.WaitVisible(chromedp.ID("copy-card")),
	); err != nil {
		t.Fatal(err)
	}
	if got := webEval[string](t, ctx, `document.getElementById("result-path").textContent`); got != "实施办法.docx" {
		t.Errorf("result for %q", got)
	}
	if got := webEval[string](t, ctx, `document.getElementById("draft-view").textContent`); got != strings.Join(paras, "\n") {
		t.Errorf("the .docx text in the page differs from its paragraphs (%d vs %d characters)", len([]rune(got)), len([]rune(strings.Join(paras, "\n"))))
	}
	if got := webEval[string](t, ctx, `document.getElementById("chars-card").textContent`); !strings.Contains(got, "字") {
		t.Errorf("字数 card %q", got)
	}
	if n := webEval[int](t, ctx, `document.querySelectorAll("#copy-card .gw-parent .gw-meter").length`); n != 2 {
		t.Errorf("%d copy bars for the parent, want 2 (占本文, 覆盖上级文件)", n)
	}
	if got := webEval[string](t, ctx, `document.querySelector("#copy-card .gw-parent-name").title`); got != "代表法.txt" {
		t.Errorf("parent named %q", got)
	}
	n := webEval[int](t, ctx, `document.querySelectorAll("#passages .gw-passage").length`)
	if n == 0 {
		t.Fatal("no passages side by side")
	}
	sides := webEval[[]string](t, ctx, `Array.from(document.querySelectorAll("#passages .gw-passage")[0].querySelectorAll(".gw-side-text")).map(e => e.textContent)`)
	if len(sides) != 2 || sides[0] == "" || sides[1] == "" {
		t.Errorf("first passage sides %q", sides)
	}
	// The download button offers the contract's report.
	if got := webEval[int](t, ctx, `document.getElementById("download-json") ? 1 : 0`); got != 1 {
		t.Error("no download button")
	}
	webScreenshot(t, ctx, "result", "uploads.png")
	webScreenshot(t, ctx, "passages-box", "uploads-passages.png")
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBrowserReport opens the HTML report of a hostile draft in the
// browser: its text must show as text, and the report's own script must
// link marks and findings without errors.
func TestBrowserReport(t *testing.T) {
	ctx := webBrowser(t)
	problems := webConsole(t, ctx)
	draft := "关于<script>alert(1)</script>的通知\n\n各单位：\n　　请于3日内报送材料,<img src=x onerror=alert(2)>逾期不候。\n"
	checker, err := lint.NewChecker(rules.All(), nil)
	if err != nil {
		t.Fatal(err)
	}
	res := checker.Check(lint.ParseText("<b>draft</b>.txt", draft))
	if len(res.Findings) == 0 {
		t.Fatal("no findings to show")
	}
	var page bytes.Buffer
	if err := report.HTML(&page, []*lint.Result{res}, report.Options{ToolVersion: "test"}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate("file://"+file),
		chromedp.WaitVisible(chromedp.CSS(".gw-draft")),
	); err != nil {
		t.Fatal(err)
	}
	if got := webEval[string](t, ctx, `document.querySelector(".gw-draft").textContent`); got != draft {
		t.Errorf("report shows %q, want %q", got, draft)
	}
	if n := webEval[int](t, ctx, `document.querySelectorAll("img, b, .gw-draft script").length`); n != 0 {
		t.Errorf("%d elements made from the draft", n)
	}
	if n := webEval[int](t, ctx, `document.scripts.length`); n != 1 {
		t.Errorf("%d scripts, want the report's own", n)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(".gw-finding .gw-loc")),
		chromedp.WaitVisible(chromedp.CSS(".gw-mark.gw-active, .gw-finding.gw-active")),
	); err != nil {
		t.Fatal(err)
	}
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}
