package library

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/gwlint/gwlint/lint/align"
	"github.com/gwlint/gwlint/lint/text"
)

// FileName is the name of the library file inside the library directory.
const FileName = "library.db"

// format marks a bbolt file as a gwlint library of this layout; formerly
// is the earlier layout, which had one bbolt key per fingerprint.
const (
	format   = "gwlint-library-2"
	formerly = "gwlint-library-1"
)

var (
	bucketMeta = []byte("meta")
	bucketDocs = []byte("docs") // id → JSON Entry
	bucketNums = []byte("nums") // entry number (4 bytes) → id
	bucketText = []byte("text") // entry number → flate-compressed text, appended in order
	bucketDead = []byte("dead") // entry number of a removed parent whose postings remain → empty
	bucketPost = []byte("post") // segment id, chunk number → chunk of postings (segment.go)

	allBuckets = [][]byte{bucketDocs, bucketNums, bucketText, bucketDead, bucketPost}

	keyFormat  = []byte("format")
	keyNext    = []byte("next")
	keyCount   = []byte("count")
	keySegs    = []byte("segments")
	keyNextSeg = []byte("nextsegment")
)

// ErrLocked is returned when another process holds the library.
var ErrLocked = errors.New("文件库正被另一个进程使用（加入、删除或压缩文件），请稍后再试")

// Options control how a library is opened.
type Options struct {
	// ReadOnly opens for checking: several processes may read at once.
	// The library must exist.
	ReadOnly bool
	// Timeout is how long to wait for another process's lock before
	// failing with ErrLocked; one second when zero.
	Timeout time.Duration
}

// Doc is a parent document to add.
type Doc struct {
	Path      string // where it was read from, kept for reports
	Title     string // 标题
	DocNumber string // 发文字号
	Date      string // 成文日期, as written
	Text      string // the decoded text
}

// Entry describes a stored parent.
type Entry struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title"`
	DocNumber string `json:"doc_number"`
	Date      string `json:"date"`
	// Chars is the number of normalized characters; Hash the sha256 of
	// the normalized text, of which ID is the first 12 hex digits.
	Chars int    `json:"chars"`
	Hash  string `json:"hash"`
	Num   uint32 `json:"num"`
	// TextHash is the sha256 of the stored text itself, checked each time
	// the text is read: Hash covers only its normalized characters, and a
	// damaged byte in punctuation or spacing would pass it. Entries added
	// before it existed have none and are checked against Hash.
	TextHash string `json:"text_sha256,omitempty"`
}

// ErrDamagedEntry matches (with errors.Is) the error for one stored
// document whose text no longer matches its hash: the rest of the
// library is still usable.
var ErrDamagedEntry = errors.New("stored text does not match its hash")

// DamagedEntryError names the damaged document.
type DamagedEntryError struct {
	Library string // the library file
	Entry   Entry
	Reason  string
}

func (e *DamagedEntryError) Error() string {
	name := e.Entry.Title
	if name == "" {
		name = e.Entry.Path
	}
	return fmt.Sprintf("%s 已损坏：上级文件 %s（%s）的存储正文%s；请用 gwlint library remove --library %s %s 删除后重新添加原文件",
		e.Library, e.Entry.ID, name, e.Reason, filepath.Dir(e.Library), e.Entry.ID)
}

func (e *DamagedEntryError) Unwrap() error { return ErrDamagedEntry }

// verifyText checks a stored text against the entry's hashes.
func verifyText(path string, e Entry, text string) error {
	if e.TextHash != "" {
		if textSum(text) != e.TextHash {
			return &DamagedEntryError{Library: path, Entry: e, Reason: "与其哈希不符"}
		}
		return nil
	}
	n := align.Normalize(text)
	sum := sha256.Sum256([]byte(string(n.Runes)))
	if hex.EncodeToString(sum[:]) != e.Hash {
		return &DamagedEntryError{Library: path, Entry: e, Reason: "与其哈希不符"}
	}
	return nil
}

// Candidate is a parent that shares fingerprints with a draft.
type Candidate struct {
	Entry
	// Shared is the number of the draft's fingerprints the parent has.
	Shared int
}

// Library is an open library. Close it when done.
type Library struct {
	db      *bolt.DB
	path    string
	timeout time.Duration
	// lock is held on DIR/library.lock from Open to Close (lock.go).
	lock *dirLock
}

