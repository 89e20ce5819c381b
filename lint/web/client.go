package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/read"
)

// Client checks drafts on a gwlint server (`gwlint check --server URL`),
// so that a county office uses the province's library without one of its
// own. It posts each draft to /api/view, whose answer carries, besides the
// JSON report, what the text and HTML reports need and the JSON report
// leaves out (the 字数 cap and why, the counted span, the parents' words
// of each copied passage), and turns it back into a lint.Result that the
// local reporters print as they print a local check.
type Client struct {
	// URL is the server's address, http://HOST:PORT/.
	URL string
	// Timeout bounds each draft's round trip, connecting included.
	Timeout time.Duration
	// Registry gives each finding its rule's scope, which the JSON report
	// does not carry.
	Registry *lint.Registry

	http *http.Client
}

// ServerError is a server that is down, too slow, or answers something
// that is not a gwlint answer: the run stops (exit 2) rather than report
// every draft as failed.
type ServerError struct{ Msg string }

func (e *ServerError) Error() string { return e.Msg }

// clientView is the part of /api/view's answer the client reads.
type clientView struct {
	Report *struct {
		Version int `json:"version"`
		Files   []struct {
			Title    string `json:"title"`
			Kind     string `json:"kind"`
			Chars    int    `json:"chars"`
			Error    string `json:"error"`
			Findings []struct {
				Rule      string        `json:"rule"`
				RuleName  string        `json:"rule_name"`
				Severity  lint.Severity `json:"severity"`
				Message   string        `json:"message"`
				Offset    int           `json:"offset"`
				EndOffset int           `json:"end_offset"`
				Source    string        `json:"source"`
				Related   []struct {
					Path      string `json:"path"`
					Line      int    `json:"line"`
					Column    int    `json:"column"`
					EndLine   int    `json:"end_line"`
					EndColumn int    `json:"end_column"`
					Offset    int    `json:"offset"`
					EndOffset int    `json:"end_offset"`
					Message   string `json:"message"`
				} `json:"related"`
				Fix *struct {
					Offset    int    `json:"offset"`
					EndOffset int    `json:"end_offset"`
					Text      string `json:"text"`
				} `json:"fix"`
			} `json:"findings"`
			Copy *struct {
				Ratio   float64 `json:"ratio"`
				Parents []struct {
					Path     string  `json:"path"`
					Title    string  `json:"title"`
					DocNo    string  `json:"doc_number"`
					Ratio    float64 `json:"ratio"`
					Coverage float64 `json:"coverage"`
				} `json:"parents"`
			} `json:"copy"`
		} `json:"files"`
	} `json:"report"`
	Text      string `json:"text"`
	Cap       int    `json:"cap"`
	CapReason string `json:"cap_reason"`
	Counted   span   `json:"counted"`
	Passages  []struct {
		ParentText string `json:"parent_text"`
		Finding    int    `json:"finding"`
	} `json:"passages"`
	Error string `json:"error"`
}

// Check sends one draft, named path, to the server and returns its
// result. A draft the server could not read is a result with Err set, as
// in a local check; err is for the server itself.
func (c *Client) Check(ctx context.Context, path string, data []byte) (*lint.Result, error) {
	base, err := url.Parse(c.URL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, &ServerError{fmt.Sprintf("--server %q 不是服务器地址；应写成 http://主机:端口/", c.URL)}
	}
	if c.http == nil {
		c.http = &http.Client{Timeout: c.Timeout}
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, err := mw.CreateFormFile("draft", filepath.Base(path))
	if err != nil {
		return nil, err
	}
	w.Write(data)
	mw.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base.JoinPath("api", "view").String(), &body)
	if err != nil {
		return nil, &ServerError{fmt.Sprintf("--server %q 不是服务器地址：%v", c.URL, err)}
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.http.Do(req)
	if err != nil {
		var timeout interface{ Timeout() bool }
		if errors.As(err, &timeout) && timeout.Timeout() {
			return nil, &ServerError{fmt.Sprintf("服务器 %s 在 %v 内没有答复（%s）；请稍后再试，或用 --server-timeout 放宽时限", c.URL, c.Timeout, path)}
		}
		return nil, &ServerError{fmt.Sprintf("无法连接检查服务器 %s：%v；请确认服务器已启动（gwlint serve）、地址和端口无误", c.URL, err)}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return nil, &ServerError{fmt.Sprintf("服务器 %s 的答复中断（%s）：%v；请稍后再试", c.URL, path, err)}
	}
	var v clientView
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, &ServerError{fmt.Sprintf("服务器 %s 的答复无法读取（HTTP %d，不是 gwlint 的答复）；请确认 --server 指向 gwlint serve", c.URL, resp.StatusCode)}
	}
	switch {
	case resp.StatusCode == http.StatusBadRequest || resp.StatusCode == http.StatusRequestEntityTooLarge:
		// The draft itself: unreadable or too large, as a local check
		// would report it.
		return &lint.Result{Path: path, Err: errors.New(v.Error)}, nil
	case resp.StatusCode != http.StatusOK:
		msg := v.Error
		if msg == "" {
			msg = http.StatusText(resp.StatusCode)
		}
		return nil, &ServerError{fmt.Sprintf("检查服务器 %s 拒绝了 %s（HTTP %d）：%s", c.URL, path, resp.StatusCode, msg)}
	}
	if v.Report == nil || len(v.Report.Files) != 1 {
		return nil, &ServerError{fmt.Sprintf("服务器 %s 的答复不是 gwlint 的检查结果；请确认 --server 指向 gwlint serve", c.URL)}
	}
	return c.result(path, data, &v)
}

