package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
	"github.com/gwlint/gwlint/lint/web"
)

// TestCheckOnServer: `check --server` prints what a local check with the
// same library prints, in every format, with the same exit code.
func TestCheckOnServer(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib")
	if _, errs, code := gwlint(t, "", "library", "add", "--library", lib, exampleParent, "testdata/corpus/gov/govcn_5342665.txt"); code != 0 {
		t.Fatalf("add: %s", errs)
	}
	h, err := web.NewServer(web.Options{Registry: rules.All(), ToolVersion: lint.Version, Library: lib})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	drafts := []string{example, "testdata/office/features.docx", "testdata/office/deviant.docx"}
	for _, format := range []string{"text", "json", "sarif", "rdjson", "html"} {
		args := append([]string{"check", "--no-color", "--format", format}, drafts...)
		want, wantErr, wantCode := gwlint(t, "", append(append([]string{}, args[:1]...), append([]string{"--library", lib}, args[1:]...)...)...)
		got, gotErr, gotCode := gwlint(t, "", append(append([]string{}, args[:1]...), append([]string{"--server", ts.URL}, args[1:]...)...)...)
		if gotCode != wantCode {
			t.Errorf("%s: exit %d on the server, %d here (%s)", format, gotCode, wantCode, gotErr)
		}
		if got != want {
			t.Errorf("%s: the server's report differs from the local one\n--- server:\n%.3000s\n--- local:\n%.3000s\n%s", format, got, want, wantErr)
		}
	}
}

// TestCheckOnServerFailures: a server that is down, too slow or not a
// gwlint server gives a Chinese reason and exit 2, within the time bound.
func TestCheckOnServerFailures(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := "http://" + ln.Addr().String() + "/"
	ln.Close()
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(release)
	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html>路由器登录页</html>"))
	}))
	defer garbage.Close()
	wrongJSON := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"report": {"files": []}}`))
	}))
	defer wrongJSON.Close()
	for _, tt := range []struct{ name, url, want string }{
		{"down", down, "无法连接检查服务器"},
		{"slow", slow.URL, "没有答复"},
		{"garbage", garbage.URL, "不是 gwlint 的答复"},
		{"wrong JSON", wrongJSON.URL, "不是 gwlint 的检查结果"},
		{"not a URL", "127.0.0.1:8080", "不是服务器地址"},
	} {
		_, errs, code := gwlint(t, "", "check", "--server", tt.url, "--server-timeout", "500ms", example)
		if code != 2 || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d, %q (want 2 and %q)", tt.name, code, errs, tt.want)
		}
	}
	if _, errs, code := gwlint(t, "", "check", "--server", down, "--parent", exampleParent, example); code != 2 || !strings.Contains(errs, "--parent") {
		t.Errorf("--server with --parent: %d %s", code, errs)
	}
}
