package read

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestXMLGuard: each limit stops a part as it streams, with a reason
// naming the part; ordinary XML passes unchanged, quotes included.
func TestXMLGuard(t *testing.T) {
	for _, tc := range []struct {
		name, xml, reason string
	}{
		{"ordinary", `<w:p w:rsidR="00A1"><w:t xml:space="preserve">a > b = c</w:t></w:p>`, ""},
		{"quoted > and = in a value", `<w:p a="x>y=z" b='q>'/>`, ""},
		{"too many attributes", "<w:p" + strings.Repeat(` a="1"`, maxXMLAttrs+1) + "/>", "属性"},
		{"a tag too long", "<w:p a=\"" + strings.Repeat("x", maxXMLTag) + "\"/>", "字节的XML标签"},
		{"too many elements", strings.Repeat("<a/>", maxXMLElements+1), "XML元素"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := guardXML(io.NopCloser(strings.NewReader(tc.xml)), "word/document.xml")
			out, err := io.ReadAll(g)
			var ie *InputError
			if tc.reason == "" {
				if err != nil || string(out) != tc.xml {
					t.Fatalf("ordinary XML: %v, %d of %d bytes", err, len(out), len(tc.xml))
				}
				return
			}
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.reason) || !strings.Contains(err.Error(), "word/document.xml") {
				t.Fatalf("got %v, want a refusal saying %s", err, tc.reason)
			}
		})
	}
}
