// Package library keeps a library of parent documents (上级文件) on disk so
// that a draft can be checked against up to a hundred thousand of them: the
// store behind `gwlint library add|list|remove --library DIR` and `gwlint
// check --library DIR`.
//
// A library is one bbolt file, DIR/library.db, holding each document's
// text (flate-compressed), its metadata (标题 title, 发文字号 document
// number, 成文日期 date, source path, content hash) and an inverted index
// of winnowing fingerprints (Schleimer, Wilkerson and Aiken, 2003) over the
// canonical token sequence of package align. Candidates ranks parents by
// the fingerprints they share with a draft; the caller then aligns the
// draft exactly against the best few with align.Compare.
//
// # Layout, and why
//
// The index is a handful of immutable segments, as in a log-structured
// merge tree (segment.go): each AddBatch writes its parents' postings as
// one new segment of large values, and segments of one size class are
// merged four at a time. The first layout, one bbolt key per fingerprint,
// took 10.5 times the text size on disk (about 25 bytes of key, value and
// page overhead per posting, and bbolt keeps freed pages) and built at 1.4
// to 3.8 MB/s, because every batch rewrote random leaf pages all over the
// tree. Keyed blocks of postings by fingerprint prefix, updated in place,
// were rejected on arithmetic: at 100,000 parents a batch of 200 touches
// about a fifth of a million blocks, rewriting the index many times over
// during a build. Segments write each posting about log4(N/50) times (each
// merge), sequentially, and a posting costs about 4 bytes: a bucket
// of about 16 postings is found through a fixed offset table, and each
// posting is a varint fingerprint delta and a varint entry number.
// Postings keep 32 bits of each fingerprint (see segment.go for the
// chance-collision arithmetic).
//
// The winnowing parameters stay k=8, w=6 (winnow.go): at 100,000 parents
// the index is about a third of the file and the texts the rest, so a
// larger window would save little space and cost recall on short copied
// passages. README.md has the measured figures: build speed, size on
// disk against the text, query latency and recall on planted passages.
//
// A removed parent's entry and text go at once; its postings stay in their
// segments, marked dead and skipped when ranking, until a merge drops
// them.
//
// Guarantees:
//   - Every Add or AddBatch is one bbolt transaction, including any merge
//     it triggers: a process killed at any moment leaves only complete
//     documents, and adding again finishes the job. Adding content already
//     present changes nothing.
//   - Opening never hangs: a library locked by another process gives
//     ErrLocked after the lock timeout (one second by default). The lock
//     is DIR/library.lock, exclusive for a writer and shared for readers,
//     so readers in several processes coexist, but a reader waits for (and
//     times out on) a writer in another process, and the reverse. It is a
//     file of its own because compacting replaces library.db: a process
//     that waited on the old file's lock would write into a file no
//     longer there. Within one process a Library is safe for concurrent
//     use, readers alongside one writer.
//   - A damaged or foreign file gives an error naming it, never a panic:
//     every call into bbolt is guarded and every decoded offset and varint
//     is checked.
//
// The package knows nothing of rules, findings or readers: it stores and
// retrieves texts it is given.
package library
