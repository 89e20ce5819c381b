package dict

import "embed"

// Phrases holds the phrase lists under phrases/ (burden.yaml,
// taohua.yaml): words and constructions the burden-*, forward-* and
// style-taohua rules match, each entry with its rule, severity, message,
// source and examples. Package lint/phrase parses them.
//
//go:embed phrases/*.yaml
var Phrases embed.FS
