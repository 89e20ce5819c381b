package web

import (
	"bytes"
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
	"os"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/annotate"
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
	// DefaultUploadTimeout is how long a request's body may take to
	// arrive: a draft and its parents are a few megabytes at most.
	DefaultUploadTimeout = 30 * time.Second
	// DefaultMaxRequestText caps the decoded text of a request's draft
	// and parents together: 64 parents of 2 MiB each would otherwise
	// hold gigabytes once parsed, segmented and aligned.
	DefaultMaxRequestText = 8 << 20
	maxParents            = 64
	maxTextField          = 8 << 20
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
	// UploadTimeout bounds the reading of a request's body. A body is
	// read before the request takes its turn to be checked, so slow
	// uploads never hold the checking slots.
	UploadTimeout time.Duration
	// MaxRequestText caps the decoded text of the draft and its parents
	// in one request; past it the request gets 413.
	MaxRequestText int64
	// AllowedHosts are the host names (without port) the Host header may
	// name besides the loopback ones (localhost, *.localhost, 127.0.0.0/8,
	// ::1), which are always allowed; "*" allows any. A page on another
	// site that makes its own name resolve to 127.0.0.1 (DNS rebinding)
	// sends its own name as Host and is refused.
	AllowedHosts []string
	// Library is a parent library directory every draft is compared
	// with, besides the parents uploaded with it; LibraryWait how long a
	// check waits for a writer in another process to release it (the
	// queue wait when zero).
	Library     string
	LibraryWait time.Duration
}

// Server is the web page and its API. It is an http.Handler; NewHTTPServer
// wraps it with the timeouts a listening server needs.
type Server struct {
	opts Options
	// checker is built once, with the rules and the resources they need
	// (user phrase lists), and copied with each request's parents.
	checker *lint.Checker
	slots   chan struct{}
	// uploads are the requests reading their bodies, at most a few per
	// checking slot, so that many slow uploads cannot pile up megabytes
	// each.
	uploads chan struct{}
	mux     *http.ServeMux
	assets  map[string]asset
	library *sharedLibrary // nil without --library
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
	if opts.UploadTimeout <= 0 {
		opts.UploadTimeout = DefaultUploadTimeout
	}
	if opts.MaxRequestText <= 0 {
		opts.MaxRequestText = DefaultMaxRequestText
	}
	s := &Server{opts: opts, checker: checker, slots: make(chan struct{}, opts.MaxConcurrent),
		uploads: make(chan struct{}, 4*opts.MaxConcurrent), assets: map[string]asset{}}
	if opts.Library != "" {
		if opts.LibraryWait <= 0 {
			opts.LibraryWait = opts.QueueWait
		}
		if s.library, err = newSharedLibrary(opts.Library, opts.LibraryWait); err != nil {
			return nil, fmt.Errorf("上级文件库：%w", err)
		}
	}
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
	s.mux.HandleFunc("POST /api/docx", s.handleDocx)
	s.mux.HandleFunc("GET /api/library", s.handleLibrary)
	return s, nil
}

// contentSecurityPolicy lets the page run its own script and style and
// talk to this server only: no inline script (a draft's text can never
// run), no fetch elsewhere, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
	"img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// ServeHTTP sets the security headers on every answer, errors included,
// and refuses a Host it does not serve.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !allowedHost(r.Host, s.opts.AllowedHosts) {
		writeError(w, &requestError{http.StatusMisdirectedRequest, fmt.Sprintf("本服务不接受主机名 %q 的请求（防止DNS重绑定）；请用 http://127.0.0.1 或 http://localhost 访问，或用 gwlint serve --allow-host 允许该名称", r.Host)})
		return
	}
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

// allowedHost reports whether a request's Host header names this
// server: a loopback name or address, or one of allowed.
func allowedHost(hostport string, allowed []string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true // browsers resolve these to loopback themselves (RFC 6761)
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, a := range allowed {
		a = strings.TrimSuffix(strings.ToLower(strings.Trim(a, "[]")), ".")
		if a == "*" || (a != "" && a == host) {
			return true
		}
	}
	return false
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
	return &requestError{status, fmt.Sprintf("%s %s：%v", what, name, err)}
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
		err = fmt.Errorf("请求超过上限 %d 字节；请减少上级文件，或分开检查", tooLarge.Limit)
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

// checked is one draft checked, ready to be answered.
type checked struct {
	result *lint.Result
	// library is the server's library the draft was compared with, nil
	// without one.
	library *lint.LibraryInfo
}

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	c, err := s.check(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, report.JSONReport([]*lint.Result{c.result}, s.opts.ToolVersion))
}

