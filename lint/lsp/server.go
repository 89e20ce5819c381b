package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
)

// Options configure a server. The zero value serves every draft with its
// nearest .gwlint.yaml and gwlint's rules.
type Options struct {
	// Registry is the set of rules (rules.All() when nil).
	Registry *lint.Registry
	// ConfigPath, when set, is the configuration of every draft, as
	// --config; otherwise each draft's nearest .gwlint.yaml upward from
	// its directory applies, read again when it changes.
	ConfigPath string
	// Debounce is how long a draft must be left alone after a change
	// before it is checked again. Default 250 ms: a pause in typing, not
	// every keystroke.
	Debounce time.Duration
	// MaxMessageBytes caps one JSON-RPC message. A longer one is read,
	// dropped and answered with an error. Default 16 MiB, room for the
	// largest draft gwlint checks (2 MiB of text) in JSON with every
	// character escaped.
	MaxMessageBytes int64
	// Log receives one line per problem worth knowing (a message that
	// was refused, a check that failed); nil discards them. It must not
	// be the protocol stream.
	Log io.Writer
	// ToolVersion is reported to the client in serverInfo.
	ToolVersion string
}

// ErrExitWithoutShutdown is Serve's error when the client sent exit
// before shutdown: the protocol asks for exit status 1 then.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// Server is one client's session.
type Server struct {
	opt  Options
	out  *writer
	runs *runs

	ctx    context.Context
	cancel context.CancelFunc
	checks sync.WaitGroup
	// slot lets one check run at a time: a draft is checked in tens of
	// milliseconds, and the editor is the user's, not gwlint's.
	slot chan struct{}

	mu          sync.Mutex
	docs        map[string]*document
	initialized bool
	shutdown    bool
	exited      bool
}

// document is an open draft as the editor has it.
type document struct {
	uri, path, lang string
	version         int32
	text            string
	timer           *time.Timer
	// cancel stops the check running on this document's previous text.
	cancel context.CancelFunc
	// last is the most recent check, for code actions.
	last *analysis
}

// Serve runs a session over in and out until the client exits or the
// stream ends; a malformed or unknown message is answered with an error
// and the session goes on. It returns nil after shutdown and exit, or
// when the stream ends, ErrExitWithoutShutdown for an exit without
// shutdown, and the write error when out fails.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opt Options) error {
	s := NewServer(out, opt)
	defer s.Close()
	return s.serve(ctx, in)
}

// NewServer prepares a session that writes to out; Run reads its input.
func NewServer(out io.Writer, opt Options) *Server {
	if opt.Registry == nil {
		opt.Registry = rules.All()
	}
	if opt.Debounce <= 0 {
		opt.Debounce = 250 * time.Millisecond
	}
	if opt.MaxMessageBytes <= 0 {
		opt.MaxMessageBytes = 16 << 20
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Server{
		opt:    opt,
		out:    &writer{w: out},
		runs:   newRuns(opt.Registry, opt.ConfigPath),
		ctx:    ctx,
		cancel: cancel,
		slot:   make(chan struct{}, 1),
		docs:   map[string]*document{},
	}
}

// Close stops pending checks and waits for the one running.
func (s *Server) Close() {
	s.cancel()
	s.mu.Lock()
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
	s.mu.Unlock()
	s.checks.Wait()
}

func (s *Server) serve(ctx context.Context, in io.Reader) error {
	rd := newReader(in, s.opt.MaxMessageBytes)
	for ctx.Err() == nil {
		body, err := rd.next()
		var fe *frameError
		switch {
		case errors.As(err, &fe):
			s.logf("refused a message: %s", fe.msg)
			s.replyError(nil, fe.code, fe.msg)
			continue
		case err != nil:
			// The client has gone: EOF between messages, or in the middle
			// of one. Nothing is left to answer.
			if err != io.EOF {
				s.logf("input ended: %v", err)
			}
			return s.out.err
		}
		s.handle(body)
		s.mu.Lock()
		exited, shutdown := s.exited, s.shutdown
		s.mu.Unlock()
		if exited {
			if !shutdown {
				return ErrExitWithoutShutdown
			}
			return nil
		}
		if s.out.err != nil {
			return s.out.err
		}
	}
	return nil
}

// handle answers one message. A handler that panics is a bug, but it
// costs only that request: the client gets an internal error and the
// session goes on.
func (s *Server) handle(body []byte) {
	var m incoming
	if err := json.Unmarshal(body, &m); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			s.replyError(nil, codeParseError, "not valid JSON: "+err.Error())
		} else {
			s.replyError(nil, codeInvalidRequest, "not a JSON-RPC message: "+err.Error())
		}
		return
	}
	if m.ID != nil && !validID(*m.ID) {
		s.replyError(nil, codeInvalidRequest, "id must be a number or a string")
		return
	}
	if m.Method == "" {
		if m.ID != nil && (m.Result != nil || m.Error != nil) {
			return // a response; the server sends no requests that need one
		}
		s.replyError(m.ID, codeInvalidRequest, "message has no method")
		return
	}
	defer func() {
		if r := recover(); r != nil {
			s.logf("internal error in %s: %v\n%s", m.Method, r, debug.Stack())
			if m.ID != nil {
				s.replyError(m.ID, codeInternalError, fmt.Sprintf("gwlint 内部错误（请报告此问题）：%v", r))
			}
		}
	}()
	if m.ID == nil {
		s.notify(m.Method, m.Params)
		return
	}
	result, err := s.request(m.Method, m.Params)
	if err != nil {
		var re *rpcError
		if !errors.As(err, &re) {
			re = &rpcError{Code: codeRequestFailed, Message: err.Error()}
		}
		s.replyError(m.ID, re.Code, re.Message)
		return
	}
	s.reply(*m.ID, result)
}

