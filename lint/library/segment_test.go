package library

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// withPost runs fn in a write transaction on a fresh bucket of postings.
func withPost(t *testing.T, fn func(post *bolt.Bucket)) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "seg.db"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		post, err := tx.CreateBucket(bucketPost)
		if err != nil {
			return err
		}
		fn(post)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// randomPostings makes n sorted, distinct posting keys over parents
// base..base+docs-1, with some fingerprints shared by several parents and
// some at the edges of the fingerprint space.
func randomPostings(r *rand.Rand, n int, base, docs uint32) []uint64 {
	keys := make([]uint64, 0, n)
	for len(keys) < n {
		h := r.Uint32()
		switch r.IntN(20) {
		case 0:
			h = 0
		case 1:
			h = ^uint32(0)
		}
		for range 1 + r.IntN(3) {
			keys = append(keys, uint64(h)<<32|uint64(base+r.Uint32N(docs)))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// found looks every key's fingerprint up in the segments and returns the
// sorted postings they give.
func found(t *testing.T, post *bolt.Bucket, segs []segment, fps []uint32) []uint64 {
	t.Helper()
	var got []uint64
	for _, s := range segs {
		err := lookup(post, s, fps, func(i int, num uint32) {
			got = append(got, uint64(fps[i])<<32|uint64(num))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(got)
	return got
}

func TestSegmentsAgainstModel(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sizes []int // postings per segment
		dead  int   // parents removed before the merge
	}{
		{"one posting", []int{1}, 0},
		{"single bucket", []int{10, 5}, 0},
		{"one chunk", []int{3000, 2000, 1000}, 1},
		{"several chunks", []int{200_000, 70_000, 30_000, 1}, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(len(tc.sizes)), 1))
			withPost(t, func(post *bolt.Bucket) {
				var segs []segment
				var all []uint64
				base := uint32(1)
				for i, n := range tc.sizes {
					docs := uint32(1 + n/500)
					keys := randomPostings(r, n, base, docs)
					base += docs
					s, err := writeSegment(post, uint32(i+1), keys)
					if err != nil {
						t.Fatal(err)
					}
					if s.postings != uint64(len(keys)) {
						t.Fatalf("segment %d holds %d postings, want %d", i, s.postings, len(keys))
					}
					segs = append(segs, s)
					all = append(all, keys...)
				}
				slices.Sort(all)
				var fps []uint32
				for _, k := range all {
					fps = append(fps, uint32(k>>32))
				}
				// Fingerprints absent from every segment find nothing.
				for range 1000 {
					fps = append(fps, r.Uint32())
				}
				slices.Sort(fps)
				fps = slices.Compact(fps)
				want := slices.Clone(all)
				if got := found(t, post, segs, fps); !containsAll(got, want) {
					t.Fatalf("lookup found %d postings, want %d", len(got), len(want))
				}

				dead := map[uint32]bool{}
				for range tc.dead {
					dead[1+r.Uint32N(base-1)] = true
				}
				merged, err := mergeSegments(post, 100, segs, dead)
				if err != nil {
					t.Fatal(err)
				}
				want = keepLive(all, dead)
				if merged.postings != uint64(len(want)) {
					t.Fatalf("merged segment holds %d postings, want %d", merged.postings, len(want))
				}
				got := found(t, post, []segment{merged}, fps)
				if !slices.Equal(got, want) {
					t.Fatalf("after merging: %d postings, want %d", len(got), len(want))
				}
				// The inputs are gone.
				for _, s := range segs {
					if post.Get(chunkKey(s.id, 0)) != nil {
						t.Errorf("segment %d survived its merge", s.id)
					}
				}
				it := &segmentIter{post: post, seg: merged}
				var back []uint64
				for {
					k, ok, err := it.next()
					if err != nil {
						t.Fatal(err)
					}
					if !ok {
						break
					}
					back = append(back, k)
				}
				if !slices.Equal(back, want) {
					t.Errorf("iterating the merged segment gave %d postings, want %d", len(back), len(want))
				}
			})
		})
	}
}

// lookup reports what a fingerprint matches, so a random fingerprint may
// match a real one: got must hold want and possibly more only when the
// extra fingerprints collide, which 32 random bits almost never do.
func containsAll(got, want []uint64) bool {
	for _, w := range want {
		if _, ok := slices.BinarySearch(got, w); !ok {
			return false
		}
	}
	return true
}

func keepLive(keys []uint64, dead map[uint32]bool) []uint64 {
	var out []uint64
	for _, k := range keys {
		if !dead[uint32(k)] {
			out = append(out, k)
		}
	}
	return out
}

func TestCompactionPlan(t *testing.T) {
	batch := segment{postings: 600_000}
	big := segment{postings: 40_000_000}
	for _, tc := range []struct {
		name string
		segs []segment
		want []int
	}{
		{"empty", nil, nil},
		{"three alike", []segment{batch, batch, batch}, nil},
		{"four alike", []segment{big, batch, batch, batch, batch}, []int{1, 2, 3, 4}},
		{"smallest class first", []segment{big, big, big, big, batch, batch, batch, batch}, []int{4, 5, 6, 7}},
		{"tiny ones too", []segment{{postings: 10}, {postings: 1000}, {postings: 20_000}, {postings: 1}}, []int{0, 1, 2, 3}},
	} {
		if got := compactionPlan(tc.segs); !slices.Equal(got, tc.want) {
			t.Errorf("%s: plan %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSegmentListRoundTrip(t *testing.T) {
	ss := []segment{{id: 1, bits: 0, base: 1, span: 0, postings: 1}, {id: 7, bits: 24, base: 900, span: 1 << 20, postings: 1 << 40}}
	got, err := decodeSegments(encodeSegments(ss))
	if err != nil || !slices.Equal(got, ss) {
		t.Fatalf("round trip gave %v, %v", got, err)
	}
	for _, bad := range [][]byte{{1, 2, 3}, append(encodeSegments(ss[:1])[:4], append([]byte{40}, make([]byte, 16)...)...)} {
		if _, err := decodeSegments(bad); err == nil {
			t.Errorf("decodeSegments(%x) accepted a bad list", bad)
		}
	}
}

// FuzzChunk feeds arbitrary bytes to the chunk decoder as a segment's
// chunk: it must return postings or an error, never panic or read out of
// bounds.
func FuzzChunk(f *testing.F) {
	f.Add(uint8(0), uint32(0), uint32(5), []byte{})
	f.Add(uint8(3), uint32(0), uint32(5), []byte{0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 5, 1})
	f.Add(uint8(14), uint32(99), uint32(1000), make([]byte, 4*4097+10))
	f.Fuzz(func(t *testing.T, bits uint8, base, span uint32, val []byte) {
		s := segment{id: 1, bits: bits % (maxBits + 1), base: base, span: span}
		for b := uint32(0); b < s.bucketsPerChunk() && b < 64; b++ {
			p, err := bucketPostings(s, val, b)
			if err != nil {
				continue
			}
			var suffixes []uint32
			eachPosting(s, p, func(suffix, num uint32) bool {
				if suffix > s.suffixMask() || num-base > span {
					t.Fatalf("posting out of range: %d %d", suffix, num)
				}
				suffixes = append(suffixes, suffix)
				return true
			})
			for _, target := range append(suffixes, 0, s.suffixMask()) {
				matchBucket(s, p, target, 0, func(_ int, num uint32) {
					if num-base > span {
						t.Fatalf("match out of range: %d", num)
					}
				})
			}
		}
	})
}
