package rules

import (
	"fmt"
	"os"
	"strings"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/demand"
	"github.com/gwlint/gwlint/lint/phrase"
)

// The burden rules read the demands of a draft from one model per
// document (package lint/demand): who is asked, under what modal, to do
// what, with what constraints, in which clauses that impose. The model is
// computed once per document (the demands fact, shared by all the burden rules) over
// the text the phrase rules prepared, so a sentence is segmented once
// whichever rule asks first; a sentence is segmented only where some
// kind's words all occur.
//
// Every draft that assigns work downwards is read: plain 通知 and 函,
// 实施意见 and 方案, 印发 wrappers with the document they issue, and the
// wrapper of a 转发 or 批转 notice (not the forwarded text, whose demands
// are the parent's). A document that narrates (a 通报 of formalism
// cases, a 情况报告) imposes nothing.

// demandLists is a run's demand lexicon: the built-in lists with the user
// lists of kinds its configuration names (a top-level kinds: key), read,
// compiled and their examples run through the model once, when the run
// is built. A list that does not load stops the run with its file, line
// and entry.
var demandLists = lint.NewResource("demand lists", func(cfg *lint.Config) (*demand.Lexicon, error) {
	paths := demandListPaths(cfg.Phrases)
	if len(paths) == 0 {
		return demand.Builtin(), nil
	}
	lx, err := loadUserDemand(paths)
	if err != nil {
		return nil, fmt.Errorf("%s: phrases: %w", cfg.Location("phrases"), err)
	}
	return lx, nil
})

// demands is the demand model of a document, computed once for all the
// burden rules.
var demands = lint.NewFact("demands", func(p *lint.Pass) *demand.Facts {
	lx := demandLists.Get(p)
	text := phrasesOf(p).find(p.Doc).text
	doc := p.Doc
	title := doc.Title()
	if title == "" {
		title = firstLine(doc.Prose)
	}
	if isLegislation(doc) {
		// A law or regulation sets legal duties, under the procedure of
		// 立法法 and the 条例; the burden rules are about the demands
		// that a 公文 adds on the way down.
		return &demand.Facts{}
	}
	_, central := lint.CentralIssuer(doc)
	return lx.Analyze(text, demand.Document{Title: title, Kind: doc.Kind(), Central: central})
}, phraseLists, demandLists, forwarding)

// isLegislation reports whether doc is a law or an administrative or
// local regulation as enacted: a regulation-kind title (条例, 办法, 法…)
// with the line of its enactment just under it (……人民代表大会常务委员会
// ……通过, 国务院令第685号公布). A county's 考核办法 or 管理规定 has no
// such line and is read like any draft.
func isLegislation(doc *lint.Document) bool {
	if !isRegulation(doc) {
		return false
	}
	head := doc.Prose[:doc.ByteOffset(min(doc.Len(), 400))]
	enacted := strings.Contains(head, "人民代表大会") && strings.Contains(head, "通过")
	decreed := strings.Contains(head, "令第") && strings.Contains(head, "公布")
	return enacted || decreed
}

// demandRules is what a rule that reads the demand model requires.
var demandRules = []lint.Requirement{demands, phraseLists, demandLists, forwarding}

// loadUserDemand compiles the built-in lists with the user's and checks
// the user's examples through the model.
func loadUserDemand(paths []string) (*demand.Lexicon, error) {
	var files []demand.File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, &demand.Error{Path: p, Msg: "无法读取词表：" + describeErr(err)}
		}
		files = append(files, demand.File{Path: p, Data: data})
	}
	lx, err := demand.CompileWithBuiltin(files...)
	if err == nil {
		err = checkDemandRules(lx)
	}
	if err == nil {
		err = lx.Check(paths...)
	}
	if err != nil {
		return nil, err
	}
	return lx, nil
}

// demandRuleIDs are the shipped rules that report the model's kinds
// (TestDemandRuleIDs holds the list to the registry).
var demandRuleIDs = []string{
	"burden-app", "burden-app-sprawl", "burden-consultation", "burden-criteria", "burden-demonstration",
	"burden-directive", "burden-duplicate", "burden-escort", "burden-forms", "burden-inspection",
	"burden-levy", "burden-meeting", "burden-notes", "burden-proof", "burden-quota", "burden-raise",
	"burden-ranking", "burden-secondment", "burden-territorial", "burden-veto",
	"forward-demands-package", "forward-demands-report",
}

// registered reports whether a shipped rule has the ID; set in init, for
// the registry itself holds the rules that read the demand lists.
var registered func(id string) bool

func init() {
	registered = func(id string) bool { return All().Lookup(id) != nil }
}

// checkDemandRules: every kind names a shipped rule that reads the model
// or one a list declares, and no declared rule takes a shipped rule's ID.
func checkDemandRules(lx *demand.Lexicon) error {
	known := demandRuleIDs
	for _, d := range lx.Declared {
		if registered(d.ID) {
			return &demand.Error{Path: d.Path, Line: d.Line, Msg: fmt.Sprintf("rules：%s 是内置规则的 ID，请换一个", d.ID)}
		}
	}
	for _, k := range lx.Kinds {
		if !containsString(known, k.Rule) && lx.DeclaredRule(k.Rule) == nil {
			return &demand.Error{Path: k.Path, Line: k.Line, Msg: fmt.Sprintf("rule %q 不是读减负要求模型的规则（可用：%s）；新规则请先在 rules: 下声明 id、severity、source、doc", k.Rule, strings.Join(known, "、"))}
		}
	}
	return nil
}

