package read

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestHTMLVisibleText(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"collapse", "<p>  a \t  b \n c  </p>", "a b c"},
		{"han across a line break", "<p>\n  各省、自治区\n  直辖市：\n</p>", "各省、自治区直辖市："},
		{"full-width punctuation across a line break", "<p>通知如下\n。</p>", "通知如下。"},
		{"space between han kept", "<p>中 文</p>", "中 文"},
		{"latin across a line break", "<p>abc\ndef</p>", "abc def"},
		{"han and digit across a line break", "<p>2019\n年</p>", "2019 年"},
		{"blocks", "<div>一<p>二</p>三<div><div>四</div></div></div><h1>五</h1>", "一\n二\n三\n四\n五"},
		{"table cells", "<table><tr><td>甲</td><td> 乙 </td></tr><tr><th>丙</th></tr></table>", "甲\n乙\n丙"},
		{"lists", "<ul><li>一</li><li>二<ol><li>三</li></ol></li></ul>", "一\n二\n三"},
		{"br", "一<br>二<br><br>三<br/>", "一\n二\n\n三"},
		{"inline", "<p><b>粗</b><i>斜</i> <span>字</span><a href='x'>链</a></p>", "粗斜 字链"},
		{"hidden", "<head><title>题</title><style>p{}</style><script>var a='x'</script></head><body><p>见</p>" +
			"<script>document.write('不')</script><noscript>不</noscript><template><p>不</p></template>" +
			"<div hidden>不</div><p style='DISPLAY: none'>不</p><p>正文</p></body>", "见\n正文"},
		{"entities", "<p>A&amp;B&lt;C&#12289;&nbsp;D&hellip;</p>", "A&B<C、\u00a0D…"},
		{"full-width space kept", "<p>　　第一条</p>", "　　第一条"},
		{"pre", "<div>前</div><pre>  a\n\n   b  </pre><div>后</div>", "前\n  a\n\n   b  \n后"},
		{"no markup", "纯文本", "纯文本"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes("a.html", []byte(c.src), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, s)
			if s.Text != c.want || s.Format != FormatHTML {
				t.Errorf("Text = %q, want %q", s.Text, c.want)
			}
		})
	}
}

func TestHTMLComments(t *testing.T) {
	src := "<!-- 开头 --><html><head><!-- 头部 --></head><body>" +
		"<p>一</p><!-- gwlint-disable-next-line date-format --><p>二</p>" +
		"<p>前<!--中间-->后</p><script><!-- 不是注释 --></script><p>末</p><!-- 结尾 --></body></html>"
	s, err := Bytes("a.html", []byte(src), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
	if s.Text != "一\n二\n前后\n末" {
		t.Fatalf("Text = %q", s.Text)
	}
	type at struct {
		body string
		pos  int
	}
	var got []at
	for _, c := range s.Comments {
		if c.Range.Start != c.Range.End {
			t.Errorf("comment %q has a non-empty range %v", c.Body, c.Range)
		}
		got = append(got, at{c.Body, c.Range.Start})
	}
	want := []at{{"开头", 0}, {"头部", 0}, {"gwlint-disable-next-line date-format", 1}, {"中间", 5}, {"结尾", 8}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("comments = %v, want %v", got, want)
	}
}

func TestHTMLCharset(t *testing.T) {
	page := func(meta, body string) string {
		return "<html><head>" + meta + "<title>文</title></head><body><p>" + body + "</p></body></html>"
	}
	cases := []struct {
		name   string
		data   []byte
		text   string
		enc    string
		errSub string
	}{
		{"meta gbk", mustEncode(t, page(`<meta charset="gbk">`, "中文"), EncodingGB18030), "中文", EncodingGB18030, ""},
		{"http-equiv gb2312", mustEncode(t, page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "中文"), EncodingGB18030), "中文", EncodingGB18030, ""},
		{"meta big5", mustEncode(t, page(`<meta charset=big5>`, "中文"), "big5"), "中文", "big5", ""},
		{"no meta, gbk bytes", mustEncode(t, page("", "中文"), EncodingGB18030), "中文", EncodingGB18030, ""},
		{"BOM wins over meta", mustEncode(t, page(`<meta charset="gbk">`, "中文"), EncodingUTF8BOM), "中文", EncodingUTF8BOM, ""},
		{"utf-16 with BOM", mustEncode(t, page("", "中文"), EncodingUTF16LE), "中文", EncodingUTF16LE, ""},
		{"meta utf-16 means utf-8", []byte(page(`<meta charset="utf-16">`, "中文")), "中文", EncodingUTF8, ""},
		{"meta utf-8, bytes not", mustEncode(t, page(`<meta charset="utf-8">`, "中文"), EncodingGB18030), "", "", "网页声明字符集为utf-8，但"},
		{"unknown charset", []byte(page(`<meta charset="klingon">`, "x")), "", "", `网页声明了无法识别的字符集"klingon"`},
		{"binary", []byte("<p>\x00\x01</p>"), "", "", "是NUL"},
		{"too deep", []byte(strings.Repeat("<div>", 100000)), "", "", "网页格式错误，无法读取（html: open stack of elements exceeds 512 nodes）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes("a.htm", c.data, Limits{})
			if c.errSub != "" {
				if err == nil || !strings.Contains(err.Error(), c.errSub) || !errors.Is(err, ErrInput) {
					t.Fatalf("err = %v, want %q", err, c.errSub)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Text != c.text || s.Encoding != c.enc {
				t.Errorf("got %q in %q, want %q in %q", s.Text, s.Encoding, c.text, c.enc)
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"<html><head><meta charset=gbk><title>t</title></head><body><p>一<br>二</p><!-- c --><table><tr><td>甲</td></tr></table></body></html>",
		"<pre>  a\n b</pre><script>x</script><div hidden>y</div>中\n文",
		"<!--x--><p>a&amp;b</p><template><p>z</p></template>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Bytes("fuzz.html", data, Limits{})
		if err != nil {
			if !errors.Is(err, ErrInput) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		checkInvariants(t, s)
		for i := 1; i < len(s.Comments); i++ {
			if s.Comments[i].Range.Start < s.Comments[i-1].Range.Start {
				t.Fatalf("comments out of order: %v", s.Comments)
			}
		}
	})
}
