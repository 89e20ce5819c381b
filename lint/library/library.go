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
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/gwlint/gwlint/lint/align"
)

// FileName is the name of the library file inside the library directory.
const FileName = "library.db"

// format marks a bbolt file as a gwlint library of this layout.
const format = "gwlint-library-1"

var (
	bucketMeta = []byte("meta")
	bucketDocs = []byte("docs") // id → JSON Entry
	bucketNums = []byte("nums") // doc number (4 bytes) → id
	bucketText = []byte("text") // id → flate-compressed text
	bucketFP   = []byte("fp")   // fingerprint (8 bytes) → posting list

	keyFormat = []byte("format")
	keyNext   = []byte("next")
	keyCount  = []byte("count")
)

// fpKeyLen is how many bytes of a 64-bit fingerprint key the index: 48
// bits keep chance collisions below one in a million per lookup at 100,000
// parents (about 10^8 distinct fingerprints) and save a quarter of the key.
const fpKeyLen = 6

// ErrLocked is returned when another process holds the library.
var ErrLocked = errors.New("library is locked by another process")

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
}

// Candidate is a parent that shares fingerprints with a draft.
type Candidate struct {
	Entry
	// Shared is the number of the draft's fingerprints the parent has.
	Shared int
}

// Library is an open library. Close it when done.
type Library struct {
	db   *bolt.DB
	path string
}

// Open opens the library in dir. In write mode the directory and file are
// created when missing.
func Open(dir string, opt Options) (lib *Library, err error) {
	path := filepath.Join(dir, FileName)
	defer recoverAs(path, &err)
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	if opt.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no parent library at %s: %w", dir, err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating library directory: %w", err)
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: opt.Timeout, ReadOnly: opt.ReadOnly})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("%s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("%s is not a readable parent library: %w", path, err)
	}
	lib = &Library{db: db, path: path}
	if opt.ReadOnly {
		err = db.View(func(tx *bolt.Tx) error { return checkFormat(tx, path) })
	} else {
		err = db.Update(func(tx *bolt.Tx) error { return initialize(tx, path) })
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return lib, nil
}

// checkFormat refuses a bbolt file that is not a library of this layout.
func checkFormat(tx *bolt.Tx, path string) error {
	m := tx.Bucket(bucketMeta)
	if m == nil || string(m.Get(keyFormat)) != format {
		return fmt.Errorf("%s is not a gwlint parent library (no %q marker)", path, format)
	}
	for _, b := range [][]byte{bucketDocs, bucketNums, bucketText, bucketFP} {
		if tx.Bucket(b) == nil {
			return fmt.Errorf("%s is damaged: bucket %q is missing", path, b)
		}
	}
	return nil
}

func initialize(tx *bolt.Tx, path string) error {
	if m := tx.Bucket(bucketMeta); m != nil {
		return checkFormat(tx, path)
	}
	// A new file has no buckets at all; anything else is someone else's.
	if err := tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		return fmt.Errorf("%s is not a gwlint parent library (it has bucket %q)", path, name)
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
	for _, b := range [][]byte{bucketDocs, bucketNums, bucketText, bucketFP} {
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
	defer recoverAs(l.path, &err)
	return l.db.Close()
}

// recoverAs turns a panic inside bbolt (it panics on some corrupt pages)
// into an error naming the file.
func recoverAs(path string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s is damaged: %v", path, r)
	}
}

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

