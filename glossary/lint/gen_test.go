package lint

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/juru-cli/juru/glossary"
)

// genLangs are the ten languages of the generated glossary and texts.
var genLangs = []string{"en", "id", "ms", "th", "vi", "fil", "km", "lo", "my", "zh-Hans"}

// genVocab returns English words of official names, from which English
// forms and sentences are made, so that forms share words with the text
// around them as real glossaries do.
func genVocab() []string {
	return strings.Fields(`National Council Development Bank Ministry Foreign Affairs Trade Organization
Economic Forum Regional Partnership Security Defence Health World United Nations Committee Agency
Commission International Monetary Fund Central Reserve Party Republic Democratic Front Alliance
Summit Expo China ASEAN Vietnam Thailand Indonesia Malaysia Philippines Cambodia Laos Myanmar
Singapore Brunei Belt Road Initiative Maritime Silk Free Zone Area Agreement Treaty Court Supreme
Justice Police Army Navy Air Force Election Office Bureau Statistics Energy Climate Policy Institute
University Association Union Pacific Ocean South North East West Sea River Mekong Delta Port City
Province State Government Parliament Senate House Prime Minister President Secretary General
Director Exchange Stock Market Investment Railway Airport Highway Power Water Food Programme Project
Plan Strategy Vision Action Framework Digital Innovation Technology Science Research Centre Network`)
}

// genWords returns lower-case English words for the prose around terms.
func genWords() []string {
	return strings.Fields(`the a of in on and to said would with from for that this was were has have
after before during new more than most year years month week people country countries officials
government talks meeting visit agreed announced reported expected growth trade plans also about
between over under into its their they which who while when where however according statement`)
}

// genSyllable makes one syllable in a language: Latin syllables for the
// Latin-script languages, consonant, vowel and final in the order the
// abugidas write them, one character of Han.
func genSyllable(r *rand.Rand, lang string) string {
	pick := func(s string) string {
		rs := []rune(s)
		return string(rs[r.IntN(len(rs))])
	}
	switch lang {
	case "th":
		return pick("เแโใไ ") + pick("กขคงจชซดตถทนบปผพฟมยรลวสหอ") + pick("าิีึืุู ") + pick("่้๊๋  ") + pick("กงดนบมยว  ")
	case "lo":
		return pick("ເແໂໃໄ ") + pick("ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ") + pick("າິີຶືຸູ ") + pick("່້໊໋  ")
	case "km":
		return pick("កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ") + pick("ាិីឹឺុូួើឿៀេែៃោៅ ") + pick("ំះ   ")
	case "my":
		return pick("ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠအ") + pick("ါာိီုူေဲ ") + pick("ံ့း  ")
	case "zh-Hans":
		// one of the first 3,000 unified ideographs, about as many
		// characters as news text uses
		return string(rune(0x4E00 + r.IntN(3000)))
	case "vi":
		// onset, vowel with its tone mark, coda: some ten thousand
		// syllables, as Vietnamese has
		return pick("bcdđghklmnpqrstvx") + pick("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ") + pick("cmnpt   ")
	}
	return pick("bkdtmnsprljwhg") + pick("aeiou") + pick("ngrk    ")
}

// genWord makes one word of a language.
func genWord(r *rand.Rand, lang string) string {
	var b strings.Builder
	for range 1 + r.IntN(3) {
		b.WriteString(strings.ReplaceAll(genSyllable(r, lang), " ", ""))
	}
	return b.String()
}

// spaced reports the languages written with spaces between words.
func spaced(lang string) bool {
	switch lang {
	case "th", "lo", "km", "my", "zh-Hans":
		return false
	}
	return true
}

// genForm makes a form of a term in a language.
func genForm(r *rand.Rand, lang string, vocab []string) string {
	n := 2 + r.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		if lang == "en" {
			parts[i] = vocab[r.IntN(len(vocab))]
		} else {
			parts[i] = genWord(r, lang)
		}
	}
	if spaced(lang) {
		return strings.Join(parts, " ")
	}
	return strings.Join(parts, "")
}

