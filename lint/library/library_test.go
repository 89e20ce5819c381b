package library

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/gwlint/gwlint/lint/align"
)

const corpusDir = "../../testdata/corpus"

func corpusDocs(t testing.TB) []Doc {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "gov", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	sort.Strings(files)
	var docs []Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(string(b), "\n", 3)
		docs = append(docs, Doc{Path: f, Title: lines[0], DocNumber: lines[1], Text: string(b)})
	}
	return docs
}

func openWrite(t *testing.T, dir string) *Library {
	t.Helper()
	l, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func TestAddListRemove(t *testing.T) {
	dir := t.TempDir()
	l := openWrite(t, dir)
	docs := corpusDocs(t)
	var ids []string
	for _, d := range docs {
		id, added, err := l.Add(d)
		if err != nil || !added || len(id) != 12 {
			t.Fatalf("Add(%s) = %q, %v, %v", d.Path, id, added, err)
		}
		ids = append(ids, id)
	}
	// The same content again, even under another path and with other
	// punctuation and widths, changes nothing.
	again := docs[0]
	again.Path = "elsewhere.txt"
	again.Text = strings.ReplaceAll(again.Text, "，", ",")
	if id, added, err := l.Add(again); err != nil || added || id != ids[0] {
		t.Fatalf("re-adding gave %q, %v, %v", id, added, err)
	}
	if n, _ := l.Len(); n != len(docs) {
		t.Fatalf("Len = %d, want %d", n, len(docs))
	}
	list, err := l.List()
	if err != nil || len(list) != len(docs) {
		t.Fatalf("List: %d entries, %v", len(list), err)
	}
	e, text, err := l.Get(ids[3])
	if err != nil || text != docs[3].Text || e.Title != docs[3].Title || e.DocNumber != docs[3].DocNumber {
		t.Fatalf("Get returned %+v, %d runes, %v", e, len(text), err)
	}
	if err := l.Remove(ids[3], ids[3], ids[5]); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Add(Doc{Path: "empty.txt", Text: "，。\n"}); err == nil || !strings.Contains(err.Error(), "empty.txt") {
		t.Errorf("adding a parent with no text: %v", err)
	}
	if err := l.Remove("nosuchid"); err == nil || !strings.Contains(err.Error(), "nosuchid") {
		t.Errorf("removing an unknown id: %v", err)
	}
	if n, _ := l.Len(); n != len(docs)-2 {
		t.Errorf("Len after remove = %d", n)
	}
	if _, _, err := l.Get(ids[3]); err == nil {
		t.Errorf("removed parent still there")
	}
	// Its fingerprints are gone too: it is no candidate for its own text.
	cs, err := l.Candidates(docs[3].Text, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.ID == ids[3] {
			t.Errorf("removed parent is still a candidate")
		}
	}
	// Adding it back works and gets a new entry number.
	if _, added, err := l.Add(docs[3]); err != nil || !added {
		t.Errorf("re-adding a removed parent: %v %v", added, err)
	}
}

func TestCandidatesFindTheParent(t *testing.T) {
	dir := t.TempDir()
	l := openWrite(t, dir)
	docs := corpusDocs(t)
	if _, err := l.AddBatch(docs); err != nil {
		t.Fatal(err)
	}
	// Many unrelated synthetic parents around the real ones.
	if _, err := l.AddBatch(syntheticParents(docs, 300, 1)); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 3))
	for i, d := range docs {
		// A draft that restates 200 characters of the parent with 全国
		// turned into 全省, inside new text.
		pr := []rune(d.Text)
		length := min(200, len(pr)/2)
		start := r.IntN(len(pr) - length)
		piece := strings.NewReplacer("全国", "全省", "国务院", "省人民政府", "2018", "2024").Replace(string(pr[start : start+length]))
		draft := "为贯彻落实有关部署，结合本地实际，现提出如下工作措施。" + piece + "各单位要认真抓好落实，确保取得实效。"
		cs, err := l.Candidates(draft, 5)
		if err != nil {
			t.Fatal(err)
		}
		e, _, _ := l.Get(idOf(d.Text))
		if len(cs) == 0 || cs[0].ID != e.ID {
			t.Errorf("doc %d (%s): top candidates %v, want %s first", i, d.Title, ids(cs), e.ID)
		}
	}
}