// Open opens the library in dir. In write mode the directory and file are
// created when missing.
func Open(dir string, opt Options) (lib *Library, err error) {
	path := filepath.Join(dir, FileName)
	defer recoverAs(path, &err)
	// bbolt reads a damaged file's pages through a memory map: a page past
	// the end of a file cut short is a memory fault, which only this turns
	// into a panic that recoverAs can report.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	st, err := os.Stat(path)
	if opt.ReadOnly && err != nil {
		return nil, fmt.Errorf("%s 处没有上级文件库（%w）；请先用 gwlint library add --library %s 加入上级文件", dir, err, dir)
	}
	if err == nil && !st.Mode().IsRegular() {
		// A FIFO or device in its place would hang bbolt's first read.
		return nil, fmt.Errorf("%s 不是普通文件，不是上级文件库；请移走它，或用 --library 指定其他目录", path)
	}
	if !opt.ReadOnly {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("无法创建文件库目录：%w", err)
		}
	}
	lock, err := lockDir(dir, !opt.ReadOnly, opt.Timeout)
	if err != nil {
		return nil, err
	}
	defer func() {
		if lib == nil {
			lock.release()
		}
	}()
	if !opt.ReadOnly && os.IsNotExist(statErr(path)) {
		// A new library is made whole under a temporary name and renamed
		// into place, so that a kill while it is being made leaves no
		// library.db rather than an empty file that is no library.
		if err := create(path); err != nil {
			return nil, err
		}
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{
		Timeout:  opt.Timeout,
		ReadOnly: opt.ReadOnly,
		// Merging segments frees many pages at once; the hashmap
		// freelist allocates from a large freelist in constant time.
		FreelistType: bolt.FreelistMapType,
	})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("%s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("%s 不是可读取的上级文件库：%w", path, err)
	}
	if opt.ReadOnly {
		err = db.View(func(tx *bolt.Tx) error { return checkFormat(tx, path) })
	} else {
		err = db.Update(func(tx *bolt.Tx) error { return initialize(tx, path) })
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Library{db: db, path: path, timeout: opt.Timeout, lock: lock}, nil
}

func statErr(path string) error {
	_, err := os.Stat(path)
	return err
}

// create makes a new, empty library at path: initialized under a
// temporary name beside it, then renamed. The caller holds the lock.
func create(path string) error {
	tmp := path + ".new"
	os.Remove(tmp) // left by a kill during an earlier create
	db, err := bolt.Open(tmp, 0o644, &bolt.Options{Timeout: time.Second, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return fmt.Errorf("无法创建文件库 %s：%w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return initialize(tx, tmp) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法创建文件库 %s：%w", path, err)
	}
	return nil
}

// checkFormat refuses a bbolt file that is not a library of this layout.
func checkFormat(tx *bolt.Tx, path string) error {
	if err := checkSize(tx, path); err != nil {
		return err
	}
	m := tx.Bucket(bucketMeta)
	if m != nil && string(m.Get(keyFormat)) == formerly {
		return fmt.Errorf("%s 是早期格式（%s）的上级文件库（earlier layout）：请删除后重新加入上级文件", path, formerly)
	}
	if m == nil || string(m.Get(keyFormat)) != format {
		return fmt.Errorf("%s 不是 gwlint 的上级文件库（not a gwlint parent library，没有 %q 标记）", path, format)
	}
	for _, b := range allBuckets {
		if tx.Bucket(b) == nil {
			return fmt.Errorf("%s 已损坏：缺少 %q 部分；%s", path, b, repairAdvice)
		}
	}
	return nil
}

func initialize(tx *bolt.Tx, path string) error {
	if err := checkSize(tx, path); err != nil {
		return err
	}
	if m := tx.Bucket(bucketMeta); m != nil {
		return checkFormat(tx, path)
	}
	// A new file has no buckets at all; anything else is someone else's.
	if err := tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		return fmt.Errorf("%s 不是 gwlint 的上级文件库（not a gwlint parent library，含有 %q）", path, name)
	}); err != nil {
		return err
	}
	m, err := tx.CreateBucket(bucketMeta)
	if err != nil {
		return err
	}
	if err := m.Put(keyFormat, []byte(format)); err != nil {
		return err
	}
	for _, b := range allBuckets {
		if _, err := tx.CreateBucket(b); err != nil {
			return err
		}
	}
	return nil
}

