package report

import (
	"encoding/json"
	"io"

	"github.com/gwlint/gwlint/lint"
)

// The types below are the JSON report of the contract, field for field.
// Their order is the order keys are written in.

type jsonReport struct {
	Version int        `json:"version"`
	Tool    jsonTool   `json:"tool"`
	Files   []jsonFile `json:"files"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFile struct {
	Path     string        `json:"path"`
	Title    string        `json:"title"`
	Kind     string        `json:"kind"`
	Chars    int           `json:"chars"`
	Copy     *jsonCopy     `json:"copy,omitempty"`
	Findings []jsonFinding `json:"findings"`
	Error    string        `json:"error,omitempty"`
}

type jsonCopy struct {
	Ratio   float64      `json:"ratio"`
	Parents []jsonParent `json:"parents"`
}

type jsonParent struct {
	Path     string  `json:"path"`
	Title    string  `json:"title"`
	DocNo    string  `json:"doc_number,omitempty"`
	Ratio    float64 `json:"ratio"`
	Coverage float64 `json:"coverage"`
}

type jsonFinding struct {
	Rule      string        `json:"rule"`
	RuleName  string        `json:"rule_name,omitempty"`
	Severity  lint.Severity `json:"severity"`
	Message   string        `json:"message"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"end_line"`
	EndColumn int           `json:"end_column"`
	Offset    int           `json:"offset"`
	EndOffset int           `json:"end_offset"`
	Source    string        `json:"source"`
	Related   []jsonRelated `json:"related,omitempty"`
	Fix       *jsonFix      `json:"fix,omitempty"`
}

type jsonRelated struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Message   string `json:"message"`
}

type jsonFix struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Text      string `json:"text"`
}

// JSON writes the versioned JSON report.
func JSON(w io.Writer, results []*lint.Result, opt Options) error {
	rep := JSONReport(results, opt.ToolVersion)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// JSONReport is the JSON report as a value, for callers (the web page)
// that embed or encode it themselves.
func JSONReport(results []*lint.Result, toolVersion string) any {
	rep := jsonReport{Version: JSONVersion, Tool: jsonTool{Name: ToolName, Version: toolVersion}, Files: make([]jsonFile, 0, len(results))}
	for _, r := range results {
		rep.Files = append(rep.Files, jsonFileOf(r))
	}
	return rep
}

func jsonFileOf(r *lint.Result) jsonFile {
	f := jsonFile{Path: r.Path, Title: r.Title, Kind: r.Kind, Chars: r.Chars, Findings: []jsonFinding{}}
	if r.Err != nil {
		f.Error = r.Err.Error()
		return f
	}
	if r.Copy != nil {
		f.Copy = &jsonCopy{Ratio: round4(r.Copy.Ratio), Parents: []jsonParent{}}
		for _, p := range r.Copy.Parents {
			f.Copy.Parents = append(f.Copy.Parents, jsonParent{Path: p.Path, Title: p.Title, DocNo: p.DocNumber, Ratio: round4(p.Ratio), Coverage: round4(p.Coverage)})
		}
	}
	for _, fd := range r.Findings {
		start, end := r.Doc.Position(fd.Span.Start), r.Doc.Position(fd.Span.End)
		jf := jsonFinding{
			Rule: fd.Rule, RuleName: fd.Name, Severity: fd.Severity, Message: fd.Message,
			Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column,
			Offset: fd.Span.Start, EndOffset: fd.Span.End, Source: fd.Source,
		}
		for _, rel := range fd.Related {
			jf.Related = append(jf.Related, jsonRelated{
				Path: rel.Path, Line: rel.Start.Line, Column: rel.Start.Column,
				EndLine: rel.End.Line, EndColumn: rel.End.Column,
				Offset: rel.Span.Start, EndOffset: rel.Span.End, Message: relatedMessage(rel),
			})
		}
		if fd.Fix != nil {
			jf.Fix = &jsonFix{Offset: fd.Fix.Span.Start, EndOffset: fd.Fix.Span.End, Text: fd.Fix.Text}
		}
		f.Findings = append(f.Findings, jf)
	}
	return f
}

// relatedMessage puts the related passage itself beside its label, so a
// reviewer reading the JSON sees the parent's words without opening it.
func relatedMessage(rel lint.Related) string {
	if rel.Text == "" {
		return rel.Message
	}
	return rel.Message + "：" + rel.Text
}

// round4 keeps ratios to four decimals: enough to be precise, few enough
// that the report reads well and stays byte-stable across platforms.
func round4(v float64) float64 {
	return float64(int64(v*10000+0.5)) / 10000
}
