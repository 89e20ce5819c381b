package lexgen

import (
	"strings"
	"testing"
)

func TestParseDomain(t *testing.T) {
	tests := []struct {
		name, src string
		want      int    // entries, when no error
		err       string // part of the error, "" for none
	}{
		{"comments and blanks", "# header\n\n层层加码 3000 l\r\n一票否决 3000 l\n", 2, ""},
		{"empty", "", 0, ""},
		{"two fields", "层层加码 3000\n", 0, "gongwen.txt:1"},
		{"tab separated", "层层加码\t3000\tl\n", 0, "single spaces"},
		{"double space", "层层加码  3000 l\n", 0, "single spaces"},
		{"bad frequency", "# c\n层层加码 many l\n", 0, "gongwen.txt:2"},
		{"frequency below gse's minimum", "层层加码 1 l\n", 0, "at least 2"},
		{"duplicate", "打卡 30 v\n打卡 3000 v\n", 0, "line 1"},
		{"invalid utf-8", "\xff 3000 l\n", 0, "bad word"},
	}
	for _, tc := range tests {
		got, err := ParseDomain(tc.src)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: ParseDomain error %v", tc.name, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: ParseDomain error = %v, want one mentioning %q", tc.name, err, tc.err)
		case tc.err == "" && len(got) != tc.want:
			t.Errorf("%s: ParseDomain gave %d entries, want %d", tc.name, len(got), tc.want)
		}
	}
}

func FuzzParseDomain(f *testing.F) {
	f.Add("# h\n层层加码 3000 l\n")
	f.Add("a 2 n\nb x n\n")
	f.Fuzz(func(t *testing.T, src string) {
		entries, err := ParseDomain(src)
		if err != nil {
			return
		}
		for _, e := range entries {
			if len(strings.Split(e, " ")) != 3 {
				t.Fatalf("accepted malformed entry %q", e)
			}
		}
	})
}

func TestWriteIndexRejects(t *testing.T) {
	e := func(keys ...string) []Entry {
		var es []Entry
		for _, k := range keys {
			es = append(es, Entry{Key: k, Freq: 3, Pos: "n"})
		}
		return es
	}
	tests := []struct {
		name    string
		entries []Entry
		err     string // "" for none
	}{
		{"sorted", e("中", "中国", "国"), ""},
		{"unsorted", e("国", "中"), "not sorted"},
		{"duplicate", e("中", "中"), "not sorted"},
		{"empty key", e("", "中"), "empty"},
		{"invalid utf-8", e("\xff"), "not UTF-8"},
		{"long pos", []Entry{{Key: "中", Freq: 3, Pos: strings.Repeat("n", 256)}}, "too long"},
	}
	for _, tc := range tests {
		idx, err := WriteIndex(tc.entries, 100)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: WriteIndex error %v", tc.name, err)
		case tc.err == "" && !strings.HasPrefix(string(idx), IndexMagic):
			t.Errorf("%s: index starts %q", tc.name, idx[:min(len(idx), 8)])
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: WriteIndex error = %v, want one mentioning %q", tc.name, err, tc.err)
		}
	}
}
