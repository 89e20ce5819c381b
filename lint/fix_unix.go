//go:build unix

package lint

import (
	"fmt"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// refuseToRewrite says why the file at path is not to be replaced by a
// rewritten copy, or "".
func refuseToRewrite(path string, st os.FileInfo) string {
	if r := readOnly(st); r != "" {
		return r
	}
	if unix.Access(path, unix.W_OK) != nil {
		return "没有写入该文件的权限"
	}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok && sys.Nlink > 1 {
		return fmt.Sprintf("文件有 %d 个硬链接，替换它会拆开这些链接", sys.Nlink)
	}
	return ""
}

// carryOver gives the new file at tmp the old file's owner, group and
// extended attributes, or says why it cannot.
func carryOver(path, tmp string, st os.FileInfo) string {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		if err := os.Lchown(tmp, int(sys.Uid), int(sys.Gid)); err != nil {
			return fmt.Sprintf("无法保留文件的属主和属组（%v）", err)
		}
	}
	names, err := xattrNames(path)
	if err != nil {
		return fmt.Sprintf("无法读取文件的扩展属性（%v）", err)
	}
	for _, name := range names {
		v, err := xattr(path, name)
		if err == nil {
			err = unix.Setxattr(tmp, name, v, 0)
		}
		if err != nil {
			return fmt.Sprintf("无法保留文件的扩展属性 %s（%v）", name, err)
		}
	}
	return ""
}

// xattrNames lists a file's extended attributes; none where the file
// system has none.
func xattrNames(path string) ([]string, error) {
	size, err := unix.Listxattr(path, nil)
	if err == unix.ENOTSUP || size == 0 {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	buf := make([]byte, size)
	size, err = unix.Listxattr(path, buf)
	if err != nil {
		return nil, err
	}
	var names []string
	start := 0
	for i := 0; i < size; i++ {
		if buf[i] == 0 {
			if i > start {
				names = append(names, string(buf[start:i]))
			}
			start = i + 1
		}
	}
	return names, nil
}

func xattr(path, name string) ([]byte, error) {
	size, err := unix.Getxattr(path, name, nil)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, size)
	size, err = unix.Getxattr(path, name, buf)
	return buf[:size], err
}
