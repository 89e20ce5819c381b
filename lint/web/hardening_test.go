package web

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A page on another site that resolves its own name to 127.0.0.1 (DNS
// rebinding) passes the same-origin check, since its Origin and Host
// agree; the Host itself must be one this server answers to.
func TestHostHeader(t *testing.T) {
	for _, tc := range []struct {
		host    string
		allowed []string
		ok      bool
	}{
		{"127.0.0.1:8080", nil, true},
		{"127.3.4.5", nil, true},
		{"localhost:8080", nil, true},
		{"LOCALHOST.:8080", nil, true},
		{"gwlint.localhost:8080", nil, true},
		{"[::1]:8080", nil, true},
		{"evil.example:8080", nil, false},
		{"evil.example", nil, false},
		{"127.0.0.1.evil.example", nil, false},
		{"192.168.1.5:8080", nil, false},
		{"office-pc:8080", []string{"office-pc"}, true},
		{"Office-PC:8080", []string{"office-pc"}, true},
		{"other-pc:8080", []string{"office-pc"}, false},
		{"anything:1", []string{"*"}, true},
	} {
		t.Run(tc.host, func(t *testing.T) {
			_, ts := webServer(t, Options{AllowedHosts: tc.allowed})
			for _, method := range []string{"GET", "POST"} {
				body, ctype := webForm(t, webPart{field: "text", data: []byte(strings.Repeat("请认真贯彻落实。", 3))})
				path := "/api/check"
				if method == "GET" {
					path = "/"
				}
				req, err := http.NewRequest(method, ts.URL+path, body)
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Content-Type", ctype)
				req.Host = tc.host
				req.Header.Set("Origin", "http://"+tc.host) // a rebinding page's own origin
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				data, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if got := resp.StatusCode != http.StatusMisdirectedRequest; got != tc.ok {
					t.Errorf("%s Host %q (allowed %v): %d %s", method, tc.host, tc.allowed, resp.StatusCode, data)
				}
			}
		})
	}
}

// startSlowUpload opens a connection that sends a request's headers and
// the start of its body, then stalls.
func startSlowUpload(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "POST /api/check HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n", addr)
	return conn
}

// Slow uploads hold no checking slot: with one slot and two uploads
// stalled, a third request is answered; the stalled ones get 408 when
// their upload time is up.
func TestSlowUploadsHoldNoSlot(t *testing.T) {
	_, ts := webServer(t, Options{MaxConcurrent: 1, QueueWait: 5 * time.Second, UploadTimeout: 500 * time.Millisecond})
	addr := strings.TrimPrefix(ts.URL, "http://")
	slow := []net.Conn{startSlowUpload(t, addr), startSlowUpload(t, addr)}
	time.Sleep(100 * time.Millisecond)
	resp, data := webPost(t, ts, "/api/check", webPart{field: "text", data: []byte("关于做好工作的通知\n各部门,请落实。\n")})
	if resp.StatusCode != http.StatusOK {
		t.Errorf("a request beside two stalled uploads: %d %s", resp.StatusCode, data)
	}
	for i, c := range slow {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("stalled upload %d: no answer: %v", i, err)
		}
		data, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusRequestTimeout {
			t.Errorf("stalled upload %d: %d %s, want 408", i, resp.StatusCode, data)
		}
		c.Close()
	}
}

// The decoded text of a request's draft and parents is capped together.
func TestRequestTextCap(t *testing.T) {
	_, ts := webServer(t, Options{MaxRequestText: 2000})
	parent := []byte(strings.Repeat("各地区各部门要认真贯彻落实。", 20)) // 840 bytes
	resp, data := webPost(t, ts, "/api/check",
		webPart{field: "text", data: []byte("关于做好工作的通知\n各部门：请落实。\n")},
		webPart{field: "parent", file: "a.txt", data: parent},
		webPart{field: "parent", file: "b.txt", data: parent},
		webPart{field: "parent", file: "c.txt", data: parent})
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(data), "c.txt") {
		t.Errorf("three parents over a 2000-byte text budget: %d %s, want 413 naming c.txt", resp.StatusCode, data)
	}
	resp, data = webPost(t, ts, "/api/check",
		webPart{field: "text", data: []byte("关于做好工作的通知\n各部门：请落实。\n")},
		webPart{field: "parent", file: "a.txt", data: parent})
	if resp.StatusCode != http.StatusOK {
		t.Errorf("one parent within the budget: %d %s", resp.StatusCode, data)
	}
}
