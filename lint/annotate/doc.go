// Package annotate gives a checked draft back to the office in Word's own
// terms: a .docx with a 批注 (comment) on the span of each finding and a
// 修订 (tracked change) for each mechanical fix, which Word, WPS and
// LibreOffice let the drafter accept or reject one by one.
//
// The document is written from the draft's decoded text in the layout of
// GB/T 9704—2012 (A4, 天头 37 mm, 订口 28 mm, 3号仿宋 body, 2号小标宋 title,
// 黑体 and 楷体 for the first two heading levels, 22 lines a page), so that
// a .txt or Markdown draft comes back as a 公文 ready for Word. Positions
// are the report's: rune offsets into the decoded text, so every comment
// sits exactly where the text report and the JSON put the finding.
package annotate
