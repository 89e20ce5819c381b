package library

import (
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Compact merges the index into one segment, dropping the postings of
// removed parents, and rewrites the file without the pages bbolt has freed
// (merges free as many pages as they write; bbolt reuses them but never
// returns them to the file system). It needs a library opened for writing.
//
// The rewrite goes to a new file beside the library, renamed over it when
// complete, so a kill at any moment leaves the old file or the new one,
// whole. A reader in another process that opened the library before the
// rename keeps reading the old file until it closes it.
func (l *Library) Compact() (err error) {
	defer recoverAs(l.path, &err)
	if l.db.IsReadOnly() {
		return fmt.Errorf("%s: compacting needs the library opened for writing", l.path)
	}
	err = l.db.Update(func(tx *bolt.Tx) error {
		if err := checkFormat(tx, l.path); err != nil {
			return err
		}
		meta := tx.Bucket(bucketMeta)
		segs, err := decodeSegments(meta.Get(keySegs))
		if err != nil {
			return err
		}
		dead, err := deadSet(tx)
		if err != nil {
			return err
		}
		if len(segs) <= 1 && len(dead) == 0 {
			return nil
		}
		nextSeg := uint32(getUint(meta, keyNextSeg)) + 1
		post := tx.Bucket(bucketPost)
		post.FillPercent = 1.0
		merged, err := mergeSegments(post, nextSeg, segs, dead)
		if err != nil {
			return err
		}
		if err := forgetDead(tx, dead, nil); err != nil {
			return err
		}
		segs = segs[:0]
		if merged.postings > 0 {
			segs = append(segs, merged)
		}
		if err := meta.Put(keySegs, encodeSegments(segs)); err != nil {
			return err
		}
		return putUint(meta, keyNextSeg, uint64(nextSeg))
	})
	if err != nil {
		return l.damaged(err)
	}
	tmp := l.path + ".compact"
	os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o644, &bolt.Options{NoSync: true})
	if err != nil {
		return fmt.Errorf("compacting %s: %w", l.path, err)
	}
	if err := bolt.Compact(dst, l.db, 64<<20); err != nil {
		dst.Close()
		os.Remove(tmp)
		return fmt.Errorf("compacting %s: %w", l.path, err)
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		os.Remove(tmp)
		return fmt.Errorf("compacting %s: %w", l.path, err)
	}
	if err := dst.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("compacting %s: %w", l.path, err)
	}
	return l.swapIn(tmp)
}

// swapIn renames a complete library file over the library's and opens
// it in its place. A reader in another process that opened the old file
// keeps reading it until it closes it; the lock on DIR/library.lock, held
// exclusively, keeps new readers out until the rename is done.
func (l *Library) swapIn(tmp string) error {
	if err := os.Rename(tmp, l.path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法替换 %s：%w", l.path, err)
	}
	// The old file is unlinked; reopen the new one in its place.
	l.db.Close()
	db, err := bolt.Open(l.path, 0o644, &bolt.Options{Timeout: l.timeout, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return fmt.Errorf("替换后无法重新打开 %s：%w", l.path, err)
	}
	l.db = db
	return nil
}
