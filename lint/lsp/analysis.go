package lsp

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/read"
)

// analysis is one check of one version of a draft, converted to what the
// protocol carries.
type analysis struct {
	uri  string
	text string // the editor's text the positions are for
	// diags are the findings' diagnostics; fixes[i] is the edit of
	// diags[i], nil when the finding has no mechanical fix.
	diags []Diagnostic
	fixes []*TextEdit
	// fixSpans are the fixes' rune spans in text, to apply them all
	// without overlap, as --fix does.
	fixSpans []lint.Span
	messages []message
}

type message struct {
	typ  int
	text string
}

// Code action kinds.
const (
	kindQuickFix = "quickfix"
	kindFixAll   = "source.fixAll.gwlint"
)

// analyze checks a snapshot of a draft.
func (s *Server) analyze(ctx context.Context, d *document) *analysis {
	a := &analysis{uri: d.uri, text: d.text}
	r := s.runs.forDraft(d.path)
	if r.err != nil {
		// A configuration that cannot be read checks nothing, as in
		// `gwlint check`: the one diagnostic says what to mend.
		a.diags = append(a.diags, Diagnostic{Severity: severityError, Source: "gwlint", Code: "config",
			Message: fmt.Sprintf("配置文件有误，本文稿未检查：%v。请修正配置文件后保存本文稿", r.err)})
		a.fixes = append(a.fixes, nil)
		a.tell(r, messageError, fmt.Sprintf("gwlint：配置文件有误：%v", r.err))
		return a
	}
	for _, w := range r.warnings {
		a.tell(r, messageWarning, "gwlint：警告："+w)
	}
	r.told = true
	if r.ignored(d.path) {
		return a
	}
	if strings.TrimSpace(d.text) == "" {
		return a // a new draft, about to be typed
	}
	doc, err := lint.ParseBytes(draftName(d.path, d.lang), []byte(d.text))
	if err != nil {
		a.inputError(err)
		return a
	}
	res, problems := r.check(ctx, doc)
	if res.Err != nil {
		a.inputError(res.Err)
		return a
	}
	for _, p := range problems {
		a.diags = append(a.diags, Diagnostic{Severity: severityWarning, Source: "gwlint", Code: "parent",
			Message: fmt.Sprintf("上级文件 %s 无法使用，未与之比对：%v", p.Path, p.Err)})
		a.fixes = append(a.fixes, nil)
	}
	a.addFindings(s.opt.Registry, doc, res)
	return a
}

// tell shows a message once per prepared run, not on every keystroke.
func (a *analysis) tell(r *run, typ int, text string) {
	if !r.told {
		a.messages = append(a.messages, message{typ, text})
	}
}

// inputError turns a draft that cannot be checked into what the editor
// shows: nothing for an empty draft (the user is about to type), one
// diagnostic at the top otherwise.
func (a *analysis) inputError(err error) {
	if errors.Is(err, read.ErrNoText) {
		return
	}
	msg := fmt.Sprintf("本文稿无法检查：%v", err)
	if errors.Is(err, read.ErrTooLarge) {
		msg = fmt.Sprintf("本文稿过长，未检查（%v）。gwlint 检查不超过 2 MiB 正文的文稿，请分成几份文件检查", err)
	}
	a.diags = append(a.diags, Diagnostic{Severity: severityError, Source: "gwlint", Code: "input-error", Message: msg})
	a.fixes = append(a.fixes, nil)
}

// draftName is the name the draft is parsed under: its extension chooses
// the reader, so a Markdown buffer of a file without one is still read as
// Markdown.
func draftName(path, lang string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".txt":
		return path
	}
	if strings.EqualFold(lang, "markdown") {
		return path + ".md"
	}
	return path + ".txt"
}

