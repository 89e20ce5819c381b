package web

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// uploadExample checks the bundled example against its parent on the page.
func uploadExample(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	draft, err := filepath.Abs("../../testdata/example/notice.txt")
	if err != nil {
		t.Fatal(err)
	}
	parent, _ := filepath.Abs("../../testdata/example/parents/guobanfa-2018-123.txt")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.ID("draft-file")),
		chromedp.SetUploadFiles(chromedp.ID("draft-file"), []string{draft}),
		chromedp.SetUploadFiles(chromedp.ID("parent-file"), []string{parent}),
		chromedp.WaitVisible(chromedp.CSS("#parent-list li")),
		chromedp.Click(chromedp.ID("check-button")),
		chromedp.WaitVisible(chromedp.ID("copy-card")),
	); err != nil {
		t.Fatal(err)
	}
}

// click clicks the first element that matches sel the way a user's click
// arrives (its click event), wherever the page has scrolled to: the page
// scrolls smoothly to the result, and a click at coordinates taken before
// the scroll ends lands elsewhere.
func click(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if !webEval[bool](t, ctx, "(() => { const e = document.querySelector(`"+sel+"`); if (!e) return false; e.click(); return true; })()") {
		t.Fatalf("nothing to click at %s", sel)
	}
}

// downloads lets the browser save what the page offers into a fresh
// directory, as it does for a user, and returns a function that waits for
// a file of that name there and reads it.
func downloads(t *testing.T, ctx context.Context) func(name string) []byte {
	t.Helper()
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	return func(name string) []byte {
		t.Helper()
		file := filepath.Join(dir, name)
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if data, err := os.ReadFile(file); err == nil && len(data) > 0 {
				os.Remove(file) // the next download of that name is new
				return data
			}
		}
		t.Fatalf("no download %s", name)
		return nil
	}
}

// TestBrowserReviewTool uses the page as a reviewer does: filters the
// findings by severity and kind, groups them by paragraph, accepts a fix
// and ignores a finding by keyboard and mouse, and takes away the
// corrected text, the ignored findings and the annotated Word file. At a
// phone's width the page has one scroll container, and the text of the
// findings keeps a contrast of at least 4.5:1.
func TestBrowserReviewTool(t *testing.T) {
	ctx := webBrowser(t)
	url := webListen(t)
	problems := webConsole(t, ctx)
	uploadExample(t, ctx, url)
	saved := downloads(t, ctx)

	total := webEval[int](t, ctx, `document.querySelectorAll("#finding-list .gw-finding").length`)
	infos := webEval[int](t, ctx, `document.querySelectorAll('#finding-list .gw-finding[data-sev="info"]').length`)
	if total < 10 || infos == 0 {
		t.Fatalf("%d findings, %d infos: the example should give more", total, infos)
	}
	visible := func() int {
		return webEval[int](t, ctx, `Array.from(document.querySelectorAll("#finding-list .gw-finding")).filter(li => !li.hidden).length`)
	}
	click(t, ctx, `#show-info`)
	if got := visible(); got != total-infos {
		t.Errorf("with 提示 off %d shown, want %d", got, total-infos)
	}
	if !strings.Contains(webEval[string](t, ctx, `document.getElementById("finding-count").textContent`), "显示") {
		t.Error("the count does not say how many are shown")
	}
	click(t, ctx, `#show-info`)
	webEval[bool](t, ctx, `document.getElementById("show-kind").value = "公文格式", document.getElementById("show-kind").dispatchEvent(new Event("change")), true`)
	if bad := webEval[int](t, ctx, `Array.from(document.querySelectorAll("#finding-list .gw-finding")).filter(li => !li.hidden && li.dataset.kind !== "公文格式").length`); bad != 0 || visible() == 0 {
		t.Errorf("kind filter: %d of another kind shown, %d shown", bad, visible())
	}
	webEval[bool](t, ctx, `document.getElementById("show-kind").value = "", document.getElementById("show-kind").dispatchEvent(new Event("change")), true`)
	click(t, ctx, `#group-para`)
	if n := webEval[int](t, ctx, `document.querySelectorAll("#finding-list .app-group-head").length`); n < 5 {
		t.Errorf("%d paragraph heads", n)
	}

	// Accept the first fix with the keyboard, ignore the first finding
	// with the mouse.
	fixText := webEval[string](t, ctx, `(() => { const b = document.querySelector('#finding-list button[data-act="accept"]'); b.focus(); return b.closest("li").querySelector(".gw-fix").textContent; })()`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if !webEval[bool](t, ctx, `document.querySelector('#finding-list button[data-act="accept"]').closest("li").classList.contains("gw-accepted")`) {
		t.Fatal("Enter on 采纳修改 did not accept the fix")
	}
	click(t, ctx, `#finding-list .gw-finding button[data-act="ignore"]`)
	ignoredRule := webEval[string](t, ctx, `document.querySelector("#finding-list .gw-finding.gw-ignored .gw-rule").textContent`)

	click(t, ctx, `#download-text`)
	corrected := string(saved("notice-修改后.txt"))
	original, _ := os.ReadFile("../../testdata/example/notice.txt")
	want := strings.TrimSuffix(strings.TrimPrefix(fixText, "建议改为“"), "”")
	if corrected == string(original) || !strings.Contains(corrected, want) {
		t.Errorf("the corrected text lacks the accepted fix %q", want)
	}
	click(t, ctx, `#download-ignored`)
	if got := string(saved("notice-忽略项.txt")); !strings.Contains(got, "gwlint-disable-next-line "+ignoredRule) {
		t.Errorf("the ignored list lacks %s:\n%s", ignoredRule, got)
	}
	click(t, ctx, `#download-docx`)
	if docx := saved("notice-审核意见.docx"); len(docx) < 1000 || string(docx[:2]) != "PK" {
		t.Errorf("the Word download is not a .docx (%d bytes)", len(docx))
	}
	webScreenshot(t, ctx, "result", "review-wide.png")

	// Contrast of the findings' text against what lies behind it.
	low := webEval[[]string](t, ctx, `(() => {
	  const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
	  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
	  const bg = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) { if (c.length >= 3 && !(c.length === 4 && c[3] === 0)) return c; } } return [255, 255, 255]; };
	  const out = [];
	  document.querySelectorAll("#finding-list .gw-finding:not(.gw-ignored) :is(.gw-sev, .gw-rule, .gw-rule-name, .gw-msg, .gw-source, .gw-fix, .gw-loc, .app-small)").forEach(e => {
	    const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));
	    const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	    if (r < 4.5) out.push(e.className + " " + r.toFixed(2));
	  });
	  return Array.from(new Set(out));
	})()`)
	for _, l := range low {
		t.Errorf("contrast below 4.5:1: %s", l)
	}

	// A phone's width: one scroll container, the page itself.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	if boxes := webEval[[]string](t, ctx, `Array.from(document.querySelectorAll("body *")).filter(e => { const s = getComputedStyle(e); return (s.overflowY === "auto" || s.overflowY === "scroll") && e.scrollHeight > e.clientHeight + 1 && e.offsetParent !== null; }).map(e => e.id || e.className)`); len(boxes) > 0 {
		t.Errorf("at 390 px these scroll inside the page: %v", boxes)
	}
	webScreenshot(t, ctx, "passages-box", "review-390.png")
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
}