// genGlossary builds a glossary of n entries in genLangs: English forms
// unique, one entry in ten with an admitted form in a language and one
// in ten with a forbidden one.
func genGlossary(tb testing.TB, n int, seed uint64) *glossary.Glossary {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 11))
	vocab := genVocab()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(genLangs)
	seen := map[string]bool{}
	row := make([]string, len(genLangs))
	for len(seen) < n {
		en := genForm(r, "en", vocab)
		if seen[strings.ToLower(en)] {
			continue
		}
		seen[strings.ToLower(en)] = true
		for i, l := range genLangs {
			f := en
			if i > 0 {
				f = genForm(r, l, vocab)
			}
			switch r.IntN(10) {
			case 0:
				f += "|" + genForm(r, l, vocab)
			case 1:
				f += "|!" + genForm(r, l, vocab)
			}
			row[i] = f
		}
		_ = w.Write(row)
	}
	w.Flush()
	g, err := glossary.Parse(&buf, "generated.csv", glossary.ParseOptions{Format: glossary.CSV})
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// genPair writes a source article in English and its "translation" into
// lang of about size bytes each (see genArticle).
func genPair(g *glossary.Glossary, lang string, size int, seed uint64, termEvery int) (src, tgt string) {
	src, tgts := genArticle(g, []string{lang}, size, seed, termEvery)
	return src, tgts[0]
}

// genArticle writes a source article in English of about size bytes and
// its "translations" into langs: paragraphs of sentences holding a
// glossary term one word in termEvery (the required target form on the
// other side) and a number one word in 45, as in news, written by each
// language's conventions.
func genArticle(g *glossary.Glossary, langs []string, size int, seed uint64, termEvery int) (string, []string) {
	r := rand.New(rand.NewPCG(seed, 13))
	tr := make([]*rand.Rand, len(langs)) // the target words of each language
	t := make([]strings.Builder, len(langs))
	for i := range langs {
		tr[i] = rand.New(rand.NewPCG(seed, uint64(100+i)))
	}
	words := genWords()
	var s strings.Builder
	each := func(f func(i int, lang string, t *strings.Builder, r *rand.Rand)) {
		for i, lang := range langs {
			f(i, lang, &t[i], tr[i])
		}
	}
	for s.Len() < size {
		if s.Len() > 0 {
			s.WriteString("\n\n")
			each(func(_ int, _ string, t *strings.Builder, _ *rand.Rand) { t.WriteString("\n\n") })
		}
		for range 2 + r.IntN(4) {
			for k := range 8 + r.IntN(12) {
				switch {
				case r.IntN(termEvery) == 0:
					e := g.Entries[r.IntN(len(g.Entries))]
					sf, _ := e.Preferred("en")
					s.WriteString(sf)
					each(func(_ int, lang string, t *strings.Builder, _ *rand.Rand) {
						tf, _ := e.Preferred(lang)
						t.WriteString(tf)
					})
				case r.IntN(45) == 0:
					v := r.IntN(100000)
					s.WriteString(formatNumber(v, "en"))
					each(func(_ int, lang string, t *strings.Builder, tr *rand.Rand) {
						tn := formatNumber(v, lang)
						if tr.IntN(2) == 0 {
							tn = nativeDigits(tn, lang)
						}
						t.WriteString(tn)
					})
				default:
					if k == 0 {
						s.WriteString("The")
					} else {
						s.WriteString(words[r.IntN(len(words))])
					}
					each(func(_ int, lang string, t *strings.Builder, tr *rand.Rand) { t.WriteString(genWord(tr, lang)) })
				}
				s.WriteByte(' ')
				each(func(_ int, lang string, t *strings.Builder, tr *rand.Rand) {
					if spaced(lang) || tr.IntN(6) == 0 {
						t.WriteByte(' ')
					}
				})
			}
			s.WriteString("said. ")
			each(func(_ int, lang string, t *strings.Builder, tr *rand.Rand) {
				t.WriteString(genWord(tr, lang) + sentenceEnd(lang))
			})
		}
	}
	out := make([]string, len(langs))
	for i := range t {
		out[i] = t[i].String()
	}
	return s.String(), out
}

// sentenceEnd is the mark that ends a sentence in a language.
func sentenceEnd(lang string) string {
	switch lang {
	case "zh-Hans":
		return "。"
	case "km":
		return "។ "
	case "my":
		return "။ "
	case "th", "lo":
		return " "
	}
	return ". "
}

// formatNumber writes v with the group separator of a language: a point
// in Indonesian, Vietnamese, Khmer and Lao, a comma elsewhere (CLDR).
func formatNumber(v int, lang string) string {
	s := fmt.Sprint(v)
	if v < 10000 {
		return s
	}
	sep := ","
	switch lang {
	case "id", "vi", "km", "lo":
		sep = "."
	}
	return s[:len(s)-3] + sep + s[len(s)-3:]
}

// nativeDigits writes the ASCII digits of s in the digits of a language
// that has its own: Thai, Lao, Khmer, Burmese.
func nativeDigits(s, lang string) string {
	zero := map[string]rune{"th": '๐', "lo": '໐', "km": '០', "my": '၀'}[lang]
	if zero == 0 {
		return s
	}
	return strings.Map(func(c rune) rune {
		if '0' <= c && c <= '9' {
			return zero + c - '0'
		}
		return c
	}, s)
}
