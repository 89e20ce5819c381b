package report

// diffPiece is a run of a passage that is the same in both texts or
// changed in one of them.
type diffPiece struct {
	Text    string
	Changed bool
}

// maxDiffCells bounds the LCS table (rows × columns) of the part of two
// passages that differs. Copied passages differ in a few places, so after
// trimming the common ends the table is small; beyond this size the
// middle is shown as changed as a whole rather than spending memory.
const maxDiffCells = 4 << 20

// diffRunes compares a parent's passage with the draft's and returns
// each side cut into pieces, changed pieces being the characters that the
// other side lacks: the draft's additions and the parent's deletions.
func diffRunes(parent, draft []rune) (parentPieces, draftPieces []diffPiece) {
	pre := 0
	for pre < len(parent) && pre < len(draft) && parent[pre] == draft[pre] {
		pre++
	}
	suf := 0
	for suf < len(parent)-pre && suf < len(draft)-pre && parent[len(parent)-1-suf] == draft[len(draft)-1-suf] {
		suf++
	}
	a, b := parent[pre:len(parent)-suf], draft[pre:len(draft)-suf]
	inA, inB := make([]bool, len(a)), make([]bool, len(b)) // true: kept in common
	if len(a) > 0 && len(b) > 0 && len(a)*len(b) <= maxDiffCells {
		lcs(a, b, inA, inB)
	}
	return pieces(parent, pre, suf, inA), pieces(draft, pre, suf, inB)
}

// lcs marks the runes of a and b that belong to one longest common
// subsequence.
func lcs(a, b []rune, inA, inB []bool) {
	n, m := len(a), len(b)
	w := m + 1
	// t[i*w+j] is the LCS length of a[i:] and b[j:]; int32 because the
	// bound on cells keeps lengths far below its range.
	t := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			} else {
				t[i*w+j] = max(t[(i+1)*w+j], t[i*w+j+1])
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			inA[i], inB[j] = true, true
			i++
			j++
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			i++
		default:
			j++
		}
	}
}

// pieces cuts s into runs of kept and changed runes: the common prefix
// and suffix are kept, the middle follows keep.
func pieces(s []rune, pre, suf int, keep []bool) []diffPiece {
	changed := func(i int) bool { return i >= pre && i < len(s)-suf && !keep[i-pre] }
	var out []diffPiece
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && changed(j) == changed(i) {
			j++
		}
		out = append(out, diffPiece{Text: string(s[i:j]), Changed: changed(i)})
		i = j
	}
	return out
}
