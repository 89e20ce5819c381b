package rules

// copySource is the authority the copy rules cite. No clause of the 2024
// 若干规定 names copying in words; the practice is condemned in published
// cases, and the 2019 rule from 山东 is known only as a paraphrase
// (REFERENCE.md §2), so the rules cite practice and the published case.
const copySource = "实务通行做法（照搬照抄、上下一般粗）"

// copyRatioSource adds the published case the thresholds are measured
// against.
const copyRatioSource = "实务通行做法（广东省2025年12月通报：镇级方案与市级方案重复率超过90%，属照搬照抄）"
