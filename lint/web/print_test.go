package web

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/report"
	"github.com/gwlint/gwlint/lint/rules"
)

// printedText prints what the browser shows to A4 the way Chrome's print
// dialog does by default (no background graphics), keeps the PDF and a
// picture of each page in dir for a person to look at, and returns the
// text of the pages.
func printedText(t *testing.T, ctx context.Context, dir, name string) string {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("printing test needs pdftotext (apt-get install poppler-utils)")
	}
	// Chrome's defaults when printing: A4 here, no background graphics.
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if pdftoppm, err := exec.LookPath("pdftoppm"); err == nil {
		exec.Command(pdftoppm, "-r", "50", "-png", file, filepath.Join(dir, name)).Run()
	}
	out, err := exec.Command(pdftotext, "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// exampleResult checks the bundled example against its parent.
func exampleResult(t *testing.T) *lint.Result {
	t.Helper()
	run, err := lint.NewRun(lint.RunOptions{Registry: rules.All(), Parents: []string{"../../testdata/example/parents"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { run.Close() })
	return run.Checker.CheckFile("../../testdata/example/notice.txt")
}

// TestBrowserPrintsReviewSheet: the HTML report printed on A4 without
// background graphics is the 审核单: every finding, grouped by kind, and
// every copied passage beside the parent's words, none cut off by a
// scroll box. The pages are kept in GWLINT_PRINT_DIR when it is set.
func TestBrowserPrintsReviewSheet(t *testing.T) {
	ctx := webBrowser(t)
	res := exampleResult(t)
	var html bytes.Buffer
	if err := report.HTML(&html, []*lint.Result{res}, report.Options{ToolVersion: "test", Date: "2026年12月4日"}); err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("GWLINT_PRINT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, html.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file), chromedp.WaitVisible(chromedp.CSS(".gw-draft"))); err != nil {
		t.Fatal(err)
	}
	text := squeeze(printedText(t, ctx, dir, "report"))
	for _, want := range []string{"检查日期2026年12月4日", "问题清单（按类别）", "照搬照抄", "复制段落对照"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed report lacks %q", want)
		}
	}
	passages := len(report.CopiedPassages(res))
	if got := strings.Count(text, "本文第"); got < passages || passages < 5 {
		t.Errorf("%d of %d copied passages printed", got, passages)
	}
	for _, f := range res.Findings {
		if m := squeeze(f.Message); !strings.Contains(text, m[:min(len(m), 30)]) {
			t.Errorf("finding %s not printed: %.60s", f.Rule, f.Message)
		}
	}
}

// TestBrowserPrintsPage: printing the page after a check gives the whole
// result, not the form, and every passage (the lists' scroll heights
// once cut the print to three).
func TestBrowserPrintsPage(t *testing.T) {
	ctx := webBrowser(t)
	url := webListen(t)
	draft, err := os.ReadFile("../../testdata/example/notice.txt")
	if err != nil {
		t.Fatal(err)
	}
	parentDir := "../../testdata/example/parents"
	entries, _ := os.ReadDir(parentDir)
	var parents []string
	for _, e := range entries {
		abs, _ := filepath.Abs(filepath.Join(parentDir, e.Name()))
		parents = append(parents, abs)
	}
	dir := os.Getenv("GWLINT_PRINT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	draftPath := filepath.Join(dir, "notice.txt")
	os.WriteFile(draftPath, draft, 0o644)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.ID("draft-file")),
		chromedp.SetUploadFiles(chromedp.ID("draft-file"), []string{draftPath}),
		chromedp.SetUploadFiles(chromedp.ID("parent-file"), parents),
		chromedp.WaitVisible(chromedp.CSS("#parent-list li")),
		chromedp.Click(chromedp.ID("check-button")),
		chromedp.WaitVisible(chromedp.ID("copy-card")),
	); err != nil {
		t.Fatal(err)
	}
	text := squeeze(printedText(t, ctx, dir, "page"))
	if strings.Contains(text, "粘贴文稿") || strings.Contains(text, "选择文件") {
		t.Error("the printed page shows the form")
	}
	res := exampleResult(t)
	if n := len(report.CopiedPassages(res)); n < 5 || strings.Count(text, "本文第") < n {
		t.Errorf("too few passages printed (%d expected)", n)
	}
	for _, f := range res.Findings {
		if m := squeeze(f.Message); !strings.Contains(text, m[:min(len(m), 30)]) {
			t.Errorf("finding %s not printed: %.60s", f.Rule, f.Message)
		}
	}
}
