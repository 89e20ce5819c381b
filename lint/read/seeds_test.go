package read

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var writeSeeds = flag.Bool("write-fuzz-seeds", false, "rewrite the seed files under testdata/fuzz")

// TestFuzzSeeds keeps the committed seed corpus in step with the functions
// that build valid inputs: with -write-fuzz-seeds it rewrites the files,
// otherwise it checks that they read without error.
func TestFuzzSeeds(t *testing.T) {
	body := readCorpus(t, corpusDoc)
	seeds := map[string][]byte{
		"FuzzText/gov-utf16le":    mustEncode(t, body, EncodingUTF16LE),
		"FuzzText/gov-gb18030":    mustEncode(t, body, EncodingGB18030),
		"FuzzMarkdown/gov":        []byte("---\ncomprehensive: true\n---\n<!-- gwlint-disable punct-halfwidth -->\n# " + body),
		"FuzzMarkdown/references": []byte("# 甲&amp;乙\n\n内容&amp;乙&#x4E00;&#12289;\\;\\*&nosuch;&#12345678;&#x;`&lt;`[&gt;](u&amp;)\\\n末&"),
		"FuzzDocx/tiny":           docxBytes(t, docxParagraph("关于2019年部分节假日安排的通知")+`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t><w:tab/></w:r></w:p></w:tc></w:tr></w:tbl>`),
		"FuzzHTML/gov-gbk":        mustEncode(t, "<html><head><meta charset=\"gbk\"></head><body><!-- gwlint-disable x --><p>"+body+"</p></body></html>", EncodingGB18030),
	}
	for name, data := range seeds {
		path := filepath.Join("testdata", "fuzz", name)
		file := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
		if *writeSeeds {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestFuzzSeeds -write-fuzz-seeds)", err)
		}
		if string(got) != file {
			t.Errorf("%s is stale (run go test -run TestFuzzSeeds -write-fuzz-seeds)", path)
		}
		ext := map[string]string{"FuzzText": ".txt", "FuzzMarkdown": ".md", "FuzzDocx": ".docx", "FuzzHTML": ".html"}[filepath.Dir(name)]
		if _, err := Bytes("seed"+ext, data, Limits{}); err != nil {
			t.Errorf("seed %s does not read: %v", name, err)
		}
	}
}
