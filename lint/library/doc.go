// Package library keeps a library of parent documents (上级文件) on disk so
// that a draft can be checked against thousands of them: the store behind
// `gwlint library add|list|remove --library DIR` and `gwlint check
// --library DIR`.
//
// A library is one bbolt file, DIR/library.db, holding each document's
// text (flate-compressed), its metadata (标题 title, 发文字号 document
// number, 成文日期 date, source path, content hash) and an inverted index
// of winnowing fingerprints (Schleimer, Wilkerson and Aiken, 2003) over the
// canonical token sequence of package align. Candidates ranks parents by
// the fingerprints they share with a draft; the caller then aligns the
// draft exactly against the best few with align.Compare.
//
// Guarantees:
//   - Every Add or AddBatch is one bbolt transaction: a process killed at
//     any moment leaves only complete documents, and adding again finishes
//     the job. Adding content already present changes nothing.
//   - Opening never hangs: a library locked by another process gives
//     ErrLocked after the lock timeout (one second by default). bbolt takes
//     an exclusive file lock for a writer and a shared one for readers, so
//     readers in several processes coexist, but a reader waits for (and
//     times out on) a writer in another process, and the reverse. Within
//     one process a Library is safe for concurrent use.
//   - A damaged or foreign file gives an error naming it, never a panic:
//     every call into bbolt is guarded.
//
// The package knows nothing of rules, findings or readers: it stores and
// retrieves texts it is given.
package library