// addFindings converts the findings, converting every position they need
// in one pass over each text.
func (a *analysis) addFindings(reg *lint.Registry, doc *lint.Document, res *lint.Result) {
	// The reader may drop a leading byte-order mark the editor keeps;
	// offsets into doc.Text are then shifted by the runes dropped.
	shift := 0
	if doc.Text != a.text && strings.HasSuffix(a.text, doc.Text) {
		shift = utf8.RuneCountInString(a.text[:len(a.text)-len(doc.Text)])
	}
	var offs []int
	for _, f := range res.Findings {
		offs = append(offs, f.Span.Start+shift, f.Span.End+shift)
		if f.Fix != nil {
			offs = append(offs, f.Fix.Span.Start+shift, f.Fix.Span.End+shift)
		}
	}
	pos := positions(a.text, offs)
	related := relatedPositions(doc, res)
	k := 0
	next := func() Range {
		r := Range{pos[k], pos[k+1]}
		k += 2
		return r
	}
	for fi, f := range res.Findings {
		d := Diagnostic{
			Range:    next(),
			Severity: severityOf(f.Severity),
			Code:     f.Rule,
			Source:   "gwlint",
			Message:  withName(f),
			Data:     &diagnosticData{Rule: f.Rule, RuleName: f.Name, Authority: f.Source},
		}
		if rule := reg.Lookup(f.Rule); rule != nil {
			d.Data.RuleDoc = rule.Doc
		}
		for ri, rel := range f.Related {
			d.RelatedInformation = append(d.RelatedInformation, RelatedInformation{
				Location: Location{URI: uriOf(rel.Path), Range: related[[2]int{fi, ri}]},
				Message:  relatedMessage(rel),
			})
		}
		var edit *TextEdit
		if f.Fix != nil {
			edit = &TextEdit{Range: next(), NewText: f.Fix.Text}
			a.fixSpans = append(a.fixSpans, lint.Span{Start: f.Fix.Span.Start + shift, End: f.Fix.Span.End + shift})
		} else {
			a.fixSpans = append(a.fixSpans, lint.Span{Start: -1, End: -1})
		}
		a.diags = append(a.diags, d)
		a.fixes = append(a.fixes, edit)
	}
}

// relatedPositions converts the related spans of every finding, keyed by
// finding and related index, with the text of the document they point
// into: the draft itself, or a parent compared with it. A span in a
// document the check did not keep falls back to its rune columns.
func relatedPositions(doc *lint.Document, res *lint.Result) map[[2]int]Range {
	texts := map[string]string{doc.Path: doc.Text}
	if res.Copy != nil {
		for _, p := range res.Copy.Parents {
			texts[p.Parent.Path] = p.Parent.Doc.Text
			texts[p.Parent.Doc.Path] = p.Parent.Doc.Text
		}
	}
	type ask struct {
		key  [2]int
		span lint.Span
	}
	byPath := map[string][]ask{}
	out := map[[2]int]Range{}
	for fi, f := range res.Findings {
		for ri, rel := range f.Related {
			key := [2]int{fi, ri}
			if _, ok := texts[rel.Path]; ok {
				byPath[rel.Path] = append(byPath[rel.Path], ask{key, rel.Span})
				continue
			}
			out[key] = Range{
				Start: Position{Line: max(0, rel.Start.Line-1), Character: max(0, rel.Start.Column-1)},
				End:   Position{Line: max(0, rel.End.Line-1), Character: max(0, rel.End.Column-1)},
			}
		}
	}
	for path, asks := range byPath {
		offs := make([]int, 0, 2*len(asks))
		for _, q := range asks {
			offs = append(offs, q.span.Start, q.span.End)
		}
		pos := positions(texts[path], offs)
		for i, q := range asks {
			out[q.key] = Range{pos[2*i], pos[2*i+1]}
		}
	}
	return out
}

func severityOf(s lint.Severity) int {
	switch s {
	case lint.Error:
		return severityError
	case lint.Warning:
		return severityWarning
	}
	return severityInformation
}

