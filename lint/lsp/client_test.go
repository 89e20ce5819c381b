package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// client is a scripted LSP client: it writes framed messages to a server
// running in the test and collects what the server sends back.
type client struct {
	t      *testing.T
	in     *io.PipeWriter // the server's input
	done   chan error     // Serve's result
	msgs   chan map[string]any
	nextID int

	mu      sync.Mutex
	pending []map[string]any // read but not yet asked for
}

func newClient(t *testing.T, opt Options) *client {
	t.Helper()
	if opt.Debounce == 0 {
		opt.Debounce = 20 * time.Millisecond
	}
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, in: inW, done: make(chan error, 1), msgs: make(chan map[string]any, 1000)}
	go func() {
		c.done <- Serve(context.Background(), inR, outW, opt)
		outW.Close()
	}()
	go c.readAll(outR)
	t.Cleanup(func() {
		inW.Close()
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			t.Error("the server did not end when its input closed")
		}
	})
	return c
}

// readAll parses the server's framed output. A malformed frame fails the
// test: whatever the client sends, the server writes only valid frames.
func (c *client) readAll(r io.Reader) {
	defer close(c.msgs)
	br := bufio.NewReader(r)
	for {
		length := -1
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		if length < 0 {
			c.t.Errorf("server wrote a frame without Content-Length")
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			c.t.Errorf("server frame cut short: %v", err)
			return
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server wrote invalid JSON %q: %v", body, err)
			return
		}
		c.msgs <- m
	}
}

func (c *client) raw(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.in, s); err != nil {
		c.t.Fatalf("writing to the server: %v", err)
	}
}

func (c *client) frame(body string) {
	c.t.Helper()
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func (c *client) send(v map[string]any) {
	c.t.Helper()
	v["jsonrpc"] = "2.0"
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.frame(string(b))
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"method": method, "params": params})
}

// call sends a request and waits for its answer.
func (c *client) call(method string, params any) map[string]any {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"id": id, "method": method, "params": params})
	return c.wait(func(m map[string]any) bool { return m["id"] == float64(id) }, "answer to "+method)
}

// wait returns the first message, read or to come, that match accepts.
func (c *client) wait(match func(map[string]any) bool, what string) map[string]any {
	c.t.Helper()
	c.mu.Lock()
	for i, m := range c.pending {
		if match(m) {
			c.pending = append(c.pending[:i], c.pending[i+1:]...)
			c.mu.Unlock()
			return m
		}
	}
	c.mu.Unlock()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("the server closed its output while the test waited for %s", what)
			}
			if match(m) {
				return m
			}
			c.mu.Lock()
			c.pending = append(c.pending, m)
			c.mu.Unlock()
		case <-timeout:
			c.t.Fatalf("no %s within 20 s", what)
		}
	}
}

// diagnostics waits for the diagnostics of uri at a version.
func (c *client) diagnostics(uri string, version int) []any {
	c.t.Helper()
	m := c.wait(func(m map[string]any) bool {
		if m["method"] != "textDocument/publishDiagnostics" {
			return false
		}
		p := m["params"].(map[string]any)
		return p["uri"] == uri && (version < 0 || p["version"] == float64(version))
	}, fmt.Sprintf("diagnostics of %s version %d", uri, version))
	return m["params"].(map[string]any)["diagnostics"].([]any)
}

func (c *client) initialize(root string) map[string]any {
	c.t.Helper()
	res := c.call("initialize", map[string]any{"processId": nil, "rootUri": uriOf(root), "capabilities": map[string]any{}})
	if res["error"] != nil {
		c.t.Fatalf("initialize: %v", res["error"])
	}
	c.notify("initialized", map[string]any{})
	return res
}

func (c *client) open(uri, lang, text string, version int) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": lang, "version": version, "text": text}})
}

func errorCode(m map[string]any) int {
	e, ok := m["error"].(map[string]any)
	if !ok {
		return 0
	}
	return int(e["code"].(float64))
}