func idOf(text string) string {
	n := align.Normalize(text)
	h := fmt.Sprintf("%x", sha256Sum(string(n.Runes)))
	return h[:12]
}

func ids(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s:%d", c.ID, c.Shared))
	}
	return out
}

// The winnowing guarantee: any shared run of guaranteeLen tokens gives a
// shared fingerprint.
func TestWinnowingGuarantee(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	randToks := func(n int) []rune {
		s := make([]rune, n)
		for i := range s {
			s[i] = rune(0x4E00 + r.IntN(60))
		}
		return s
	}
	for trial := 0; trial < 2000; trial++ {
		shared := randToks(guaranteeLen)
		a := append(append(randToks(r.IntN(40)), shared...), randToks(r.IntN(40))...)
		b := append(append(randToks(r.IntN(40)), shared...), randToks(r.IntN(40))...)
		fa := map[uint64]bool{}
		for _, f := range fingerprints(a) {
			fa[f] = true
		}
		found := false
		for _, f := range fingerprints(b) {
			if fa[f] {
				found = true
			}
		}
		if !found {
			t.Fatalf("trial %d: shared run of %d tokens gave no shared fingerprint", trial, guaranteeLen)
		}
	}
	if fingerprints([]rune("短")) != nil {
		t.Errorf("a text shorter than k must have no fingerprints")
	}
}

func TestLocked(t *testing.T) {
	dir := t.TempDir()
	w := openWrite(t, dir)
	_ = w
	start := time.Now()
	_, err := Open(dir, Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), FileName) {
		t.Fatalf("opening a library held by a writer: %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("lock wait took %v", time.Since(start))
	}
	if err.Error() == "" || !strings.Contains(err.Error(), "正被另一个进程使用") {
		t.Errorf("message %q", err)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "none"), Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "没有上级文件库") {
		t.Errorf("missing library: %v", err)
	}
	// Not a bbolt file at all.
	textDir := filepath.Join(dir, "text")
	os.MkdirAll(textDir, 0o755)
	os.WriteFile(filepath.Join(textDir, FileName), []byte(strings.Repeat("国务院办公厅关于印发的通知\n", 1000)), 0o644)
	for _, ro := range []bool{true, false} {
		if _, err := Open(textDir, Options{ReadOnly: ro}); err == nil || !strings.Contains(err.Error(), FileName) {
			t.Errorf("text file (read-only %v): %v", ro, err)
		}
	}
	// A bbolt file of someone else's.
	foreign := filepath.Join(dir, "foreign")
	os.MkdirAll(foreign, 0o755)
	db, err := bolt.Open(filepath.Join(foreign, FileName), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
	db.Close()
	for _, ro := range []bool{true, false} {
		if _, err := Open(foreign, Options{ReadOnly: ro}); err == nil || !strings.Contains(err.Error(), "not a gwlint parent library") {
			t.Errorf("foreign bbolt file (read-only %v): %v", ro, err)
		}
	}
}

