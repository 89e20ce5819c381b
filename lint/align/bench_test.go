package align

import (
	"reflect"
	"strings"
	"testing"
)

// benchTexts builds a 10,000-character parent from corpus documents and a
// 5,000-character draft that copies half of it in pieces with swapped
// words, the rest new text.
func benchTexts(b testing.TB) (draft, parent string) {
	gov := readCorpus(b, "gov")
	names := sortedKeys(gov)
	var pb strings.Builder
	for _, n := range names[:5] {
		pb.WriteString(gov[n])
	}
	pr := []rune(pb.String())[:10000]
	var other []rune
	for _, n := range names[8:] {
		other = append(other, []rune(gov[n])...)
	}
	var db strings.Builder
	for i := 0; i < 10; i++ {
		db.WriteString(mutate(string(pr[i*900:i*900+250]), "swap", nil))
		db.WriteString(string(other[i*250 : i*250+250]))
	}
	return db.String(), string(pr)
}

func BenchmarkCompare(b *testing.B) {
	draft, parent := benchTexts(b)
	pn := []*Normalized{Normalize(parent)}
	dn := Normalize(draft)
	Compare(dn, pn, Options{}) // the parent's indexes are built once and kept
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compare(dn, pn, Options{})
	}
}

// BenchmarkCompareCold includes normalizing both texts and indexing the
// parent: the cost for a parent seen once.
func BenchmarkCompareCold(b *testing.B) {
	draft, parent := benchTexts(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Compare(Normalize(draft), []*Normalized{Normalize(parent)}, Options{})
	}
}

func BenchmarkNormalize(b *testing.B) {
	_, parent := benchTexts(b)
	b.SetBytes(int64(len(parent)))
	for i := 0; i < b.N; i++ {
		Normalize(parent)
	}
}

func FuzzCompare(f *testing.F) {
	f.Add("全国各地要在2018年底前完成消费扶贫工作任务。", "全省各地要在2024年底前完成消费扶贫工作任务！", "根据《某》")
	f.Add("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaa", "")
	f.Add("ab\xffc国务院国务院国务院国务院", "国务院国务院国务院国务院国务院", "指出：“")
	f.Fuzz(func(t *testing.T, draft, parent, other string) {
		dn := Normalize(draft)
		ps := []*Normalized{Normalize(parent), Normalize(other), Normalize(draft)}
		var ex []Range
		for _, r := range FindReferences(draft) {
			if r.Range.Start < 0 || r.Range.End > dn.OrigLen || r.Range.Start > r.Range.End {
				t.Fatalf("reference %+v out of bounds (len %d)", r, dn.OrigLen)
			}
			ex = append(ex, r.Range)
		}
		for _, opt := range []Options{{}, {Exclude: ex}, {MinLen: 5, MaxGap: 1}} {
			res := Compare(dn, ps, opt)
			check := func(name string, v float64) {
				if !(v >= 0 && v <= 1) {
					t.Fatalf("%s = %v out of [0,1]", name, v)
				}
			}
			check("ratio", res.Ratio)
			prevEnd := 0
			for _, p := range res.Passages {
				if p.Draft.Start < prevEnd || p.Draft.Start >= p.Draft.End || p.Draft.End > dn.OrigLen {
					t.Fatalf("draft span %+v overlaps or out of bounds (prev end %d, len %d)", p.Draft, prevEnd, dn.OrigLen)
				}
				prevEnd = p.Draft.End
				if p.ParentRange.Start < 0 || p.ParentRange.End > ps[p.Parent].OrigLen || p.ParentRange.Start >= p.ParentRange.End {
					t.Fatalf("parent span %+v out of bounds", p.ParentRange)
				}
				check("similarity", p.Similarity)
				if p.Exact > p.Len || p.Len <= 0 {
					t.Fatalf("exact %d len %d", p.Exact, p.Len)
				}
			}
			for _, s := range res.Parents {
				check("parent ratio", s.Ratio)
				check("coverage", s.Coverage)
			}
			if again := Compare(dn, ps, opt); !reflect.DeepEqual(res, again) {
				t.Fatalf("two runs differ")
			}
		}
	})
}
