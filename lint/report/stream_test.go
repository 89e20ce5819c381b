package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/gwlint/gwlint/lint"
)

// TestStreamMatchesWrite: a text or JSON report written one file at a time
// is byte for byte the report written whole, for no files, one file,
// several files and a file that could not be read. (SARIF, rdjson and
// HTML describe the run as a whole: their stream collects the results and
// calls Write on Close, so comparing them here would prove nothing.)
func TestStreamMatchesWrite(t *testing.T) {
	doc := lint.ParseText("a.txt", "某市人民政府关于做好防汛工作的通知\n\n各区人民政府：\n请做好防汛工作,确保安全。\n")
	checked := &lint.Result{Path: "a.txt", Doc: doc, Title: doc.Title(), Kind: doc.Kind(), Chars: doc.Chars(),
		Findings: []lint.Finding{{Rule: "punct-halfwidth", Severity: lint.Error, Message: "半角逗号<&>", Span: lint.Span{Start: 32, End: 33}, Source: "GB/T 15834—2011",
			Fix: &lint.Fix{Span: lint.Span{Start: 32, End: 33}, Text: "，"}}}}
	broken := &lint.Result{Path: "b.docx", Err: errString("not a .docx")}
	sets := [][]*lint.Result{nil, {checked}, {checked, broken, checked}}
	for _, format := range []string{"text", "json"} {
		for _, results := range sets {
			opt := Options{ToolVersion: "0.1.0"}
			var whole, streamed bytes.Buffer
			if err := Write(format, &whole, results, opt); err != nil {
				t.Fatal(err)
			}
			s, err := NewStream(format, &streamed, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range results {
				if err := s.File(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if whole.String() != streamed.String() {
				t.Errorf("%s, %d files: streamed\n%s\nwhole\n%s", format, len(results), streamed.String(), whole.String())
			}
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// TestSARIFStreamIsTheWholeLog: the SARIF log written one file at a time
// (header, each result as it comes, the invocation last) is byte for byte
// the log encoded whole, for no files, one file, and files with errors
// between them: decoding it and encoding the value again gives the same
// bytes, and it holds every result and every error.
func TestSARIFStreamIsTheWholeLog(t *testing.T) {
	doc := lint.ParseText("a.txt", "某市人民政府关于做好防汛工作的通知\n\n各区人民政府：\n请做好防汛工作,确保安全。\n")
	checked := &lint.Result{Path: "a.txt", Doc: doc, Findings: []lint.Finding{
		{Rule: "punct-halfwidth", Severity: lint.Error, Message: "半角逗号<&>", Span: lint.Span{Start: 32, End: 33}, Source: "GB/T 15834—2011",
			Fix: &lint.Fix{Span: lint.Span{Start: 32, End: 33}, Text: "，"}},
		{Rule: "no-such-rule", Severity: lint.Info, Message: "第二处", Span: lint.Span{Start: 0, End: 2}}}}
	broken := &lint.Result{Path: "b.docx", Err: errString("not a .docx")}
	for _, results := range [][]*lint.Result{nil, {checked}, {checked, broken, checked, broken}} {
		var out bytes.Buffer
		if err := SARIF(&out, results, Options{ToolVersion: "0.1.0"}); err != nil {
			t.Fatal(err)
		}
		var log sarifLog
		if err := json.Unmarshal(out.Bytes(), &log); err != nil {
			t.Fatalf("%d files: not JSON: %v\n%s", len(results), err, out.String())
		}
		var again bytes.Buffer
		enc := json.NewEncoder(&again)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(log); err != nil {
			t.Fatal(err)
		}
		if again.String() != out.String() {
			t.Errorf("%d files: the streamed log is not the log encoded whole:\n%s\nwant\n%s", len(results), out.String(), again.String())
		}
		wantResults, wantErrors := 0, 0
		for _, r := range results {
			if r.Err != nil {
				wantErrors++
			} else {
				wantResults += len(r.Findings)
			}
		}
		run := log.Runs[0]
		if len(run.Results) != wantResults || len(run.Invocations) != 1 || len(run.Invocations[0].Notifications) != wantErrors || run.Invocations[0].ExecutionSuccessful != (wantErrors == 0) {
			t.Errorf("%d files: %d results, invocations %+v; want %d results and %d errors", len(results), len(run.Results), run.Invocations, wantResults, wantErrors)
		}
	}
}