func describeErr(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// demandListPaths are the configured lists that hold burden kinds (a
// top-level kinds: or scope: key); the others are phrase lists.
func demandListPaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		if isDemandList(p) {
			out = append(out, p)
		}
	}
	return out
}

// isDemandList reports whether the file at p is a list of burden kinds
// (or scope words) for package demand rather than a phrase list.
func isDemandList(p string) bool {
	data, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "kinds:") || strings.HasPrefix(line, "scope:") {
			return true
		}
	}
	return false
}

// downward is the part of the document whose demands are the draft's
// own: the wrapper of a 转发 notice, else the whole text.
func downward(pass *lint.Pass) lint.Span {
	if f := forwarding.Get(pass); f != nil && !f.wrapper.Empty() {
		return f.wrapper
	}
	return lint.Span{Start: 0, End: pass.Doc.Len()}
}

// demandHits are the hits of rule in the draft's own demands.
func demandHits(pass *lint.Pass, rule string) ([]demand.Hit, *phrase.Text) {
	facts := demands.Get(pass)
	text := phrasesOf(pass).find(pass.Doc).text
	if facts.Narrates {
		return nil, text
	}
	within := downward(pass)
	title := pass.Doc.Structure.TitleBlock
	var out []demand.Hit
	for _, h := range facts.Hits {
		if h.Kind.Rule != rule || h.Span.Start < within.Start || h.Span.End > within.End || allInBookTitle(text, h) {
			continue
		}
		if h.Span.Start < title.End && title.Start < h.Span.End {
			continue // the title names the matter; it asks nothing
		}
		out = append(out, h)
	}
	return out, text
}

// allInBookTitle: every part of the hit stands inside 书名号, in the name
// of a document (《关于印发实施方案的通知》), not in a demand.
func allInBookTitle(text *phrase.Text, h demand.Hit) bool {
	r := text.Runes()
	for _, p := range h.Parts {
		depth := 0
		for _, c := range r[h.Sentence.Start:p.Start] {
			switch c {
			case '《':
				depth++
			case '》':
				depth = max(0, depth-1)
			}
		}
		if depth == 0 {
			return false
		}
	}
	return true
}

// runDemandKinds is the run function of the rules read from the model:
// each hit of the rule's kinds in the draft's own demands is reported with
// the kind's message, severity and source.
func runDemandKinds(pass *lint.Pass) {
	hits, text := demandHits(pass, pass.Rule.ID)
	for _, h := range hits {
		reportDemand(pass, text, h)
	}
}

func reportDemand(pass *lint.Pass, text *phrase.Text, h demand.Hit) {
	sev := pass.Severity()
	if sev == pass.Rule.Severity {
		if s, err := lint.ParseSeverity(h.Kind.Severity); err == nil && s != lint.Off {
			sev = s
		}
	}
	msg := fmt.Sprintf("“%s”：%s", clip(text.Slice(h.Span), 40), h.Kind.Message)
	if !strings.HasPrefix(h.Kind.Path, "dict/demand/") {
		msg += "（词表 " + h.Kind.Path + "）"
	}
	pass.Report(lint.Finding{
		Severity: sev,
		Message:  msg,
		Span:     lint.Span{Start: h.Span.Start, End: h.Span.End},
		Source:   h.Kind.Source,
	})
}

// BurdenLocal reports the kinds of rules a user list declares (rules:
// id, severity, source, doc), each finding under the declared ID, so a
// local burden rule needs no Go code. Turning burden-local off silences
// all of them.
var BurdenLocal = &lint.Rule{
	ID:       "burden-local",
	Name:     "本地减负规则",
	Severity: lint.Warning,
	Source:   "用户词表声明的规则（各自的 source）",
	Doc:      "用户词表 rules: 下声明的本地减负规则",
	Requires: demandRules,
	Needs:    lint.NeedsWords,
	Run: func(pass *lint.Pass) {
		lx := demandLists.Get(pass)
		for _, d := range lx.Declared {
			hits, text := demandHits(pass, d.ID)
			for _, h := range hits {
				sev, err := lint.ParseSeverity(h.Kind.Severity)
				if err != nil || pass.Severity() != pass.Rule.Severity {
					sev = pass.Severity()
				}
				src := h.Kind.Source
				if src == "" {
					src = d.Source
				}
				pass.Report(lint.Finding{
					Rule:     d.ID,
					Name:     d.Doc,
					Severity: sev,
					Message:  fmt.Sprintf("“%s”：%s（词表 %s）", clip(text.Slice(h.Span), 40), h.Kind.Message, h.Kind.Path),
					Span:     lint.Span{Start: h.Span.Start, End: h.Span.End},
					Source:   src,
				})
			}
		}
	},
}
