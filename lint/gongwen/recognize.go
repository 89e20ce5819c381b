package gongwen

import (
	"strings"
	"unicode/utf8"
)

// role is what a paragraph was taken for; headings are looked for only
// in paragraphs that are still roleBody.
type role uint8

const (
	roleBody role = iota
	roleHeader
	roleTitle
	roleAddressee
	roleNote
	roleIssuer
	roleDate
	roleRemark
	roleMarker
	roleImprint
)

// recognizer holds the state of one Recognize call. It is never shared.
type recognizer struct {
	s    *Structure
	p    []Paragraph
	role []role
}

// Recognize finds the elements of a 公文 in text. It never fails: what it
// cannot find stays at its zero value. Time is linear in the length of the
// text; no line is examined beyond the length its element could have.
//
// The order of work follows how the elements are anchored: the title block
// at the top, the 版记 at the very end, the 成文日期 with the 署名 above
// it, and the 附件说明 just above the 署名. What follows the 成文日期 is
// divided into Sections.
func Recognize(text string) *Structure {
	r := &recognizer{s: &Structure{}}
	r.p = splitParagraphs(text)
	r.s.Paragraphs = r.p
	r.role = make([]role, len(r.p))
	if len(r.p) == 0 {
		return r.s
	}
	r.run()
	return r.s
}

func (r *recognizer) run() {
	n := len(r.p)
	first := r.next(0, n)
	if first >= n {
		return
	}
	bodyFrom := r.titleBlock(first)
	bodyFrom = r.addressees(bodyFrom)

	imprint := r.imprint(bodyFrom)
	date := r.mainDate(bodyFrom, imprint)

	bodyEnd := imprint // index of the first paragraph after the body
	after := imprint   // first paragraph after the main document
	if date >= 0 {
		bodyEnd = date
		if !r.s.Issuer.Empty() {
			bodyEnd = r.indexAt(r.s.Issuer.Start)
		}
		after = r.remarks(date, imprint)
	}
	bodyEnd = r.attachmentNote(bodyFrom, bodyEnd)

	if b := r.next(bodyFrom, bodyEnd); b < bodyEnd {
		e := r.prev(bodyEnd-1, b)
		r.s.Body = Span{Start: r.p[b].Content.Start, End: r.p[e].Content.End}
	}

	main := Section{Kind: SectionMain, Para: first, Title: r.s.Title, TitleText: r.s.TitleText,
		Addressees: r.s.Addressees, Issuer: r.s.Issuer, Date: r.s.Date}
	r.s.Sections = append(r.s.Sections, r.closeSection(main, after))
	r.sections(after, imprint)
	r.headings(bodyFrom, imprint)
	r.kind()
}

// next returns the first non-empty paragraph at or after i, or limit.
func (r *recognizer) next(i, limit int) int {
	for i < limit && r.p[i].Text == "" {
		i++
	}
	if i > limit {
		return limit
	}
	return i
}

// prev returns the last non-empty paragraph at or before i and not before
// floor, or floor-1.
func (r *recognizer) prev(i, floor int) int {
	for i >= floor && r.p[i].Text == "" {
		i--
	}
	if i < floor {
		return floor - 1
	}
	return i
}

