package read

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// The container a file's first bytes show. Offices rename files freely (a
// .doc that Word 2016 saved as .docx, a .wps that is really a Word 97
// file, a 下载.pdf that is an OFD), so the bytes choose the reader and the
// extension only decides among text formats.
var (
	magicZip  = []byte("PK\x03\x04")
	magicCFB  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicPDF  = []byte("%PDF-")
	magicRTF  = []byte(`{\rtf`)
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicPNG  = []byte("\x89PNG\r\n\x1a\n")
	magicTIFF = [][]byte{[]byte("II*\x00"), []byte("MM\x00*")}
)

// pdfHeaderWindow is how far into a file "%PDF-" may start; PDF readers
// accept junk before it (some mail gateways prepend a line). Text that
// merely mentions "%PDF-" is valid UTF-8 and stays text.
const pdfHeaderWindow = 1024

// detect is the format Bytes reads data as. Containers are recognised by
// content; text formats by the extension. A binary file the readers do not
// know comes back with a reason a clerk can act on.
func detect(path string, data []byte) (Format, *InputError) {
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(data, magicZip) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return zipFormat(data, ext)
	case bytes.HasPrefix(data, magicCFB):
		return FormatDoc, nil
	case bytes.HasPrefix(data, magicPDF) || bytes.Contains(data[:min(len(data), pdfHeaderWindow)], magicPDF) && !utf8.Valid(data[:min(len(data), pdfHeaderWindow)]):
		return FormatPDF, nil
	case bytes.HasPrefix(bytes.ToLower(data[:min(len(data), 64)]), []byte("mime-version:")):
		return "", invalid("该文件是网页归档（.mht），gwlint不能读取；请在Word或WPS中打开，另存为.docx后再检查")
	case bytes.HasPrefix(data, magicRTF):
		return "", invalid("该文件实为RTF格式，gwlint不能读取；请在Word或WPS中打开，另存为.docx后再检查")
	case bytes.HasPrefix(data, magicJPEG), bytes.HasPrefix(data, magicPNG),
		bytes.HasPrefix(data, magicTIFF[0]), bytes.HasPrefix(data, magicTIFF[1]):
		return "", invalid("这是图片文件，没有可检查的文字；扫描件需先做文字识别（OCR），另存为.docx或.txt后再检查")
	}
	// Not a container. A name that promises one is wrong about its
	// content; the rest are text, by extension.
	switch ext {
	case ".pdf":
		if looksLikeMarkup(data) {
			return FormatHTML, nil
		}
		return "", invalid("该.pdf文件不是PDF格式（文件开头没有%%PDF标记），可能已损坏或下载不完整；请重新下载或向发文单位索取")
	case ".ofd":
		return "", invalid("该.ofd文件不是OFD格式（不是zip封装），可能已损坏或下载不完整；请重新下载")
	case ".doc", ".wps":
		// Word's "save as web page" and many web exports are HTML
		// named .doc; Word and WPS open them as documents.
		if looksLikeMarkup(data) {
			return FormatHTML, nil
		}
		if bytes.IndexByte(data, 0) >= 0 {
			if ext == ".wps" {
				return "", invalid(reasonWPSUnreadable)
			}
			return "", invalid("该.doc文件不是Word 97-2003格式，gwlint不能读取；请在Word或WPS中另存为.docx后再检查")
		}
		return FormatText, nil
	case ".docx":
		return "", invalid("该.docx文件不是Word文档（不是zip封装），可能已损坏或只是改了扩展名；请在Word或WPS中打开，另存为.docx后再检查")
	}
	return FormatOf(path), nil
}

// reasonWPSUnreadable is the error for a .wps file that holds no Word
// document: the WPS 2000-era formats and anything else WPS saves in its
// own layout.
const reasonWPSUnreadable = "该.wps文件不是可读取的格式（不是WPS保存的Word兼容格式），请在WPS中另存为.docx后再检查"

// zipFormat tells a .docx from an OFD (GB/T 33190 puts OFD.xml at the
// root of its zip) and from the other zips offices send around.
func zipFormat(data []byte, ext string) (Format, *InputError) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if ext == ".ofd" {
			return "", invalid("该.ofd文件已损坏，不是完整的zip封装（%v）；请重新下载", err)
		}
		return "", invalid("该文件已损坏，不是完整的Word文档或zip封装（%v）；请在Word或WPS中重新另存为.docx", err)
	}
	var hasWord, hasOFD bool
	kind := ""
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		switch {
		case name == "ofd.xml":
			hasOFD = true
		case strings.HasPrefix(name, "word/"):
			hasWord = true
		case strings.HasPrefix(name, "xl/"):
			kind = "Excel表格（.xlsx）"
		case strings.HasPrefix(name, "ppt/"):
			kind = "PowerPoint演示文稿（.pptx）"
		case name == "content.xml" && kind == "":
			kind = "OpenDocument文档（.odt等）"
		}
	}
	switch {
	case hasOFD:
		return FormatOFD, nil
	case hasWord:
		return FormatDocx, nil
	case kind != "":
		return "", invalid("这是%s，不是公文文稿；请把正文另存为.docx后再检查", kind)
	case ext == ".docx":
		// readDocx names what is missing.
		return FormatDocx, nil
	}
	return "", invalid("这是一个zip压缩包，不是Word文档或OFD文件；请解压后检查其中的文稿")
}

// looksLikeMarkup reports whether data starts, after white space and a
// byte-order mark, with an HTML or XML tag.
func looksLikeMarkup(data []byte) bool {
	data = bytes.TrimPrefix(data, bomUTF8)
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) > 512 {
		data = data[:512]
	}
	lower := bytes.ToLower(data)
	return bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html"))
}
