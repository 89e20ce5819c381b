package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/gwlint/gwlint/lint"
)

// initConfig is the file `gwlint init` writes: every key at its default,
// each explained, so that an office changes a number rather than looks up
// a key. It must load as it stands (TestInitWritesLoadableConfig).
const initConfig = `# gwlint 的配置文件。gwlint 从当前目录向上查找最近的 .gwlint.yaml，
# 也可以用 --config 指定。每一项都可以删去，删去即用默认值。
# 写错键名或取值时，gwlint 会指出文件、行号和键名，并以退出码 2 结束。

# 各条规则的级别：off（关闭）、info、warning、error；可以用通配，如 "burden-*"。
# 全部规则及其依据：gwlint rules
rules: {}
  # punct-dunhao-between-quotes: off
  # "burden-*": error

# 字数上限（《整治形式主义为基层减负若干规定》第2条）。0 表示用默认值。
length:
  cap: 5000                # 一般文件：一般不超过5000字；地方另有规定的改为本地上限（如3000）
  task_cap: 4000           # 部署专项工作或者具体任务的文件：一般不超过4000字
  comprehensive_cap: 0     # 部署综合性工作的文件：0 表示不设上限
  comprehensive: false     # true：把每份草稿都当作部署综合性工作的文件
  check_regulations: false # true：条例、规定、办法也计字数上限（默认不计）
  check_central: false     # true：中共中央、国务院及其办公厅的文件也计字数上限（第2条针对地方和部门文件，默认不计）

# 与上级文件对照（照搬照抄、上下一般粗）。0 表示用默认值。
copy:
  min_passage: 13          # 报告的最短重复段落，按规范化后的字符计（至少8）
  ratio: 0.5               # 草稿中与上级文件重复的比例达到此值即提示
  coverage: 0.6            # 某一上级文件被重现的比例达到此值即提示
  long_quotation: 200      # 引用上级文件原文达到此长度即提示

# 本单位补充的短语表（格式同 dict/phrases/*.yaml），路径相对于本文件。
phrases: []

# 上级文件或存放上级文件的目录，同 --parent，路径相对于本文件。
parents: []
  # - 上级文件/

# 上级文件库（gwlint library add 建立），同 --library。
library: ""

# 不检查的路径（"**" 可跨目录；不带斜杠的名称在任何目录都匹配）。
ignore: []
  # - "归档/**"
  # - "*.bak.md"
`

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented .gwlint.yaml with every setting at its default",
		ArgsUsage: "[DIR]",
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usageError("init：最多给一个目录，收到 %v", c.Args().Slice())
			}
			dir := c.Args().First()
			if dir == "" {
				dir = "."
			}
			path := filepath.Join(dir, lint.ConfigFileName)
			// O_EXCL: an existing configuration is someone's work, never
			// overwritten, not even by a race with another init.
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return &exitError{code: 2, err: fmt.Errorf("init: %s 已存在，未改动；要重新生成，请先改名或删除它", path)}
			}
			if err != nil {
				return &exitError{code: 2, err: fmt.Errorf("init：%w", err)}
			}
			if _, err := f.WriteString(initConfig); err != nil {
				f.Close()
				os.Remove(path)
				return &exitError{code: 2, err: fmt.Errorf("init：%w", err)}
			}
			if err := f.Close(); err != nil {
				os.Remove(path)
				return &exitError{code: 2, err: fmt.Errorf("init：%w", err)}
			}
			fmt.Fprintf(c.App.ErrWriter, "gwlint: 已写入 %s，按需修改后 gwlint check 即按它检查\n", path)
			return nil
		},
	}
}
