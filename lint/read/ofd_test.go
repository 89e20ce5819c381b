package read

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const ofdDir = officeDir + "/ofdrw"

// TestOFDSamples: real OFD files (from ofdrw's tests; SOURCE.md) read as
// their pages show them: the 批复 line by line into paragraphs, its
// 发文字号 and date on lines of their own; text drawn on template pages
// (the invoice) read too; pages at non-standard paths found.
func TestOFDSamples(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"n.ofd", []string{
			"测试符路桥区卫生局文件\n路卫发〔2011〕76号\n关于同意张阿三同志辞职的批复\n区中医院：\n你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。\n",
			"经研究，同意张阿三同志辞职。\n测试符路桥区卫生局办公室\n2011年3月10日\n",
		}},
		{"helloworld.ofd", []string{"你好呀，OFD Reader&Writer！"}},
		{"999.ofd", []string{"重庆增值税电子普通发票", "价税合计（大写）\t壹万零陆佰圆整"}},
		{"path_unstd.ofd", []string{"立案决定书"}},
	}
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join(ofdDir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		s, err := Bytes(c.file, data, Limits{})
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		checkInvariants(t, s)
		if s.Format != FormatOFD {
			t.Errorf("%s: format %s", c.file, s.Format)
		}
		for _, w := range c.want {
			if !strings.Contains(s.Text, w) {
				t.Errorf("%s lacks %q:\n%s", c.file, w, s.Text)
			}
		}
	}
}

func ofdZip(t testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"} {
		if body, ok := parts[name]; ok {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(body))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	ofdMain = `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`
	ofdDoc  = `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`
)

func ofdPageXML(texts string) string {
	return `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">` + texts + `</ofd:Layer></ofd:Content></ofd:Page>`
}

func TestOFDText(t *testing.T) {
	// Two objects given bottom first, and "g" in DeltaX.
	page := ofdPageXML(`<ofd:TextObject ID="3" Boundary="28 60 100 6" Size="5.6"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5.6">二三四五</ofd:TextCode></ofd:TextObject>` +
		`<ofd:TextObject ID="2" Boundary="28 40 100 6" Size="5.6"><ofd:TextCode X="0" Y="5">一</ofd:TextCode></ofd:TextObject>`)
	s, err := Bytes("a.ofd", ofdZip(t, map[string]string{"OFD.xml": ofdMain, "Doc_0/Document.xml": ofdDoc, "Doc_0/Pages/Page_0/Content.xml": page}), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Text != "一\n二三四五" {
		t.Errorf("Text = %q", s.Text)
	}
	if got := ofdDeltas("1 g 2 3.5 4"); len(got) != 4 || got[1] != 3.5 || got[3] != 4 {
		t.Errorf("ofdDeltas = %v", got)
	}
}

// TestOFDHostile: an OFD zip bomb, a missing part, a page with no text, a
// broken part: each refused within the limits with a clear error.
func TestOFDHostile(t *testing.T) {
	bomb := ofdPageXML(`<ofd:TextObject Boundary="0 0 1 1" Size="1"><ofd:TextCode X="0" Y="0">` + strings.Repeat("炸", 1<<20) + `</ofd:TextCode></ofd:TextObject>`)
	cases := []struct {
		name   string
		parts  map[string]string
		limits Limits
		want   string
	}{
		{"zip bomb", map[string]string{"OFD.xml": ofdMain, "Doc_0/Document.xml": ofdDoc, "Doc_0/Pages/Page_0/Content.xml": bomb}, Limits{MaxDecompressedBytes: mib}, "可能是压缩炸弹"},
		{"no document", map[string]string{"OFD.xml": ofdMain}, Limits{}, "缺少Doc_0/Document.xml"},
		{"no text", map[string]string{"OFD.xml": ofdMain, "Doc_0/Document.xml": ofdDoc, "Doc_0/Pages/Page_0/Content.xml": ofdPageXML("")}, Limits{}, "没有文字"},
		{"no pages", map[string]string{"OFD.xml": ofdMain, "Doc_0/Document.xml": `<ofd:Document/>`}, Limits{}, "没有页面"},
		{"broken XML", map[string]string{"OFD.xml": ofdMain, "Doc_0/Document.xml": `<ofd:Document><ofd:Pages>`}, Limits{}, "已损坏"},
		{"page outside the package", map[string]string{"OFD.xml": ofdMain, "Doc_0/Document.xml": strings.Replace(ofdDoc, "Pages/Page_0", "../../../etc/Page_0", 1)}, Limits{}, "缺少"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Bytes("hostile.ofd", ofdZip(t, c.parts), c.limits)
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrInput) {
				t.Fatalf("err = %v, want an input error containing %q", err, c.want)
			}
		})
	}
}

func FuzzOFD(f *testing.F) {
	for _, name := range []string{"n.ofd", "helloworld.ofd"} {
		if data, err := os.ReadFile(filepath.Join(ofdDir, name)); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Bytes("fuzz.ofd", data, Limits{MaxDecompressedBytes: 4 * mib})
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		checkInvariants(t, s)
	})
}
