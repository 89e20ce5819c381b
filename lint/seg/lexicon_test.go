package seg

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gwlint/gwlint/dict"
	"github.com/gwlint/gwlint/lint/seg/internal/lexgen"
)

// TestLexiconIntegrity reads lexicon.txt line by line and finds every
// entry in the index with its frequency and pos, then counts the index's
// words: the two files hold the same dictionary, nothing more or less.
func TestLexiconIntegrity(t *testing.T) {
	lx := Default().lex
	body := dict.Lexicon
	var entries, maxRunes int
	var total float64
	prev := ""
	for line := range strings.Lines(body) {
		line = strings.TrimSuffix(line, "\n")
		if v, ok := strings.CutPrefix(line, "#total "); ok {
			total, _ = strconv.ParseFloat(v, 64)
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, " ")
		if len(f) != 3 {
			t.Fatalf("lexicon.txt line %q is not key freq pos", line)
		}
		key := f[0]
		if key <= prev {
			t.Fatalf("entry %q is not after %q", key, prev)
		}
		prev = key
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq < 2 {
			t.Fatalf("entry %q has frequency %q, want a number of at least gse's minimum 2", key, f[1])
		}
		// Cut relies on no word spanning a boundary rune.
		if j := strings.IndexFunc(key, IsBoundary); j >= 0 {
			t.Fatalf("entry %q contains a boundary rune at byte %d", key, j)
		}
		n := lx.find(key)
		if n < 0 {
			t.Fatalf("entry %q of lexicon.txt is not in lexicon.idx", key)
		}
		gf, gp, err := lx.entry(n)
		if err != nil || gf != freq || gp != f[2] {
			t.Fatalf("entry %q: index gives %v %q (%v), lexicon.txt %v %q", key, gf, gp, err, freq, f[2])
		}
		entries++
		maxRunes = max(maxRunes, utf8.RuneCountInString(key))
	}
	if entries < 300000 {
		t.Fatalf("lexicon has %d entries, want gse's zh_s (about 352,000)", entries)
	}
	if words := countWords(lx, 0); words != entries {
		t.Errorf("index holds %d words, lexicon.txt %d", words, entries)
	}
	if total != lx.total {
		t.Errorf("index total %v, lexicon.txt %v", lx.total, total)
	}
	if maxRunes != lx.maxRunes {
		t.Errorf("longest key has %d runes, index says %d", maxRunes, lx.maxRunes)
	}
}

// countWords counts the words at and below node n, checking that children
// are sorted and inside the trie.
func countWords(lx *lexicon, n int) int {
	count := 0
	if n > 0 && lx.isWord(n) {
		count++
	}
	lo, hi := lx.children(n)
	for k := lo; k < hi; k++ {
		if k <= n || (k > lo && lx.labelOf(k) <= lx.labelOf(k-1)) {
			panic(fmt.Sprintf("node %d: child %d out of order", n, k))
		}
		count += countWords(lx, k)
	}
	return count
}

func smallIndex(t testing.TB, keys ...string) string {
	t.Helper()
	var es []lexgen.Entry
	for i, k := range keys {
		es = append(es, lexgen.Entry{Key: k, Freq: float64(10 + i), Pos: "n"})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Key < es[j].Key })
	idx, err := lexgen.WriteIndex(es, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return string(idx)
}

// wordsAt lists the words the walk finds at each rune of text.
func wordsAt(lx *lexicon, text string) []string {
	var codes []int32
	var runes []rune
	for _, r := range text {
		codes = append(codes, int32(lx.code(r)))
		runes = append(runes, r)
	}
	var out []string
	for i := range codes {
		lx.walk(codes, i, func(node, n int) {
			out = append(out, fmt.Sprintf("%d:%s", i, string(runes[i:i+n])))
		})
	}
	return out
}

func TestLexiconWalk(t *testing.T) {
	lx, err := parseLexicon(smallIndex(t, "中", "中国", "中国人", "国", "国人", "人民", "民", "𠀀字", "字"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"中国人民", "0:中 0:中国 0:中国人 1:国 1:国人 2:人民 3:民"},
		{"中华", "0:中"},
		{"华人", ""},
		{"𠀀字中", "0:𠀀字 1:字 2:中"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(wordsAt(lx, tc.text), " "); got != tc.want {
			t.Errorf("walk(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	for key, want := range map[string]bool{"中国人": true, "中国人民": false, "人": false, "𠀀字": true, "𠀀": false, "": false, "\xff": false} {
		if got := lx.find(key) >= 0; got != want {
			t.Errorf("find(%q) = %v, want %v", key, got, want)
		}
	}
	n := lx.find("国人")
	if f, p, err := lx.entry(n); err != nil || f != 14 || p != "n" {
		t.Errorf("entry(国人) = %v %q %v, want 14 n", f, p, err)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	good := smallIndex(t, "通知", "通报")
	if _, err := parseLexicon(good); err != nil {
		t.Fatalf("parseLexicon(good) = %v", err)
	}
	zeroTotal := good[:5] + strings.Repeat("\x00", 8) + good[13:]
	tests := []struct{ name, idx, want string }{
		{"empty", "", "does not start"},
		{"bad magic", "XXXX" + good[4:], "does not start"},
		{"old version", good[:4] + "\x01" + good[5:], "version 1"},
		{"zero total", zeroTotal, "inconsistent"},
		{"truncated", good[:len(good)-1], "bytes left"},
		{"header only", good[:headerBytes], "parts of speech"},
		{"trailing bytes", good + "x", "after its sections"},
	}
	for _, tc := range tests {
		if _, err := parseLexicon(tc.idx); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: parseLexicon error = %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}

// FuzzLexicon: whatever the index holds, parsing it either fails or gives
// a lexicon that can be walked and searched without a panic.
func FuzzLexicon(f *testing.F) {
	f.Add(smallIndex(f, "中", "中国", "国人"), "中国人")
	f.Add(smallIndex(f, "a", "ab"), "abc")
	f.Add("GWLX\x02", "")
	f.Fuzz(func(t *testing.T, index, text string) {
		lx, err := parseLexicon(index)
		if err != nil {
			return
		}
		if !(lx.total > 0) || lx.nodes < 2 {
			t.Fatalf("accepted a lexicon with %d nodes and total %v", lx.nodes, lx.total)
		}
		wordsAt(lx, text)
		if n := lx.find(text); n >= 0 {
			lx.entry(n)
		}
	})
}
