package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint/rules"
	"github.com/gwlint/gwlint/lint/web"
)

func TestServeUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "extra"}, "多余的参数"},
		{[]string{"serve", "--addr", "no-port"}, "serve："},
		{[]string{"serve", "--config", "/nonexistent/.gwlint.yaml"}, "gwlint.yaml"},
		{[]string{"serve", "--library", "/nonexistent/lib"}, "没有上级文件库"},
	}
	for _, tt := range tests {
		_, stderr, code := gwlint(t, "", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("gwlint %v: exit %d, stderr %q (want 2 and %q)", tt.args, code, stderr, tt.want)
		}
	}
}

// TestServeShutdown runs the server as the command does and stops it the
// way a signal does, through its context.
func TestServeShutdown(t *testing.T) {
	h, err := web.NewServer(web.Options{Registry: rules.All(), ToolVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, web.NewHTTPServer(ln.Addr().String(), h), ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "公文草稿检查") {
		t.Errorf("GET /: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}
