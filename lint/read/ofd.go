package read

// readOFD reads the text objects of an OFD (GB/T 33190) document.
func readOFD(data []byte, limits Limits) (*Source, error) {
	return nil, invalid("gwlint暂不能读取OFD文件；请把正文另存为.docx或.txt后再检查")
}
