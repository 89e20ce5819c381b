package lint

// BenchFresh returns a document with d's text, structure and words but
// none of its facts. The rule benchmarks check it to time the rules alone,
// as on a first run: checking d itself again would reuse the phrase
// matches a family stored with Fact, and parsing anew would time the
// segmenter too. The copy is shallow: rules only read a Document.
func BenchFresh(d *Document) *Document {
	words := d.Words()
	f := &Document{
		Path: d.Path, Format: d.Format, Text: d.Text, Prose: d.Prose,
		Source: d.Source, Structure: d.Structure,
		index: d.index, proseIndex: d.proseIndex,
	}
	f.words = words
	return f
}