// result rebuilds the lint.Result the server computed. The draft is read
// here too, by the same reader, so that the reports place findings in the
// same text; should the two differ (another gwlint version), the
// server's text is used.
func (c *Client) result(path string, data []byte, v *clientView) (*lint.Result, error) {
	f := v.Report.Files[0]
	if f.Error != "" {
		return &lint.Result{Path: path, Err: errors.New(f.Error)}, nil
	}
	var doc *lint.Document
	if src, err := read.Bytes(path, data, read.DefaultLimits()); err == nil && src.Text == v.Text {
		doc = lint.Parse(src)
	} else {
		doc = lint.ParseText(path, v.Text)
	}
	n := doc.Len()
	bad := func(what string) error {
		return &ServerError{fmt.Sprintf("服务器 %s 的答复有误（%s：%s）；请确认 --server 指向同一版本的 gwlint serve", c.URL, path, what)}
	}
	r := &lint.Result{Path: path, Doc: doc, Title: f.Title, Kind: f.Kind, Chars: f.Chars,
		Cap: v.Cap, CapReason: v.CapReason, Counted: lint.Span{Start: v.Counted.Offset, End: v.Counted.EndOffset}}
	parentText := map[int]string{}
	for _, p := range v.Passages {
		if p.Finding >= 0 {
			parentText[p.Finding] = p.ParentText
		}
	}
	for i, jf := range f.Findings {
		if jf.Offset < 0 || jf.Offset > jf.EndOffset || jf.EndOffset > n {
			return nil, bad(fmt.Sprintf("问题 %s 的位置 %d–%d 超出文稿", jf.Rule, jf.Offset, jf.EndOffset))
		}
		fd := lint.Finding{Rule: jf.Rule, Name: jf.RuleName, Severity: jf.Severity, Message: jf.Message,
			Span: lint.Span{Start: jf.Offset, End: jf.EndOffset}, Source: jf.Source}
		if rule := c.Registry.Lookup(jf.Rule); rule != nil {
			fd.Scope = rule.Scope
		}
		for k, jr := range jf.Related {
			rel := lint.Related{Path: jr.Path, Span: lint.Span{Start: jr.Offset, End: jr.EndOffset},
				Start: lint.Position{Line: jr.Line, Column: jr.Column}, End: lint.Position{Line: jr.EndLine, Column: jr.EndColumn}, Message: jr.Message}
			// The report joins a related passage's words to its message;
			// the page's passages give them back apart.
			if text, ok := parentText[i]; ok && k == 0 && text != "" && strings.HasSuffix(jr.Message, "："+text) {
				rel.Message, rel.Text = strings.TrimSuffix(jr.Message, "："+text), text
			}
			fd.Related = append(fd.Related, rel)
		}
		if jf.Fix != nil {
			if jf.Fix.Offset < 0 || jf.Fix.Offset > jf.Fix.EndOffset || jf.Fix.EndOffset > n {
				return nil, bad("修改建议的位置超出文稿")
			}
			fd.Fix = &lint.Fix{Span: lint.Span{Start: jf.Fix.Offset, End: jf.Fix.EndOffset}, Text: jf.Fix.Text}
		}
		r.Findings = append(r.Findings, fd)
	}
	if f.Copy != nil {
		r.Copy = &lint.CopyFacts{Ratio: f.Copy.Ratio}
		for _, p := range f.Copy.Parents {
			r.Copy.Parents = append(r.Copy.Parents, lint.ParentShare{Path: p.Path, Title: p.Title, DocNumber: p.DocNo, Ratio: p.Ratio, Coverage: p.Coverage})
		}
	}
	return r, nil
}
