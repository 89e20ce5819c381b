package lint

// dropGeneratedFixes removes the fix of any finding whose fix would edit
// text the reader generated rather than read (the "一、" Word's automatic
// numbering shows): the file holds no such characters, so a fix there
// could not be applied, and a report offering it would mislead. The
// finding itself stays.
func dropGeneratedFixes(doc *Document, findings []Finding) []Finding {
	if doc.Source == nil || len(doc.Source.Generated) == 0 {
		return findings
	}
	for i := range findings {
		f := findings[i].Fix
		if f == nil {
			continue
		}
		for _, g := range doc.Source.Generated {
			// A fix overlaps a generated range, or inserts inside one.
			if f.Span.Start < g.End && g.Start < f.Span.End || f.Span.Start == f.Span.End && g.Start < f.Span.Start && f.Span.Start < g.End {
				findings[i].Fix = nil
				break
			}
		}
	}
	return findings
}
