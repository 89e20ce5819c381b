package seg

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gwlint/gwlint/dict"
)

// texts joins words for display in failures.
func texts(ws []Word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Text
	}
	return strings.Join(parts, "|")
}

// checkCover fails unless ws covers text rune by rune, in order, with
// each word's Text the runes it spans.
func checkCover(t testing.TB, text string, ws []Word) {
	t.Helper()
	runes := 0
	var b strings.Builder
	for i, w := range ws {
		if w.Start != runes || w.End <= w.Start {
			t.Fatalf("word %d %q spans [%d,%d), want it to start at %d and be non-empty", i, w.Text, w.Start, w.End, runes)
		}
		if n := utf8.RuneCountInString(w.Text); n != w.End-w.Start {
			t.Fatalf("word %d %q has %d runes but spans [%d,%d)", i, w.Text, n, w.Start, w.End)
		}
		runes = w.End
		b.WriteString(w.Text)
	}
	if b.String() != text {
		t.Fatalf("words join to %q, want %q", b.String(), text)
	}
	if n := utf8.RuneCountInString(text); runes != n {
		t.Fatalf("words cover %d runes of %d", runes, n)
	}
}

func hasWord(ws []Word, w string) bool {
	for _, x := range ws {
		if x.Text == w {
			return true
		}
	}
	return false
}

func TestDomainTermsAreOneWord(t *testing.T) {
	// Each term in a sentence of the kind that uses it, so the neighbours
	// get a chance to pull it apart.
	tests := []struct{ text, word string }{
		{"各地不得层层加码，不得随意增加任务。", "层层加码"},
		{"不得随意设置一票否决和签订责任状事项。", "一票否决"},
		{"不得随意设置一票否决和签订责任状事项。", "责任状"},
		{"要认真贯彻落实党中央决策部署。", "贯彻落实"},
		{"发文字号由发文机关代字、年份和发文顺序号组成。", "发文字号"},
		{"主送机关是公文的主要受理机关。", "主送机关"},
		{"成文日期署会议通过或者发文机关负责人签发的日期。", "成文日期"},
		{"上行文应当标注签发人姓名。", "签发人"},
		{"抄送：省委办公厅，省人大常委会办公厅。", "抄送"},
		{"现将《实施方案》印发给你们。", "实施方案"},
		{"不再制定贯彻落实意见和实施细则。", "实施细则"},
		{"一般不提出制定配套文件的要求。", "配套文件"},
		{"层层签订责任书和承诺书。", "责任书"},
		{"层层签订责任书和承诺书。", "承诺书"},
		{"要求每项工作拍照留痕并上传佐证材料。", "拍照留痕"},
		{"要求每项工作拍照留痕并上传佐证材料。", "佐证材料"},
		{"考核应当化繁为简、不搞千分制。", "千分制"},
		{"不得按月度频繁搞排名通报。", "排名通报"},
		{"要求干部每日打卡并统计在线时长。", "打卡"},
		{"要求干部每日打卡并统计在线时长。", "在线时长"},
		{"将学习时长作为考评依据。", "学习时长"},
		{"统筹规范督查检查考核工作。", "督查检查考核"},
		{"力戒形式主义、官僚主义。", "形式主义"},
		{"力戒形式主义、官僚主义。", "官僚主义"},
		{"切实为基层减负。", "基层减负"},
		{"只将全国改成全市，搞上下一般粗。", "上下一般粗"},
		{"简单照搬照抄上级文件。", "照搬照抄"},
		{"防止以文件落实文件、以会议落实会议。", "以文件落实文件"},
		{"防止以文件落实文件、以会议落实会议。", "以会议落实会议"},
		{"要求乡镇当天反馈进展情况。", "当天反馈"},
		{"要求1—2个工作日反馈。", "工作日"},
		{"部署专项工作的文件一般不超过4000字。", "专项工作"},
		{"文种使用错误。", "文种"},
		{"下级机关的请示事项不得原文转报。", "请示"},
		{"国务院关于同意建立联席会议制度的批复", "批复"},
		{"关于典型问题的通报", "通报"},
		{"研究形成纪要并印发。", "纪要"},
		{"会议纪要应当及时印发。", "印发"},
		{"附件说明在正文下空一行。", "附件说明"},
	}
	s := Default()
	for _, tc := range tests {
		ws := s.Cut(tc.text)
		checkCover(t, tc.text, ws)
		if !hasWord(ws, tc.word) {
			t.Errorf("Cut(%q) = %s, want %s as one word", tc.text, texts(ws), tc.word)
		}
	}
}

