// Package web is the local web page of `gwlint serve`: a page, embedded in
// the binary, where a draft is pasted or dropped (.docx, .txt, .md, .html)
// with its parent documents, and the findings are shown in place in the
// text, with the 字数 against its cap, the copy ratio per parent and each
// copied passage beside the parent's words.
//
// The server answers two endpoints: POST /api/check gives the contract's
// JSON report (version 1) for one draft, POST /api/view gives the same
// report with what the page needs to draw it (decoded text, cap, passages).
//
// It must not write drafts anywhere: uploads are read from the request
// into memory, parsed, checked and dropped when the answer is written. It
// serves nothing from the disk, only the embedded page, and it must not
// fetch anything from the network, nor let the page do so.
package web