// AddBatch stores documents in one transaction: all of them or none.
// Adding thousands of parents in batches of a few hundred is much faster
// than one by one; a kill loses at most the batch in flight.
func (l *Library) AddBatch(docs []Doc) (res []AddResult, err error) {
	defer recoverAs(l.path, &err)
	type prepared struct {
		entry Entry
		text  []byte
		fps   []uint64
	}
	// Normalizing, hashing and compressing need no lock: do them first.
	preps := make([]prepared, len(docs))
	for i, d := range docs {
		n := align.Normalize(d.Text)
		if n.Len() == 0 {
			return nil, fmt.Errorf("parent %s has no text to compare", d.Path)
		}
		sum := sha256Sum(string(n.Runes))
		h := hex.EncodeToString(sum[:])
		z, err := compress(d.Text)
		if err != nil {
			return nil, err
		}
		preps[i] = prepared{
			entry: Entry{ID: h[:12], Path: d.Path, Title: d.Title, DocNumber: d.DocNumber, Date: d.Date, Chars: len(n.Runes), Hash: h},
			text:  z,
			fps:   fingerprints(n.Canonical()),
		}
	}
	res = make([]AddResult, len(docs))
	err = l.db.Update(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		meta, docsB, nums, texts, fpB := tx.Bucket(bucketMeta), tx.Bucket(bucketDocs), tx.Bucket(bucketNums), tx.Bucket(bucketText), tx.Bucket(bucketFP)
		next, count := getUint(meta, keyNext), getUint(meta, keyCount)
		postings := map[uint64][]uint32{}
		for i := range preps {
			p := &preps[i]
			res[i].ID = p.entry.ID
			if docsB.Get([]byte(p.entry.ID)) != nil {
				continue
			}
			res[i].Added = true
			next++
			count++
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
			if err := texts.Put([]byte(p.entry.ID), p.text); err != nil {
				return err
			}
			for _, f := range p.fps {
				postings[f] = append(postings[f], p.entry.Num)
			}
		}
		if err := writePostings(fpB, postings, nil); err != nil {
			return err
		}
		if err := putUint(meta, keyNext, next); err != nil {
			return err
		}
		return putUint(meta, keyCount, count)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// writePostings adds the doc numbers in add to each fingerprint's posting
// list and removes those in drop. Keys are written in sorted order, which
// keeps bbolt's page splits local.
func writePostings(b *bolt.Bucket, add map[uint64][]uint32, drop map[uint32]bool) error {
	// Keys arrive sorted, so pages can be filled fuller than bbolt's
	// default of half, which is for random inserts.
	b.FillPercent = 0.9
	keys := make([]uint64, 0, len(add))
	for k := range add {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var kb [8]byte
	for _, k := range keys {
		binary.BigEndian.PutUint64(kb[:], k)
		key := kb[:fpKeyLen]
		list := decodePostings(b.Get(key))
		if drop != nil {
			kept := list[:0]
			for _, n := range list {
				if !drop[n] {
					kept = append(kept, n)
				}
			}
			list = kept
		}
		list = append(list, add[k]...)
		if len(list) == 0 {
			if err := b.Delete(key); err != nil {
				return err
			}
			continue
		}
		sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
		if err := b.Put(key, encodePostings(list)); err != nil {
			return err
		}
	}
	return nil
}

// A posting list is its length then the sorted doc numbers as deltas, all
// unsigned varints: most deltas in a large library take two bytes.
func encodePostings(list []uint32) []byte {
	out := binary.AppendUvarint(nil, uint64(len(list)))
	prev := uint32(0)
	for _, n := range list {
		out = binary.AppendUvarint(out, uint64(n-prev))
		prev = n
	}
	return out
}

func decodePostings(b []byte) []uint32 {
	if len(b) == 0 {
		return nil
	}
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil
	}
	b = b[k:]
	list := make([]uint32, 0, n)
	prev := uint64(0)
	for len(b) > 0 && uint64(len(list)) < n {
		d, k := binary.Uvarint(b)
		if k <= 0 {
			break
		}
		prev += d
		list = append(list, uint32(prev))
		b = b[k:]
	}
	return list
}

func postingCount(b []byte) int {
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return 0
	}
	return int(n)
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
	w, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
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
				return fmt.Errorf("%s is damaged: entry %s: %w", l.path, k, err)
			}
			entries = append(entries, e)
			return nil
		})
	})
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].Date != entries[j].Date {
			return entries[i].Date < entries[j].Date
		}
		return entries[i].ID < entries[j].ID
	})
	return entries, err
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
		return e, "", fmt.Errorf("no parent %q in library %s", id, l.path)
	}
	if err := json.Unmarshal(v, &e); err != nil {
		return e, "", fmt.Errorf("%s is damaged: entry %s: %w", l.path, id, err)
	}
	text, err := decompress(tx.Bucket(bucketText).Get([]byte(id)))
	if err != nil {
		return e, "", fmt.Errorf("%s is damaged: text of %s: %w", l.path, id, err)
	}
	return e, text, nil
}

// Remove deletes the given parents in one transaction. An unknown id is an
// error and nothing is removed.
func (l *Library) Remove(ids ...string) (err error) {
	defer recoverAs(l.path, &err)
	return l.db.Update(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		drop := map[uint32]bool{}
		touched := map[uint64][]uint32{}
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			e, text, err := l.get(tx, id)
			if err != nil {
				return err
			}
			drop[e.Num] = true
			for _, f := range fingerprints(align.Normalize(text).Canonical()) {
				touched[f] = nil
			}
			for _, b := range []struct {
				name []byte
				key  []byte
			}{{bucketDocs, []byte(id)}, {bucketText, []byte(id)}, {bucketNums, numKey(e.Num)}} {
				if err := tx.Bucket(b.name).Delete(b.key); err != nil {
					return err
				}
			}
		}
		if err := writePostings(tx.Bucket(bucketFP), touched, drop); err != nil {
			return err
		}
		meta := tx.Bucket(bucketMeta)
		return putUint(meta, keyCount, getUint(meta, keyCount)-uint64(len(drop)))
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
	fps := fingerprints(align.Normalize(draft).Canonical())
	err = l.db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		limit := commonLimit(int(getUint(tx.Bucket(bucketMeta), keyCount)))
		fpB := tx.Bucket(bucketFP)
		score := map[uint32]int{}
		var kb [8]byte
		for _, f := range fps {
			binary.BigEndian.PutUint64(kb[:], f)
			v := fpB.Get(kb[:fpKeyLen])
			if v == nil || postingCount(v) > limit {
				continue
			}
			for _, num := range decodePostings(v) {
				score[num]++
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
		if len(rs) > n {
			rs = rs[:n]
		}
		nums, docsB := tx.Bucket(bucketNums), tx.Bucket(bucketDocs)
		for _, r := range rs {
			id := nums.Get(numKey(r.num))
			v := docsB.Get(id)
			if v == nil {
				return fmt.Errorf("%s is damaged: posting for missing parent %d", l.path, r.num)
			}
			var e Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("%s is damaged: entry %s: %w", l.path, id, err)
			}
			cs = append(cs, Candidate{Entry: e, Shared: r.shared})
		}
		return nil
	})
	return cs, err
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
