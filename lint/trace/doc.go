// Package trace reconstructs, in a library of documents, the tree by which
// a directive travels down the levels (中央/国务院 → 省 → 市 → 县 → 乡),
// and says what each level added on the way: 层层加码 as a chain rather
// than one draft against one parent at a time.
//
// A document is linked to its parents by what it cites: the 《title》 or
// the 发文字号 of a parent it names (根据《…》, 现将《…》转发给你们,
// 按照……（国办发〔2019〕3号）), and the title of a 转发/印发 wrapper that
// embeds the parent's. Where it cites nothing in the library, the copy
// alignment proposes the parent it copies most from, and the edge says
// the link was inferred from repeated text (由文字重复推断).
//
// Each document is placed at a level read from its issuer: the 机关代字 of
// its 发文字号, the organ at the head of its title, its 发文机关署名.
//
// Along each edge the child is checked against its parent with the rules
// the caller's checker runs: burden-escalation gives deadlines moved
// earlier and amounts, counts and frequencies raised; the rules of the
// demand model (lint/demand) give the demands of each kind that the child
// makes and the parent does not. The copy comparison gives the share of
// the child copied and the share of the parent it reproduces. A child that
// adds nothing but copies or forwards is marked 以文件落实文件.
//
// The package knows no single rule's code: it reads findings by rule ID
// from the checker it is handed. It writes its own report (text and the
// versioned JSON, report.go), which is about a library, not a draft.
package trace
