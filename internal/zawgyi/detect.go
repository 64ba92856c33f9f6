package zawgyi

import (
	"math"
	"unicode/utf8"
)

// Result is what Detect finds out about a text.
type Result struct {
	// Score, in [0,1], is the probability that the Burmese in the text is
	// Zawgyi as the evidence puts it: 0 for a text without Burmese, 0.5
	// for one that cannot be told (see Decidable), near 1 for Zawgyi and
	// near 0 for Unicode.
	Score float64
	// Burmese counts the characters of the Myanmar blocks in the text,
	// digits and punctuation included.
	Burmese int
	// Zawgyi and Unicode are the weights of the evidence for each
	// encoding: sequences only the other encoding forbids, and code
	// points only Unicode uses.
	Zawgyi, Unicode int
}

// Decidable reports whether the evidence points either way. Text made
// only of characters that read the same in both encodings (such as "စား"
// or a run of Burmese digits) holds none, and evidence can also balance
// exactly: the Score is then 0.5, and the caller decides, usually by the
// rest of the file.
func (r Result) Decidable() bool { return r.Zawgyi != r.Unicode }

// IsZawgyi reports whether the text is more likely Zawgyi than Unicode.
// An undecidable text is taken for Unicode, the standard.
func (r Result) IsZawgyi() bool { return r.Score > 0.5 }

// scale turns a difference in evidence weight into log-odds: a sequence
// one encoding forbids (weight 2) multiplies the odds by about 9, an
// unusual medial (weight 1) by about 3.
const scale = 1.1

// Probability returns the probability that the Burmese text is Zawgyi
// rather than Unicode; see Result.Score.
func Probability(text string) float64 { return Detect(text).Score }

// Detect weighs the evidence in text for Zawgyi against Unicode.
//
// Characters from U+1000 to U+10BF are decoded inline; the weights of a
// step between two characters that depend on those two alone come from
// a table (see pairWeights), the rest from evidence.dynamic. Other
// characters go through utf8, invalid UTF-8 reading as a boundary.
func Detect(text string) Result {
	var res Result
	var ev evidence
	w := theWeights
	// p2 and p are the two characters before r, -1 standing for the start
	// of the text; pi is the index of p in the weights.
	p2, p := rune(-1), rune(-1)
	pi := outsideIndex
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		var ri int
		switch {
		case c < utf8.RuneSelf:
			r, ri = rune(c), outsideIndex
			i++
			if pi == outsideIndex {
				p2, p = p, r
				continue
			}
		case c == 0xE1 && i+2 < len(text) && text[i+1]-0x80 < 3 && text[i+2]&0xC0 == 0x80:
			ri = int(text[i+1]-0x80)<<6 | int(text[i+2]&0x3F)
			r = firstMyanmar + rune(ri)
			i += 3
		default:
			var n int
			r, n = utf8.DecodeRuneInString(text[i:])
			i += n
			if r == utf8.RuneError {
				r = -1 // invalid UTF-8 reads as a boundary
			}
			ri = weightIndex(r)
		}
		rr := w.roles[ri]
		if rr.u != outside {
			res.Burmese++
		}
		if rr.u != outside || w.roles[pi].u != outside {
			d := w.pairs[pi][ri]
			ev.u += int(d.u)
			ev.z += int(d.z)
			if r == sign1039 || r == visarga {
				ev.dynamic(p2, p, r, w.roles[pi].z, rr.z)
			} else {
				ev.track(r, rr.z) // all dynamic does then
			}
		}
		p2, p, pi = p, r, ri
	}
	if w.roles[pi].u != outside {
		ev.pair(p2, p, -1, w.roles[pi].u, w.roles[pi].z, outside, outside)
	}
	res.Zawgyi, res.Unicode = ev.z, ev.u
	if res.Burmese > 0 {
		res.Score = 1 / (1 + math.Exp(-scale*float64(ev.z-ev.u)))
	}
	return res
}

