package mock

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Summary shapes, as juru's prompts ask for them.
const (
	headlineWords  = 15  // at most, in the first line
	shortMinWords  = 12  // a first sentence shorter than this gets a second
	maxBullets     = 5   // key points at most
	paragraphWords = 120 // when the prompt names no length
)

// sentences returns the sentences of a document as plain lines of text:
// code is skipped, headings and list items are sentences of their own,
// the lines of a paragraph are joined.
func sentences(doc string) []string {
	var out, para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, splitSentences(strings.Join(para, " "))...)
			para = nil
		}
	}
	b := blocks{}
	for _, line := range strings.Split(doc, "\n") {
		if b.verbatim(line) {
			flush()
			continue
		}
		text, heading, item := plainLine(line)
		text = strings.TrimSpace(text)
		switch {
		case text == "":
			flush()
		case heading || item:
			flush()
			para = append(para, text)
			flush()
		default:
			para = append(para, text)
		}
	}
	flush()
	return out
}

// splitSentences cuts a paragraph after sentence-ending punctuation
// (with any closing quotes or brackets) that is followed by a space or
// ends the paragraph. Sentences without a letter are dropped.
func splitSentences(p string) []string {
	var out []string
	start := 0
	add := func(end int) {
		s := strings.TrimSpace(p[start:end])
		if strings.IndexFunc(s, unicode.IsLetter) >= 0 {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		i += n
		if !strings.ContainsRune(".!?。！？…", r) {
			continue
		}
		for i < len(p) {
			c, m := utf8.DecodeRuneInString(p[i:])
			if !strings.ContainsRune(`"'”’)]».!?`, c) {
				break
			}
			i += m
		}
		next, _ := utf8.DecodeRuneInString(p[i:])
		if i == len(p) || unicode.IsSpace(next) || r > 0x3000 {
			add(i)
		}
	}
	add(len(p))
	return out
}

// countWords counts words as a reader of the target would: fields
// between spaces in a spaced script, otherwise words, terms, numbers and
// kept spans.
func (r *render) countWords(ps []piece) int {
	if r.toSpaced {
		return len(strings.Fields(r.join(ps)))
	}
	n := 0
	for _, p := range ps {
		if p.kind != pOther {
			n++
		}
	}
	return n
}

// cutWords returns the longest prefix of ps with at most limit words,
// never cutting inside a piece, without trailing spaces or punctuation.
func (r *render) cutWords(ps []piece, limit int) []piece {
	if r.countWords(ps) > limit {
		k := sort.Search(len(ps)+1, func(k int) bool { return r.countWords(ps[:k]) > limit })
		ps = ps[:k-1]
	}
	for len(ps) > 0 && ps[len(ps)-1].kind == pOther {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// summary writes a summary in a style: a "# " headline of at most 15
// words from the first sentence, then for short the first one or two
// sentences, for bullets three to five "- " lines, for paragraph about
// words words; headline alone for the headline style.
func (r *render) summary(doc, style string, words int) string {
	sents := r.translatedSentences(doc)
	head := "# " + r.join(r.cutWords(sents[0], headlineWords))
	var body string
	switch style {
	case "headline":
		return head
	case "bullets":
		var lines []string
		for _, s := range sents[:min(len(sents), maxBullets)] {
			lines = append(lines, "- "+r.join(s))
		}
		body = strings.Join(lines, "\n")
	case "paragraph":
		if words <= 0 {
			words = paragraphWords
		}
		body = r.join(r.paragraph(sents, words))
	default:
		ps := sents[0]
		if len(sents) > 1 && r.countWords(ps) < shortMinWords {
			ps = append(append(endSentence(ps), piece{pOther, " "}), sents[1]...)
		}
		body = r.join(ps)
	}
	return head + "\n\n" + body
}

// paragraph joins whole sentences until about n words, cutting the last
// one when it would overshoot by more than a fifth.
func (r *render) paragraph(sents [][]piece, n int) []piece {
	var ps []piece
	for _, s := range sents {
		if len(ps) > 0 {
			if r.countWords(ps) >= n {
				break
			}
			ps = append(endSentence(ps), piece{pOther, " "})
		}
		ps = append(ps, s...)
	}
	if r.countWords(ps) > n+n/5 {
		ps = append(r.cutWords(ps, n), piece{pOther, "."})
	}
	return ps
}

// notes writes one "- " line per sentence.
func (r *render) notes(doc string) string {
	var lines []string
	for _, s := range r.translatedSentences(doc) {
		lines = append(lines, "- "+r.join(s))
	}
	return strings.Join(lines, "\n")
}

// translatedSentences translates the sentences of a document; a document
// without sentences counts as one made of its text.
func (r *render) translatedSentences(doc string) [][]piece {
	src := sentences(doc)
	if len(src) == 0 {
		src = []string{strings.Join(strings.Fields(doc), " ")}
	}
	out := make([][]piece, len(src))
	for i, s := range src {
		out[i] = plainPieces(r.inline(s))
	}
	return out
}

// plainPieces drops Markdown emphasis from a summary's text.
func plainPieces(ps []piece) []piece {
	out := ps[:0]
	for _, p := range ps {
		if p.kind == pOther {
			p.text = strings.NewReplacer("*", "", "_", "").Replace(p.text)
			if p.text == "" {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// endSentence returns a copy of ps ending with sentence punctuation.
func endSentence(ps []piece) []piece {
	out := append([]piece(nil), ps...)
	if n := len(out); n > 0 && out[n-1].kind == pOther {
		t := strings.TrimRight(out[n-1].text, `"'”’)]»`)
		if r, _ := utf8.DecodeLastRuneInString(t); strings.ContainsRune(".!?。！？…", r) {
			return out
		}
	}
	return append(out, piece{pOther, "."})
}
