package web

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/report"
	"github.com/gwlint/gwlint/lint/rules"
)

// webPart is one part of a multipart request: a field when file is "".
type webPart struct {
	field, file string
	data        []byte
}

func webForm(t testing.TB, parts ...webPart) (*bytes.Buffer, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.file == "" {
			w, err = mw.CreateFormField(p.field)
		} else {
			w, err = mw.CreateFormFile(p.field, p.file)
		}
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &body, mw.FormDataContentType()
}

func webServer(t testing.TB, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	if opts.Registry == nil {
		opts.Registry = rules.All()
	}
	if opts.ToolVersion == "" {
		opts.ToolVersion = "test"
	}
	s, err := NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

func webPost(t testing.TB, ts *httptest.Server, path string, parts ...webPart) (*http.Response, []byte) {
	t.Helper()
	body, ctype := webForm(t, parts...)
	resp, err := http.Post(ts.URL+path, ctype, body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, data
}

// The JSON report as far as these tests read it.
type webReport struct {
	Version int `json:"version"`
	Files   []struct {
		Path     string `json:"path"`
		Title    string `json:"title"`
		Kind     string `json:"kind"`
		Chars    int    `json:"chars"`
		Error    string `json:"error"`
		Findings []struct {
			Rule      string `json:"rule"`
			Severity  string `json:"severity"`
			Message   string `json:"message"`
			Source    string `json:"source"`
			Offset    int    `json:"offset"`
			EndOffset int    `json:"end_offset"`
		} `json:"findings"`
		Copy *struct {
			Ratio   float64 `json:"ratio"`
			Parents []struct {
				Path     string  `json:"path"`
				Ratio    float64 `json:"ratio"`
				Coverage float64 `json:"coverage"`
			} `json:"parents"`
		} `json:"copy"`
	} `json:"files"`
}

type webView struct {
	Report       webReport `json:"report"`
	Text         string    `json:"text"`
	Format       string    `json:"format"`
	Cap          int       `json:"cap"`
	CapReason    string    `json:"cap_reason"`
	DocumentWide []int     `json:"document_wide"`
	Passages     []struct {
		Offset     int    `json:"offset"`
		EndOffset  int    `json:"end_offset"`
		Parent     string `json:"parent"`
		ParentText string `json:"parent_text"`
		Finding    int    `json:"finding"`
	} `json:"passages"`
	Rules map[string]struct {
		Doc    string `json:"doc"`
		Source string `json:"source"`
	} `json:"rules"`
}

func decode[T any](t testing.TB, data []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("answer is not the JSON expected: %v\n%s", err, data)
	}
	return v
}

// longNotice is a 通知 whose 正文 runs past the 5000字 cap.
func longNotice(paragraphs int) string {
	var b strings.Builder
	b.WriteString("关于做好防汛抗旱工作的通知\n\n各区县人民政府：\n")
	for i := 0; i < paragraphs; i++ {
		fmt.Fprintf(&b, "　　%d. 各地要切实加强组织领导，压实防汛抗旱责任，落实各项防范措施，确保人民群众生命财产安全和社会大局稳定。\n", i+1)
	}
	b.WriteString("\n某市人民政府办公室\n2024年6月1日\n")
	return b.String()
}

func TestPage(t *testing.T) {
	_, ts := webServer(t, Options{})
	tests := []struct {
		path, ctype, contains string
	}{
		{"/", "text/html; charset=utf-8", `<script src="/static/app.js" defer></script>`},
		{"/static/app.js", "text/javascript; charset=utf-8", "textContent"},
		{"/static/app.css", "text/css; charset=utf-8", ".app-drop"},
		{"/static/view.css", "text/css; charset=utf-8", ".gw-draft"},
	}
	for _, tt := range tests {
		resp, err := http.Get(ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != tt.ctype || !bytes.Contains(body, []byte(tt.contains)) {
			t.Errorf("GET %s: %d %q, body has %q: %v", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.contains, bytes.Contains(body, []byte(tt.contains)))
		}
		webCheckHeaders(t, tt.path, resp.Header)
	}
	// The page loads nothing from elsewhere.
	resp, _ := http.Get(ts.URL + "/")
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, bad := range []string{"http://", "https://", "//cdn", "<script>", " style=", " on"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("the page contains %q", bad)
		}
	}
}

func webCheckHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("%s: CSP %q lacks %q", what, csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("%s: CSP allows inline or eval: %q", what, csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("%s: nosniff %q, referrer %q", what, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
	}
}

// webRaw sends a request line as written, so that neither the client nor
// net/url cleans the path before the server sees it.
func webRaw(t *testing.T, ts *httptest.Server, target string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, ts.Listener.Addr())
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

func TestPathTraversal(t *testing.T) {
	_, ts := webServer(t, Options{})
	targets := []string{
		"/../../etc/passwd",
		"/static/../../etc/passwd",
		"/static/%2e%2e/%2e%2e/etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/static/..%2f..%2fetc%2fpasswd",
		"/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/static/..%5c..%5cetc%5cpasswd",
		"/static/server.go",
		"/static/page/app.js",
		"/page/app.js",
		"/static/index.html",
		"/static/",
		"/etc/passwd",
		"/server.go",
		"//etc/passwd",
	}
	for _, target := range targets {
		resp, body := webRaw(t, ts, target)
		// Follow redirects (the mux cleans paths by redirecting) by hand,
		// a few hops, still raw.
		for hops := 0; hops < 3 && resp.StatusCode >= 300 && resp.StatusCode < 400; hops++ {
			resp, body = webRaw(t, ts, resp.Header.Get("Location"))
		}
		if resp.StatusCode == http.StatusOK || strings.Contains(body, "root:") || strings.Contains(body, "package web") {
			t.Errorf("GET %s: %d, served %.60q", target, resp.StatusCode, body)
		}
		webCheckHeaders(t, target, resp.Header)
	}
}

func TestCheckText(t *testing.T) {
	_, ts := webServer(t, Options{})
	text := longNotice(120)
	resp, data := webPost(t, ts, "/api/check", webPart{field: "text", data: []byte(text)})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, data)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	webCheckHeaders(t, "/api/check", resp.Header)
	rep := decode[webReport](t, data)
	if rep.Version != 1 || len(rep.Files) != 1 {
		t.Fatalf("version %d, %d files", rep.Version, len(rep.Files))
	}
	f := rep.Files[0]
	if f.Path != pastedName || f.Title != "关于做好防汛抗旱工作的通知" || f.Kind != "通知" {
		t.Errorf("path %q title %q kind %q", f.Path, f.Title, f.Kind)
	}
	if f.Chars <= 5000 || !webHasRule(f.Findings, "length-cap") {
		t.Errorf("%d字 and findings %v: want length-cap", f.Chars, f.Findings)
	}
	if f.Copy != nil {
		t.Error("copy present without parents")
	}
	// The answer is the contract's report: the same bytes as the report
	// writer gives for the same draft.
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	checker, _ := lint.NewChecker(rules.All(), nil)
	res := checker.Check(lint.ParseText(pastedName, text))
	if err := enc.Encode(report.JSONReport([]*lint.Result{res}, "test")); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want.Bytes()) {
		t.Errorf("answer differs from the JSON report of the same draft")
	}
}

