package report

import (
	"encoding/json"
	"io"

	"github.com/gwlint/gwlint/lint"
)

// rdjson is reviewdog's Diagnostic Format. Its columns count UTF-8 bytes,
// 1-based, unlike the contract's code points, so positions are converted
// here; lines are the same.

type rdReport struct {
	Source      rdSource       `json:"source"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message          string         `json:"message"`
	Location         rdLocation     `json:"location"`
	Severity         string         `json:"severity"`
	Source           rdSource       `json:"source"`
	Code             rdCode         `json:"code"`
	Suggestions      []rdSuggestion `json:"suggestions,omitempty"`
	RelatedLocations []rdRelated    `json:"related_locations,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdCode struct {
	Value string `json:"value"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdRelated struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
}

// RDJSON writes the results for reviewdog (-f=rdjson). A file that could
// not be read becomes one ERROR diagnostic without a range.
func RDJSON(w io.Writer, results []*lint.Result, opt Options) error {
	rep := rdReport{Source: rdSource{Name: ToolName}, Diagnostics: []rdDiagnostic{}}
	for _, r := range results {
		if r.Err != nil {
			rep.Diagnostics = append(rep.Diagnostics, rdDiagnostic{
				Message: r.Err.Error(), Location: rdLocation{Path: r.Path}, Severity: "ERROR",
				Source: rdSource{Name: ToolName}, Code: rdCode{Value: "input-error"},
			})
			continue
		}
		x := r.Doc.Index()
		for _, f := range r.Findings {
			d := rdDiagnostic{
				Message:  messageWithSource(f),
				Location: rdLocation{Path: r.Path, Range: byteRange(x, f.Span)},
				Severity: rdSeverity(f.Severity),
				Source:   rdSource{Name: ToolName},
				Code:     rdCode{Value: f.Rule},
			}
			if f.Fix != nil {
				d.Suggestions = []rdSuggestion{{Range: *byteRange(x, f.Fix.Span), Text: f.Fix.Text}}
			}
			for _, rel := range f.Related {
				// The parent's text is not at hand here, so related spans keep
				// their line and give the code-point column; reviewdog shows
				// them as links, where the line is what matters.
				d.RelatedLocations = append(d.RelatedLocations, rdRelated{
					Message: relatedMessage(rel),
					Location: rdLocation{Path: rel.Path, Range: &rdRange{
						Start: rdPosition{rel.Start.Line, rel.Start.Column},
						End:   rdPosition{rel.End.Line, rel.End.Column},
					}},
				})
			}
			rep.Diagnostics = append(rep.Diagnostics, d)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// byteRange converts a rune span to reviewdog's lines and UTF-8 byte
// columns.
func byteRange(x *lint.Index, s lint.Span) *rdRange {
	pos := func(off int) rdPosition {
		p := x.Position(off)
		lineStart := x.LineStart(p.Line)
		return rdPosition{Line: p.Line, Column: x.ByteOffset(off) - x.ByteOffset(lineStart) + 1}
	}
	return &rdRange{Start: pos(s.Start), End: pos(s.End)}
}

func rdSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "ERROR"
	case lint.Warning:
		return "WARNING"
	default:
		return "INFO"
	}
}
