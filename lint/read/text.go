package read

// readText reads a plain-text draft: Text is the decoded file, line ends
// (LF, CRLF or CR) kept as they are, so that offsets and a --fix rewrite
// both match the file byte for byte after decoding.
func readText(data []byte) (*Source, error) {
	text, enc, err := decode(data)
	if err != nil {
		return nil, err
	}
	return &Source{Format: FormatText, Text: text, Encoding: enc}, nil
}
