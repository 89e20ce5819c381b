package read

// readPDF reads a PDF's text layer.
func readPDF(data []byte, limits Limits) (*Source, error) {
	return nil, invalid("gwlint暂不能读取PDF文件；请把正文另存为.docx或.txt后再检查")
}