// Path is the library file.
func (l *Library) Path() string { return l.path }

// Close releases the file and its lock.
func (l *Library) Close() (err error) {
	defer l.lock.release()
	defer recoverAs(l.path, &err)
	return l.db.Close()
}

// recoverAs turns a panic inside bbolt (it panics on some corrupt pages)
// into an error naming the file.
func recoverAs(path string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s 已损坏：%v；%s", path, r, repairAdvice)
	}
}

// damaged names the file in an error about its content.
func (l *Library) damaged(err error) error {
	if err == nil || strings.Contains(err.Error(), l.path) {
		return err
	}
	return fmt.Errorf("%s 已损坏：%w；%s", l.path, err, repairAdvice)
}

// repairAdvice is what to do about a damaged library: rebuild it from the
// parent files, which the library only indexes.
const repairAdvice = "请把 library.db 移到别处，再用 gwlint library add 重新加入上级文件"

// AddResult reports one document of AddBatch.
type AddResult struct {
	ID    string
	Added bool // false when the same content was already there
}

// Add stores one document in its own transaction.
func (l *Library) Add(doc Doc) (id string, added bool, err error) {
	rs, err := l.AddBatch([]Doc{doc})
	if err != nil {
		return "", false, err
	}
	return rs[0].ID, rs[0].Added, nil
}

// prepared is a document ready to store: everything that needs no lock.
type prepared struct {
	entry Entry
	text  []byte
	fps   []uint64
	err   error
}

// compressors are flate writers kept between documents: a writer's
// tables cost far more to allocate than a 15 KB text costs to compress.
var compressors sync.Pool

// textLevel is the flate level for stored texts: level 4 compresses
// synthetic and real 公文 to about half their UTF-8 size, within 1% of
// level 6 and almost twice as fast.
const textLevel = 4

func prepare(d Doc) prepared {
	n := align.Normalize(d.Text)
	if n.Len() == 0 {
		return prepared{err: fmt.Errorf("parent %s has no text to compare", d.Path)}
	}
	sum := sha256.Sum256([]byte(string(n.Runes)))
	h := hex.EncodeToString(sum[:])
	z, err := compress(d.Text)
	if err != nil {
		return prepared{err: err}
	}
	return prepared{
		entry: Entry{ID: h[:12], Path: d.Path, Title: d.Title, DocNumber: d.DocNumber, Date: d.Date, Chars: len(n.Runes), Hash: h, TextHash: textSum(d.Text)},
		text:  z,
		fps:   fingerprints(n.Canonical()),
	}
}

// prepareAll prepares docs on every core.
func prepareAll(docs []Doc) ([]prepared, error) {
	preps := make([]prepared, len(docs))
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	var wg sync.WaitGroup
	next := make(chan int, len(docs))
	for i := range docs {
		next <- i
	}
	close(next)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				preps[i] = prepare(docs[i])
			}
		}()
	}
	wg.Wait()
	for _, p := range preps {
		if p.err != nil {
			return nil, p.err
		}
	}
	return preps, nil
}

// batchPostings sorts the batch's postings with the document's index in
// the batch standing in for its entry number, which is only known inside
// the transaction. Entry numbers grow with the index, so replacing one
// by the other keeps the order, and the sort stays outside the write
// lock.
func batchPostings(preps []prepared) []uint64 {
	n := 0
	for _, p := range preps {
		n += len(p.fps)
	}
	keys := make([]uint64, 0, n)
	for i, p := range preps {
		for _, f := range p.fps {
			keys = append(keys, postingKey(f, uint32(i)))
		}
	}
	slices.Sort(keys)
	return keys
}

