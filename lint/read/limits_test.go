package read

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestTextSizeLimit: a draft with more text than MaxTextBytes is refused
// with the sizes in the message, before it can cost the checker gigabytes;
// a .docx may be a larger file (pictures) as long as its text is small.
func TestTextSizeLimit(t *testing.T) {
	han := bytes.Repeat([]byte("公文"), 200) // 1,200 bytes of UTF-8
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(bytes.Repeat(han, 2))
	if err != nil {
		t.Fatal(err)
	}
	limits := Limits{MaxTextBytes: 2 * kib}
	cases := []struct {
		name string
		path string
		data []byte
		want string // "" when accepted
	}{
		{"text under", "a.txt", han, ""},
		{"text over", "a.txt", bytes.Repeat(han, 2), "文件大小为2.3 KiB，超过2 KiB的上限（这种格式的文稿）"},
		{"markdown over", "a.md", bytes.Repeat(han, 2), "文件大小为2.3 KiB，超过2 KiB的上限"},
		{"unknown extension over", "a.log", bytes.Repeat(han, 2), "超过2 KiB的上限"},
		// 1,600 bytes of GB18030 pass the file check and decode to 2,400
		// bytes of UTF-8, which the text check refuses.
		{"gb18030 grows when decoded", "a.txt", gb, "文字有2.3 KiB，超过一份文稿2 KiB的上限"},
		{"html markup allowance", "a.html", append([]byte("<p>"+strings.Repeat(" ", 4000)+"</p>"), han...), ""},
		{"html over", "a.html", bytes.Repeat([]byte("<p>公文</p>"), 1000), "超过8 KiB的上限"},
		{"docx text over", "a.docx", docxBytes(t, docxParagraph(strings.Repeat("公文", 500))), "文字有2.9 KiB，超过一份文稿2 KiB的上限"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Bytes(c.path, c.data, limits)
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrInput) {
				t.Fatalf("err = %v, want an input error containing %q", err, c.want)
			}
		})
	}
	if d := DefaultLimits(); d.MaxTextBytes != 2*mib {
		t.Errorf("default MaxTextBytes = %d", d.MaxTextBytes)
	}
}
