package lsp

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// open starts tracking a draft and checks it at once.
func (s *Server) open(item textDocumentItem) {
	path, ok := pathOf(item.URI)
	if !ok || !checked(item.LanguageID, path) {
		return
	}
	s.mu.Lock()
	if old := s.docs[item.URI]; old != nil && old.timer != nil {
		old.timer.Stop()
	}
	d := &document{uri: item.URI, path: path, lang: item.LanguageID, version: item.Version, text: item.Text}
	s.docs[item.URI] = d
	s.schedule(d, 0)
	s.mu.Unlock()
}

// change applies an edit and checks the draft once the user pauses.
func (s *Server) change(p didChangeParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil // not a draft the server checks, or never opened
	}
	text := d.text
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			text = c.Text
			continue
		}
		start, end := runeOffset(text, c.Range.Start), runeOffset(text, c.Range.End)
		if end < start {
			return fmt.Errorf("change of %s: range ends before it starts", d.uri)
		}
		bs, be := byteOffset(text, start), byteOffset(text, end)
		text = text[:bs] + c.Text + text[be:]
	}
	d.text, d.version = text, p.TextDocument.Version
	s.schedule(d, s.opt.Debounce)
	return nil
}

// save checks the draft at once, with the saved text when the client
// sends it.
func (s *Server) save(p didSaveParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	if p.Text != nil {
		d.text = *p.Text
	}
	s.schedule(d, 0)
}

// close forgets a draft and clears its diagnostics.
func (s *Server) close(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil && d.timer != nil {
		d.timer.Stop()
	}
	if d != nil && d.cancel != nil {
		d.cancel()
	}
	delete(s.docs, uri)
	s.mu.Unlock()
	if d != nil {
		s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

// schedule (re)starts d's timer; s.mu is held. Each change restarts it,
// so a burst of keystrokes costs one check.
func (s *Server) schedule(d *document, delay time.Duration) {
	if d.timer != nil {
		d.timer.Stop()
	}
	if d.cancel != nil {
		d.cancel() // the check running on the old text has no one to answer
		d.cancel = nil
	}
	uri := d.uri
	d.timer = time.AfterFunc(delay, func() { s.checkNow(uri) })
}

// checkNow checks the draft as it is now and publishes the findings,
// unless it changed meanwhile: then a newer check is on its way.
func (s *Server) checkNow(uri string) {
	s.checks.Add(1)
	defer s.checks.Done()
	select {
	case s.slot <- struct{}{}:
	case <-s.ctx.Done():
		return
	}
	defer func() { <-s.slot }()
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil || s.ctx.Err() != nil {
		s.mu.Unlock()
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	d.cancel = cancel
	snap := *d
	s.mu.Unlock()
	defer cancel()

	a := s.analyze(ctx, &snap)
	if ctx.Err() != nil {
		return // superseded by an edit, or the session ended
	}

	s.mu.Lock()
	d = s.docs[uri]
	current := d != nil && d.text == snap.text
	if current {
		d.last = a
	}
	s.mu.Unlock()
	if !current {
		return
	}
	version := snap.version
	s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: a.diagnostics()})
	for _, m := range a.messages {
		s.showMessage(m.typ, m.text)
	}
}

// codeActions offers the fixes of the findings in the requested range,
// and one action that applies every fix of the draft.
func (s *Server) codeActions(p codeActionParams) []CodeAction {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		return []CodeAction{}
	}
	snap := *d
	s.mu.Unlock()
	a := snap.last
	if a == nil || a.text != snap.text {
		// Asked before the debounced check ran: check now, the answer
		// must fit the text the editor has.
		a = s.analyze(s.ctx, &snap)
		s.mu.Lock()
		if d := s.docs[snap.uri]; d != nil && d.text == snap.text {
			d.last = a
		}
		s.mu.Unlock()
	}
	return a.codeActions(p.Range, p.Context.Only)
}

// checked reports whether a document is a draft gwlint checks: Markdown
// or plain text, by the editor's language or the file's extension. A
// generic client attached to every buffer does not get source code linted
// as Chinese prose.
func checked(lang, path string) bool {
	switch strings.ToLower(lang) {
	case "markdown", "plaintext", "text", "txt":
		return true
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// pathOf is the file path of a file: URI; an untitled: buffer gets a
// name in the working directory, where its configuration is looked for.
func pathOf(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", false
	}
	switch u.Scheme {
	case "file":
		p := u.Path
		if runtime.GOOS == "windows" && len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = p[1:] // file:///C:/dir/draft.md
		}
		if u.Host != "" && u.Host != "localhost" {
			p = "//" + u.Host + p // a UNC path
		}
		return filepath.FromSlash(p), true
	case "untitled":
		return filepath.Join(".", "untitled-"+strings.NewReplacer("/", "_", "\\", "_").Replace(u.Opaque+u.Path)), true
	}
	return "", false
}

// uriOf is the file: URI of a path.
func uriOf(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
