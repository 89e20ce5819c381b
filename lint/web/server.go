package web

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"path"
	"runtime"
	"strings"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/read"
	"github.com/gwlint/gwlint/lint/report"
)

//go:embed page
var pageFS embed.FS

// Limits a request may not pass. A draft of the 5000字 the rules allow is
// a few hundred kilobytes even as .docx; 20 MiB leaves room for parents.
const (
	DefaultMaxRequestBytes = 20 << 20
	DefaultQueueWait       = 10 * time.Second
	maxParents             = 64
	maxTextField           = 8 << 20
)

// Options configure a Server. The zero value of each field means its
// default.
type Options struct {
	// Registry is the set of rules; Config how they run (DefaultConfig
	// when nil).
	Registry *lint.Registry
	Config   *lint.Config
	// ToolVersion goes into every report.
	ToolVersion string
	// MaxRequestBytes caps a request's body; larger ones get 413.
	MaxRequestBytes int64
	// MaxConcurrent is how many drafts are checked at once (default: one
	// per CPU); QueueWait how long a request waits for its turn before it
	// gets 503.
	MaxConcurrent int
	QueueWait     time.Duration
}

// Server is the web page and its API. It is an http.Handler; NewHTTPServer
// wraps it with the timeouts a listening server needs.
type Server struct {
	opts Options
	// checker is built once, with the rules and the resources they need
	// (user phrase lists), and copied with each request's parents.
	checker *lint.Checker
	slots   chan struct{}
	mux     *http.ServeMux
	assets  map[string]asset
}

type asset struct {
	contentType string
	body        []byte
}

// NewServer prepares the page and checks that the rules and configuration
// go together.
func NewServer(opts Options) (*Server, error) {
	if opts.Registry == nil {
		return nil, errors.New("web: no rules given")
	}
	if opts.Config == nil {
		opts.Config = lint.DefaultConfig()
	}
	// Everything the rules need is loaded now: a configuration or user
	// phrase list that does not load keeps the server from starting,
	// rather than failing every draft sent to it.
	checker, err := lint.NewChecker(opts.Registry, opts.Config)
	if err != nil {
		return nil, err
	}
	if opts.MaxRequestBytes <= 0 {
		opts.MaxRequestBytes = DefaultMaxRequestBytes
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	if opts.QueueWait <= 0 {
		opts.QueueWait = DefaultQueueWait
	}
	s := &Server{opts: opts, checker: checker, slots: make(chan struct{}, opts.MaxConcurrent), assets: map[string]asset{}}
	for name, ctype := range map[string]string{
		"index.html": "text/html; charset=utf-8",
		"app.js":     "text/javascript; charset=utf-8",
		"app.css":    "text/css; charset=utf-8",
	} {
		body, err := pageFS.ReadFile(path.Join("page", name))
		if err != nil {
			return nil, fmt.Errorf("web: embedded page: %w", err)
		}
		s.assets[name] = asset{ctype, body}
	}
	s.assets["view.css"] = asset{"text/css; charset=utf-8", []byte(report.ViewCSS())}

	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { s.serveAsset(w, r, "index.html") })
	s.mux.HandleFunc("GET /static/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		if name == "index.html" {
			http.NotFound(w, r)
			return
		}
		s.serveAsset(w, r, name)
	})
	s.mux.HandleFunc("POST /api/check", s.handleCheck)
	s.mux.HandleFunc("POST /api/view", s.handleView)
	return s, nil
}

// contentSecurityPolicy lets the page run its own script and style and
// talk to this server only: no inline script (a draft's text can never
// run), no fetch elsewhere, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
	"img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// ServeHTTP sets the security headers on every answer, errors included.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	s.mux.ServeHTTP(w, r)
}

// NewHTTPServer is an http.Server for h with every timeout set, so that a
// slow or stalled client cannot hold the server.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// IsLoopback reports whether addr (host:port) listens on this machine
// only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	a, ok := s.assets[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", a.contentType)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(a.body)
}

// requestError is a problem with a request, answered with its status and
// {"error": "..."}.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &requestError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// unreadable answers a draft or parent that could not be read: 413 when it
// is over a size limit (the contract's "too large a request"), 400
// otherwise.
func unreadable(what, name string, err error) error {
	status := http.StatusBadRequest
	if errors.Is(err, read.ErrTooLarge) {
		status = http.StatusRequestEntityTooLarge
	}
	return &requestError{status, fmt.Sprintf("%s %s: %v", what, name, err)}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, err error) {
	status := http.StatusBadRequest
	var re *requestError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &re):
		status = re.status
	case errors.As(err, &tooLarge):
		status = http.StatusRequestEntityTooLarge
		err = fmt.Errorf("request larger than %d bytes", tooLarge.Limit)
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

// checked is one draft checked, ready to be answered.
type checked struct {
	result *lint.Result
}

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	c, err := s.check(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, report.JSONReport([]*lint.Result{c.result}, s.opts.ToolVersion))
}