// AddBatch stores documents in one transaction: all of them or none.
// Adding thousands of parents in batches of a few hundred is much faster
// than one by one; a kill loses at most the batch in flight.
func (l *Library) AddBatch(docs []Doc) (res []AddResult, err error) {
	defer recoverAs(l.path, &err)
	// Normalizing, hashing and compressing need no lock: do them first.
	preps, err := prepareAll(docs)
	if err != nil {
		return nil, err
	}
	keys := batchPostings(preps)
	res = make([]AddResult, len(docs))
	err = l.db.Update(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		meta, docsB, nums, texts := tx.Bucket(bucketMeta), tx.Bucket(bucketDocs), tx.Bucket(bucketNums), tx.Bucket(bucketText)
		nums.FillPercent, texts.FillPercent = 1.0, 1.0
		next, count := getUint(meta, keyNext), getUint(meta, keyCount)
		for i := range preps {
			p := &preps[i]
			res[i].ID = p.entry.ID
			if docsB.Get([]byte(p.entry.ID)) != nil {
				continue
			}
			res[i].Added = true
			next++
			count++
			if next > 1<<32-1 {
				return fmt.Errorf("%s: no entry numbers left", l.path)
			}
			p.entry.Num = uint32(next)
			js, err := json.Marshal(p.entry)
			if err != nil {
				return err
			}
			if err := docsB.Put([]byte(p.entry.ID), js); err != nil {
				return err
			}
			if err := nums.Put(numKey(p.entry.Num), []byte(p.entry.ID)); err != nil {
				return err
			}
			// Keyed by entry number, texts are appended at the end of
			// their bucket; keyed by id, each would land between two
			// stored texts and make bbolt rewrite a neighbour.
			if err := texts.Put(numKey(p.entry.Num), p.text); err != nil {
				return err
			}
		}
		// Put entry numbers in place of batch indexes, dropping the
		// postings of documents already there.
		kept := keys[:0]
		for _, k := range keys {
			if p := &preps[uint32(k)]; res[uint32(k)].Added {
				kept = append(kept, postingKey(k, p.entry.Num))
			}
		}
		if len(kept) > 0 {
			if err := l.addSegment(tx, kept); err != nil {
				return err
			}
		}
		if err := putUint(meta, keyNext, next); err != nil {
			return err
		}
		return putUint(meta, keyCount, count)
	})
	if err != nil {
		return nil, l.damaged(err)
	}
	return res, nil
}

// addSegment writes sorted postings as a new segment, then merges
// segments while some size class has too many.
func (l *Library) addSegment(tx *bolt.Tx, keys []uint64) error {
	meta, post := tx.Bucket(bucketMeta), tx.Bucket(bucketPost)
	// Segment ids only grow, so new chunks are appended at the end of
	// the bucket and its pages can be filled completely.
	post.FillPercent = 1.0
	segs, err := decodeSegments(meta.Get(keySegs))
	if err != nil {
		return err
	}
	nextSeg := uint32(getUint(meta, keyNextSeg))
	nextSeg++
	s, err := writeSegment(post, nextSeg, keys)
	if err != nil {
		return err
	}
	segs = append(segs, s)
	var dead map[uint32]bool
	for {
		plan := compactionPlan(segs)
		if plan == nil {
			break
		}
		if dead == nil {
			if dead, err = deadSet(tx); err != nil {
				return err
			}
		}
		ins := make([]segment, len(plan))
		for i, j := range plan {
			ins[i] = segs[j]
		}
		nextSeg++
		merged, err := mergeSegments(post, nextSeg, ins, dead)
		if err != nil {
			return err
		}
		kept := segs[:0]
		for i, s := range segs {
			if !slices.Contains(plan, i) {
				kept = append(kept, s)
			}
		}
		segs = kept
		if err := forgetDead(tx, dead, segs); err != nil {
			return err
		}
		if merged.postings > 0 {
			segs = append(segs, merged)
		}
	}
	if err := meta.Put(keySegs, encodeSegments(segs)); err != nil {
		return err
	}
	return putUint(meta, keyNextSeg, uint64(nextSeg))
}

// deadSet reads the entry numbers of removed parents whose postings some
// segment may still hold.
func deadSet(tx *bolt.Tx) (map[uint32]bool, error) {
	dead := map[uint32]bool{}
	err := tx.Bucket(bucketDead).ForEach(func(k, _ []byte) error {
		if len(k) != 4 {
			return fmt.Errorf("removed-parent key of %d bytes", len(k))
		}
		dead[binary.BigEndian.Uint32(k)] = true
		return nil
	})
	return dead, err
}

// forgetDead drops from the dead set every number that no remaining
// segment can hold: a merge has just dropped its postings.
func forgetDead(tx *bolt.Tx, dead map[uint32]bool, remaining []segment) error {
	b := tx.Bucket(bucketDead)
	for num := range dead {
		held := false
		for _, s := range remaining {
			if num >= s.base && num-s.base <= s.span {
				held = true
				break
			}
		}
		if !held {
			if err := b.Delete(numKey(num)); err != nil {
				return err
			}
			delete(dead, num)
		}
	}
	return nil
}