func TestDomainDictionaryTermsAreWords(t *testing.T) {
	// Every term of gongwen.txt, alone, comes out as one word: a term the
	// lexicon lost would fail here.
	src, err := dict.Words.ReadFile("words/gongwen.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := Default()
	n := 0
	for _, line := range strings.Split(string(src), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, _, _ := strings.Cut(line, " ")
		if ws := s.Cut(word); len(ws) != 1 {
			t.Errorf("Cut(%q) = %s, want one word", word, texts(ws))
		}
		n++
	}
	if n < 50 {
		t.Fatalf("only %d terms in gongwen.txt", n)
	}
}

func TestNoWordAcrossBoundary(t *testing.T) {
	tests := []struct {
		text    string
		want    []string // words that must appear
		notWant []string // words that must not
	}{
		{"建立即时反馈机制", []string{"建立", "即时"}, []string{"立即"}},
		{"排名靠前的城市", []string{"排名"}, []string{"排名通报"}},
		{"建立安全生产台账", []string{"台账"}, nil},
		{"国办发〔2018〕123号", []string{"〔", "2018", "〕", "123"}, nil},
	}
	s := Default()
	for _, tc := range tests {
		ws := s.Cut(tc.text)
		checkCover(t, tc.text, ws)
		for _, w := range tc.want {
			if !hasWord(ws, w) {
				t.Errorf("Cut(%q) = %s, want the word %s", tc.text, texts(ws), w)
			}
		}
		for _, w := range tc.notWant {
			if hasWord(ws, w) {
				t.Errorf("Cut(%q) = %s, must not give the word %s", tc.text, texts(ws), w)
			}
		}
	}
}

func TestCutMixedText(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the whole segmentation, joined by |
	}{
		{"empty", "", nil},
		{"crlf", "通知\r\n附件", []string{"通知", "\r", "\n", "附件"}},
		{"cr", "通知\r附件", []string{"通知", "\r", "附件"}},
		{"latin and digits", "支持IPv6和5G", []string{"支持", "IPv6", "和", "5G"}},
		{"upper case kept", "APP下载", []string{"APP", "下载"}},
		{"full-width space", "通知　附件", []string{"通知", "　", "附件"}},
		{"half-width punctuation", "通知,附件", []string{"通知", ",", "附件"}},
		{"invalid utf-8", "通知\xff附件", []string{"通知", "\xff", "附件"}},
		{"nul", "a\x00b", []string{"a", "\x00", "b"}},
	}
	s := Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := s.Cut(tc.text)
			checkCover(t, tc.text, ws)
			got := make([]string, len(ws))
			for i, w := range ws {
				got[i] = w.Text
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Cut(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestPos(t *testing.T) {
	ws := Default().Cut("层层加码。")
	if len(ws) != 2 || ws[0].Pos != "l" || ws[1].Pos != "x" {
		t.Fatalf("Cut(层层加码。) = %+v, want 层层加码/l and 。/x", ws)
	}
}

func TestCutCoversCorpus(t *testing.T) {
	s := Default()
	for _, text := range corpusText(t) {
		checkCover(t, text, s.Cut(text))
	}
}

func TestCutHugeInput(t *testing.T) {
	// Longer than a block, with and without boundaries, so that block and
	// run splitting are exercised and offsets carried across them.
	para := strings.Repeat("各地区各部门要认真贯彻落实，不得层层加码。\r\n", 4000)
	blob := strings.Repeat("贯彻落实层层加码", 3000) // no boundary at all
	latin := strings.Repeat("x", 10000)
	s := Default()
	for _, text := range []string{para, blob, latin, para + blob + latin} {
		ws := s.Cut(text)
		checkCover(t, text, ws)
	}
	ws := s.Cut(para)
	n := 0
	for _, w := range ws {
		if w.Text == "层层加码" {
			n++
		}
	}
	if n != 4000 {
		t.Errorf("found 层层加码 %d times in 4000 paragraphs", n)
	}
}

func TestCutConcurrent(t *testing.T) {
	texts := corpusText(t)[:8]
	s := Default()
	want := make([][]Word, len(texts))
	for i, tx := range texts {
		want[i] = s.Cut(tx)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i, tx := range texts {
				got := s.Cut(tx)
				if fmt.Sprint(got) != fmt.Sprint(want[i]) {
					errs <- fmt.Sprintf("goroutine %d: text %d segmented differently", g, i)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestNew(t *testing.T) {
	s, err := New("督查督办", "清单外任务", "Foo平台")
	if err != nil {
		t.Fatal(err)
	}
	text := "不得安排清单外任务，不得通过Foo平台频繁督查督办。"
	ws := s.Cut(text)
	checkCover(t, text, ws)
	for _, w := range []string{"督查督办", "清单外任务", "Foo平台"} {
		if !hasWord(ws, w) {
			t.Errorf("Cut(%q) = %s, want the extra word %s", text, texts(ws), w)
		}
	}
	for _, w := range ws {
		if w.Text == "清单外任务" && w.Pos != UserPos {
			t.Errorf("extra word has pos %q, want %q", w.Pos, UserPos)
		}
	}
	// The default segmenter is not changed by New.
	if hasWord(Default().Cut(text), "清单外任务") {
		t.Errorf("New changed Default")
	}
	// An extra word that is already an entry replaces it, and the total
	// stays consistent: the dictionary's own words still segment.
	s2, err := New("层层加码")
	if err != nil {
		t.Fatal(err)
	}
	if ws := s2.Cut("不得层层加码。"); !hasWord(ws, "层层加码") {
		t.Errorf("Cut = %s", texts(ws))
	}
}

func TestNewRejectsBadWords(t *testing.T) {
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{""}, "empty"},
		{[]string{"当天 反馈"}, "contains"},
		{[]string{"当天，反馈"}, "contains"},
		{[]string{"bad\xff"}, "UTF-8"},
		{[]string{"App考核", "app考核"}, "twice"},
	}
	for _, tc := range tests {
		_, err := New(tc.words...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%q) error = %v, want one mentioning %q", tc.words, err, tc.want)
		}
	}
}

func FuzzCut(f *testing.F) {
	for _, seed := range []string{
		"", "建立即时反馈机制", "不得层层加码。\r\n", "IPv6和5G", "\xff\xfe通知", "a\x00b",
		"国办发〔2018〕123号", strings.Repeat("贯彻落实", 2000),
	} {
		f.Add(seed)
	}
	s := Default()
	f.Fuzz(func(t *testing.T, text string) {
		checkCover(t, text, s.Cut(text))
	})
}

// TestKeptDictionaryCutsAlike: a dictionary kept across texts, whatever
// it learned before and in whatever order, cuts each text as a new one
// does. The corpus is cut forwards and backwards with one Segmenter, and
// each text with a Segmenter of its own.
func TestKeptDictionaryCutsAlike(t *testing.T) {
	texts := corpusText(t)
	lx := Default().lex
	kept := &Segmenter{lex: lx, total: lx.total}
	for pass, order := range [][]int{ascending(len(texts)), descending(len(texts))} {
		for _, i := range order {
			want := (&Segmenter{lex: lx, total: lx.total}).Cut(texts[i])
			if got := kept.Cut(texts[i]); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("pass %d, text %d: kept dictionary cuts %d words, a new one %d", pass, i, len(got), len(want))
			}
		}
	}
	if n := len(kept.pool.free); n == 0 {
		t.Fatalf("no dictionary was kept")
	}
	if w := kept.pool.free[0].words; w < 10000 || w > maxDictionaryWords {
		t.Errorf("kept dictionary holds %d words after the corpus, want the corpus's vocabulary (tens of thousands)", w)
	}
}

func ascending(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func descending(n int) []int {
	out := ascending(n)
	for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func TestPoolBounds(t *testing.T) {
	lx := Default().lex
	s := &Segmenter{lex: lx, total: lx.total}
	d := s.pool.get(s)
	d.words = maxDictionaryWords + 1
	s.pool.put(d)
	if len(s.pool.free) != 0 {
		t.Errorf("a dictionary past maxDictionaryWords was kept")
	}
	d = s.pool.get(s)
	d.broken = true
	s.pool.put(d)
	if len(s.pool.free) != 0 {
		t.Errorf("a broken dictionary was kept")
	}
	var ds []*dictionary
	for range runtime.GOMAXPROCS(0) + 3 {
		ds = append(ds, s.pool.get(s))
	}
	for _, d := range ds {
		s.pool.put(d)
	}
	if n := len(s.pool.free); n != runtime.GOMAXPROCS(0) {
		t.Errorf("pool keeps %d dictionaries, want one per CPU (%d)", n, runtime.GOMAXPROCS(0))
	}
}

func TestNewKeepsExtraWordsAcrossTexts(t *testing.T) {
	s, err := New("层层加码", "清单外任务")
	if err != nil {
		t.Fatal(err)
	}
	// The second text meets the dictionary the first one built.
	for _, text := range []string{"各地要认真贯彻落实。", "不得层层加码，不得安排清单外任务。"} {
		ws := s.Cut(text)
		checkCover(t, text, ws)
		if strings.Contains(text, "清单外任务") && !hasWord(ws, "清单外任务") {
			t.Errorf("Cut(%q) = %s, want the extra word 清单外任务", text, texts(ws))
		}
		for _, w := range ws {
			if w.Text == "层层加码" && w.Pos != UserPos {
				t.Errorf("层层加码 has pos %q, want the extra word's %q over the lexicon's", w.Pos, UserPos)
			}
		}
	}
}

// TestCutStartsAnywhere: a text cut alone and the same text cut after
// other sentences get the same words. phrase.Matcher.PrepareCut relies on
// it to cut a document one sentence at a time. What could break it is a
// 64 KB block that ends inside a long run without boundaries: the run's
// forced cuts (every 4 KB) must fall where they fall when the run is cut
// from its own start. The prefixes move the block end through the run.
func TestCutStartsAnywhere(t *testing.T) {
	s := Default()
	runs := []string{
		strings.Repeat("中华人民共和国国务院", 1200) + "统一票否决" + strings.Repeat("贯彻落实层层加码", 900),
		strings.Repeat("中华人民共和国国务院", 2500),
		strings.Repeat("x", 70000),
		strings.Repeat("\x80", 40000) + "层层加码" + strings.Repeat("\x80", 40000),
	}
	for i, run := range runs {
		alone := s.Cut(run)
		for _, prefix := range []string{"", "通知。", strings.Repeat("通知。", 3400), strings.Repeat("各地要落实，", 2900) + "\n", strings.Repeat("甲。", 10923)} {
			shift := utf8.RuneCountInString(prefix)
			var inside []Word
			for _, w := range s.Cut(prefix + run) {
				if w.Start >= shift {
					w.Start, w.End = w.Start-shift, w.End-shift
					inside = append(inside, w)
				}
			}
			if !reflect.DeepEqual(inside, alone) {
				for k := range min(len(inside), len(alone)) {
					if inside[k] != alone[k] {
						t.Fatalf("run %d after a %d-byte prefix: word %d is %+v, cut alone %+v", i, len(prefix), k, inside[k], alone[k])
					}
				}
				t.Fatalf("run %d after a %d-byte prefix: %d words, cut alone %d", i, len(prefix), len(inside), len(alone))
			}
		}
	}
}

// TestCutNoRuneStartInBlock: a block's worth of stray UTF-8 continuation
// bytes has no rune start to end the block at; Cut must still advance.
func TestCutNoRuneStartInBlock(t *testing.T) {
	done := make(chan []Word, 1)
	text := strings.Repeat("\x80", 3*blockBytes) + "通知"
	go func() { done <- Default().Cut(text) }()
	select {
	case ws := <-done:
		checkCover(t, text, ws)
	case <-time.After(30 * time.Second):
		t.Fatal("Cut did not return on 192 KB of continuation bytes")
	}
}