func (s *Server) handleView(w http.ResponseWriter, r *http.Request) {
	c, err := s.check(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, s.viewOf(c.result))
}

// check takes a turn, reads the request and checks its draft against its
// parents. Everything stays in memory and is dropped with the answer.
func (s *Server) check(w http.ResponseWriter, r *http.Request) (c *checked, err error) {
	if err := sameOrigin(r); err != nil {
		return nil, err
	}
	if r.ContentLength > s.opts.MaxRequestBytes {
		return nil, &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("request of %d bytes is larger than %d bytes", r.ContentLength, s.opts.MaxRequestBytes)}
	}
	wait := time.NewTimer(s.opts.QueueWait)
	defer wait.Stop()
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-wait.C:
		return nil, &requestError{http.StatusServiceUnavailable, "server busy: too many drafts being checked, try again shortly"}
	case <-r.Context().Done():
		return nil, &requestError{http.StatusServiceUnavailable, "request cancelled"}
	}
	body := http.MaxBytesReader(w, r.Body, s.opts.MaxRequestBytes)
	up, err := readUpload(r, body)
	if err != nil {
		return nil, err
	}
	draft, err := lint.ParseBytes(up.draftName, up.draft)
	if err != nil {
		return nil, unreadable("draft", up.draftName, err)
	}
	var parents []*lint.Document
	for _, p := range up.parents {
		d, err := lint.ParseBytes(p.name, p.data)
		if err != nil {
			return nil, unreadable("parent", p.name, err)
		}
		parents = append(parents, d)
	}
	checker := s.checker
	if len(parents) > 0 {
		checker = checker.WithParents(lint.NewParentSet(parents...))
	}
	defer func() {
		// A rule that panics is a bug; the page still gets an answer it can
		// show, and the server keeps serving.
		if p := recover(); p != nil {
			c, err = nil, &requestError{http.StatusInternalServerError, fmt.Sprintf("internal error while checking: %v", p)}
		}
	}()
	return &checked{result: checker.Check(draft)}, nil
}

// sameOrigin refuses a POST that a browser sends from another site: the
// page is for this machine's user, not for pages they happen to visit.
func sameOrigin(r *http.Request) error {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return nil // not a browser, or a same-origin request from an old one
	}
	u, err := url.Parse(origin)
	if err != nil || !strings.EqualFold(u.Host, r.Host) {
		return &requestError{http.StatusForbidden, "cross-origin request refused"}
	}
	return nil
}

type uploadedFile struct {
	name string
	data []byte
}

type upload struct {
	draftName string
	draft     []byte
	parents   []uploadedFile
}

// pastedName names a pasted draft in reports; with no extension it is
// read as plain text.
const pastedName = "粘贴的文稿"

// readUpload reads the multipart form part by part into memory. The
// standard ParseMultipartForm would spill large files to temporary files,
// and drafts must never touch the disk.
func readUpload(r *http.Request, body io.Reader) (*upload, error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return nil, badRequest("want a multipart/form-data request with a text field or a draft file")
	}
	mr := multipart.NewReader(body, params["boundary"])
	up := &upload{}
	var haveText, haveDraft bool
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readError("next part", err)
		}
		name := part.FormName()
		switch name {
		case "text":
			if haveText || haveDraft {
				return nil, badRequest("give either one text field or one draft file")
			}
			data, err := io.ReadAll(io.LimitReader(part, maxTextField+1))
			if err != nil {
				return nil, readError("text field", err)
			}
			if len(data) > maxTextField {
				return nil, &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("text field larger than %d bytes", maxTextField)}
			}
			haveText = true
			up.draftName, up.draft = pastedName, data
		case "draft", "parent":
			file := fileName(part.FileName())
			if file == "" {
				return nil, badRequest("the %s part has no file name", name)
			}
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, readError(name+" file "+file, err)
			}
			if name == "draft" {
				if haveText || haveDraft {
					return nil, badRequest("give either one text field or one draft file")
				}
				haveDraft = true
				up.draftName, up.draft = file, data
				continue
			}
			if len(up.parents) == maxParents {
				return nil, badRequest("more than %d parent files", maxParents)
			}
			up.parents = append(up.parents, uploadedFile{file, data})
		default:
			return nil, badRequest("unknown form field %q (want text, draft or parent)", name)
		}
	}
	if !haveText && !haveDraft {
		return nil, badRequest("no draft: give a text field or a draft file")
	}
	return up, nil
}

// readError keeps a body that is too large recognizable (413) and calls
// anything else malformed.
func readError(what string, err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return err
	}
	return badRequest("malformed multipart body: %s: %v", what, err)
}

// fileName keeps the last element of an uploaded file's name: browsers
// send a bare name, but the name is the client's to choose and is only
// ever a label (and an extension that picks the reader).
func fileName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	if name == "." || name == "/" || name == ".." {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
}
