package annotate

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gwlint/gwlint/lint"
)

// Suffix ends the name of an annotated draft: 通知.docx is written as
// 通知-审核意见.docx, so it sorts beside the draft and never replaces it.
const Suffix = "-审核意见.docx"

// OutputName is where the annotated draft of the file at path goes in dir.
func OutputName(dir, path string) string {
	base := filepath.Base(path)
	if path == "-" || base == "." || base == string(filepath.Separator) {
		base = "标准输入"
	}
	return filepath.Join(dir, strings.TrimSuffix(base, filepath.Ext(base))+Suffix)
}

// WriteFile writes the annotated draft of r into dir and returns its
// path. The file is written under a temporary name and renamed into
// place, so a killed run leaves no half-written .docx; a name that is the
// draft itself (or any existing file that is not an earlier annotated
// draft) is refused, so the draft is never written over.
func WriteFile(dir string, r *lint.Result, opt Options) (string, Summary, error) {
	out := OutputName(dir, r.Path)
	if same(out, r.Path) {
		return "", Summary{}, fmt.Errorf("批注文档 %s 就是文稿本身，不能覆盖；请用 --output 另选目录", out)
	}
	if _, err := os.Lstat(out); err == nil && !ours(out) {
		return "", Summary{}, fmt.Errorf("%s 已存在，且不是 gwlint 写的批注文档，不能覆盖；请移走它或用 --output 另选目录", out)
	}
	var buf bytes.Buffer
	sum, err := Docx(&buf, r, opt)
	if err != nil {
		return "", sum, err
	}
	tmp, err := os.CreateTemp(dir, ".gwlint-*.docx")
	if err != nil {
		return "", sum, fmt.Errorf("无法在 %s 中写入批注文档：%w", dir, err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up after a failure
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return "", sum, fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", sum, fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	if err := tmp.Close(); err != nil {
		return "", sum, fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	// CreateTemp makes the file private; an annotated draft is for
	// sharing like any document.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", sum, fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return "", sum, fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	return out, sum, nil
}

// ours reports whether the file at path is an annotated draft gwlint
// wrote, which a new run replaces.
func ours(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "docProps/app.xml" || f.UncompressedSize64 > 4096 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		b, _ := io.ReadAll(io.LimitReader(rc, 4096))
		rc.Close()
		return bytes.Contains(b, []byte("<Application>"+application+"</Application>"))
	}
	return false
}

// same reports whether two paths name one existing file.
func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
