// Package gongwen recognizes the anatomy of a 公文 (Chinese official
// document) in plain decoded text: the title block (标题, 发文字号, 签发人),
// 主送机关 (addressees), 正文 (body) with its structural headings, 附件说明
// (attachment note), 发文机关署名 (issuer) and 成文日期 (date of issue),
// the attachments themselves, and the 版记 (imprint: 抄送, 印发).
//
// The element names follow 《党政机关公文处理工作条例》 第九条 and
// GB/T 9704—2012. Recognition works on text only, because drafts arrive
// as .txt, Markdown, .docx or HTML and all of them are reduced to text
// before this package sees them.
//
// Paragraphs are lines, ended by \n, \r\n or \r. Recognition is anchored
// where the elements stand: the 版头 and title block at the top (the
// 发文字号 may stand above the title, as GB/T 9704 lays it out, or below
// it, as web copies print it), the 版记 at the very end, the 成文日期 with
// the 署名 just above it, and the 附件说明 just above the 署名. Elements
// in wrong forms (国发（2005）43号, 2018-11-07, 1、) are still recognized,
// so that format rules can report them; ParseDocNumber and ParseDate
// take such forms apart. For the same reason a mark above the title that
// only resembles a 份号, 密级 or 紧急程度 (12, 秘密，1年, 急件) is recorded
// as one and does not cost the title block, and a title that is nothing
// but its 文种 (通知) is still the title. A short opening sentence
// (请各单位做好工作。) is not a title: a line that ends in 。！？ or holds
// ， or ； is taken for one only when a 文种 ends it or a 发文字号 or
// 主送机关 follows it. A text without a title block leaves Title and
// TitleBlock empty, so that it is counted whole.
//
// Structural numbering restarts in every document a text holds: a 转发
// notice carries the forwarded 意见 after its own 成文日期, a 印发 notice
// the 方案 it issues, and each attachment counts its 一、 from one again.
// Structure.Sections therefore splits the text after the main document's
// 成文日期 at attachment markers (附件1) and at the titles of embedded
// documents, and gives each section its run of Headings; a heading-sequence
// rule checks one section at a time. 第一条 and 第一章 in laws and 条例
// are Articles, never Headings.
//
// Level 3 is written "1." with a half-width full stop in GB/T 9704—2012
// and in 364 of 367 such headings of the reference corpus; "1．" with a
// full-width stop is given the same level, with Form "1．", so that the
// sequence is still understood and a format rule can name the form.
//
// This package must not depend on the rest of gwlint: it knows nothing of
// rules, findings or readers, so that it can be tested and fuzzed alone.
// It must not panic on any input, and its time is linear in the text.
// All spans are rune (Unicode code point) offsets into the text given to
// Recognize, half-open; a byte that is not valid UTF-8 counts as one rune,
// as ranging over a Go string counts it.
package gongwen