func numKey(n uint32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], n)
	return b[:]
}

func getUint(b *bolt.Bucket, k []byte) uint64 {
	v := b.Get(k)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

func putUint(b *bolt.Bucket, k []byte, v uint64) error {
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], v)
	return b.Put(k, buf[:])
}

func compress(s string) ([]byte, error) {
	var buf bytes.Buffer
	w, _ := compressors.Get().(*flate.Writer)
	if w == nil {
		var err error
		if w, err = flate.NewWriter(&buf, textLevel); err != nil {
			return nil, err
		}
	} else {
		w.Reset(&buf)
	}
	defer compressors.Put(w)
	if _, err := io.WriteString(w, s); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decompress(b []byte) (string, error) {
	out, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(b)), 64<<20))
	return string(out), err
}

// List returns every entry, by date and then id.
func (l *Library) List() (entries []Entry, err error) {
	defer recoverAs(l.path, &err)
	err = l.db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		return tx.Bucket(bucketDocs).ForEach(func(k, v []byte) error {
			var e Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("%s 已损坏：entry %s: %w", l.path, k, err)
			}
			entries = append(entries, e)
			return nil
		})
	})
	sort.Slice(entries, func(i, j int) bool {
		if a, b := dateKey(entries[i].Date), dateKey(entries[j].Date); a != b {
			return a < b
		}
		return entries[i].ID < entries[j].ID
	})
	return entries, err
}

// dateKey orders dates as written in 成文日期 (2018年12月4日, 2018年12月30日,
// 二〇一八年十二月四日, 2018.12.4) by their value: as strings, 12月30日 came
// before 12月4日. A date that cannot be read sorts last.
func dateKey(date string) int {
	parts := strings.FieldsFunc(date, func(r rune) bool { return strings.ContainsRune("年月日号.-/．－／ ", r) })
	if len(parts) != 3 {
		return 1 << 30
	}
	key := 0
	for _, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			var ok bool
			if v, ok = text.ParseHanNumber(p); !ok {
				return 1 << 30
			}
		}
		key = key*100 + v
	}
	return key
}

// Get returns one entry and its text.
func (l *Library) Get(id string) (e Entry, text string, err error) {
	defer recoverAs(l.path, &err)
	err = l.db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		var err error
		e, text, err = l.get(tx, id)
		return err
	})
	return e, text, err
}

func (l *Library) get(tx *bolt.Tx, id string) (Entry, string, error) {
	var e Entry
	v := tx.Bucket(bucketDocs).Get([]byte(id))
	if v == nil {
		return e, "", fmt.Errorf("文件库 %s 中没有编号为 %q 的文件（用 gwlint library list 查看）", l.path, id)
	}
	if err := json.Unmarshal(v, &e); err != nil {
		return e, "", fmt.Errorf("%s 已损坏：entry %s: %w", l.path, id, err)
	}
	text, err := decompress(tx.Bucket(bucketText).Get(numKey(e.Num)))
	if err != nil {
		return e, "", &DamagedEntryError{Library: l.path, Entry: e, Reason: "无法解压（" + err.Error() + "）"}
	}
	if err := verifyText(l.path, e, text); err != nil {
		return e, "", err
	}
	return e, text, nil
}

// Verify reads every stored text and checks it against its hash, for
// `gwlint library verify`. It returns the entries checked and an error
// for each damaged one; err is for a library that cannot be read at all.
func (l *Library) Verify() (checked int, damaged []error, err error) {
	defer recoverAs(l.path, &err)
	err = l.db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		return tx.Bucket(bucketDocs).ForEach(func(k, _ []byte) error {
			checked++
			if _, _, err := l.get(tx, string(k)); err != nil {
				damaged = append(damaged, err)
			}
			return nil
		})
	})
	return checked, damaged, err
}

