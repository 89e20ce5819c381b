// Package lsp is gwlint's language server: it speaks the Language Server
// Protocol over a byte stream (stdio in `gwlint lsp`), checks Markdown and
// text drafts as they are edited, publishes the findings as diagnostics
// and offers their mechanical fixes as code actions.
//
// The JSON-RPC framing is written here rather than taken from a library.
// The two Go libraries in use close the connection on the first message
// that is not valid JSON (github.com/sourcegraph/jsonrpc2's read loop) or
// bring a logging stack the binary has no room for (go.lsp.dev/protocol
// needs go.uber.org/zap and segmentio/encoding), while the server must
// answer a malformed message with an error and go on. The protocol needs
// only a dozen types, which protocol.go declares.
//
// Positions: gwlint counts runes (code points); LSP counts UTF-16 code
// units. A character outside the Basic Multilingual Plane (𠀀, an emoji)
// is one rune and two UTF-16 units; lines.go converts between the two.
package lsp
