package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
)

// maxHeaderLine caps one header line. The base protocol has two short
// headers; a longer line is garbage, skipped without being kept.
const maxHeaderLine = 1024

// frameError is a message the reader could not take but can skip: the
// stream goes on after it. Its code is the JSON-RPC error to answer with.
type frameError struct {
	code int
	msg  string
}

func (e *frameError) Error() string { return e.msg }

// reader reads base-protocol messages: header lines ended by "\r\n" (a
// bare "\n" is accepted too), a blank line, then Content-Length bytes of
// JSON. It never keeps more than maxBody bytes of one message.
type reader struct {
	br      *bufio.Reader
	maxBody int64
}

func newReader(r io.Reader, maxBody int64) *reader {
	return &reader{br: bufio.NewReaderSize(r, 64<<10), maxBody: maxBody}
}

// next returns the next message body. A *frameError is a message that was
// skipped (no or a bad Content-Length, or one over the limit, whose bytes
// are read and dropped); any other error ends the stream: io.EOF when it
// ended between messages, io.ErrUnexpectedEOF when inside one.
func (r *reader) next() ([]byte, error) {
	length := int64(-1)
	var bad *frameError
	started := false
	for {
		line, err := r.line()
		if err != nil {
			if err == io.EOF && started {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if len(line) == 0 {
			if !started {
				continue // blank lines between messages are harmless
			}
			break
		}
		started = true
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			bad = &frameError{codeParseError, "malformed header line"}
			continue
		}
		if bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) {
			n, err := strconv.ParseInt(string(bytes.TrimSpace(value)), 10, 64)
			if err != nil || n < 0 {
				bad = &frameError{codeParseError, "malformed Content-Length"}
				continue
			}
			length = n
		}
	}
	if length < 0 {
		if bad == nil {
			bad = &frameError{codeParseError, "message without Content-Length"}
		}
		return nil, bad
	}
	if length > r.maxBody {
		if _, err := io.CopyN(io.Discard, r.br, length); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, &frameError{codeInvalidRequest, fmt.Sprintf("message of %d bytes is over the %d-byte limit", length, r.maxBody)}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r.br, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// line reads one header line without its line end. A line longer than
// maxHeaderLine is read to its end and returned cut, which no header
// matches.
func (r *reader) line() ([]byte, error) {
	var out []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		if len(out)+len(chunk) <= maxHeaderLine {
			out = append(out, chunk...)
		} else if len(out) < maxHeaderLine {
			out = append(out, chunk[:maxHeaderLine-len(out)]...)
		}
		switch {
		case err == nil:
			return bytes.TrimRight(out, "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(out) > 0:
			return nil, io.ErrUnexpectedEOF
		default:
			return nil, err
		}
	}
}

// writer writes base-protocol messages; it is safe for concurrent use, so
// that diagnostics published by a check never interleave with a response.
type writer struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (w *writer) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	var head [64]byte
	h := strconv.AppendInt(append(head[:0], "Content-Length: "...), int64(len(body)), 10)
	h = append(h, "\r\n\r\n"...)
	if _, err := w.w.Write(append(h, body...)); err != nil {
		w.err = err
	}
	return w.err
}
