//go:build unix

package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"golang.org/x/sys/unix"
)

const fixable = "关于做好防汛工作的通知\n\n各乡镇：\n请认真落实,按时报送。\n"

// fixableResult is a checked draft with one fix (the half-width comma).
func fixableResult(t *testing.T, path string) *Result {
	t.Helper()
	if err := os.WriteFile(path, []byte(fixable), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := utf8.RuneCountInString(fixable[:strings.Index(fixable, ",")])
	comma := Span{Start: at, End: at + 1}
	return &Result{Path: path, Doc: doc, Findings: []Finding{{Rule: "punct-halfwidth", Span: comma, Fix: &Fix{Span: comma, Text: "，"}}}}
}

func TestFixFileRefuses(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(t *testing.T, path string)
		reason  string
	}{
		{"read-only 0444", func(t *testing.T, path string) { os.Chmod(path, 0o444) }, "只读"},
		{"two hard links", func(t *testing.T, path string) {
			if err := os.Link(path, path+".link"); err != nil {
				t.Fatal(err)
			}
		}, "硬链接"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "draft.txt")
			res := fixableResult(t, path)
			tc.prepare(t, path)
			n, err := FixFile(res)
			var refused *FixRefusedError
			if n != 0 || !errors.As(err, &refused) || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("FixFile = %d, %v; want a refusal saying %s", n, err, tc.reason)
			}
			if got, _ := os.ReadFile(path); string(got) != fixable {
				t.Errorf("the refused file was changed")
			}
		})
	}
}

// The owner, group and extended attributes of the file are kept.
func TestFixFileKeepsOwnerAndXattrs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "draft.txt")
	res := fixableResult(t, path)
	owner := os.Getuid()
	if os.Geteuid() == 0 {
		owner = 65534 // root can hand the file to nobody, and fix it
		if err := os.Chown(path, owner, 65534); err != nil {
			t.Fatal(err)
		}
	}
	xattrs := true
	if err := unix.Setxattr(path, "user.gwlint-test", []byte("保留"), 0); err != nil {
		xattrs = false
		t.Logf("no user xattrs on this file system (%v): only the owner is checked", err)
	}
	if n, err := FixFile(res); n != 1 || err != nil {
		t.Fatalf("FixFile = %d, %v", n, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if uid := int(st.Sys().(*syscall.Stat_t).Uid); uid != owner {
		t.Errorf("owner %d after the fix, want %d", uid, owner)
	}
	if xattrs {
		buf := make([]byte, 64)
		n, err := unix.Getxattr(path, "user.gwlint-test", buf)
		if err != nil || string(buf[:n]) != "保留" {
			t.Errorf("extended attribute after the fix: %q, %v", buf[:max(n, 0)], err)
		}
	}
	if got, _ := os.ReadFile(path); !strings.Contains(string(got), "落实，按时") {
		t.Errorf("not fixed: %s", got)
	}
}

// An editor's save between the write of the fixed copy and the rename is
// kept: the last look refuses.
func TestFixFileLastLook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "draft.txt")
	res := fixableResult(t, path)
	saved := fixable + "编辑器中刚保存的一行。\n"
	beforeLastLook = func() { os.WriteFile(path, []byte(saved), 0o644) }
	defer func() { beforeLastLook = func() {} }()
	if n, err := FixFile(res); n != 0 || !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("FixFile = %d, %v; want ErrChangedOnDisk", n, err)
	}
	if got, _ := os.ReadFile(path); string(got) != saved {
		t.Errorf("the editor's save was overwritten: %s", got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".draft.txt.gwlint-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
