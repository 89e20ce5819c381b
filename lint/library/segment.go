package library

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// The fingerprint index is a short list of immutable segments, as in a
// log-structured merge tree: each AddBatch writes the postings of its new
// parents as one new segment, and when too many segments of a similar size
// pile up they are merged into one. A segment is never updated in place,
// so a batch writes only its own postings and bbolt's pages fill
// sequentially; a query reads a few hundred bytes from each segment.
//
// A posting is a 64-bit key: the top 32 bits of a fingerprint, then the
// parent's entry number. 32 bits of fingerprint are enough: a 5,000
// character draft (about 1,300 fingerprints) against 100,000 parents (about
// 1.2·10^8 postings) meets some 40 chance collisions, each adding one to a
// random parent's score, while a copied paragraph adds dozens to its own.
//
// A segment with n postings splits the 32-bit fingerprint space into 2^bits
// buckets of about bucketTarget postings each. Buckets are grouped by
// 2^chunkBits into chunks; a chunk is one bbolt value, keyed by the segment
// id and the chunk number, laid out as
//
//	(buckets+1) little-endian uint32 offsets into the data that follows,
//	then each bucket's postings sorted by (fingerprint, entry number) as
//	pairs of unsigned varints: the fingerprint's bits below the bucket as a
//	delta from the previous posting of the bucket, and the entry number
//	less the segment's base.
//
// bbolt hands out a value as a slice of its memory map, so finding a
// fingerprint costs one B+tree descent to its chunk, two offsets and the
// decoding of one bucket, with nothing copied.
const (
	bucketTarget = 16
	chunkBits    = 12
	maxBits      = 24
	// mergeFanout is how many segments of one size class are merged at
	// once. With 4, every posting is rewritten about log4(N/n0) times over
	// a build and a library holds at most 3 segments per size class.
	mergeFanout = 4
	// classBase is the size of the smallest size class, in postings:
	// about 50 parents.
	classBase = 1 << 16
)

// segment describes one segment; the list lives in meta under keySegs.
type segment struct {
	id       uint32
	bits     uint8  // log2 of the number of buckets
	base     uint32 // smallest entry number in the segment
	span     uint32 // largest entry number less base
	postings uint64
}

const segmentRecord = 4 + 1 + 4 + 4 + 8

func encodeSegments(ss []segment) []byte {
	out := make([]byte, 0, len(ss)*segmentRecord)
	for _, s := range ss {
		out = binary.BigEndian.AppendUint32(out, s.id)
		out = append(out, s.bits)
		out = binary.BigEndian.AppendUint32(out, s.base)
		out = binary.BigEndian.AppendUint32(out, s.span)
		out = binary.BigEndian.AppendUint64(out, s.postings)
	}
	return out
}

func decodeSegments(b []byte) ([]segment, error) {
	if len(b)%segmentRecord != 0 {
		return nil, fmt.Errorf("segment list of %d bytes", len(b))
	}
	ss := make([]segment, 0, len(b)/segmentRecord)
	for ; len(b) > 0; b = b[segmentRecord:] {
		s := segment{
			id:       binary.BigEndian.Uint32(b),
			bits:     b[4],
			base:     binary.BigEndian.Uint32(b[5:]),
			span:     binary.BigEndian.Uint32(b[9:]),
			postings: binary.BigEndian.Uint64(b[13:]),
		}
		if s.bits > maxBits {
			return nil, fmt.Errorf("segment %d has 2^%d buckets", s.id, s.bits)
		}
		ss = append(ss, s)
	}
	return ss, nil
}

// class is a segment's size class: segments of one class are merged
// together.
func (s segment) class() int {
	return bits.Len64(s.postings/classBase) / 2 // log4
}

// bucketsPerChunk is how many buckets a chunk of s holds.
func (s segment) bucketsPerChunk() uint32 {
	return 1 << min(s.bits, chunkBits)
}

func (s segment) chunks() uint32 {
	if s.bits <= chunkBits {
		return 1
	}
	return 1 << (s.bits - chunkBits)
}

// bucketOf is the bucket of a 32-bit fingerprint.
func (s segment) bucketOf(h uint32) uint32 {
	if s.bits == 0 {
		return 0
	}
	return h >> (32 - s.bits)
}

func (s segment) suffixMask() uint32 {
	if s.bits == 0 {
		return ^uint32(0)
	}
	return 1<<(32-s.bits) - 1
}

func chunkKey(seg, chunk uint32) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint32(k, seg)
	binary.BigEndian.PutUint32(k[4:], chunk)
	return k
}

// bitsFor chooses the bucket count for n postings.
func bitsFor(n uint64) uint8 {
	b := bits.Len64(n / bucketTarget)
	return uint8(min(b, maxBits))
}

func postingKey(fp uint64, num uint32) uint64 { return fp&^0xFFFFFFFF | uint64(num) }

// segmentWriter writes a segment from postings in ascending order.
type segmentWriter struct {
	b     *bolt.Bucket
	seg   segment
	chunk int64
	ends  []uint32
	data  []byte
	last  uint64
	count uint64
}

