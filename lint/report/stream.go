package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/gwlint/gwlint/lint"
)

// Stream writes a report one file at a time, so that a batch of thousands
// of drafts need not keep every result until the end: the caller writes
// each result as it comes and forgets it. Text, JSON and SARIF stream; the
// other formats (rdjson, HTML) describe the run as a whole and collect the
// results until Close.
type Stream interface {
	// File adds one file's result, in the order the files were given.
	File(r *lint.Result) error
	// Close ends the report.
	Close() error
}

// NewStream starts a report in the named format. The bytes written are the
// same as Write's for the same results.
func NewStream(format string, w io.Writer, opt Options) (Stream, error) {
	f, ok := lookup(format)
	if !ok {
		return nil, Write(format, w, nil, opt) // the unknown-format error
	}
	if f.stream != nil {
		return f.stream(w, opt), nil
	}
	return &collectingStream{w: w, write: f.write, opt: opt}, nil
}

// collectingStream keeps the results and writes them at Close.
type collectingStream struct {
	w       io.Writer
	write   Writer
	opt     Options
	results []*lint.Result
}

func (s *collectingStream) File(r *lint.Result) error {
	s.results = append(s.results, r)
	return nil
}

func (s *collectingStream) Close() error { return s.write(s.w, s.results, s.opt) }

// jsonStream writes the JSON report of JSON one file object at a time,
// indented exactly as encoding the whole report would indent it.
type jsonStream struct {
	bw  *bufio.Writer
	n   int
	buf bytes.Buffer
	enc *json.Encoder
}

func newJSONStream(w io.Writer, opt Options) *jsonStream {
	s := &jsonStream{bw: bufio.NewWriter(w)}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	// File objects stand two levels deep: under the report, in "files".
	s.enc.SetIndent("    ", "  ")
	version, _ := json.Marshal(opt.ToolVersion)
	fmt.Fprintf(s.bw, "{\n  \"version\": %d,\n  \"tool\": {\n    \"name\": %q,\n    \"version\": %s\n  },\n  \"files\": [", JSONVersion, ToolName, version)
	return s
}

func (s *jsonStream) File(r *lint.Result) error {
	s.buf.Reset()
	if err := s.enc.Encode(jsonFileOf(r)); err != nil {
		return err
	}
	if s.n > 0 {
		s.bw.WriteString(",")
	}
	s.bw.WriteString("\n    ")
	s.bw.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
	s.n++
	return nil
}

func (s *jsonStream) Close() error {
	if s.n == 0 {
		s.bw.WriteString("]\n}\n")
	} else {
		s.bw.WriteString("\n  ]\n}\n")
	}
	return s.bw.Flush()
}