// roles are the roles of one character in each encoding.
type roles struct{ u, z class }

// Indexes of the characters in pairWeights: U+1000 to U+10BF (encoded E1
// 80 80 to E1 82 BF: the Myanmar block and the start of Georgian) by
// their offset from U+1000, then one for every character outside both
// encodings (ASCII, other scripts, the start and end of the text) and
// one for the Myanmar extensions, which only Unicode uses.
const (
	outsideIndex   = 0xC0
	extensionIndex = 0xC1
	weightCount    = 0xC2
)

// weightIndex returns the index of r in pairWeights.
func weightIndex(r rune) int {
	switch {
	case r >= firstMyanmar && r < firstMyanmar+outsideIndex:
		return int(r - firstMyanmar)
	case isExtension(r):
		return extensionIndex
	}
	return outsideIndex
}

// A weight is what a step adds to the evidence for each encoding.
type weight struct{ u, z int8 }

// pairWeights holds the roles of each character of weightIndex and the
// weights evidence.static gives each step from one to another. It is
// built once and never changed.
type pairWeights struct {
	roles [weightCount]roles
	pairs [weightCount][weightCount]weight
}

// theWeights are the weights Detect reads.
var theWeights = newPairWeights()

func newPairWeights() *pairWeights {
	w := &pairWeights{}
	// a character standing for each index
	stand := func(i int) rune {
		switch i {
		case outsideIndex:
			return -1
		case extensionIndex:
			return 0xAA60
		}
		return firstMyanmar + rune(i)
	}
	for i := range weightCount {
		r := stand(i)
		w.roles[i] = roles{uclass(r), zclass(r)}
	}
	for i := range weightCount {
		for j := range weightCount {
			var e evidence
			e.static(stand(i), stand(j), w.roles[i].u, w.roles[i].z, w.roles[j].u, w.roles[j].z)
			w.pairs[i][j] = weight{int8(e.u), int8(e.z)}
		}
	}
	return w
}

// evidence accumulates the weight of evidence for each encoding.
type evidence struct {
	z, u int
	// pendingE is set when a Zawgyi vowel sign E waits for its
	// consonant; withE when the current Zawgyi syllable has one.
	pendingE, withE bool
}

// track follows the Zawgyi reading of n, whose role is zn, to know
// whether the current syllable has a vowel sign E.
func (e *evidence) track(n rune, zn class) {
	switch zn {
	case prefix:
		if n == signE {
			e.pendingE = true
		}
	case base:
		e.withE, e.pendingE = e.pendingE, false
	case outside, symbol, unused:
		e.withE, e.pendingE = false, false
	}
}

// pair weighs the step from p to n, p2 being the character before p; -1
// stands for the start or end of the text. up and un are the Unicode roles
// of p and n, zp and zn their Zawgyi roles.
func (e *evidence) pair(p2, p, n rune, up, zp, un, zn class) {
	e.static(p, n, up, zp, un, zn)
	e.dynamic(p2, p, n, zp, zn)
}

// static weighs what of the step from p to n depends on those two
// characters alone: code points one encoding never uses, sequences one
// encoding forbids, medials after consonants.
func (e *evidence) static(p, n rune, up, zp, un, zn class) {
	if zn == unused {
		e.u += 2
	}
	uok, zok := unicodeLegal(up, un, n), zawgyiLegal(zp, zn)
	switch {
	case uok && !zok:
		e.u += 2
	case zok && !uok:
		e.z += 2
	}
	if isConsonant(p) {
		e.medial(p, n)
	}
}

// dynamic weighs what of the step from p to n depends on more: the
// character before p (kinzi), the syllable (the visarga), and follows
// the syllable.
func (e *evidence) dynamic(p2, p, n rune, zp, zn class) {
	if n == sign1039 && p == sign103A && p2 == nga {
		e.u += 2 // kinzi, spelled NGA ASAT VIRAMA in Unicode only
	}
	if n == visarga {
		e.visarga(p, zp)
	}
	e.track(n, zn)
}