func validID(id json.RawMessage) bool {
	var v any
	if json.Unmarshal(id, &v) != nil {
		return false
	}
	switch v.(type) {
	case string, float64:
		return true
	}
	return false
}

// request answers a request by method.
func (s *Server) request(method string, params json.RawMessage) (any, error) {
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case method == "initialize":
		if initialized {
			return nil, &rpcError{Code: codeInvalidRequest, Message: "initialize was already sent"}
		}
		return s.initialize(params)
	case !initialized:
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "send initialize first"}
	case shutdown:
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shutting down"}
	}
	switch method {
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decodeParams(params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "method not supported: " + method}
}

// notify handles a notification. An unknown one is ignored, as the
// protocol asks; one with bad parameters is logged, having no one to
// answer to.
func (s *Server) notify(method string, params json.RawMessage) {
	s.mu.Lock()
	initialized := s.initialized
	s.mu.Unlock()
	if method == "exit" {
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		return
	}
	if !initialized {
		return
	}
	var err error
	switch method {
	case "textDocument/didOpen":
		var p didOpenParams
		if err = decodeParams(params, &p); err == nil {
			s.open(p.TextDocument)
		}
	case "textDocument/didChange":
		var p didChangeParams
		if err = decodeParams(params, &p); err == nil {
			err = s.change(p)
		}
	case "textDocument/didSave":
		var p didSaveParams
		if err = decodeParams(params, &p); err == nil {
			s.save(p)
		}
	case "textDocument/didClose":
		var p didCloseParams
		if err = decodeParams(params, &p); err == nil {
			s.close(p.TextDocument.URI)
		}
	}
	if err != nil {
		s.logf("%s: %v", method, err)
	}
}

func decodeParams(params json.RawMessage, v any) error {
	if len(params) == 0 {
		return &rpcError{Code: codeInvalidParams, Message: "params missing"}
	}
	if err := json.Unmarshal(params, v); err != nil {
		return &rpcError{Code: codeInvalidParams, Message: "bad params: " + err.Error()}
	}
	return nil
}

func (s *Server) initialize(params json.RawMessage) (any, error) {
	var p initializeParams
	if len(params) > 0 {
		if err := json.Unmarshal(params, &p); err != nil {
			return nil, &rpcError{Code: codeInvalidParams, Message: "bad params: " + err.Error()}
		}
	}
	s.mu.Lock()
	s.initialized = true
	s.mu.Unlock()
	// The first check loads the segmenter's dictionary; do it now, while
	// the editor is still opening the draft.
	s.checks.Add(1)
	go func() {
		defer s.checks.Done()
		s.runs.warm()
	}()
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": "utf-16",
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    2, // incremental; whole-text changes are taken too
				"save":      map[string]any{"includeText": true},
			},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []string{kindQuickFix, kindFixAll},
			},
		},
		"serverInfo": map[string]any{"name": "gwlint", "version": s.opt.ToolVersion},
	}, nil
}

func (s *Server) reply(id json.RawMessage, result any) {
	if err := s.out.write(response{JSONRPC: "2.0", ID: id, Result: result}); err != nil {
		s.logf("cannot answer: %v", err)
	}
}

// replyError answers with an error; a nil id (a message too broken to
// have one) is written as null, as JSON-RPC asks.
func (s *Server) replyError(id *json.RawMessage, code int, msg string) {
	raw := json.RawMessage("null")
	if id != nil {
		raw = *id
	}
	if err := s.out.write(errorResponse{JSONRPC: "2.0", ID: raw, Error: &rpcError{Code: code, Message: msg}}); err != nil {
		s.logf("cannot answer: %v", err)
	}
}

func (s *Server) send(method string, params any) {
	if err := s.out.write(notification{JSONRPC: "2.0", Method: method, Params: params}); err != nil {
		s.logf("cannot send %s: %v", method, err)
	}
}

// showMessage tells the user something in the editor, in Chinese.
func (s *Server) showMessage(typ int, msg string) {
	s.send("window/showMessage", showMessageParams{Type: typ, Message: msg})
}

func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.opt.Log, "gwlint lsp: "+format+"\n", args...)
}
