package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// SARIF 2.1.0, written directly: the format needs a few dozen fields and a
// library would bring more than it saves. Columns count Unicode code
// points, and the run says so (columnKind), because that is how the
// contract counts.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

// sarifRun's invocations follow its results: whether the run succeeded
// is known only once every file is read, and the results are written as
// they come (sarifStream).
type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
	Invocations []sarifInvocation `json:"invocations"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	// Name is the rule's Chinese name; SARIF's own name property is meant
	// for an identifier, which the ID already is.
	Name   string   `json:"name,omitempty"`
	Source string   `json:"source"`
	Tags   []string `json:"tags,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifResult struct {
	RuleID           string                `json:"ruleId"`
	RuleIndex        int                   `json:"ruleIndex"`
	Level            string                `json:"level"`
	Message          sarifText             `json:"message"`
	Locations        []sarifLocation       `json:"locations"`
	RelatedLocations []sarifRelatedLoc     `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix            `json:"fixes,omitempty"`
	Fingerprints     map[string]string     `json:"partialFingerprints,omitempty"`
	Properties       *sarifResultPropertie `json:"properties,omitempty"`
}

type sarifResultPropertie struct {
	Source string `json:"source"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifRelatedLoc struct {
	ID               int           `json:"id"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          sarifText     `json:"message"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
	CharOffset  int `json:"charOffset"`
	CharLength  int `json:"charLength"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// SARIF writes a SARIF 2.1.0 log with one run, every rule described with
// its source, and one result per finding.
func SARIF(w io.Writer, results []*lint.Result, opt Options) error {
	s := newSARIFStream(w, opt)
	for _, r := range results {
		if err := s.File(r); err != nil {
			return err
		}
	}
	return s.Close()
}

// sarifStream writes a SARIF log one file's results at a time: the rule
// table first (every rule of the registry, known before any file), each
// result as it comes, and the invocation, with the files that could not
// be read, at the end. 10,000 files no longer wait in memory for Close.
type sarifStream struct {
	bw    *bufio.Writer
	opt   Options
	log   sarifLog
	index map[string]int
	inv   sarifInvocation
	n     int
	buf   bytes.Buffer
	enc   *json.Encoder
	err   error
}

// sarifResultIndent is the indentation of a result object in the log:
// log → runs → run → results.
const sarifResultIndent = "        "

func newSARIFStream(w io.Writer, opt Options) *sarifStream {
	driver := sarifDriver{Name: ToolName, Version: opt.ToolVersion, InformationURI: "https://github.com/gwlint/gwlint", Rules: []sarifRule{}}
	index := map[string]int{}
	for _, r := range usedRules(nil, opt.Registry) {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   r.ID,
			ShortDescription:     sarifText{r.Doc},
			FullDescription:      sarifText{r.Doc + "（依据：" + r.Source + "）"},
			Help:                 sarifText{"依据：" + r.Source},
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
			Properties:           sarifRuleProps{Name: r.Name, Source: r.Source, Tags: ruleTags(r.ID)},
		})
	}
	s := &sarifStream{bw: bufio.NewWriter(w), opt: opt, index: index, inv: sarifInvocation{ExecutionSuccessful: true}}
	s.log = sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0",
		Runs: []sarifRun{{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}}}
	head, _, err := s.split()
	if err != nil {
		s.err = err
		return s
	}
	s.bw.Write(head)
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	s.enc.SetIndent(sarifResultIndent, "  ")
	return s
}

// split encodes the log with no results and cuts it where the results go:
// before and after the empty array.
func (s *sarifStream) split() (head, tail []byte, err error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s.log); err != nil {
		return nil, nil, err
	}
	const mark = `"results": []`
	i := bytes.Index(b.Bytes(), []byte(mark))
	if i < 0 {
		return nil, nil, fmt.Errorf("sarif: no results array in the log")
	}
	cut := i + len(mark) - len("[]")
	return b.Bytes()[:cut], b.Bytes()[cut+len("[]"):], nil
}

// File writes one file's findings as results, or notes its error for the
// invocation.
func (s *sarifStream) File(r *lint.Result) error {
	if s.err != nil {
		return s.err
	}
	uri := artifactURI(r.Path)
	if r.Err != nil {
		s.inv.ExecutionSuccessful = false
		s.inv.Notifications = append(s.inv.Notifications, sarifNotification{
			Level: "error", Message: sarifText{r.Err.Error()},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri}}}},
		})
		return nil
	}
	for _, f := range r.Findings {
		idx, ok := s.index[f.Rule]
		if !ok {
			idx = -1
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: idx, Level: sarifLevel(f.Severity),
			Message:    sarifText{messageWithSource(f)},
			Locations:  []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{uri}, Region: region(r.Doc.Index(), f.Span)}}},
			Properties: &sarifResultPropertie{Source: f.Source},
		}
		for i, rel := range f.Related {
			res.RelatedLocations = append(res.RelatedLocations, sarifRelatedLoc{
				ID: i + 1,
				PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{artifactURI(rel.Path)}, Region: &sarifRegion{
					StartLine: rel.Start.Line, StartColumn: rel.Start.Column, EndLine: rel.End.Line, EndColumn: rel.End.Column,
					CharOffset: rel.Span.Start, CharLength: rel.Span.Len(),
				}},
				Message: sarifText{relatedMessage(rel)},
			})
		}
		if f.Fix != nil {
			res.Fixes = []sarifFix{{Description: sarifText{"改为“" + f.Fix.Text + "”"}, ArtifactChanges: []sarifArtifactChange{{
				ArtifactLocation: sarifArtifact{uri},
				Replacements:     []sarifReplacement{{DeletedRegion: *region(r.Doc.Index(), f.Fix.Span), InsertedContent: sarifText{f.Fix.Text}}},
			}}}}
		}
		s.buf.Reset()
		if err := s.enc.Encode(res); err != nil {
			return err
		}
		if s.n == 0 {
			s.bw.WriteString("[\n" + sarifResultIndent)
		} else {
			s.bw.WriteString(",\n" + sarifResultIndent)
		}
		s.bw.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
		s.n++
	}
	return nil
}

// Close writes the invocation and ends the log.
func (s *sarifStream) Close() error {
	if s.err != nil {
		return s.err
	}
	if s.n == 0 {
		s.bw.WriteString("[]")
	} else {
		s.bw.WriteString("\n      ]")
	}
	s.log.Runs[0].Invocations = []sarifInvocation{s.inv}
	_, tail, err := s.split()
	if err != nil {
		return err
	}
	s.bw.Write(tail)
	return s.bw.Flush()
}

func region(x *lint.Index, s lint.Span) *sarifRegion {
	a, b := x.Position(s.Start), x.Position(s.End)
	return &sarifRegion{StartLine: a.Line, StartColumn: a.Column, EndLine: b.Line, EndColumn: b.Column, CharOffset: s.Start, CharLength: s.Len()}
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	default:
		return "note"
	}
}

// ruleTags groups rules by family for code-scanning filters.
func ruleTags(id string) []string {
	family, _, _ := strings.Cut(id, "-")
	return []string{"gongwen", family}
}

// artifactURI turns a path into the relative URI reference SARIF expects:
// forward slashes, each segment percent-encoded (Chinese file names are
// common), so that code scanning finds the file in the repository.
func artifactURI(p string) string {
	p = filepath.ToSlash(filepath.Clean(p))
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