// handleLibrary tells the page which library drafts are compared with:
// {"library": {"name", "documents", "newest"}}, or {"library": null}
// without one. The figures are those of the last opening; a check opens
// the library as it is on disk.
func (s *Server) handleLibrary(w http.ResponseWriter, r *http.Request) {
	var info *lint.LibraryInfo
	if s.library != nil {
		i := s.library.Info()
		info = &i
	}
	writeJSON(w, http.StatusOK, map[string]any{"library": info})
}

// IgnoreKey names a finding in an ignore field: its rule and where it
// starts, which stay the same when the same draft is checked again.
func IgnoreKey(f lint.Finding) string { return f.Rule + "@" + strconv.Itoa(f.Span.Start) }

// handleDocx answers with the draft as a Word file: a 批注 on each finding
// not ignored and a 修订 for each of their fixes.
func (s *Server) handleDocx(w http.ResponseWriter, r *http.Request) {
	c, err := s.check(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	var buf bytes.Buffer
	if _, err := annotate.Docx(&buf, c.result, annotate.Options{}); err != nil {
		writeError(w, &requestError{http.StatusInternalServerError, "无法生成批注文档：" + err.Error()})
		return
	}
	name := strings.TrimSuffix(c.result.Path, path.Ext(c.result.Path)) + annotate.Suffix
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	w.Write(buf.Bytes())
}

func (s *Server) handleView(w http.ResponseWriter, r *http.Request) {
	c, err := s.check(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, s.viewOf(c))
}

// check reads the request, takes a turn and checks its draft against its
// parents. Everything stays in memory and is dropped with the answer. The
// body is read before the turn, under a deadline, so that a slow upload
// holds no checking slot; the check stops when the client leaves.
func (s *Server) check(w http.ResponseWriter, r *http.Request) (c *checked, err error) {
	if err := sameOrigin(r); err != nil {
		return nil, err
	}
	if r.ContentLength > s.opts.MaxRequestBytes {
		return nil, &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("请求有 %d 字节，超过上限 %d 字节；请减少上级文件，或分开检查", r.ContentLength, s.opts.MaxRequestBytes)}
	}
	up, err := s.receive(w, r)
	if err != nil {
		return nil, err
	}
	wait := time.NewTimer(s.opts.QueueWait)
	defer wait.Stop()
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-wait.C:
		return nil, &requestError{http.StatusServiceUnavailable, "服务器正忙：同时检查的文稿太多，请稍后再试"}
	case <-r.Context().Done():
		return nil, &requestError{http.StatusServiceUnavailable, "请求已取消"}
	}
	// The decoded texts of the draft and parents share one budget, each
	// read refused as soon as it would pass what is left.
	budget := s.opts.MaxRequestText
	parse := func(what, name string, data []byte) (*lint.Document, error) {
		limits := read.DefaultLimits()
		if budget < limits.MaxTextBytes {
			limits.MaxTextBytes = budget
		}
		if limits.MaxTextBytes <= 0 {
			return nil, &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("%s %s：一次检查的文稿和上级文件合计最多 %d 字节文字；请减少上级文件，或分开检查", what, name, s.opts.MaxRequestText)}
		}
		src, err := read.Bytes(name, data, limits)
		if err != nil {
			return nil, unreadable(what, name, err)
		}
		budget -= int64(len(src.Text))
		return lint.Parse(src), nil
	}
	draft, err := parse("文稿", up.draftName, up.draft)
	if err != nil {
		return nil, err
	}
	ignore := up.ignore
	var parents []*lint.Document
	for _, p := range up.parents {
		d, err := parse("上级文件", p.name, p.data)
		if err != nil {
			return nil, err
		}
		parents = append(parents, d)
	}
	up = nil // the raw bytes are no longer needed
	checker := s.checker
	var info *lint.LibraryInfo
	if s.library != nil {
		h, err := s.library.acquire(r.Context())
		if err != nil {
			return nil, libraryError(err)
		}
		defer s.library.release(h)
		set := lint.NewParentSet(parents...)
		set.SetLibrary(h.lib)
		checker = checker.WithParents(set)
		i := s.library.Info()
		info = &i
	} else if len(parents) > 0 {
		checker = checker.WithParents(lint.NewParentSet(parents...))
	}
	defer func() {
		// A rule that panics is a bug; the page still gets an answer it can
		// show, and the server keeps serving.
		if p := recover(); p != nil {
			c, err = nil, &requestError{http.StatusInternalServerError, fmt.Sprintf("检查时发生内部错误：%v；请把这份文稿报告给维护者", p)}
		}
	}()
	res := checker.CheckContext(r.Context(), draft)
	if r.Context().Err() != nil {
		return nil, &requestError{http.StatusServiceUnavailable, "请求已取消"}
	}
	if len(ignore) > 0 {
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if !ignore[IgnoreKey(f)] {
				kept = append(kept, f)
			}
		}
		res.Findings = kept
	}
	return &checked{result: res, library: info}, nil
}