// withSource is the finding's message with its authority, as the
// reports write it.
func withSource(f lint.Finding) string {
	if f.Source == "" || strings.Contains(f.Message, f.Source) {
		return f.Message
	}
	return f.Message + "（依据：" + f.Source + "）"
}

// withName puts the rule's Chinese name before the message, as office
// staff know the rules: 【半角标点】中文逗号应使用全角…
func withName(f lint.Finding) string {
	if f.Name == "" {
		return withSource(f)
	}
	return "【" + f.Name + "】" + withSource(f)
}

// relatedMessage is a related passage's note with the start of its text.
func relatedMessage(rel lint.Related) string {
	if rel.Text == "" {
		return rel.Message
	}
	text := strings.Join(strings.Fields(rel.Text), " ")
	if utf8.RuneCountInString(text) > 80 {
		text = string([]rune(text)[:80]) + "……"
	}
	return rel.Message + "：" + text
}

func (a *analysis) diagnostics() []Diagnostic {
	if a.diags == nil {
		return []Diagnostic{}
	}
	return a.diags
}

// codeActions are the fixes of the diagnostics that touch rng (a cursor
// touching a finding counts), and, when the draft has more than one fix,
// one action applying them all.
func (a *analysis) codeActions(rng Range, only []string) []CodeAction {
	out := []CodeAction{}
	if wants(only, kindQuickFix) {
		for i, e := range a.fixes {
			d := a.diags[i]
			if e == nil || !touches(d.Range, rng) {
				continue
			}
			out = append(out, CodeAction{
				Title:       "gwlint：" + fixTitle(a.text, a.fixSpans[i], e.NewText),
				Kind:        kindQuickFix,
				Diagnostics: []Diagnostic{d},
				IsPreferred: true,
				Edit:        &WorkspaceEdit{Changes: map[string][]TextEdit{a.uri: {*e}}},
			})
		}
	}
	if wants(only, kindFixAll) {
		if edits := a.allFixes(); len(edits) > 1 {
			out = append(out, CodeAction{
				Title: fmt.Sprintf("gwlint：修正本文全部可机械修正的问题（%d处）", len(edits)),
				Kind:  kindFixAll,
				Edit:  &WorkspaceEdit{Changes: map[string][]TextEdit{a.uri: edits}},
			})
		}
	}
	return out
}

// allFixes are the fixes in text order, each skipped when it overlaps an
// earlier one, as lint.ApplyFixes does: the next check offers it again.
func (a *analysis) allFixes() []TextEdit {
	var idx []int
	for i, e := range a.fixes {
		if e != nil {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(x, y int) bool { return a.fixSpans[idx[x]].Start < a.fixSpans[idx[y]].Start })
	var out []TextEdit
	at := 0
	for _, i := range idx {
		if a.fixSpans[i].Start < at {
			continue
		}
		out = append(out, *a.fixes[i])
		at = a.fixSpans[i].End
	}
	return out
}

// wants reports whether a kind passes the client's filter (none admits
// every kind); a filter of "source" admits "source.fixAll.gwlint".
func wants(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

func touches(a, b Range) bool {
	return !less(a.End, b.Start) && !less(b.End, a.Start)
}

func less(p, q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// fixTitle says what a fix does, in the words of an editor's menu.
func fixTitle(text string, span lint.Span, repl string) string {
	old := text[byteOffset(text, span.Start):byteOffset(text, span.End)]
	switch {
	case old == "":
		return "插入“" + visible(repl) + "”"
	case repl == "":
		return "删除“" + visible(old) + "”"
	}
	return "将“" + visible(old) + "”改为“" + visible(repl) + "”"
}

// visible shows blanks and long text in a menu line.
func visible(s string) string {
	s = strings.NewReplacer(" ", "␣", "\u3000", "□", "\t", "→", "\n", "⏎", "\r", "").Replace(s)
	if utf8.RuneCountInString(s) > 20 {
		s = string([]rune(s)[:20]) + "……"
	}
	return s
}
