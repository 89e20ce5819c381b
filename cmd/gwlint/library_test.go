package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibraryCommands walks a library through add, list, check and
// remove the way a user would.
func TestLibraryCommands(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib")
	parents := []string{
		"testdata/example/parents/guobanfa-2018-123.txt",
		"testdata/corpus/gov/govcn_5342665.txt",
		"testdata/corpus/gov/govcn_5357723.txt",
	}
	_, errs, code := gwlint(t, "", append([]string{"library", "add", "--library", lib}, parents...)...)
	if code != 0 || !strings.Contains(errs, "新加入 3 篇，已有 0 篇，未能读入 0 篇") {
		t.Fatalf("add: code %d, %s", code, errs)
	}
	// Adding the same documents again changes nothing.
	_, errs, code = gwlint(t, "", append([]string{"library", "add", "--library", lib}, parents...)...)
	if code != 0 || !strings.Contains(errs, "新加入 0 篇，已有 3 篇") {
		t.Fatalf("second add: code %d, %s", code, errs)
	}
	out, _, code := gwlint(t, "", "library", "list", "--library", lib)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 {
		t.Fatalf("list: code %d\n%s", code, out)
	}
	var id string
	for _, l := range lines {
		if strings.Contains(l, "国办发〔2018〕123号") && strings.Contains(l, "2018年12月7日") && strings.Contains(l, "国务院办公厅关于推进政务新媒体健康有序发展的意见") {
			id = strings.Fields(l)[0]
		}
	}
	if id == "" {
		t.Fatalf("list lacks id, date, 发文字号 and title of the parent:\n%s", out)
	}

	// The example copies 国办发〔2018〕123号: the library finds it among the
	// others without being told which parent to use.
	out, _, code = gwlint(t, "", "check", "--format", "json", "--library", lib, example)
	if code != 1 || !strings.Contains(out, `"copy-ratio"`) || !strings.Contains(out, "guobanfa-2018-123.txt") {
		t.Fatalf("check --library: code %d\n%.2000s", code, out)
	}
	var rep struct {
		Files []struct {
			Copy struct {
				Parents []struct {
					Path  string
					Ratio float64
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Files[0].Copy.Parents {
		if p.Ratio == 0 {
			t.Errorf("library parent %s contributed nothing but is listed in copy.parents", p.Path)
		}
		// The path typed at add was relative; the library keeps it
		// absolute, so it names the file from any directory.
		if !filepath.IsAbs(p.Path) {
			t.Errorf("library parent path %q is not absolute", p.Path)
		} else if _, err := os.Stat(p.Path); err != nil {
			t.Errorf("library parent path: %v", err)
		}
	}

	_, errs, code = gwlint(t, "", "library", "remove", "--library", lib, id)
	if code != 0 || !strings.Contains(errs, "删除 1 篇，余 2 篇") {
		t.Fatalf("remove: code %d, %s", code, errs)
	}
	out, _, _ = gwlint(t, "", "library", "list", "--library", lib)
	if strings.Contains(out, id) || len(strings.Split(strings.TrimSpace(out), "\n")) != 2 {
		t.Errorf("after remove:\n%s", out)
	}
	if _, errs, code := gwlint(t, "", "library", "compact", "--library", lib); code != 0 || !strings.Contains(errs, "已压缩，2 篇") {
		t.Fatalf("compact: code %d, %s", code, errs)
	}
	out, _, code = gwlint(t, "", "check", "--format", "json", "--library", lib, example)
	if code != 1 || strings.Contains(out, "guobanfa-2018-123.txt") {
		t.Errorf("after remove and compact the removed parent is still proposed:\n%.1500s", out)
	}
}

func TestLibraryErrors(t *testing.T) {
	dir := t.TempDir()
	// A library that does not exist: the draft is still linted, the run
	// exits 2 and the report names the library.
	out, _, code := gwlint(t, "", "check", "--format", "json", "--library", filepath.Join(dir, "none"), example)
	if code != 2 || !strings.Contains(out, "上级文件库") || !strings.Contains(out, "length-cap") {
		t.Errorf("missing library: code %d\n%.1500s", code, out)
	}
	// A file that is not a library.
	bogus := filepath.Join(dir, "bogus")
	os.MkdirAll(bogus, 0o755)
	os.WriteFile(filepath.Join(bogus, "library.db"), []byte(strings.Repeat("not a database ", 1000)), 0o644)
	_, errs, code := gwlint(t, "", "library", "list", "--library", bogus)
	if code != 2 || !strings.Contains(errs, filepath.Join(bogus, "library.db")) {
		t.Errorf("bogus library: code %d, %s", code, errs)
	}
	_, errs, code = gwlint(t, "", "library", "remove", "--library", filepath.Join(dir, "lib2"), "nosuchid")
	if code != 2 {
		t.Errorf("remove unknown id: code %d, %s", code, errs)
	}
}

// TestDraftIsNotItsOwnParent: a team keeps drafts beside their parents,
// or adds drafts to the library; a draft must never count as copied from
// itself.
func TestDraftIsNotItsOwnParent(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"testdata/example/notice.txt", "testdata/example/parents/guobanfa-2018-123.txt"} {
		data, err := os.ReadFile("../../" + f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644)
	}
	draft := filepath.Join(dir, "notice.txt")
	lib := filepath.Join(t.TempDir(), "lib")
	if _, errs, code := gwlint(t, "", "library", "add", "--library", lib, dir); code != 0 {
		t.Fatal(errs)
	}
	for _, args := range [][]string{{"--parent", dir}, {"--library", lib}} {
		out, _, _ := gwlint(t, "", append(append([]string{"check", "--format", "json"}, args...), draft)...)
		var rep struct {
			Files []struct {
				Copy struct {
					Parents []struct{ Path string }
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		ps := rep.Files[0].Copy.Parents
		if len(ps) != 1 || !strings.HasSuffix(ps[0].Path, "guobanfa-2018-123.txt") {
			t.Errorf("%v: parents %v, want only the real parent", args, ps)
		}
	}
}

// TestLibraryExportImport hands a library to another office: export to
// one file, import into an empty library (same list), merge, replace,
// and a file cut short refused with exit 2 and the reason.
func TestLibraryExportImport(t *testing.T) {
	tmp := t.TempDir()
	lib, other := filepath.Join(tmp, "province"), filepath.Join(tmp, "county")
	_, errs, code := gwlint(t, "", "library", "add", "--library", lib,
		"testdata/example/parents/guobanfa-2018-123.txt", "testdata/corpus/gov/govcn_5342665.txt")
	if code != 0 {
		t.Fatalf("add: %d %s", code, errs)
	}
	file := filepath.Join(tmp, "上级文件库.gwlib")
	if _, errs, code = gwlint(t, "", "library", "export", "--library", lib, file); code != 0 || !strings.Contains(errs, "已导出 2 篇") {
		t.Fatalf("export: %d %s", code, errs)
	}
	want, _, _ := gwlint(t, "", "library", "list", "--library", lib)
	if _, errs, code = gwlint(t, "", "library", "import", "--library", other, file); code != 0 || !strings.Contains(errs, "新加入 2 篇，已有 0 篇") {
		t.Fatalf("import: %d %s", code, errs)
	}
	if got, _, _ := gwlint(t, "", "library", "list", "--library", other); got != want {
		t.Errorf("imported list:\n%s\nwant\n%s", got, want)
	}
	// The county adds a document of its own; --replace drops it again.
	gwlint(t, "", "library", "add", "--library", other, "testdata/corpus/gov/govcn_5357723.txt")
	if _, errs, code = gwlint(t, "", "library", "import", "--library", other, file); code != 0 || !strings.Contains(errs, "新加入 0 篇，已有 2 篇") {
		t.Fatalf("second import: %d %s", code, errs)
	}
	if _, errs, code = gwlint(t, "", "library", "import", "--replace", "--library", other, file); code != 0 || !strings.Contains(errs, "已替换") {
		t.Fatalf("import --replace: %d %s", code, errs)
	}
	if got, _, _ := gwlint(t, "", "library", "list", "--library", other); got != want {
		t.Errorf("list after --replace:\n%s\nwant\n%s", got, want)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(tmp, "cut.gwlib")
	os.WriteFile(cut, data[:len(data)/2], 0o644)
	if _, errs, code = gwlint(t, "", "library", "import", "--library", other, cut); code != 2 || !strings.Contains(errs, "文件不完整") {
		t.Errorf("a file cut short: %d %s", code, errs)
	}
	for _, args := range [][]string{
		{"library", "export", "--library", lib},
		{"library", "import", "--library", other},
		{"library", "import", "--library", other, filepath.Join(tmp, "missing.gwlib")},
	} {
		if _, errs, code := gwlint(t, "", args...); code != 2 || errs == "" {
			t.Errorf("gwlint %v: %d %s", args, code, errs)
		}
	}
}
