// Package demand reads what a draft asks of the levels below it.
//
// A 公文 that assigns work downwards is a run of demands: someone is asked
// (各乡镇, 各村（社区）, 各学校, or the document's 主送), under a modal
// (要, 须, 务必, 请, 确保, 一律), to do something (报送, 上传, 签订, 参会,
// 制定) to an object (照片, 台账, 实施方案, 责任书), under constraints (a
// deadline, a frequency, a count, a share, a score). The parts come in any
// order: 将现场照片上传至平台 puts the object first, 汇总工作由各社区负责 is
// passive, and a list of three items or a long adverbial stands between
// them. So the model does not match word sequences; it finds the parts of
// each clause and asks whether the clauses of one demand hold all the
// parts a burden kind names.
//
// Whether a clause imposes anything is decided per clause: a negation or
// prohibition (不得, 严禁, 不再, 取消, 不要求, 剔除) silences the clause
// that holds it, before or after the burden words, and nothing else, so
// that a purpose clause (为防止走过场，…) or a 不得漏报 added to a real
// demand does not silence it, while 不得晚于次日7时 stays a deadline and
// 一律不得以任何理由拒绝参加 stays a demand. A sentence that narrates or
// criticises a case (某局…要求…，增加了基层负担; 必须坚决纠正) imposes
// nothing, nor does a document that narrates (a 通报 of formalism cases,
// a 情况报告).
//
// The words that decide all this, and the burden kinds, live in YAML lists
// (dict/demand/*.yaml, and any the user adds; docs/phrases.md describes
// them), so that people who know the domain can maintain them. Every kind
// carries examples with the expected span marked, checked through the
// model itself when a list is loaded.
//
// The package must not know the rules: a kind names its rule as a string
// and package rules reports it. It holds no mutable state: a Lexicon and
// the Facts of a document are immutable once built.
package demand