// indexAt finds the paragraph whose span holds rune offset o.
func (r *recognizer) indexAt(o int) int {
	lo, hi := 0, len(r.p)
	for lo < hi {
		m := (lo + hi) / 2
		if r.p[m].Span.End < o {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (r *recognizer) content(i int) Span { return r.p[i].Content }

// titleBlock reads the 版头 (份号, 密级, 紧急程度, 发文机关标志), the
// 发文字号 and 签发人 wherever they stand around the title, and the title.
// It returns the index of the first paragraph after the block.
//
// Marks above the title that only resemble 份号, 密级 or 紧急程度 (12,
// 急件, 秘密，1年) are passed over so that a wrong mark does not cost the
// whole title block; they count only when a title or a 发文字号 is
// found below them. Otherwise the block is read again without them, and
// such a line stays what it was.
func (r *recognizer) titleBlock(first int) int {
	if last, loose := r.readTitleBlock(first, true); !loose || r.looseConfirmed() {
		return r.blockEnd(first, last)
	}
	for i := range r.role {
		r.role[i] = roleBody
	}
	s := r.s
	s.CopyNumber, s.Secrecy, s.Urgency, s.DocNumber, s.Signer, s.Organ = Span{}, Span{}, Span{}, Span{}, Span{}, Span{}
	s.Title, s.TitleText = Span{}, ""
	last, _ := r.readTitleBlock(first, false)
	return r.blockEnd(first, last)
}

// looseConfirmed: after a pass that passed over loose marks, did a title
// or a 发文字号 stand below them?
func (r *recognizer) looseConfirmed() bool {
	return !r.s.Title.Empty() || !r.s.DocNumber.Empty()
}

func (r *recognizer) blockEnd(first, last int) int {
	if last < 0 {
		return first
	}
	r.s.TitleBlock = Span{Start: r.p[first].Span.Start, End: r.p[last].Span.End}
	return last + 1
}

// readTitleBlock does the work of titleBlock; loose allows marks that
// only resemble the 版头 marks. It returns the index of the last line of
// the block (-1 when there is none) and whether a loose mark was taken.
func (r *recognizer) readTitleBlock(first int, loose bool) (last int, tookLoose bool) {
	n := len(r.p)
	s := r.s
	last = -1
	k := first
	take := func(i int) {
		r.role[i] = roleHeader
		last = i
		k = r.next(i+1, n)
	}
	// Before the title.
	for steps := 0; k < n && steps < 8; steps++ {
		t := r.p[k].Text
		switch {
		case steps < 4 && r.topMarks(k):
			take(k)
		case isSeparator(t):
			take(k)
		case isIssuerMark(t):
			if s.Organ.Empty() {
				s.Organ = r.content(k)
			}
			take(k)
		case s.DocNumber.Empty() && r.docNumber(k):
			take(k)
		case s.Signer.Empty() && isSignerLine(t):
			s.Signer = r.content(k)
			take(k)
		case r.organMark(k):
			if s.Organ.Empty() {
				s.Organ = r.content(k)
			}
			take(k)
		case loose && steps < 4 && r.looseMarks(k):
			tookLoose = true
			take(k)
		default:
			steps = 8
		}
	}
	// The title.
	if k < n && (titleLike(r.p[k].Text) || isBareGenre(r.p[k].Text)) {
		end := r.joinTitle(k, n)
		if r.sentenceNotTitle(k, end) {
			return last, tookLoose
		}
		r.setTitle(k, end, &s.Title, &s.TitleText)
		for i := k; i <= end; i++ {
			r.role[i] = roleTitle
		}
		last = end
		k = r.next(end+1, n)
	}
	// After the title: in the corpus layout the 发文字号 follows the
	// title; a 令 repeats its 标志 and number there.
	for steps := 0; k < n && steps < 5; steps++ {
		t := r.p[k].Text
		switch {
		case isSeparator(t):
			take(k)
		case s.DocNumber.Empty() && r.docNumber(k):
			take(k)
		case !s.DocNumber.Empty() && isBareOrdinal(t):
			take(k)
		case s.Signer.Empty() && isSignerLine(t):
			s.Signer = r.content(k)
			take(k)
		case isIssuerMark(t):
			take(k)
		default:
			steps = 5
		}
	}
	return last, tookLoose
}

// sentenceNotTitle: the lines from..to, short enough for a title, read as
// a sentence of the body instead ("请各单位做好工作。"): they end in
// 。！？ or hold a ， or ；, no 文种 ends them, and neither a 发文字号 nor a
// 主送机关 follows to show that they stood in the title's place. A title
// with a stray 。 at its end (a title-format fault) keeps its 文种 or the
// element below it, and is still taken. Without this test a draft that
// opens with a short sentence lost it to the title block, and a one-line
// draft counted no characters at all.
func (r *recognizer) sentenceNotTitle(from, to int) bool {
	sentence := false
	for i := from; i <= to && !sentence; i++ {
		sentence = strings.ContainsAny(r.p[i].Text, "，,；;")
	}
	if !(sentence || endsSentence(r.p[to].Text)) || hasGenre(r.p[to].Text) {
		return false
	}
	j := r.next(to+1, len(r.p))
	if j >= len(r.p) {
		return true
	}
	t := r.p[j].Text
	if _, _, _, ok := isDocNumberLine(t); ok {
		return false
	}
	_, ok := addresseeLike(t)
	return !ok
}

// endsSentence: t ends in a full stop, question or exclamation mark.
func endsSentence(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(t, isSpaceRune))
	switch last {
	case '。', '！', '？', '!', '?':
		return true
	}
	return false
}

// isBareOrdinal: the 第706号 line under a 令's 标志, which repeats the number.
func isBareOrdinal(t string) bool {
	d, ok := ParseDocNumber(t)
	return ok && d.Ordinal && d.Agency == "" && d.Year == ""
}

// topMarks reads a line of 份号, 密级 and 紧急程度, alone or side by side.
func (r *recognizer) topMarks(i int) bool {
	p := r.p[i]
	t := p.Text
	if len(t) > 3*40 {
		return false
	}
	if isUrgency(t) {
		if r.s.Urgency.Empty() {
			r.s.Urgency = p.Content
		}
		return true
	}
	type mark struct {
		span Span
		kind int
	}
	var marks []mark
	start := -1
	flush := func(end int) bool {
		if start < 0 {
			return true
		}
		tok := t[start:end]
		sp := subSpan(p, start, end)
		start = -1
		switch {
		case isCopyNumber(tok):
			marks = append(marks, mark{sp, 0})
		case isSecrecy(tok):
			marks = append(marks, mark{sp, 1})
		case isUrgency(tok):
			marks = append(marks, mark{sp, 2})
		default:
			return false
		}
		return true
	}
	for b, c := range t {
		if isSpaceRune(c) {
			if !flush(b) {
				return false
			}
		} else if start < 0 {
			start = b
		}
	}
	if !flush(len(t)) || len(marks) == 0 {
		return false
	}
	for _, m := range marks {
		var dst *Span
		switch m.kind {
		case 0:
			dst = &r.s.CopyNumber
		case 1:
			dst = &r.s.Secrecy
		default:
			dst = &r.s.Urgency
		}
		if dst.Empty() {
			*dst = m.span
		}
	}
	return true
}

// looseMarks takes a short line of marks that resemble 份号, 密级 and
// 紧急程度 without having their form: digits of any count (a 份号 of the
// wrong length), 绝密/机密/秘密 with anything after it (a 保密期限 written
// another way), or one of the words people use for urgency (急件, 特级).
// Each is recorded where its strict form would be, so that a format rule
// can check its wording. A 密级 runs on over the tokens after it up to an
// urgency word.
func (r *recognizer) looseMarks(i int) bool {
	p := r.p[i]
	t := p.Text
	if len(t) > 3*maxLooseMarkRunes || utf8.RuneCountInString(t) > maxLooseMarkRunes {
		return false
	}
	if isLooseUrgency(compact(t)) {
		if r.s.Urgency.Empty() {
			r.s.Urgency = p.Content
		}
		return true
	}
	var copyNo, secrecy, urgency Span
	var prev *Span // the mark the last token belonged to
	extend := func(sp *Span, from, to int) {
		if sp.Empty() {
			*sp = subSpan(p, from, to)
		} else {
			sp.End = runeOffset(p, to)
		}
	}
	start := -1
	flush := func(end int) bool {
		if start < 0 {
			return true
		}
		tok := t[start:end]
		from := start
		start = -1
		was := prev
		switch {
		case isLooseUrgency(tok) && (urgency.Empty() || was == &urgency):
			prev = &urgency
		case was == &secrecy:
			// The 保密期限 after a 密级 may be written any way.
		case isDigits(tok) && (copyNo.Empty() || was == &copyNo):
			prev = &copyNo
		case hasSecrecyWord(tok) && secrecy.Empty():
			prev = &secrecy
		case strings.Trim(tok, "★☆") == "":
			return true
		default:
			return false
		}
		extend(prev, from, end)
		return true
	}
	for b, c := range t {
		if isSpaceRune(c) {
			if !flush(b) {
				return false
			}
		} else if start < 0 {
			start = b
		}
	}
	if !flush(len(t)) || copyNo.Empty() && secrecy.Empty() && urgency.Empty() {
		return false
	}
	// 秘密载体管理办法 is a title, not a 密级.
	if !secrecy.Empty() && hasGenre(t) {
		return false
	}
	for _, m := range []struct{ found, dst *Span }{
		{&copyNo, &r.s.CopyNumber}, {&secrecy, &r.s.Secrecy}, {&urgency, &r.s.Urgency},
	} {
		if !m.found.Empty() && m.dst.Empty() {
			*m.dst = *m.found
		}
	}
	return true
}

// maxLooseMarkRunes bounds a line of loose marks: 份号, 密级★保密期限 and
// 紧急程度 side by side fit in it, a sentence or a title mostly does not.
const maxLooseMarkRunes = 24

// isLooseUrgency: the 紧急程度 特急/加急, and words written for it.
func isLooseUrgency(t string) bool {
	switch t {
	case "特急", "加急", "特提", "平急", "急件", "特级", "紧急", "特急件", "加急件":
		return true
	}
	return false
}

// hasSecrecyWord: a token that opens with a 密级.
func hasSecrecyWord(t string) bool {
	return strings.HasPrefix(t, "绝密") || strings.HasPrefix(t, "机密") || strings.HasPrefix(t, "秘密")
}

// isDigits: Arabic digits only, half-width or full-width.
func isDigits(t string) bool {
	if t == "" {
		return false
	}
	for _, c := range t {
		if _, ok := arabicDigit(c); !ok {
			return false
		}
	}
	return true
}

// isBareGenre: a line that is nothing but a 文种 (通知, 请示, 函), as a
// draft without 发文机关 and 事由 in its title has it.
func isBareGenre(t string) bool {
	if len(t) > 3*2*maxGenreRunes {
		return false
	}
	c := compact(t)
	for _, g := range genreEndings {
		if g.text == c {
			return g.kind != ""
		}
	}
	return false
}

// docNumber takes a 发文字号 line, with a 签发人 beside it if there is one.
func (r *recognizer) docNumber(i int) bool {
	p := r.p[i]
	numStart, numEnd, signer, ok := isDocNumberLine(p.Text)
	if !ok {
		return false
	}
	r.s.DocNumber = subSpan(p, numStart, numEnd)
	if signer >= 0 && r.s.Signer.Empty() {
		r.s.Signer = subSpan(p, signer, len(p.Text))
	}
	return true
}

// organMark takes a bare organ name above the title as the 发文机关标志
// of a letter-format document ("XX市人民政府办公室" over "关于…的函").
func (r *recognizer) organMark(i int) bool {
	t := r.p[i].Text
	if utf8.RuneCountInString(tailString(t, 31)) > 30 || !endsWithOrgan(t) || hasGenre(t) ||
		strings.ContainsAny(t, "，。；：,;:、《") || strings.Contains(t, "关于") {
		return false
	}
	j := r.next(i+1, len(r.p))
	if j >= len(r.p) {
		return false
	}
	nt := r.p[j].Text
	if _, _, _, ok := isDocNumberLine(nt); ok {
		return true
	}
	if isBareGenre(nt) {
		return true
	}
	if !titleLike(nt) {
		return false
	}
	return hasGenre(r.p[r.joinTitle(j, len(r.p))].Text)
}

// joinTitle returns the last line of a title that starts at line i: a
// title wraps onto the next line when the line so far cannot end a title
// (it ends in 的, 关于, 和…), when the next line opens with 的, or when
// the line has no genre word and the next line (or the one after) brings
// one. Only directly adjacent lines join, at most three in all.
func (r *recognizer) joinTitle(i, limit int) int {
	end := i
	for extra := 0; extra < 2; extra++ {
		j := end + 1
		// A line closed by 。！？ does not wrap on: what follows it is
		// a new sentence, even one that ends in a genre word (请报告。).
		if j >= limit || contentLen(r.p[j]) > 60 || endsSentence(r.p[end].Text) {
			break
		}
		// 关于…的 / 通知: the 文种 alone may be wrapped onto the last line.
		if isBareGenre(r.p[j].Text) && !hasGenre(r.p[end].Text) {
			end = j
			break
		}
		if !titleLike(r.p[j].Text) {
			break
		}
		cur, nt := r.p[end].Text, r.p[j].Text
		switch {
		case titleIncomplete(cur) || strings.HasPrefix(nt, "的"):
			end = j
			continue
		case hasGenre(cur):
		case hasGenre(nt):
			end = j
			continue
		case extra == 0 && j+1 < limit && titleLike(r.p[j+1].Text) && contentLen(r.p[j+1]) <= 60 && hasGenre(r.p[j+1].Text):
			end = j + 1
		}
		break
	}
	return end
}

func (r *recognizer) setTitle(from, to int, span *Span, text *string) {
	*span = Span{Start: r.p[from].Content.Start, End: r.p[to].Content.End}
	var b strings.Builder
	for i := from; i <= to; i++ {
		b.WriteString(r.p[i].Text)
	}
	*text = b.String()
}

// addressees reads the 主送机关 at paragraph i (after blank lines), on one
// line or wrapped onto a second. It returns where the body starts.
func (r *recognizer) addressees(i int) int {
	n := len(r.p)
	k := r.next(i, n)
	if k >= n {
		return i
	}
	t := r.p[k].Text
	// 各省、自治区、直辖市人民政府， / 国务院各部委、各直属机构：
	if strings.HasSuffix(t, "，") || strings.HasSuffix(t, "、") || strings.HasSuffix(t, ",") {
		core := strings.TrimRight(t, "，、,")
		if _, ok := addresseeItems(core); ok && k+1 < n {
			if colon, ok := addresseeLike(r.p[k+1].Text); ok && colon {
				r.s.Addressees = Span{Start: r.p[k].Content.Start, End: r.p[k+1].Content.End}
				r.role[k], r.role[k+1] = roleAddressee, roleAddressee
				return k + 2
			}
		}
	}
	if _, ok := addresseeLike(t); ok {
		r.s.Addressees = r.content(k)
		r.role[k] = roleAddressee
		return k + 1
	}
	return i
}

// imprint finds the 版记 at the end of the text: 抄送, 印发机关和印发日期,
// and the 主题词 of older documents. A few other lines (a copy count, a
// page number) may follow them. It returns the index of its first line,
// or len(r.p).
func (r *recognizer) imprint(from int) int {
	n := len(r.p)
	start := n
	misses, seen := 0, 0
	for i := n - 1; i >= from && seen < 30; i-- {
		t := r.p[i].Text
		if t == "" {
			continue
		}
		seen++
		switch {
		case isCCLine(t), isPrintedByLine(t), isSubjectLine(t):
			start = i
			misses = 0
		case isSeparator(t):
		default:
			misses++
		}
		if misses > 3 {
			break
		}
	}
	if start == n {
		return n
	}
	last := r.prev(n-1, start)
	r.s.Imprint = Span{Start: r.p[start].Content.Start, End: r.p[last].Content.End}
	for i := start; i < n; i++ {
		r.role[i] = roleImprint
		t := r.p[i].Text
		switch {
		case isCCLine(t) && r.s.CC.Empty():
			end := i
			// A long 抄送 list wraps; its continuation lines end at the next element.
			for j := i + 1; j < n && j <= i+3; j++ {
				u := r.p[j].Text
				if u == "" || isPrintedByLine(u) || isSeparator(u) || isSubjectLine(u) || isCCLine(u) {
					break
				}
				end = j
			}
			r.s.CC = Span{Start: r.p[i].Content.Start, End: r.p[end].Content.End}
		case isPrintedByLine(t) && r.s.PrintedBy.Empty():
			r.s.PrintedBy = r.content(i)
		}
	}
	return start
}

// mainDate finds the 成文日期 of the main document: the first date line
// with a 署名 above it; failing that, a date that is the last line before
// the 版记. It also sets the 署名. It returns the date's index or -1.
func (r *recognizer) mainDate(from, limit int) int {
	for i := from; i < limit; i++ {
		if r.role[i] != roleBody || !isDateLine(r.p[i].Text) {
			continue
		}
		j := r.prev(i-1, from)
		if j < from || r.role[j] != roleBody || !issuerLike(r.p[j].Text) {
			continue
		}
		r.setSignature(i, j, from)
		return i
	}
	if last := r.prev(limit-1, from); last >= from && r.role[last] == roleBody && isDateLine(r.p[last].Text) {
		r.s.Date = r.dateSpan(last)
		r.role[last] = roleDate
		return last
	}
	return -1
}

// setSignature records the date at i and the 署名 ending at j; a second
// organ on the line above joins it when it too reads as an organ name
// (two organs signing on two lines).
func (r *recognizer) setSignature(i, j, floor int) {
	r.s.Date = r.dateSpan(i)
	r.role[i] = roleDate
	top := j
	if k := j - 1; k >= floor && r.p[k].Text != "" && r.role[k] == roleBody &&
		issuerLike(r.p[k].Text) && endsWithOrgan(stripEntityTail(r.p[k].Text)) &&
		endsWithOrgan(stripEntityTail(r.p[j].Text)) {
		top = k
	}
	r.s.Issuer = Span{Start: r.p[top].Content.Start, End: r.trimmedEnd(j)}
	for k := top; k <= j; k++ {
		r.role[k] = roleIssuer
	}
}

// trimmedEnd is where paragraph i ends without the HTML entity debris
// web copies leave behind a signature or date.
func (r *recognizer) trimmedEnd(i int) int {
	p := r.p[i]
	return runeOffset(p, len(stripEntityTail(p.Text)))
}

func (r *recognizer) dateSpan(i int) Span {
	return Span{Start: r.p[i].Content.Start, End: r.trimmedEnd(i)}
}

// remarks takes the 附注 lines after the date (（此件公开发布）) and returns
// the index after them.
func (r *recognizer) remarks(date, limit int) int {
	end := date + 1
	for i := date + 1; i < limit && i <= date+4; i++ {
		t := r.p[i].Text
		if t == "" {
			continue
		}
		if !isParenthesized(t) {
			break
		}
		if r.s.Notes.Empty() {
			r.s.Notes = r.content(i)
		} else {
			r.s.Notes.End = r.p[i].Content.End
		}
		r.role[i] = roleRemark
		end = i + 1
	}
	return end
}

// attachmentNote finds the 附件说明 just above the 署名 (end is the index
// of the first paragraph after the body). It returns the new end of the
// body.
func (r *recognizer) attachmentNote(from, end int) int {
	last := r.prev(end-1, from)
	if last < from {
		return end
	}
	j := last
	for j >= from {
		if _, ok := attachmentNoteStart(r.p[j].Text); ok {
			break
		}
		_, _, numbered := noteItem(r.p[j].Text)
		if _, loose := looseNoteItem(r.p[j].Text); !numbered && !loose || r.role[j] != roleBody {
			return end
		}
		j = r.prev(j-1, from)
	}
	if j < from || r.role[j] != roleBody {
		return end
	}
	// An item list without numbers after a bare 附件： is not ours to judge.
	r.s.AttachmentNote = Span{Start: r.p[j].Content.Start, End: r.p[last].Content.End}
	for i := j; i <= last; i++ {
		if r.p[i].Text == "" {
			continue
		}
		r.role[i] = roleNote
		p := r.p[i]
		if i == j {
			rest, _ := attachmentNoteStart(p.Text)
			if rest == "" {
				continue
			}
			off := len(p.Text) - len(rest)
			a := Attachment{Name: rest, Span: subSpan(p, off, len(p.Text)), Para: i}
			if num, e, ok := noteItem(rest); ok {
				a.Number = num
				a.Name = strings.TrimLeftFunc(rest[e:], isSpaceRune)
			} else if e, ok := looseNoteItem(rest); ok {
				a.Name = strings.TrimLeftFunc(rest[e:], isSpaceRune)
			}
			r.s.AttachmentNotes = append(r.s.AttachmentNotes, a)
			continue
		}
		num, e, ok := noteItem(p.Text)
		if !ok {
			e, _ = looseNoteItem(p.Text) // the rule reports the missing Arabic number
			e += len(p.Text) - len(strings.TrimLeftFunc(p.Text, isSpaceRune))
		}
		r.s.AttachmentNotes = append(r.s.AttachmentNotes, Attachment{
			Number: num,
			Name:   strings.TrimLeftFunc(p.Text[e:], isSpaceRune),
			Span:   p.Content,
			Para:   i,
		})
	}
	return j
}

// closeSection sets the span of sec, which runs up to (not including)
// paragraph end.
func (r *recognizer) closeSection(sec Section, end int) Section {
	if sec.Para >= len(r.p) {
		return sec
	}
	last := r.prev(end-1, sec.Para)
	if last < sec.Para {
		last = sec.Para
	}
	sec.Span = Span{Start: r.p[sec.Para].Span.Start, End: r.p[last].Span.End}
	return sec
}

// sections divides what follows the main document's 成文日期 into
// attachments and embedded documents.
func (r *recognizer) sections(from, limit int) {
	var cur *Section
	open := func(kind SectionKind, i int) {
		if cur != nil {
			r.s.Sections = append(r.s.Sections, r.closeSection(*cur, i))
		}
		cur = &Section{Kind: kind, Para: i}
	}
	expectTitle := true
	markerPara := -1
	for i := from; i < limit; i++ {
		p := r.p[i]
		if p.Text == "" || r.role[i] != roleBody {
			continue
		}
		if num, older, ok := attachmentMarker(p.Text); ok {
			open(SectionAttachment, i)
			r.role[i] = roleMarker
			expectTitle = true
			markerPara = i
			if !older {
				r.s.Attachments = append(r.s.Attachments, Attachment{Number: num, Para: i})
			}
			continue
		}
		if expectTitle {
			if isParenthesized(p.Text) {
				continue
			}
			expectTitle = false
			if titleLike(p.Text) {
				end := r.joinTitle(i, limit)
				if cur == nil || cur.Kind != SectionAttachment || !cur.Title.Empty() || markerPara < 0 {
					open(SectionEmbedded, i)
				}
				r.setTitle(i, end, &cur.Title, &cur.TitleText)
				for k := i; k <= end; k++ {
					r.role[k] = roleTitle
				}
				i = end
				continue
			}
			if cur == nil {
				open(SectionEmbedded, i)
			}
		}
		markerPara = -1
		if cur == nil {
			open(SectionEmbedded, i)
		}
		if cur.Kind == SectionEmbedded && r.embeddedTitle(cur, i, limit) {
			end := r.joinTitle(i, limit)
			open(SectionEmbedded, i)
			r.setTitle(i, end, &cur.Title, &cur.TitleText)
			for k := i; k <= end; k++ {
				r.role[k] = roleTitle
			}
			i = end
			continue
		}
		if cur.Addressees.Empty() && cur.Date.Empty() {
			if colon, ok := addresseeLike(p.Text); ok && colon && r.nearStart(cur, i) {
				cur.Addressees = p.Content
				r.role[i] = roleAddressee
				continue
			}
		}
		if isDateLine(p.Text) {
			j := r.prev(i-1, cur.Para)
			if j > cur.Para && r.role[j] == roleBody && issuerLike(r.p[j].Text) {
				cur.Issuer, cur.Date = Span{Start: r.p[j].Content.Start, End: r.trimmedEnd(j)}, r.dateSpan(i)
				r.role[j], r.role[i] = roleIssuer, roleDate
				expectTitle = true
			}
		}
	}
	if cur != nil {
		r.s.Sections = append(r.s.Sections, r.closeSection(*cur, limit))
	}
	// Name the attachments after their sections' titles.
	k := 0
	for _, sec := range r.s.Sections {
		for k < len(r.s.Attachments) && r.s.Attachments[k].Para < sec.Para {
			k++
		}
		if k < len(r.s.Attachments) && r.s.Attachments[k].Para == sec.Para {
			r.s.Attachments[k].Name, r.s.Attachments[k].Span = sec.TitleText, sec.Span
		}
	}
}

// embeddedTitle recognizes the title of a second issued text that follows
// the first without a date between them (a 印发 notice issuing two
// 规定): a title-like line with a genre word, standing between running
// text above and below, not inside a run of short lines as a table is.
func (r *recognizer) embeddedTitle(cur *Section, i, limit int) bool {
	t := r.p[i].Text
	if i <= cur.Para+1 || utf8.RuneCountInString(tailString(t, 61)) > 60 || contentLen(r.p[i]) < 6 ||
		!titleLike(t) || !hasGenre(t) || strings.ContainsAny(t, "，,：:") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if isTrailingPunct(last) {
		return false
	}
	prose := func(k int) bool {
		if k < 0 || k >= len(r.p) {
			return false
		}
		u := r.p[k].Text
		if _, ok := classifyHeading(u); ok {
			return true
		}
		if _, _, _, ok := articleMarker(u); ok {
			return true
		}
		l, _ := utf8.DecodeLastRuneInString(u)
		return l == '。' || l == '；' || l == '：' || contentLen(r.p[k]) > 60
	}
	if first, _ := utf8.DecodeRuneInString(t); !isHanRune(first) {
		return false // 3.2　应急报告 is a numbered subsection, not a title
	}
	return prose(r.prev(i-1, cur.Para)) && prose(r.next(i+1, limit))
}

// nearStart: within the first three non-empty lines of a section, where
// its own 主送机关 stands.
func (r *recognizer) nearStart(sec *Section, i int) bool {
	count := 0
	for k := sec.Para; k < i; k++ {
		if r.p[k].Text != "" && r.role[k] != roleTitle && r.role[k] != roleMarker {
			count++
			if count > 2 {
				return false
			}
		}
	}
	return count <= 2
}

// headings collects structural headings and article numbers from the
// paragraphs still taken as running text, and hands each section its run.
func (r *recognizer) headings(from, limit int) {
	for i := from; i < limit; i++ {
		p := r.p[i]
		if p.Text == "" || r.role[i] != roleBody {
			continue
		}
		if unit, num, end, ok := articleMarker(p.Text); ok {
			r.s.Articles = append(r.s.Articles, Article{
				Unit: unit, Number: num, Marker: p.Text[:end],
				Span: p.Content, MarkerPos: subSpan(p, 0, end), Para: i,
			})
			continue
		}
		if m, ok := classifyHeading(p.Text); ok {
			r.s.Headings = append(r.s.Headings, Heading{
				Level: m.level, Number: m.number, Marker: m.marker, Form: m.form,
				Span: p.Content, MarkerPos: subSpan(p, 0, m.end), Para: i,
			})
		}
	}
	h := 0
	for k := range r.s.Sections {
		sec := &r.s.Sections[k]
		end := len(r.p)
		if k+1 < len(r.s.Sections) {
			end = r.s.Sections[k+1].Para
		}
		for h < len(r.s.Headings) && r.s.Headings[h].Para < sec.Para {
			h++
		}
		sec.HeadingStart = h
		for h < len(r.s.Headings) && r.s.Headings[h].Para < end {
			h++
		}
		sec.HeadingEnd = h
	}
}

// kind reads the 文种 from the end of the title.
func (r *recognizer) kind() {
	s := r.s
	if s.Title.Empty() {
		return
	}
	last := r.indexAt(s.Title.End)
	if last >= len(r.p) {
		return
	}
	p := r.p[last]
	g, start, end, ok := titleGenre(p.Text)
	if !ok {
		return
	}
	s.Kind, s.KindText = g.kind, g.text
	s.KindSpan = Span{Start: p.Content.Start + start, End: p.Content.Start + end}
}
