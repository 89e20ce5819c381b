package library

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"github.com/gwlint/gwlint/lint/align"
)

// An export is one file that carries a library to another machine: gzip
// over lines of JSON, in this order:
//
//	{"format": "gwlint-library-export", "version": 1, "documents": N}
//	{"id", "path", "title", "doc_number", "date", "hash", "text_sha256", "text"}   N times
//	{"end": true, "documents": N, "sha256": "<hex of every byte above>"}
//
// Each document carries its content hashes, checked against its text on
// import; the last line's count and SHA-256 cover the whole file above
// it, so a file cut short, edited or put together from two exports is
// refused before anything is imported. gzip's own CRC catches damage to
// the compressed bytes. Texts, not the bbolt file, travel: the file reads
// the same on every operating system and architecture, and the index is
// built again by the importing library. The hashes make the file
// self-checking, not signed: whoever may edit the file may recompute
// them, so a file from elsewhere is trusted as far as its carrier is.
const (
	exportFormat = "gwlint-library-export"
	// ExportVersion is the export format this gwlint writes and the
	// newest it reads.
	ExportVersion = 1
	// maxExportLine bounds one line of an export: a document's text is
	// at most the 64 MiB decompress allows, escaped as JSON.
	maxExportLine = 160 << 20
)

type exportHeader struct {
	Format    string `json:"format"`
	Version   int    `json:"version"`
	Documents int    `json:"documents"`
}

type exportDoc struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title"`
	DocNumber string `json:"doc_number"`
	Date      string `json:"date"`
	Hash      string `json:"hash"`
	TextHash  string `json:"text_sha256"`
	Text      string `json:"text"`
}

type exportTrailer struct {
	End       bool   `json:"end"`
	Documents int    `json:"documents"`
	SHA256    string `json:"sha256"`
}

// Export writes every document of the library to w as one export file,
// from one read transaction: a writer in the same process waits, and the
// file is the library as it was at one moment. A damaged stored text
// stops the export, naming the document.
func (l *Library) Export(w io.Writer) (n int, err error) {
	defer recoverAs(l.path, &err)
	zw := gzip.NewWriter(w)
	sum := sha256.New()
	out := io.MultiWriter(zw, sum)
	line := func(v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		_, err = out.Write(append(b, '\n'))
		return err
	}
	err = l.db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		total := tx.Bucket(bucketDocs).Stats().KeyN
		if err := line(exportHeader{Format: exportFormat, Version: ExportVersion, Documents: total}); err != nil {
			return err
		}
		return tx.Bucket(bucketDocs).ForEach(func(k, _ []byte) error {
			e, text, err := l.get(tx, string(k))
			if err != nil {
				return err
			}
			n++
			return line(exportDoc{ID: e.ID, Path: e.Path, Title: e.Title, DocNumber: e.DocNumber, Date: e.Date,
				Hash: e.Hash, TextHash: textSum(text), Text: text})
		})
	})
	if err != nil {
		return 0, err
	}
	b, err := json.Marshal(exportTrailer{End: true, Documents: n, SHA256: hex.EncodeToString(sum.Sum(nil))})
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(append(b, '\n')); err != nil {
		return 0, err
	}
	return n, zw.Close()
}

// ErrBadExport matches (with errors.Is) every refusal of an export file.
var ErrBadExport = errors.New("文件库导出文件无法导入")

// exportError is a refusal, with its reason in Chinese.
type exportError struct{ reason string }

func (e *exportError) Error() string        { return "文件库导出文件无法导入：" + e.reason }
func (e *exportError) Is(target error) bool { return target == ErrBadExport }

func refuse(format string, args ...any) error {
	return &exportError{fmt.Sprintf(format, args...)}
}

