package library

import (
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// checkSize refuses a library file shorter than its own pages reach (a
// copy cut short, a disk that filled up). bbolt maps the file into memory
// and would read those pages past its end, which kills the process with a
// memory fault that no recover can catch; an error naming the file is
// what the user needs instead.
func checkSize(tx *bolt.Tx, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if need := tx.Size(); st.Size() < need {
		return fmt.Errorf("%s 已损坏：文件只有 %d 字节，而其中的页面延伸到第 %d 字节（复制或下载不完整？）；请把它移到别处，再用 gwlint library add 重新加入上级文件", path, st.Size(), need)
	}
	return nil
}