// TestCorrupt damages a real library's pages and checks that every
// operation fails with an error naming the file, or succeeds, and never
// panics.
func TestCorrupt(t *testing.T) {
	dir := t.TempDir()
	l := openWrite(t, dir)
	docs := corpusDocs(t)
	if _, err := l.AddBatch(docs); err != nil {
		t.Fatal(err)
	}
	l.Close()
	path := filepath.Join(dir, FileName)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(9, 9))
	failures := 0
	for trial := 0; trial < 40; trial++ {
		b := append([]byte(nil), orig...)
		// Trash one whole page past the meta pages, or a meta page itself.
		page := 4096
		p := 2 + r.IntN(len(b)/page-2)
		if trial%10 == 0 {
			p = trial / 10 % 2
		}
		for i := p * page; i < (p+1)*page && i < len(b); i++ {
			b[i] = byte(r.IntN(256))
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		lib, err := Open(dir, Options{ReadOnly: true})
		if err != nil {
			failures++
			if !strings.Contains(err.Error(), path) {
				t.Errorf("open error does not name the file: %v", err)
			}
			continue
		}
		check := func(err error) {
			if err != nil {
				failures++
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error does not name the file: %v", err)
				}
			}
		}
		_, err = lib.List()
		check(err)
		_, err = lib.Candidates(docs[trial%len(docs)].Text, 5)
		check(err)
		for _, d := range docs[:5] {
			_, _, err = lib.Get(idOf(d.Text))
			check(err)
		}
		lib.Close()
	}
	t.Logf("%d operations on damaged files failed cleanly", failures)
	if failures == 0 {
		t.Errorf("no damage was noticed: the test is not damaging the file")
	}
}

var sentenceRE = regexp.MustCompile(`[^。；\n]+[。；]`)

// syntheticParents makes n parents of about 5,000 characters from the
// corpus's sentences, shuffled. Shuffled sentences alone would make every
// parent share most of its sentences with every other, which no real
// library does; so each parent also rewrites about a third of the Han
// characters through its own substitution table, keeping the text's shape
// (length, punctuation, numbers, class words) but its own wording. They are
// made at test time and never stored.
func syntheticParents(docs []Doc, n int, seed uint64) []Doc {
	var sentences []string
	for _, d := range docs {
		sentences = append(sentences, sentenceRE.FindAllString(d.Text, -1)...)
	}
	r := rand.New(rand.NewPCG(seed, 77))
	out := make([]Doc, n)
	for i := range out {
		salt := r.Uint64()
		var b strings.Builder
		size := 0
		for size < 5000 {
			for _, c := range sentences[r.IntN(len(sentences))] {
				if c >= 0x4E00 && c <= 0x9FFF {
					if h := (uint64(c) ^ salt) * 0x9E3779B97F4A7C15; h>>60 < 5 {
						c = rune(0x4E00 + (h>>20)%3000)
					}
				}
				b.WriteRune(c)
				size++
			}
		}
		out[i] = Doc{Path: fmt.Sprintf("synthetic/%06d.txt", i), Title: fmt.Sprintf("合成文件%d", i), Text: b.String()}
	}
	return out
}