func newSegmentWriter(b *bolt.Bucket, seg segment) *segmentWriter {
	return &segmentWriter{b: b, seg: seg, chunk: -1, ends: make([]uint32, seg.bucketsPerChunk())}
}

func (w *segmentWriter) add(key uint64) error {
	if w.count > 0 && key <= w.last {
		if key == w.last {
			return nil
		}
		return fmt.Errorf("postings out of order")
	}
	h, num := uint32(key>>32), uint32(key)
	b := w.seg.bucketOf(h)
	c := int64(b >> chunkBits)
	local := b & (w.seg.bucketsPerChunk() - 1)
	prevSuffix := uint32(0)
	if c != w.chunk {
		if err := w.flush(); err != nil {
			return err
		}
		w.chunk = c
	} else if w.count > 0 && w.seg.bucketOf(uint32(w.last>>32)) == b {
		prevSuffix = uint32(w.last>>32) & w.seg.suffixMask()
	}
	w.data = binary.AppendUvarint(w.data, uint64(h&w.seg.suffixMask()-prevSuffix))
	w.data = binary.AppendUvarint(w.data, uint64(num-w.seg.base))
	w.ends[local] = uint32(len(w.data))
	w.last = key
	w.count++
	return nil
}

// flush writes the chunk in progress.
func (w *segmentWriter) flush() error {
	if w.chunk < 0 {
		return nil
	}
	nb := len(w.ends)
	v := make([]byte, 4*(nb+1), 4*(nb+1)+len(w.data))
	off := uint32(0)
	for i, e := range w.ends {
		off = max(off, e)
		binary.LittleEndian.PutUint32(v[4*(i+1):], off)
		w.ends[i] = 0
	}
	v = append(v, w.data...)
	w.data = w.data[:0]
	err := w.b.Put(chunkKey(w.seg.id, uint32(w.chunk)), v)
	w.chunk = -1
	return err
}

// bucketPostings returns the encoded postings of bucket b of s, or nil.
// val is the chunk's value.
func bucketPostings(s segment, val []byte, b uint32) ([]byte, error) {
	nb := s.bucketsPerChunk()
	if uint64(len(val)) < 4*uint64(nb+1) {
		return nil, fmt.Errorf("segment %d: chunk of %d bytes", s.id, len(val))
	}
	data := val[4*(nb+1):]
	local := b & (nb - 1)
	from := binary.LittleEndian.Uint32(val[4*local:])
	to := binary.LittleEndian.Uint32(val[4*local+4:])
	if from > to || int64(to) > int64(len(data)) {
		return nil, fmt.Errorf("segment %d: bucket %d at bytes %d..%d of %d", s.id, b, from, to, len(data))
	}
	return data[from:to], nil
}

// eachPosting decodes one bucket, calling fn with each posting's
// fingerprint suffix and entry number until fn returns false.
func eachPosting(s segment, p []byte, fn func(suffix, num uint32) bool) error {
	suffix := uint64(0)
	for len(p) > 0 {
		d, k := binary.Uvarint(p)
		if k <= 0 {
			return fmt.Errorf("segment %d: bad posting", s.id)
		}
		p = p[k:]
		n, k := binary.Uvarint(p)
		if k <= 0 {
			return fmt.Errorf("segment %d: bad posting", s.id)
		}
		p = p[k:]
		suffix += d
		if suffix > uint64(s.suffixMask()) || n > uint64(s.span) {
			return fmt.Errorf("segment %d: posting out of range", s.id)
		}
		if !fn(uint32(suffix), s.base+uint32(n)) {
			return nil
		}
	}
	return nil
}

// lookup adds to hits, for each fingerprint of the sorted, distinct fps
// that s holds, one hit per parent.
func lookup(post *bolt.Bucket, s segment, fps []uint32, fn func(i int, num uint32)) error {
	curChunk := int64(-1)
	var val []byte
	for i, h := range fps {
		b := s.bucketOf(h)
		if c := int64(b >> chunkBits); c != curChunk {
			curChunk = c
			val = post.Get(chunkKey(s.id, uint32(c)))
		}
		if val == nil {
			continue
		}
		p, err := bucketPostings(s, val, b)
		if err != nil {
			return err
		}
		if err := matchBucket(s, p, h&s.suffixMask(), i, fn); err != nil {
			return err
		}
	}
	return nil
}

