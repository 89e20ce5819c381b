package rules

import (
	"fmt"
	"math"

	"github.com/gwlint/gwlint/lint"
)

// LayoutGrid checks the lines per page and characters per line of a
// .docx: "一般每面排22行，每行排28个字，并撑满版心" (GB/T 9704—2012 5.2.3).
// Lines come from the body's exact line spacing (offices fix it at about
// 28.95磅) or else the document grid's line pitch; characters from the
// grid's character pitch when it has one, else from the body size (a
// 版心 156 mm wide holds 27.6 characters of 3号, which Word's grid
// squeezes to 28). With neither, nothing is said.
var LayoutGrid = &lint.Rule{
	ID:       "layout-grid",
	Name:     "行数和字数",
	Severity: lint.Warning,
	Source:   "GB/T 9704—2012 5.2.3",
	Doc:      "每面不是22行、每行不是28字",
	Run: func(pass *lint.Pass) {
		l := layoutOf(pass.Doc)
		if l == nil || !l.Page.Known || !l.Page.MarginsKnown || l.Page.Height == 0 {
			return
		}
		pg := l.Page
		height := float64(pg.Height - pg.Top - pg.Bottom)
		width := float64(pg.Width - pg.Left - pg.Right - pg.Gutter)
		// The body's line spacing and size: those of most body paragraphs.
		lines, sizes := map[int]int{}, map[int]int{}
		st := pass.Doc.Structure
		for _, p := range l.Paragraphs {
			if p.InTable || p.InTextBox || p.Range.End <= p.Range.Start || (!st.Body.Empty() && (p.Range.Start < st.Body.Start || p.Range.Start >= st.Body.End)) {
				continue
			}
			if p.LineRule == "exact" && p.Line > 0 {
				lines[p.Line]++
			}
			if p.Size > 0 {
				sizes[p.Size]++
			}
		}
		pitch := float64(mostCommon(lines))
		grid := pg.GridType == "lines" || pg.GridType == "linesAndChars" || pg.GridType == "snapToChars"
		if pitch == 0 && grid && pg.LinePitch > 0 {
			pitch = float64(pg.LinePitch)
		}
		at := firstPageSpan(l)
		if pitch > 0 {
			if n := int(math.Floor(height/pitch + 0.05)); n != 22 {
				pass.Report(lint.Finding{Span: at, Message: fmt.Sprintf("每面约排%d行（行距%s磅），一般应为22行（版心225mm、行距约28.95磅）", n, strconv2(pitch/20))})
			}
		}
		size := float64(mostCommon(sizes)) * 10 // twips
		if size == 0 {
			return
		}
		var chars int
		if pg.GridType == "linesAndChars" || pg.GridType == "snapToChars" {
			charPitch := size + float64(pg.CharSpace)/4096*20
			if charPitch <= 0 {
				return
			}
			chars = int(math.Floor(width/charPitch + 0.05))
		} else {
			chars = int(math.Round(width / size))
		}
		if chars != 28 {
			pass.Report(lint.Finding{Span: at, Message: fmt.Sprintf("每行约排%d字，一般应为28字（版心宽156mm，3号字）", chars)})
		}
	},
}

// mostCommon is the key seen most often, the larger on a tie; 0 for none.
func mostCommon(m map[int]int) int {
	best, n := 0, 0
	for k, c := range m {
		if c > n || c == n && k > best {
			best, n = k, c
		}
	}
	return best
}