func textSum(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Remove deletes the given parents in one transaction. An unknown id is an
// error and nothing is removed. A removed parent's postings stay in their
// segments, marked dead, until a merge drops them.
func (l *Library) Remove(ids ...string) (err error) {
	defer recoverAs(l.path, &err)
	return l.db.Update(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		removed := 0
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			var e Entry
			v := tx.Bucket(bucketDocs).Get([]byte(id))
			if v == nil {
				return fmt.Errorf("文件库 %s 中没有编号为 %q 的文件（用 gwlint library list 查看）", l.path, id)
			}
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("%s 已损坏：entry %s: %w", l.path, id, err)
			}
			for _, b := range []struct {
				name []byte
				key  []byte
			}{{bucketDocs, []byte(id)}, {bucketText, numKey(e.Num)}, {bucketNums, numKey(e.Num)}} {
				if err := tx.Bucket(b.name).Delete(b.key); err != nil {
					return err
				}
			}
			if err := tx.Bucket(bucketDead).Put(numKey(e.Num), nil); err != nil {
				return err
			}
			removed++
		}
		meta := tx.Bucket(bucketMeta)
		return putUint(meta, keyCount, getUint(meta, keyCount)-uint64(removed))
	})
}

// Len is the number of parents in the library.
func (l *Library) Len() (n int, err error) {
	defer recoverAs(l.path, &err)
	err = l.db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		n = int(getUint(tx.Bucket(bucketMeta), keyCount))
		return nil
	})
	return n, err
}

// commonLimit is the document frequency above which a fingerprint is
// ignored when ranking: phrases every parent has (各省、自治区、直辖市人民政府，
// 国务院各部委、各直属机构) would otherwise make every parent a candidate.
func commonLimit(docs int) int {
	return max(50, docs/200)
}

// Candidates ranks the parents that share fingerprints with the draft, most
// shared first (ties by entry number, the order of adding), and returns at
// most n of them (20 when n <= 0). Any passage of guaranteeLen canonical
// tokens that draft and parent share gives at least one shared fingerprint
// unless the fingerprint is common to too many parents.
func (l *Library) Candidates(draft string, n int) (cs []Candidate, err error) {
	defer recoverAs(l.path, &err)
	if n <= 0 {
		n = 20
	}
	fps := queryFingerprints(fingerprints(align.Normalize(draft).Canonical()))
	err = l.db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		meta := tx.Bucket(bucketMeta)
		limit := commonLimit(int(getUint(meta, keyCount)))
		segs, err := decodeSegments(meta.Get(keySegs))
		if err != nil {
			return l.damaged(err)
		}
		type hit struct {
			fp  int32
			num uint32
		}
		var hits []hit
		freq := make([]int32, len(fps))
		post := tx.Bucket(bucketPost)
		for _, s := range segs {
			err := lookup(post, s, fps, func(i int, num uint32) {
				hits = append(hits, hit{int32(i), num})
				freq[i]++
			})
			if err != nil {
				return l.damaged(err)
			}
		}
		score := map[uint32]int{}
		for _, h := range hits {
			if int(freq[h.fp]) <= limit {
				score[h.num]++
			}
		}
		type ranked struct {
			num    uint32
			shared int
		}
		rs := make([]ranked, 0, len(score))
		for num, s := range score {
			rs = append(rs, ranked{num, s})
		}
		sort.Slice(rs, func(i, j int) bool {
			if rs[i].shared != rs[j].shared {
				return rs[i].shared > rs[j].shared
			}
			return rs[i].num < rs[j].num
		})
		nums, docsB, dead := tx.Bucket(bucketNums), tx.Bucket(bucketDocs), tx.Bucket(bucketDead)
		for _, r := range rs {
			if len(cs) == n {
				break
			}
			id := nums.Get(numKey(r.num))
			if id == nil {
				if dead.Get(numKey(r.num)) != nil {
					continue // removed, its postings not yet merged away
				}
				return fmt.Errorf("%s 已损坏：posting for missing parent %d", l.path, r.num)
			}
			v := docsB.Get(id)
			if v == nil {
				return fmt.Errorf("%s 已损坏：parent %d has no entry", l.path, r.num)
			}
			var e Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("%s 已损坏：entry %s: %w", l.path, id, err)
			}
			cs = append(cs, Candidate{Entry: e, Shared: r.shared})
		}
		return nil
	})
	return cs, err
}

// queryFingerprints turns a draft's fingerprints into the sorted, distinct
// 32-bit fingerprints the segments hold.
func queryFingerprints(fps []uint64) []uint32 {
	out := make([]uint32, len(fps))
	for i, f := range fps {
		out[i] = uint32(f >> 32)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Size reports the library file's size in bytes.
func (l *Library) Size() (int64, error) {
	st, err := os.Stat(l.path)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

func sha256Sum(s string) [32]byte { return sha256.Sum256([]byte(s)) }
