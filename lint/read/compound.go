package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/richardlehane/mscfb"
)

// compoundFile is the streams of a Compound File Binary container
// ([MS-CFB]), the envelope of Word 97–2003 .doc, WPS's Word-compatible
// .wps, .xls, .ppt and of encrypted Office files. Only the streams a
// reader needs are kept, each read whole.
type compoundFile struct {
	streams map[string][]byte
}

// compoundStreams are the streams readers look for; the rest (pictures,
// macros, embedded objects) are never read.
var compoundStreams = map[string]bool{
	"WordDocument": true, "0Table": true, "1Table": true,
	"EncryptionInfo": true, "EncryptedPackage": true,
	"Workbook": true, "Book": true, "PowerPoint Document": true,
	"WpsContent": true,
}

// openCompound reads the container. The library follows sector chains
// for us; what it cannot know is how much a hostile file may make it
// read, so no stream may be larger than the file itself (a chain that
// loops back on itself would otherwise repeat forever), and a stream is
// read in small steps so that the library's work per step stays small.
func openCompound(data []byte) (cf *compoundFile, err error) {
	defer func() {
		// The container parser is third-party code fed hostile bytes;
		// whatever it does, the reader must answer with an input error.
		if r := recover(); r != nil {
			cf, err = nil, invalid("该文件的复合文档结构已损坏，无法读取（%v）；请在Word或WPS中打开，另存为.docx后再检查", r)
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, invalid("该文件的复合文档结构已损坏，无法读取（%v）；请在Word或WPS中打开，另存为.docx后再检查", err)
	}
	cf = &compoundFile{streams: map[string][]byte{}}
	for f, err := r.Next(); err == nil; f, err = r.Next() {
		if !compoundStreams[f.Name] || len(f.Path) > 0 {
			continue
		}
		if _, dup := cf.streams[f.Name]; dup {
			continue
		}
		if f.Size > int64(len(data)) {
			return nil, invalid("该文件的复合文档结构已损坏（%s流声称有%s，比整个文件还大）；请在Word或WPS中另存为.docx后再检查", f.Name, formatSize(f.Size))
		}
		b, err := readStream(f)
		if err != nil {
			return nil, invalid("该文件的复合文档结构已损坏，%s流读不出（%v）；请在Word或WPS中另存为.docx后再检查", f.Name, err)
		}
		cf.streams[f.Name] = b
	}
	return cf, nil
}

func readStream(f *mscfb.File) ([]byte, error) {
	out := make([]byte, 0, f.Size)
	buf := make([]byte, 32*kib)
	for int64(len(out)) < f.Size {
		n, err := f.Read(buf)
		out = append(out, buf[:n]...)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, errors.New("no progress")
		}
	}
	if int64(len(out)) != f.Size {
		return nil, fmt.Errorf("read %d of %d bytes", len(out), f.Size)
	}
	return out, nil
}

// readCompound reads a compound file: a Word document if it holds one,
// otherwise an error that says what the file is and what to do.
func readCompound(data []byte, ext string, limits Limits) (*Source, error) {
	cf, err := openCompound(data)
	if err != nil {
		return nil, err
	}
	s := cf.streams
	switch {
	case s["EncryptedPackage"] != nil || s["EncryptionInfo"] != nil:
		return nil, invalid("该文件设有打开密码（已加密），gwlint不能读取；请在Word或WPS中去除密码后再检查")
	case s["WordDocument"] != nil:
		return readWordBinary(cf, limits)
	case s["Workbook"] != nil || s["Book"] != nil:
		return nil, invalid("这是Excel表格（.xls），不是公文文稿；请把正文另存为.docx后再检查")
	case s["PowerPoint Document"] != nil:
		return nil, invalid("这是PowerPoint演示文稿（.ppt），不是公文文稿；请把正文另存为.docx后再检查")
	case ext == ".wps":
		return nil, invalid(reasonWPSUnreadable)
	}
	return nil, invalid("这是一个复合文档，但其中没有Word正文（没有WordDocument流）；请在Word或WPS中另存为.docx后再检查")
}
