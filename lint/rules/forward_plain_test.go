package rules

import "testing"

// TestForwardPlainLayouts: plain forwarding notices in the layouts local
// offices publish them. The forwarded document may follow the wrapper
// sentence with no 署名 and 成文日期 between, opening with its title
// repeated from the sentence or with its own 主送机关; it is not the notice's
// own text. A notice that does add a paragraph of its own is not plain.
func TestForwardPlainLayouts(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		plain bool
	}{
		{"signed wrapper, then the forwarded document", `XX县人民政府办公室关于转发《XX市农业农村局关于做好2024年春耕生产工作的通知》的通知

各乡镇人民政府，县政府各部门：
现将《XX市农业农村局关于做好2024年春耕生产工作的通知》转发给你们，请结合实际，认真贯彻执行。

附件：XX市农业农村局关于做好2024年春耕生产工作的通知（X农发〔2024〕5号）

XX县人民政府办公室
2024年3月5日

XX市农业农村局关于做好2024年春耕生产工作的通知
各县（市、区）农业农村局：
为切实做好今年春耕生产工作，确保粮食播种面积稳定，现就有关事项通知如下。
一、抓好农资供应。各地要加强化肥、种子、农药等农资市场监管，确保供应充足、价格稳定、质量可靠。
二、强化技术指导。组织农技人员深入田间地头，开展春耕技术培训和指导服务。
XX市农业农村局
2024年3月1日
`, true},
		{"long 附件 line", `关于转发《XX省教育厅关于加强中小学生欺凌防治工作的通知》的通知
各乡镇中心学校，县直各学校：
现将《XX省教育厅关于加强中小学生欺凌防治工作的通知》转发给你们，请认真抓好贯彻落实。
附件：XX省教育厅关于加强中小学生欺凌防治工作的通知（X教基〔2024〕3号）及附表
XX县教育局
2024年4月10日
`, true},
		{"forwarded title right after the sentence", `XX市人民政府办公室关于转发市民政局《关于进一步做好困难群众基本生活保障工作的意见》的通知

各县（市、区）人民政府，市政府各部门：
市民政局《关于进一步做好困难群众基本生活保障工作的意见》已经市政府同意，现转发给你们，请认真贯彻执行。
关于进一步做好困难群众基本生活保障工作的意见
为进一步做好困难群众基本生活保障工作，兜住兜牢民生底线，结合我市实际，提出如下意见。
一、加强动态监测。依托低收入人口动态监测信息平台，及时发现需要救助的困难群众，做到早发现、早介入、早救助。
二、规范救助管理。严格落实最低生活保障审核确认办法，规范审核确认程序。
市民政局
2024年5月8日
`, true},
		{"forwarded 主送 right after the sentence", `关于转发《XX省教育厅关于加强中小学生欺凌防治工作的通知》的通知
各乡镇中心学校，县直各学校：
现将《XX省教育厅关于加强中小学生欺凌防治工作的通知》转发给你们，请认真抓好贯彻落实。
各市（州）教育局：
为进一步加强中小学生欺凌防治工作，切实保障学生身心健康，根据有关法律法规，现就有关事项通知如下。
一、提高思想认识。各地各校要充分认识欺凌防治工作的重要性，把欺凌防治纳入学校安全工作重要内容。
XX省教育厅
2024年4月1日
`, true},
		{"own paragraph before the forwarded title", `XX市人民政府办公室关于转发市民政局《关于进一步做好困难群众基本生活保障工作的意见》的通知

各县（市、区）人民政府，市政府各部门：
市民政局《关于进一步做好困难群众基本生活保障工作的意见》已经市政府同意，现转发给你们，请认真贯彻执行。
各县（市、区）要结合本地实际，于6月30日前制定具体实施方案，明确责任单位和完成时限，并将实施方案报市民政局备案。
关于进一步做好困难群众基本生活保障工作的意见
为进一步做好困难群众基本生活保障工作，兜住兜牢民生底线，结合我市实际，提出如下意见。
一、加强动态监测。依托低收入人口动态监测信息平台，及时发现需要救助的困难群众，做到早发现、早介入、早救助。
二、规范救助管理。严格落实最低生活保障审核确认办法，规范审核确认程序。
市民政局
2024年5月8日
`, false},
		{"own paragraph before the forwarded 主送", `关于转发《XX省教育厅关于加强中小学生欺凌防治工作的通知》的通知
各乡镇中心学校，县直各学校：
现将《XX省教育厅关于加强中小学生欺凌防治工作的通知》转发给你们，请认真抓好贯彻落实。
各学校要结合本地实际，于6月30日前制定具体实施方案，明确责任单位和完成时限，并将实施方案报县教育局备案。
各市（州）教育局：
为进一步加强中小学生欺凌防治工作，切实保障学生身心健康，根据有关法律法规，现就有关事项通知如下。
一、提高思想认识。各地各校要充分认识欺凌防治工作的重要性，把欺凌防治纳入学校安全工作重要内容。
XX省教育厅
2024年4月1日
`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := runRule(t, ForwardPlain, tt.text)
			if got := len(fs) > 0; got != tt.plain {
				t.Errorf("forward-plain fired %v, want %v: %v", got, tt.plain, fs)
			}
		})
	}
}