// ReadExport reads an export file and checks it as it goes: its version,
// every document's hashes, and at the end the count and SHA-256 of the
// whole. each, when not nil, receives every document as it is read; the
// caller that must not act on a file that turns out bad at its end reads
// it twice, first with each nil. It returns the number of documents.
func ReadExport(r io.Reader, each func(Doc) error) (n int, err error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return 0, refuse("不是 gwlint 的文件库导出文件（%v）；请用 gwlint library export 导出", err)
	}
	br := bufio.NewReaderSize(zr, 1<<20)
	sum := sha256.New()
	first, err := readLine(br, sum, true)
	if err != nil {
		return 0, err
	}
	var h exportHeader
	if json.Unmarshal(first, &h) != nil || h.Format != exportFormat {
		return 0, refuse("不是 gwlint 的文件库导出文件（第一行没有 %q 标记）；请用 gwlint library export 导出", exportFormat)
	}
	if h.Version > ExportVersion {
		return 0, refuse("它由较新版本的 gwlint 导出（格式版本 %d，本程序最高读取版本 %d）；请升级 gwlint 后再导入", h.Version, ExportVersion)
	}
	if h.Version < 1 || h.Documents < 0 {
		return 0, refuse("文件头已损坏（版本 %d，%d 篇）；请重新导出", h.Version, h.Documents)
	}
	for {
		b, err := readLine(br, nil, false)
		if err != nil {
			return n, err
		}
		var probe struct {
			End *bool `json:"end"`
		}
		if json.Unmarshal(b, &probe) == nil && probe.End != nil {
			var t exportTrailer
			if err := json.Unmarshal(b, &t); err != nil || !t.End {
				return n, refuse("文件尾已损坏；请重新导出")
			}
			if got := hex.EncodeToString(sum.Sum(nil)); t.SHA256 != got {
				return n, refuse("内容与文件尾的校验和不符（可能被修改过或拼接而成）；请重新导出")
			}
			if t.Documents != n || h.Documents != n {
				return n, refuse("文件头记有 %d 篇、文件尾记有 %d 篇，实际读到 %d 篇；请重新导出", h.Documents, t.Documents, n)
			}
			// Reading to the end makes gzip check its CRC and length.
			switch _, err := br.ReadByte(); {
			case err == nil:
				return n, refuse("文件尾之后还有内容（可能由两份文件拼接而成）；请重新导出")
			case err != io.EOF:
				return n, refuse("文件已损坏（%v）；请重新复制或重新导出", err)
			}
			return n, nil
		}
		sum.Write(b)
		sum.Write([]byte{'\n'})
		var d exportDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return n, refuse("第 %d 篇文件的记录已损坏（%v）；请重新导出", n+1, err)
		}
		if err := checkExportDoc(d); err != nil {
			return n, refuse("第 %d 篇文件（%s）%v；请重新导出", n+1, d.ID, err)
		}
		n++
		if n > h.Documents {
			return n, refuse("文件头记有 %d 篇，实际多于此数；请重新导出", h.Documents)
		}
		if each != nil {
			if err := each(Doc{Path: d.Path, Title: d.Title, DocNumber: d.DocNumber, Date: d.Date, Text: d.Text}); err != nil {
				return n, err
			}
		}
	}
}

// checkExportDoc checks a document's text against its hashes, as the
// library computes them when it is added.
func checkExportDoc(d exportDoc) error {
	if textSum(d.Text) != d.TextHash {
		return errors.New("的正文与其哈希不符")
	}
	norm := align.Normalize(d.Text)
	sum := sha256.Sum256([]byte(string(norm.Runes)))
	if h := hex.EncodeToString(sum[:]); h != d.Hash || len(h) < 12 || d.ID != h[:12] {
		return errors.New("的编号或内容哈希与正文不符")
	}
	return nil
}

// readLine reads one line of an export, without its newline, adding it
// (newline included) to sum when sum is not nil. A file that ends before
// its last line is refused as cut short.
func readLine(br *bufio.Reader, sum hash.Hash, header bool) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxExportLine {
			return nil, refuse("有一行超过 %d MiB，不是 gwlint 写出的导出文件", maxExportLine>>20)
		}
		if err == nil {
			break
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, refuse("文件不完整（在末尾之前中断），可能复制或下载时被截断；请重新复制或重新导出")
		}
		if header {
			return nil, refuse("不是 gwlint 的文件库导出文件（%v）；请用 gwlint library export 导出", err)
		}
		return nil, refuse("文件已损坏（%v）；请重新复制或重新导出", err)
	}
	if sum != nil {
		sum.Write(line)
	}
	return bytes.TrimSuffix(line, []byte("\n")), nil
}

// ImportResult says what an import did.
type ImportResult struct {
	Documents int // in the export file
	Added     int // new to the library
	Same      int // already there
}

// importBatch is how many documents go into one transaction of an import.
const importBatch = 200

// Import adds the documents of an export file to the library. open opens
// the file; it is read twice, first to check all of it, so that a file
// bad at its end imports nothing. Merging adds each document not already
// there, in transactions of a few hundred: a killed import leaves only
// complete documents, and importing again finishes the job. With replace
// the library becomes exactly the export: it is built beside the library
// and renamed over it when complete, so a kill leaves the old library or
// the new one, and a reader that opened the old one keeps reading it.
func (l *Library) Import(open func() (io.ReadCloser, error), replace bool) (res ImportResult, err error) {
	defer recoverAs(l.path, &err)
	if l.db.IsReadOnly() {
		return res, fmt.Errorf("%s: importing needs the library opened for writing", l.path)
	}
	read := func(each func(Doc) error) (int, error) {
		f, err := open()
		if err != nil {
			return 0, err
		}
		defer f.Close()
		return ReadExport(f, each)
	}
	if res.Documents, err = read(nil); err != nil {
		return res, err
	}
	into := l
	var tmpDir string
	if replace {
		tmpDir = l.path + ".import"
		os.RemoveAll(tmpDir)
		if into, err = Open(tmpDir, Options{}); err != nil {
			return res, err
		}
		defer func() {
			if into != l {
				into.Close()
			}
			os.RemoveAll(tmpDir)
		}()
	}
	var batch []Doc
	flush := func() error {
		rs, err := into.AddBatch(batch)
		if err != nil {
			return err
		}
		for _, r := range rs {
			if r.Added {
				res.Added++
			} else {
				res.Same++
			}
		}
		batch = batch[:0]
		return nil
	}
	_, err = read(func(d Doc) error {
		batch = append(batch, d)
		if len(batch) < importBatch {
			return nil
		}
		return flush()
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	if err != nil || !replace {
		return res, err
	}
	if err := into.Close(); err != nil {
		return res, err
	}
	into = l
	return res, l.swapIn(filepath.Join(tmpDir, FileName))
}