// In one process, readers run while a writer adds.
func TestConcurrentReaders(t *testing.T) {
	dir := t.TempDir()
	l := openWrite(t, dir)
	docs := corpusDocs(t)
	if _, err := l.AddBatch(docs[:4]); err != nil {
		t.Fatal(err)
	}
	extra := syntheticParents(docs, 40, 2)
	done := make(chan error, 4)
	for g := 0; g < 3; g++ {
		go func() {
			for i := 0; i < 10; i++ {
				cs, err := l.Candidates(docs[1].Text, 3)
				if err == nil && (len(cs) == 0 || cs[0].ID != idOf(docs[1].Text)) {
					err = fmt.Errorf("reader lost the parent: %v", ids(cs))
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	go func() {
		for i := 0; i < len(extra); i += 10 {
			if _, err := l.AddBatch(extra[i : i+10]); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// A removed parent's postings go when a merge covers its segment, and with
// them its number from the dead set.
func TestRemoveThenMerge(t *testing.T) {
	dir := t.TempDir()
	l := openWrite(t, dir)
	docs := corpusDocs(t)
	if _, err := l.AddBatch(docs[:10]); err != nil {
		t.Fatal(err)
	}
	gone := idOf(docs[2].Text)
	if err := l.Remove(gone); err != nil {
		t.Fatal(err)
	}
	deadCount := func() (n int) {
		l.db.View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketDead).Stats().KeyN; return nil })
		return n
	}
	if deadCount() != 1 {
		t.Fatalf("dead set has %d numbers after one removal", deadCount())
	}
	// Three more small batches make four segments of the smallest class:
	// they merge.
	for i := 0; i < mergeFanout-1; i++ {
		if _, err := l.AddBatch(docs[10+i*5 : 15+i*5]); err != nil {
			t.Fatal(err)
		}
	}
	if n := deadCount(); n != 0 {
		t.Errorf("dead set has %d numbers after the merge", n)
	}
	var segs []segment
	l.db.View(func(tx *bolt.Tx) error {
		var err error
		segs, err = decodeSegments(tx.Bucket(bucketMeta).Get(keySegs))
		return err
	})
	if len(segs) != 1 {
		t.Errorf("%d segments after the merge, want 1", len(segs))
	}
	cs, err := l.Candidates(docs[2].Text, 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.ID == gone {
			t.Errorf("removed parent came back as a candidate")
		}
	}
	cs, err = l.Candidates(docs[12].Text, 1)
	if err != nil || len(cs) != 1 || cs[0].ID != idOf(docs[12].Text) {
		t.Errorf("a merged parent is not found: %v %v", ids(cs), err)
	}
}

func TestEarlierLayout(t *testing.T) {
	dir := t.TempDir()
	db, err := bolt.Open(filepath.Join(dir, FileName), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		m, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		return m.Put(keyFormat, []byte(formerly))
	})
	db.Close()
	for _, ro := range []bool{true, false} {
		if _, err := Open(dir, Options{ReadOnly: ro}); err == nil || !strings.Contains(err.Error(), "earlier layout") || !strings.Contains(err.Error(), FileName) {
			t.Errorf("earlier layout (read-only %v): %v", ro, err)
		}
	}
}

// TestKilledAdd kills a process in the middle of adding parents, several
// times, and checks that the library holds only whole parents and that
// adding again completes it.
func TestKilledAdd(t *testing.T) {
	if dir := os.Getenv("GWLINT_KILL_LIBRARY"); dir != "" {
		l, err := Open(dir, Options{Timeout: 10 * time.Second})
		if err != nil {
			fmt.Println(err)
			os.Exit(3)
		}
		parents := syntheticParents(corpusDocs(t), 240, 4)
		for i := 0; i < len(parents); i += 20 {
			if _, err := l.AddBatch(parents[i : i+20]); err != nil {
				fmt.Println(err)
				os.Exit(3)
			}
			fmt.Println("stored", i+20)
		}
		l.Close()
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	parents := syntheticParents(corpusDocs(t), 240, 4)
	r := rand.New(rand.NewPCG(6, 6))
	for round := 0; round < 4; round++ {
		// Kill the writer a few milliseconds after it reports a batch,
		// when the next transaction is under way.
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledAdd$")
		cmd.Env = append(os.Environ(), "GWLINT_KILL_LIBRARY="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		for lines := 0; lines < 3*round+2 && sc.Scan(); lines++ {
		}
		wait := time.Duration(r.IntN(40)) * time.Millisecond
		time.Sleep(wait)
		cmd.Process.Kill()
		cmd.Wait()
		l, err := Open(dir, Options{ReadOnly: true, Timeout: 5 * time.Second})
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		n, err := l.Len()
		t.Logf("round %d: killed %v after a batch, %d parents stored", round, wait, n)
		if err != nil || n%20 != 0 {
			t.Errorf("round %d: %d parents (%v), want whole batches of 20", round, n, err)
		}
		list, err := l.List()
		if err != nil || len(list) != n {
			t.Errorf("round %d: List gave %d, Len %d: %v", round, len(list), n, err)
		}
		for _, e := range list {
			if _, _, err := l.Get(e.ID); err != nil {
				t.Errorf("round %d: %v", round, err)
			}
		}
		if n > 0 {
			cs, err := l.Candidates(parents[n-1].Text, 1)
			if err != nil || len(cs) != 1 || cs[0].ID != idOf(parents[n-1].Text) {
				t.Errorf("round %d: last stored parent not found: %v %v", round, ids(cs), err)
			}
		}
		l.Close()
	}
	l := openWrite(t, dir)
	if _, err := l.AddBatch(parents); err != nil {
		t.Fatal(err)
	}
	if n, _ := l.Len(); n != len(parents) {
		t.Errorf("after adding again: %d parents, want %d", n, len(parents))
	}
	for _, i := range []int{0, 119, 239} {
		cs, err := l.Candidates(parents[i].Text, 1)
		if err != nil || len(cs) != 1 || cs[0].ID != idOf(parents[i].Text) {
			t.Errorf("parent %d not found after adding again: %v %v", i, ids(cs), err)
		}
	}
}

func TestCompact(t *testing.T) {
	dir := t.TempDir()
	l := openWrite(t, dir)
	docs := corpusDocs(t)
	for i := 0; i < 30; i += 10 {
		if _, err := l.AddBatch(docs[i : i+10]); err != nil {
			t.Fatal(err)
		}
	}
	gone := idOf(docs[4].Text)
	if err := l.Remove(gone); err != nil {
		t.Fatal(err)
	}
	before, _ := l.Size()
	if err := l.Compact(); err != nil {
		t.Fatal(err)
	}
	after, _ := l.Size()
	t.Logf("%d bytes before compacting, %d after", before, after)
	if after >= before {
		t.Errorf("compacting did not shrink the file: %d → %d bytes", before, after)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName+".compact")); err == nil {
		t.Errorf("the temporary file was left behind")
	}
	l.db.View(func(tx *bolt.Tx) error {
		segs, err := decodeSegments(tx.Bucket(bucketMeta).Get(keySegs))
		if err != nil || len(segs) != 1 || tx.Bucket(bucketDead).Stats().KeyN != 0 {
			t.Errorf("after compacting: %d segments, %d dead (%v)", len(segs), tx.Bucket(bucketDead).Stats().KeyN, err)
		}
		return nil
	})
	if n, _ := l.Len(); n != 29 {
		t.Errorf("Len after compacting = %d", n)
	}
	for i, d := range docs[:30] {
		cs, err := l.Candidates(d.Text, 1)
		found := err == nil && len(cs) == 1 && cs[0].ID == idOf(d.Text)
		if found == (i == 4) {
			t.Errorf("doc %d after compacting: %v %v", i, ids(cs), err)
		}
	}
	// Still writable.
	if _, added, err := l.Add(docs[40]); err != nil || !added {
		t.Errorf("adding after compacting: %v %v", added, err)
	}
	l.Close()
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Compact(); err == nil || !strings.Contains(err.Error(), "for writing") {
		t.Errorf("compacting a read-only library: %v", err)
	}
}

// TestCreateIsWhole: a new library appears whole or not at all. A
// half-made one left by a kill during an earlier create (library.db.new)
// is made again; library.db itself is never an empty file that is no
// library (a read-only open of one refused it as foreign).
func TestCreateIsWhole(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName+".new"), []byte("half"), 0o644)
	lib, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	if _, err := os.Stat(filepath.Join(dir, FileName+".new")); !os.IsNotExist(err) {
		t.Errorf("the temporary file is left: %v", err)
	}
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a new, empty library does not open read-only: %v", err)
	}
	if n, err := ro.Len(); err != nil || n != 0 {
		t.Errorf("Len = %d, %v", n, err)
	}
	ro.Close()
}

func TestDateKey(t *testing.T) {
	order := []string{"2018年9月30日", "2018年12月4日", "2018年12月30日", "二〇一九年一月八日", "2019.3.1", "无日期", ""}
	for i := 0; i+1 < len(order); i++ {
		if a, b := dateKey(order[i]), dateKey(order[i+1]); a > b {
			t.Errorf("%q (%d) sorts after %q (%d)", order[i], a, order[i+1], b)
		}
	}
}