// TestDocxEndpoint: /api/docx answers the draft as a Word file with a
// 批注 on every finding but the ignored, named after the draft; /api/check
// leaves the ignored out too.
func TestDocxEndpoint(t *testing.T) {
	_, ts := webServer(t, Options{})
	draft := webPart{field: "draft", file: "通知.txt", data: []byte("关于做好防汛工作的通知\n\n各乡镇：\n　　请各乡镇于收到本通知当天反馈,逾期通报。\n\n某县人民政府办公室\n2024年07月05日\n")}
	resp, body := webPost(t, ts, "/api/check", draft)
	var rep webReport
	if err := json.Unmarshal(body, &rep); err != nil || resp.StatusCode != 200 {
		t.Fatalf("check: %d %s", resp.StatusCode, body)
	}
	fs := rep.Files[0].Findings
	if len(fs) < 3 {
		t.Fatalf("%d findings", len(fs))
	}
	ignore := webPart{field: "ignore", data: []byte(fs[0].Rule + "@" + strconv.Itoa(fs[0].Offset))}
	_, body = webPost(t, ts, "/api/check", draft, ignore)
	json.Unmarshal(body, &rep)
	if len(rep.Files[0].Findings) != len(fs)-1 {
		t.Errorf("with one ignored, %d findings of %d", len(rep.Files[0].Findings), len(fs))
	}
	resp, body = webPost(t, ts, "/api/docx", draft, ignore)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "wordprocessingml") {
		t.Fatalf("docx: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, url.PathEscape("通知-审核意见.docx")) {
		t.Errorf("Content-Disposition %q", cd)
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/comments.xml" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			if n := strings.Count(string(data), "<w:comment "); n != len(fs)-1 {
				t.Errorf("%d comments, want %d", n, len(fs)-1)
			}
		}
	}
	if resp, _ := webPost(t, ts, "/api/check", draft, webPart{field: "ignore", data: bytes.Repeat([]byte("x"), 300)}); resp.StatusCode != 400 {
		t.Errorf("an overlong ignore field: %d", resp.StatusCode)
	}
}