// matchBucket calls fn(i, num) for each posting of the encoded bucket p
// whose suffix is target. It is eachPosting specialised for the query's
// inner loop: it stops at the first larger suffix and skips, rather than
// decodes, the entry numbers of other fingerprints.
func matchBucket(s segment, p []byte, target uint32, i int, fn func(i int, num uint32)) error {
	suffix := uint64(0)
	for len(p) > 0 {
		d, k := binary.Uvarint(p)
		if k <= 0 {
			return fmt.Errorf("segment %d: bad posting", s.id)
		}
		p = p[k:]
		suffix += d
		if suffix > uint64(target) {
			return nil
		}
		if suffix < uint64(target) {
			j := 0
			for j < len(p) && p[j] >= 0x80 {
				j++
			}
			if j >= len(p) || j >= binary.MaxVarintLen32 {
				return fmt.Errorf("segment %d: bad posting", s.id)
			}
			p = p[j+1:]
			continue
		}
		n, k := binary.Uvarint(p)
		if k <= 0 || n > uint64(s.span) {
			return fmt.Errorf("segment %d: bad posting", s.id)
		}
		p = p[k:]
		fn(i, s.base+uint32(n))
	}
	return nil
}

// segmentIter yields a segment's postings in ascending order, a chunk at a
// time. It reads with Get rather than a cursor, because the merge writes
// to the same bucket as it reads.
type segmentIter struct {
	post  *bolt.Bucket
	seg   segment
	chunk uint32
	buf   []uint64
	i     int
}

// next returns the next posting key, or false at the end.
func (it *segmentIter) next() (uint64, bool, error) {
	for it.i >= len(it.buf) {
		if it.chunk >= it.seg.chunks() {
			return 0, false, nil
		}
		it.buf, it.i = it.buf[:0], 0
		val := it.post.Get(chunkKey(it.seg.id, it.chunk))
		first := it.chunk << chunkBits
		it.chunk++
		if val == nil {
			continue
		}
		for local := uint32(0); local < it.seg.bucketsPerChunk(); local++ {
			b := first + local
			p, err := bucketPostings(it.seg, val, b)
			if err != nil {
				return 0, false, err
			}
			high := uint32(0)
			if it.seg.bits > 0 {
				high = b << (32 - it.seg.bits)
			}
			err = eachPosting(it.seg, p, func(suffix, num uint32) bool {
				it.buf = append(it.buf, uint64(high|suffix)<<32|uint64(num))
				return true
			})
			if err != nil {
				return 0, false, err
			}
		}
	}
	it.i++
	return it.buf[it.i-1], true, nil
}

// writeSegment writes sorted postings as a new segment and returns it.
func writeSegment(post *bolt.Bucket, id uint32, keys []uint64) (segment, error) {
	seg := segment{id: id, bits: bitsFor(uint64(len(keys))), base: ^uint32(0)}
	maxNum := uint32(0)
	for _, k := range keys {
		seg.base = min(seg.base, uint32(k))
		maxNum = max(maxNum, uint32(k))
	}
	seg.span = maxNum - seg.base
	w := newSegmentWriter(post, seg)
	for _, k := range keys {
		if err := w.add(k); err != nil {
			return seg, err
		}
	}
	seg.postings = w.count
	return seg, w.flush()
}

// mergeSegments merges ins into one new segment with the given id,
// dropping the postings of removed parents, and deletes ins.
func mergeSegments(post *bolt.Bucket, id uint32, ins []segment, dead map[uint32]bool) (segment, error) {
	seg := segment{id: id, base: ^uint32(0)}
	var total uint64
	maxNum := uint32(0)
	for _, s := range ins {
		total += s.postings
		seg.base = min(seg.base, s.base)
		maxNum = max(maxNum, s.base+s.span)
	}
	seg.bits, seg.span = bitsFor(total), maxNum-seg.base
	its := make([]*segmentIter, len(ins))
	heads := make([]uint64, len(ins))
	live := make([]bool, len(ins))
	for i, s := range ins {
		its[i] = &segmentIter{post: post, seg: s}
		k, ok, err := its[i].next()
		if err != nil {
			return seg, err
		}
		heads[i], live[i] = k, ok
	}
	w := newSegmentWriter(post, seg)
	for {
		m := -1
		for i := range heads {
			if live[i] && (m < 0 || heads[i] < heads[m]) {
				m = i
			}
		}
		if m < 0 {
			break
		}
		if !dead[uint32(heads[m])] {
			if err := w.add(heads[m]); err != nil {
				return seg, err
			}
		}
		k, ok, err := its[m].next()
		if err != nil {
			return seg, err
		}
		heads[m], live[m] = k, ok
	}
	if err := w.flush(); err != nil {
		return seg, err
	}
	seg.postings = w.count
	for _, s := range ins {
		for c := uint32(0); c < s.chunks(); c++ {
			if err := post.Delete(chunkKey(s.id, c)); err != nil {
				return seg, err
			}
		}
	}
	return seg, nil
}

// compactionPlan picks the segments to merge next: every segment of the
// smallest size class that has mergeFanout or more, or nothing.
func compactionPlan(ss []segment) []int {
	byClass := map[int][]int{}
	for i, s := range ss {
		byClass[s.class()] = append(byClass[s.class()], i)
	}
	best := -1
	for c, idx := range byClass {
		if len(idx) >= mergeFanout && (best < 0 || c < best) {
			best = c
		}
	}
	if best < 0 {
		return nil
	}
	return slices.Clone(byClass[best])
}