// visarga weighs the visarga after p. A consonant, with or without
// medials, takes the high tone only with a vowel in Burmese spelling; a
// visarga right after a consonant is thus Zawgyi, where the vowel sign E
// was stored before the consonant ("ေCး" for Unicode "Cေး"), and one right
// after what Zawgyi reads as a medial, in a syllable without E, is Unicode,
// where that code point is the asat ("င်း").
func (e *evidence) visarga(p rune, zp class) {
	switch {
	case isConsonant(p):
		e.z++
	case zp == medial && !e.withE:
		e.u++
	}
}

// medial weighs a consonant p followed by a medial sign n by which
// consonants each medial can follow in Burmese. The same code points are
// different medials in the two encodings, and a medial unheard of after p
// in one encoding is weak evidence for the other.
func (e *evidence) medial(p, n rune) {
	switch n {
	case 0x103A: // Unicode asat; Zawgyi medial YA
		if !takesYa(p) {
			e.u++
		}
	case 0x103B: // Unicode medial YA; Zawgyi medial RA, before the next consonant
		if !takesYa(p) {
			e.z++
		}
	case 0x103C: // Unicode medial RA; Zawgyi medial WA
		if !takesRa(p) {
			e.z++
		}
	case 0x103D: // Unicode medial WA; Zawgyi medial HA
		if !takesHa(p) {
			e.u++
		}
	}
}

// isConsonant reports whether r is a Burmese consonant letter.
func isConsonant(r rune) bool { return 0x1000 <= r && r <= 0x1021 }

// takesYa reports whether medial YA follows consonant r in Burmese
// spelling: the velars, labials, CA and LA.
func takesYa(r rune) bool {
	return 0x1000 <= r && r <= 0x1003 || r == 0x1005 || 0x1015 <= r && r <= 0x1019 || r == 0x101C
}

// takesRa reports whether medial RA follows consonant r: the velars and
// labials.
func takesRa(r rune) bool {
	return 0x1000 <= r && r <= 0x1003 || 0x1015 <= r && r <= 0x1019
}

// takesHa reports whether medial HA follows consonant r: the nasals and
// sonorants.
func takesHa(r rune) bool {
	switch r {
	case 0x1004, 0x1009, 0x100A, 0x1014, 0x1019, 0x101A, 0x101B, 0x101C, 0x101D:
		return true
	}
	return false
}

// unicodeLegal reports whether Unicode Burmese allows a character of role
// n (the character itself is r) right after one of role p.
func unicodeLegal(p, n class, r rune) bool {
	if p == virama {
		return n == base
	}
	switch n {
	case medial, vowelE:
		return p == base || p == medial
	case vowel:
		if p == asat {
			return afterAsat(r)
		}
		return p == base || p == medial || p == vowelE || p == vowel
	case asat:
		return p == base || p == medial || p == vowel
	case virama:
		return p == base || p == asat
	}
	return true
}

// afterAsat reports whether the sign r may follow the asat in Unicode:
// the dot below and visarga of Burmese, and the tone marks of Karen and
// Shan, which are written after the asat.
func afterAsat(r rune) bool {
	switch {
	case r == dotBelow, r == visarga, r == 0x1063, r == 0x1064, 0x1069 <= r && r <= 0x106D,
		0x1087 <= r && r <= 0x108D, r == 0x108F, r == 0x109A, r == 0x109B:
		return true
	}
	return false
}

// zawgyiLegal reports whether Zawgyi allows a character of role n right
// after one of role p.
func zawgyiLegal(p, n class) bool {
	if p == prefix {
		return n == base || n == prefix
	}
	switch n {
	case medial, stacked:
		return p == base || p == medial || p == stacked
	case vowel:
		return p == base || p == medial || p == stacked || p == vowel
	}
	return true
}
