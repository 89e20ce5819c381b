package gongwen

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkInvariants verifies what every Structure must satisfy whatever the
// input: paragraphs cover the text line by line, every span lies inside
// the text, the elements come in document order, headings are sorted.
func checkInvariants(t *testing.T, doc string, s *Structure) {
	t.Helper()
	n := utf8.RuneCountInString(doc)
	if s == nil {
		t.Fatal("nil Structure")
	}
	// Paragraphs: contiguous, separated by exactly one line break.
	// byteAt maps rune offsets to byte offsets the way ranging over the
	// string counts runes, so that invalid bytes are compared as they are.
	byteAt := make([]int, 0, n+1)
	for b := range doc {
		byteAt = append(byteAt, b)
	}
	byteAt = append(byteAt, len(doc))
	slice := func(from, to int) string { return doc[byteAt[from]:byteAt[to]] }
	pos := 0
	for i, p := range s.Paragraphs {
		if p.Span.Start != pos {
			t.Fatalf("paragraph %d starts at %d, want %d", i, p.Span.Start, pos)
		}
		if p.Span.End < p.Span.Start || p.Span.End > n {
			t.Fatalf("paragraph %d span %v out of [0,%d]", i, p.Span, n)
		}
		if p.Content.Start < p.Span.Start || p.Content.End > p.Span.End || p.Content.End < p.Content.Start {
			t.Fatalf("paragraph %d content %v outside %v", i, p.Content, p.Span)
		}
		line := slice(p.Span.Start, p.Span.End)
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("paragraph %d holds a line break", i)
		}
		if got := slice(p.Content.Start, p.Content.End); got != p.Text {
			t.Fatalf("paragraph %d Text %q, content span holds %q", i, p.Text, got)
		}
		pos = p.Span.End
		if pos < n {
			if slice(pos, pos+1) == "\r" && pos+1 < n && slice(pos+1, pos+2) == "\n" {
				pos += 2
			} else if c := slice(pos, pos+1); c == "\r" || c == "\n" {
				pos++
			} else {
				t.Fatalf("paragraph %d not followed by a line break", i)
			}
		}
	}
	if pos != n {
		t.Fatalf("paragraphs cover %d of %d runes", pos, n)
	}
	inBounds := func(name string, sp Span) {
		if sp == (Span{}) {
			return
		}
		if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
			t.Fatalf("%s span %v out of [0,%d]", name, sp, n)
		}
	}
	named := []struct {
		name string
		sp   Span
	}{
		{"CopyNumber", s.CopyNumber}, {"Secrecy", s.Secrecy}, {"Urgency", s.Urgency},
		{"Title", s.Title}, {"DocNumber", s.DocNumber}, {"Signer", s.Signer}, {"TitleBlock", s.TitleBlock},
		{"Addressees", s.Addressees}, {"Body", s.Body}, {"AttachmentNote", s.AttachmentNote},
		{"Issuer", s.Issuer}, {"Date", s.Date}, {"Notes", s.Notes}, {"Imprint", s.Imprint},
		{"CC", s.CC}, {"PrintedBy", s.PrintedBy}, {"KindSpan", s.KindSpan},
	}
	for _, e := range named {
		inBounds(e.name, e.sp)
	}
	// Document order of the anchored elements.
	order := []Span{s.Title, s.Addressees, s.Body, s.AttachmentNote, s.Issuer, s.Date, s.Notes, s.Imprint}
	last := 0
	for i, sp := range order {
		if sp.Empty() {
			continue
		}
		if sp.Start < last {
			t.Fatalf("element %d at %v starts before the previous one ends (%d)", i, sp, last)
		}
		last = sp.End
	}
	if !s.KindSpan.Empty() && (s.KindSpan.Start < s.Title.Start || s.KindSpan.End > s.Title.End) {
		t.Fatalf("KindSpan %v outside Title %v", s.KindSpan, s.Title)
	}
	if s.Kind != "" && !IsKind(s.Kind) {
		t.Fatalf("Kind %q is not one of the 15", s.Kind)
	}
	if !sort.SliceIsSorted(s.Headings, func(i, j int) bool { return s.Headings[i].Para < s.Headings[j].Para }) {
		t.Fatal("headings not sorted")
	}
	for i, h := range s.Headings {
		inBounds("heading", h.Span)
		inBounds("heading marker", h.MarkerPos)
		if h.Para < 0 || h.Para >= len(s.Paragraphs) || h.MarkerPos.Start != h.Span.Start || h.MarkerPos.End > h.Span.End {
			t.Fatalf("heading %d: %+v", i, h)
		}
		if h.Level == LevelNone || h.Number < 1 || h.Number > 999 || h.Form == "" {
			t.Fatalf("heading %d: %+v", i, h)
		}
		if i > 0 && h.Para == s.Headings[i-1].Para {
			t.Fatalf("two headings in paragraph %d", h.Para)
		}
	}
	for _, a := range s.Articles {
		inBounds("article", a.Span)
	}
	for _, list := range [][]Attachment{s.AttachmentNotes, s.Attachments} {
		for _, a := range list {
			inBounds("attachment", a.Span)
			if a.Para < 0 || a.Para >= len(s.Paragraphs) {
				t.Fatalf("attachment para %d", a.Para)
			}
		}
	}
	// Sections: ordered, not overlapping, heading runs contiguous.
	prevEnd, h := 0, 0
	for i, sec := range s.Sections {
		inBounds("section", sec.Span)
		if sec.Span.Start < prevEnd {
			t.Fatalf("section %d overlaps the previous one", i)
		}
		prevEnd = sec.Span.End
		if sec.HeadingStart < h || sec.HeadingEnd < sec.HeadingStart || sec.HeadingEnd > len(s.Headings) {
			t.Fatalf("section %d heading run %d..%d", i, sec.HeadingStart, sec.HeadingEnd)
		}
		h = sec.HeadingEnd
	}
	if len(s.Paragraphs) > 0 && strings.TrimFunc(doc, isSpaceRune) != "" && len(s.Sections) == 0 {
		t.Fatal("no sections for a non-empty text")
	}
}

func FuzzRecognize(f *testing.F) {
	f.Add(fullDraft)
	f.Add("关于X的通知\r\n国发〔2018〕38号\r\n各省人民政府：\r\n一、范围\r\n国务院\r\n2018年11月7日")
	f.Add("一、\n（一）\n1.\n（1）\n附件\n附件1\n附：\n抄送：\n2024年7月1日印发")
	f.Add("\r\r\n\n　\t附件：1.名称\n2.名称\n国务院\n2018.11.7\n（此件公开发布）\n附件1\n名称")
	f.Add("第一章　总则\n第一条　为了。\n十一、\x80\xff一、二")
	f.Add("12\n秘密，1年 ★\n急件　特级\n通知\n国发〔2018〕38号\n一、1996年\n1、2月")
	f.Add("０１\n函\n关于X的\n通　知\n各县人民政府")
	f.Fuzz(func(t *testing.T, doc string) {
		s := Recognize(doc)
		checkInvariants(t, doc, s)
	})
}

func BenchmarkRecognize(b *testing.B) {
	// About 5,000 characters: the draft above with its body repeated.
	var sb strings.Builder
	head, rest, _ := strings.Cut(fullDraft, "　　现将有关事项通知如下：\n")
	sb.WriteString(head)
	for sb.Len() < 15000 {
		sb.WriteString("　　二、工作措施\n　　（一）加强组织领导。各地区各部门要高度重视，切实加强组织领导，明确责任分工，确保各项措施落到实处。\n")
	}
	sb.WriteString(rest)
	doc := sb.String()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		Recognize(doc)
	}
}
