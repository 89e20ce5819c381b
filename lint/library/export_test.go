package library

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportOf exports the library to bytes.
func exportOf(t *testing.T, l *Library) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := l.Export(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func opener(data []byte) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
}

// plain and packed turn an export into its lines and back, for
// tampering.
func plain(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func packed(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.Bytes()
}

// entriesText is a library's entries and texts, to compare two libraries.
func entriesText(t *testing.T, l *Library) []string {
	t.Helper()
	es, err := l.List()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		_, text, err := l.Get(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join([]string{e.ID, e.Path, e.Title, e.DocNumber, e.Date, e.Hash, text}, "|"))
	}
	return out
}

func TestExportImportRoundTrip(t *testing.T) {
	docs := corpusDocs(t)[:6]
	docs[0].Date = "2018年11月16日"
	src := openWrite(t, t.TempDir())
	if _, err := src.AddBatch(docs); err != nil {
		t.Fatal(err)
	}
	data := exportOf(t, src)
	want := entriesText(t, src)

	// Into an empty library: the same documents, fields and texts.
	dst := openWrite(t, t.TempDir())
	res, err := dst.Import(opener(data), false)
	if err != nil {
		t.Fatal(err)
	}
	if res != (ImportResult{Documents: 6, Added: 6}) {
		t.Errorf("import into an empty library: %+v", res)
	}
	if got := entriesText(t, dst); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("imported library differs:\n%v\nwant\n%v", got, want)
	}
	if cs, err := dst.Candidates(docs[3].Text, 1); err != nil || len(cs) != 1 || cs[0].ID != idOf(docs[3].Text) {
		t.Errorf("the imported index does not find its own document: %v %v", cs, err)
	}

	// Merging keeps what is there and adds what is not.
	merge := openWrite(t, t.TempDir())
	other := corpusDocs(t)[10]
	if _, err := merge.AddBatch([]Doc{docs[1], other}); err != nil {
		t.Fatal(err)
	}
	res, err = merge.Import(opener(data), false)
	if err != nil || res != (ImportResult{Documents: 6, Added: 5, Same: 1}) {
		t.Errorf("merge: %+v %v", res, err)
	}
	if n, _ := merge.Len(); n != 7 {
		t.Errorf("merged library has %d documents, want 7", n)
	}

	// Replacing leaves exactly the export.
	res, err = merge.Import(opener(data), true)
	if err != nil || res.Documents != 6 {
		t.Fatalf("replace: %+v %v", res, err)
	}
	if got := entriesText(t, merge); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("replaced library differs from the export:\n%v", got)
	}
	if _, err := os.Stat(merge.Path() + ".import"); !os.IsNotExist(err) {
		t.Errorf("the replacement's working directory is left behind: %v", err)
	}
	// The library still takes writes after the swap.
	if _, added, err := merge.Add(other); err != nil || !added {
		t.Errorf("adding after a replace: %v %v", added, err)
	}
}

// TestImportRefusals: a file cut short, edited, from a newer gwlint or
// not an export at all is refused with its reason, and the library is
// left as it was.
func TestImportRefusals(t *testing.T) {
	docs := corpusDocs(t)[:3]
	src := openWrite(t, t.TempDir())
	if _, err := src.AddBatch(docs); err != nil {
		t.Fatal(err)
	}
	data := exportOf(t, src)
	text := plain(t, data)
	lines := strings.SplitAfter(text, "\n")
	// lines: header, three documents, trailer, "".
	if len(lines) != 6 {
		t.Fatalf("export has %d lines", len(lines))
	}
	second := corpusDocs(t)[5:7]
	other := openWrite(t, t.TempDir())
	other.AddBatch(second)
	otherLines := strings.SplitAfter(plain(t, exportOf(t, other)), "\n")

	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"cut short", data[:len(data)*2/3], "不完整"},
		{"cut to the trailer", packed(strings.Join(lines[:4], "")), "不完整"},
		{"gzip checksum damaged", func() []byte {
			d := bytes.Clone(data)
			d[len(d)-6] ^= 0x55 // in the CRC-32 of gzip's trailer
			return d
		}(), "损坏"},
		{"a text edited", func() []byte {
			head, body, _ := strings.Cut(lines[2], `"text":"`)
			edited := head + `"text":"` + strings.Replace(body, "。", "，", 1)
			return packed(lines[0] + lines[1] + edited + lines[3] + lines[4])
		}(), "正文与其哈希不符"},
		{"a title edited", packed(strings.Replace(text, `"title":"`, `"title":"某`, 1)), "校验和不符"},
		{"a document dropped", packed(lines[0] + lines[1] + lines[3] + lines[4]), "校验和不符"},
		{"two exports joined", append(bytes.Clone(data), exportOf(t, other)...), "拼接"},
		{"a document from another export", packed(lines[0] + lines[1] + otherLines[1] + lines[3] + lines[4]), "校验和不符"},
		{"newer version", packed(strings.Replace(text, `"version":1`, `"version":2`, 1)), "较新版本"},
		{"not gzip", []byte("这不是导出文件\n"), "不是 gwlint 的文件库导出文件"},
		{"gzip of something else", packed("hello\n"), "不是 gwlint 的文件库导出文件"},
		{"empty", nil, "不是 gwlint 的文件库导出文件"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, replace := range []bool{false, true} {
				dir := t.TempDir()
				l := openWrite(t, dir)
				if _, err := l.AddBatch(corpusDocs(t)[20:21]); err != nil {
					t.Fatal(err)
				}
				res, err := l.Import(opener(tt.data), replace)
				if !errors.Is(err, ErrBadExport) || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("replace=%v: %v (want a refusal saying %q)", replace, err, tt.want)
				}
				if n, _ := l.Len(); n != 1 || res.Added != 0 {
					t.Errorf("replace=%v: the refused file changed the library: %d documents, %+v", replace, n, res)
				}
				if _, err := os.Stat(filepath.Join(dir, FileName+".import")); !os.IsNotExist(err) {
					t.Errorf("replace=%v: working directory left behind", replace)
				}
			}
		})
	}
}

// FuzzReadExport: whatever the bytes, reading an export ends in a count
// or a refusal, never a panic.
func FuzzReadExport(f *testing.F) {
	f.Add(packed(`{"format":"gwlint-library-export","version":1,"documents":0}` + "\n" + `{"end":true,"documents":0,"sha256":"e3b0"}` + "\n"))
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadExport(bytes.NewReader(data), nil)
		// The same bytes as the plain text of a gzip file.
		ReadExport(bytes.NewReader(packed(string(data))), nil)
	})
}