func webHasRule(fs []struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Source    string `json:"source"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
}, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// webDocx builds a minimal Word document, one w:p per paragraph.
func webDocx(t testing.TB, paragraphs ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString("<w:p><w:r><w:t xml:space=\"preserve\">")
		xmlEscape(&body, p)
		body.WriteString("</w:t></w:r></w:p>")
	}
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(b *strings.Builder, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	b.WriteString(r.Replace(s))
}

func TestViewDocx(t *testing.T) {
	_, ts := webServer(t, Options{})
	paras := []string{"关于开展<script>alert(1)</script>检查的通知", "", "各单位：", "　　𠀾𠮷请于2024年7月1日前报送材料,逾期不候。"}
	resp, data := webPost(t, ts, "/api/view", webPart{field: "draft", file: "检查通知.docx", data: webDocx(t, paras...)})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, data)
	}
	v := decode[webView](t, data)
	if want := strings.Join(paras, "\n"); v.Text != want {
		t.Errorf("text %q, want %q", v.Text, want)
	}
	if v.Format != "docx" || v.Report.Files[0].Path != "检查通知.docx" {
		t.Errorf("format %q path %q", v.Format, v.Report.Files[0].Path)
	}
	if v.Cap != 5000 || v.CapReason == "" {
		t.Errorf("cap %d (%q)", v.Cap, v.CapReason)
	}
	for _, f := range v.Report.Files[0].Findings {
		if f.Offset < 0 || f.EndOffset < f.Offset || f.EndOffset > utf8.RuneCountInString(v.Text) {
			t.Errorf("finding %s at [%d,%d) outside the text", f.Rule, f.Offset, f.EndOffset)
		}
		if _, ok := v.Rules[f.Rule]; !ok {
			t.Errorf("rule %s not described", f.Rule)
		}
	}
	// Offsets count code points: the two characters outside the BMP before
	// the comma count one each.
	runes := []rune(v.Text)
	commas := 0
	for _, f := range v.Report.Files[0].Findings {
		if f.Rule == "punct-halfwidth" && string(runes[f.Offset:f.EndOffset]) == "," {
			commas++
		}
	}
	if commas != 1 {
		t.Errorf("%d punct-halfwidth findings on the comma, want 1", commas)
	}
	if !webHasRule(v.Report.Files[0].Findings, "punct-halfwidth") {
		t.Errorf("no punct-halfwidth finding on the half-width comma: %+v", v.Report.Files[0].Findings)
	}
}

func TestViewParents(t *testing.T) {
	_, ts := webServer(t, Options{})
	parent, err := os.ReadFile("../../testdata/corpus/pairs/pair11_parent_law-renda-daibiaofa-2015.txt")
	if err != nil {
		t.Fatal(err)
	}
	child, err := os.ReadFile("../../testdata/corpus/pairs/pair11_child_shandong-shishi-daibiaofa-banfa-2015.txt")
	if err != nil {
		t.Fatal(err)
	}
	resp, data := webPost(t, ts, "/api/view",
		webPart{field: "draft", file: "child.txt", data: child},
		webPart{field: "parent", file: "parent.txt", data: parent},
		webPart{field: "parent", file: "other.md", data: []byte("# 无关文件\n\n今天天气很好。\n")},
	)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, data)
	}
	v := decode[webView](t, data)
	f := v.Report.Files[0]
	if f.Copy == nil || len(f.Copy.Parents) != 2 {
		t.Fatalf("copy %+v: want two parents", f.Copy)
	}
	if f.Copy.Parents[0].Path != "parent.txt" || f.Copy.Parents[0].Ratio <= 0 || f.Copy.Parents[1].Ratio != 0 {
		t.Errorf("parents %+v", f.Copy.Parents)
	}
	if len(v.Passages) == 0 {
		t.Fatal("no copied passages")
	}
	runes := []rune(v.Text)
	for _, p := range v.Passages {
		if p.Parent != "parent.txt" || p.ParentText == "" || p.Offset >= p.EndOffset || p.EndOffset > len(runes) {
			t.Errorf("passage %+v", p)
			continue
		}
		if p.Finding >= 0 && f.Findings[p.Finding].Rule != "copy-passage" {
			t.Errorf("passage points at finding %d, a %s", p.Finding, f.Findings[p.Finding].Rule)
		}
	}
}

// TestDraftOverTextLimit: a request under the request limit whose draft
// is over the limit for a draft's text is too large all the same: 413,
// with the draft named once.
func TestDraftOverTextLimit(t *testing.T) {
	_, ts := webServer(t, Options{MaxRequestBytes: 8 << 20})
	body, ctype := webForm(t, webPart{field: "draft", file: "长稿.txt", data: bytes.Repeat([]byte("各地区要切实做好工作。\n"), 100000)})
	resp, err := http.Post(ts.URL+"/api/check", ctype, body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e struct{ Error string }
	json.NewDecoder(resp.Body).Decode(&e)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(e.Error, "超过2 MiB的上限") || strings.Count(e.Error, "长稿.txt") != 1 {
		t.Errorf("status %d, error %q", resp.StatusCode, e.Error)
	}
}

func TestRequestErrors(t *testing.T) {
	_, ts := webServer(t, Options{MaxRequestBytes: 64 << 10})
	big := bytes.Repeat([]byte("字"), 30<<10)
	form := func(parts ...webPart) func() (*http.Request, error) {
		return func() (*http.Request, error) {
			body, ctype := webForm(t, parts...)
			req, err := http.NewRequest("POST", ts.URL+"/api/check", body)
			req.Header.Set("Content-Type", ctype)
			return req, err
		}
	}
	tests := []struct {
		name    string
		req     func() (*http.Request, error)
		status  int
		message string
	}{
		{"too large", form(webPart{field: "text", data: big}), 413, "超过"},
		{"too large, chunked", func() (*http.Request, error) {
			body, ctype := webForm(t, webPart{field: "draft", file: "a.txt", data: big})
			req, err := http.NewRequest("POST", ts.URL+"/api/check", io.MultiReader(body)) // no length: chunked
			req.Header.Set("Content-Type", ctype)
			return req, err
		}, 413, "超过"},
		{"not multipart", func() (*http.Request, error) {
			req, err := http.NewRequest("POST", ts.URL+"/api/check", strings.NewReader(`{"text":"x"}`))
			req.Header.Set("Content-Type", "application/json")
			return req, err
		}, 400, "multipart/form-data"},
		{"no boundary", func() (*http.Request, error) {
			req, err := http.NewRequest("POST", ts.URL+"/api/check", strings.NewReader("x"))
			req.Header.Set("Content-Type", "multipart/form-data")
			return req, err
		}, 400, "multipart/form-data"},
		{"truncated body", func() (*http.Request, error) {
			req, err := http.NewRequest("POST", ts.URL+"/api/check", strings.NewReader("--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n正文"))
			req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
			return req, err
		}, 400, "不完整或已损坏"},
		{"no draft", form(webPart{field: "parent", file: "p.txt", data: []byte("上级")}), 400, "没有文稿"},
		{"text and draft", form(webPart{field: "text", data: []byte("甲")}, webPart{field: "draft", file: "a.txt", data: []byte("乙")}), 400, "二选一"},
		{"two drafts", form(webPart{field: "draft", file: "a.txt", data: []byte("甲")}, webPart{field: "draft", file: "b.txt", data: []byte("乙")}), 400, "二选一"},
		{"unknown field", form(webPart{field: "txet", data: []byte("甲")}), 400, "未知的表单字段"},
		{"draft without file name", form(webPart{field: "draft", data: []byte("甲")}), 400, "没有文件名"},
		{"broken docx", form(webPart{field: "draft", file: "a.docx", data: []byte("PK\x03\x04 not a zip")}), 400, "a.docx"},
		{"broken parent", form(webPart{field: "text", data: []byte("甲")}, webPart{field: "parent", file: "p.docx", data: []byte("garbage")}), 400, "上级文件 p.docx"},
		{"cross-origin", func() (*http.Request, error) {
			body, ctype := webForm(t, webPart{field: "text", data: []byte("甲")})
			req, err := http.NewRequest("POST", ts.URL+"/api/check", body)
			req.Header.Set("Content-Type", ctype)
			req.Header.Set("Origin", "http://evil.example")
			return req, err
		}, 403, "其他网站"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := tt.req()
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d (%s)", resp.StatusCode, tt.status, data)
			}
			if resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", resp.Header.Get("Content-Type"))
			}
			e := decode[map[string]string](t, data)
			if !strings.Contains(e["error"], tt.message) {
				t.Errorf("error %q, want it to mention %q", e["error"], tt.message)
			}
		})
	}
	// GET on the API and POST on the page are refused.
	for _, c := range []struct{ method, path string }{{"GET", "/api/check"}, {"POST", "/"}, {"PUT", "/api/view"}} {
		req, _ := http.NewRequest(c.method, ts.URL+c.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s %s: %d", c.method, c.path, resp.StatusCode)
		}
	}
}

// TestNoTempFiles sends a part far larger than what ParseMultipartForm
// keeps in memory and checks that nothing was written to the temporary
// directory.
func TestNoTempFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	_, ts := webServer(t, Options{})
	big := bytes.Repeat([]byte("上级文件内容。"), (12<<20)/21)
	resp, data := webPost(t, ts, "/api/check",
		webPart{field: "parent", file: "big.txt", data: big},
		webPart{field: "nonsense", data: []byte("x")},
	)
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("%d %s", resp.StatusCode, data)
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("files left in the temporary directory: %v", entries)
	}
}

func TestConcurrentRequests(t *testing.T) {
	_, ts := webServer(t, Options{MaxConcurrent: 2, QueueWait: time.Minute})
	const n = 24
	checker, _ := lint.NewChecker(rules.All(), nil)
	want := make([]int, n)
	texts := make([]string, n)
	for i := range texts {
		texts[i] = longNotice(i + 1)
		want[i] = checker.Check(lint.ParseText(pastedName, texts[i])).Chars
	}
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			body, ctype := webForm(t, webPart{field: "draft", file: fmt.Sprintf("draft-%02d.txt", i), data: []byte(texts[i])})
			resp, err := http.Post(ts.URL+"/api/check", ctype, body)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var rep webReport
			if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
				errs <- fmt.Errorf("request %d: %d: %v", i, resp.StatusCode, err)
				return
			}
			f := rep.Files[0]
			if resp.StatusCode != http.StatusOK || f.Path != fmt.Sprintf("draft-%02d.txt", i) || f.Chars != want[i] {
				errs <- fmt.Errorf("request %d: %d, path %q, %d字 (want %d)", i, resp.StatusCode, f.Path, f.Chars, want[i])
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestBusy(t *testing.T) {
	s, ts := webServer(t, Options{MaxConcurrent: 1, QueueWait: 50 * time.Millisecond})
	s.slots <- struct{}{} // a draft being checked
	resp, data := webPost(t, ts, "/api/check", webPart{field: "text", data: []byte("正文")})
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("%d, Retry-After %q: %s", resp.StatusCode, resp.Header.Get("Retry-After"), data)
	}
	<-s.slots
	resp, data = webPost(t, ts, "/api/check", webPart{field: "text", data: []byte("正文")})
	if resp.StatusCode != http.StatusOK {
		t.Errorf("after the slot is free: %d %s", resp.StatusCode, data)
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	srv := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 || srv.MaxHeaderBytes == 0 {
		t.Errorf("a timeout or limit is unset: %+v", srv)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.5:80": false, "example.com:80": false, "bad": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"通知.docx": "通知.docx", "../../etc/passwd": "passwd", `C:\Users\a\草稿.docx`: "草稿.docx",
		"..": "", "/": "", "a\x00b.txt": "ab.txt", "dir/": "dir",
	} {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadUpload(f *testing.F) {
	body, ctype := webForm(f, webPart{field: "text", data: []byte("正文")}, webPart{field: "parent", file: "p.txt", data: []byte("上级")})
	f.Add(body.Bytes(), ctype)
	f.Add([]byte("--b\r\n\r\n--b--"), "multipart/form-data; boundary=b")
	f.Add([]byte(""), "text/plain")
	f.Fuzz(func(t *testing.T, data []byte, ctype string) {
		req := httptest.NewRequest("POST", "/api/check", bytes.NewReader(data))
		req.Header.Set("Content-Type", ctype)
		up, err := readUpload(req, bytes.NewReader(data))
		if err == nil && up.draftName == "" {
			t.Fatal("an upload without a draft was accepted")
		}
	})
}
