package dict

import "embed"

// Demand holds the lists under demand/ that package lint/demand reads:
// model.yaml, the words that tell whether a clause imposes anything
// (negation, criticism, narration, purpose), and the burden kinds, each
// with its rule, severity, message, source and examples.
//
//go:embed demand/*.yaml
var Demand embed.FS