// receive reads a request's body, among at most a few uploads at once and
// within the upload timeout.
func (s *Server) receive(w http.ResponseWriter, r *http.Request) (*upload, error) {
	wait := time.NewTimer(s.opts.QueueWait)
	defer wait.Stop()
	select {
	case s.uploads <- struct{}{}:
		defer func() { <-s.uploads }()
	case <-wait.C:
		return nil, &requestError{http.StatusServiceUnavailable, "服务器正忙：同时上传的文件太多，请稍后再试"}
	case <-r.Context().Done():
		return nil, &requestError{http.StatusServiceUnavailable, "请求已取消"}
	}
	// A connection that is not a net.Conn (a test recorder) has no
	// deadline to set; the http.Server's ReadTimeout still applies.
	rc := http.NewResponseController(w)
	deadline := rc.SetReadDeadline(time.Now().Add(s.opts.UploadTimeout)) == nil
	body := http.MaxBytesReader(w, r.Body, s.opts.MaxRequestBytes)
	up, err := readUpload(r, body)
	if deadline && err == nil {
		rc.SetReadDeadline(time.Time{})
	}
	if err != nil {
		// The rest of a body that stalled or broke is not worth reading:
		// the connection closes after the answer, where the server would
		// otherwise wait to drain it.
		w.Header().Set("Connection", "close")
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, &requestError{http.StatusRequestTimeout, fmt.Sprintf("%v 内没有收到完整的上传内容；请检查网络后重试", s.opts.UploadTimeout)}
		}
		return nil, err
	}
	return up, nil
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
		return &requestError{http.StatusForbidden, "拒绝来自其他网站的请求：请直接在本机的检查页面上操作"}
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
	// ignore names findings the reviewer set aside on the page, each as
	// RULE@OFFSET; they are left out of the answer.
	ignore map[string]bool
}

// maxIgnored bounds the ignore fields of one request.
const maxIgnored = 10000

// pastedName names a pasted draft in reports; with no extension it is
// read as plain text.
const pastedName = "粘贴的文稿"

// readUpload reads the multipart form part by part into memory. The
// standard ParseMultipartForm would spill large files to temporary files,
// and drafts must never touch the disk.
func readUpload(r *http.Request, body io.Reader) (*upload, error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return nil, badRequest("请求格式不对：应为 multipart/form-data，含 text 字段或 draft 文件")
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
				return nil, badRequest("只能检查一份文稿：粘贴的文字（text）或草稿文件（draft），二选一")
			}
			data, err := io.ReadAll(io.LimitReader(part, maxTextField+1))
			if err != nil {
				return nil, readError("text field", err)
			}
			if len(data) > maxTextField {
				return nil, &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("粘贴的文稿超过 %d 字节；请上传文件，或分开检查", maxTextField)}
			}
			haveText = true
			up.draftName, up.draft = pastedName, data
		case "draft", "parent":
			file := fileName(part.FileName())
			if file == "" {
				return nil, badRequest("上传的 %s 文件没有文件名", name)
			}
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, readError(name+" file "+file, err)
			}
			if name == "draft" {
				if haveText || haveDraft {
					return nil, badRequest("只能检查一份文稿：粘贴的文字（text）或草稿文件（draft），二选一")
				}
				haveDraft = true
				up.draftName, up.draft = file, data
				continue
			}
			if len(up.parents) == maxParents {
				return nil, badRequest("上级文件超过 %d 份；请减少后再试", maxParents)
			}
			up.parents = append(up.parents, uploadedFile{file, data})
		case "ignore":
			data, err := io.ReadAll(io.LimitReader(part, 201))
			if err != nil {
				return nil, readError("ignore field", err)
			}
			if len(data) > 200 || len(up.ignore) == maxIgnored {
				return nil, badRequest("忽略项过多或过长（最多 %d 项）", maxIgnored)
			}
			if up.ignore == nil {
				up.ignore = map[string]bool{}
			}
			up.ignore[string(data)] = true
		default:
			return nil, badRequest("未知的表单字段 %q（应为 text、draft、parent 或 ignore）", name)
		}
	}
	if !haveText && !haveDraft {
		return nil, badRequest("没有文稿：请粘贴文稿，或选择草稿文件")
	}
	return up, nil
}

// readError keeps a body that is too large recognizable (413) and calls
// anything else malformed.
func readError(what string, err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) || errors.Is(err, os.ErrDeadlineExceeded) {
		return err
	}
	return badRequest("上传内容不完整或已损坏（%s）：%v", what, err)
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
