package script

import (
	"fmt"

	"github.com/juru-cli/juru/internal/lang"
)

// Rule is the lint rule the findings of this package belong to.
const Rule = "script.wrong"

// Defaults for Options.
const (
	DefaultThreshold     = 0.5
	DefaultMinLetters    = 16
	DefaultDiacriticSpan = 40
	DefaultMinHanForm    = 3
	DefaultMaxKanaShare  = 0.1
)

// Options tunes Check. The zero value means the defaults.
type Options struct {
	// Threshold is the smallest share of letters in the language's own
	// script a paragraph may have (default 0.5): below it the paragraph is
	// in the wrong script. Latin names, acronyms and numbers in Thai,
	// Khmer or Burmese text stay well above it.
	Threshold float64
	// MinLetters is the number of letters below which a paragraph counts
	// as short (default 16). A short paragraph is wrong only when it has
	// no letter of the expected script at all and is not names alone:
	// "COVID-19" or "Joko Widodo" in a Thai file pass, "ข่าว" in a Khmer
	// file does not.
	MinLetters int
	// DiacriticSpan is the number of Latin letters after which a
	// Vietnamese paragraph without a single Vietnamese diacritic is
	// reported as probably untranslated (default 40). Set NoDiacritics to
	// switch that check off.
	DiacriticSpan int
	// NoDiacritics switches the Vietnamese diacritic check off.
	NoDiacritics bool
	// MinHanForm is the number of characters written only in the other
	// standard of Chinese (Simplified in a Traditional file or the
	// reverse) from which a paragraph is reported (default 3), provided
	// they outnumber those of the file's own standard four to one.
	MinHanForm int
	// MaxKanaShare is the largest share of Japanese kana a Chinese
	// paragraph may have (default 0.1).
	MaxKanaShare float64
	// Registry resolves language codes; nil means lang.New().
	Registry *lang.Registry
}

// withDefaults fills in the zero fields of o.
func (o Options) withDefaults() Options {
	if o.Threshold <= 0 {
		o.Threshold = DefaultThreshold
	}
	if o.MinLetters <= 0 {
		o.MinLetters = DefaultMinLetters
	}
	if o.DiacriticSpan <= 0 {
		o.DiacriticSpan = DefaultDiacriticSpan
	}
	if o.MinHanForm <= 0 {
		o.MinHanForm = DefaultMinHanForm
	}
	if o.MaxKanaShare <= 0 {
		o.MaxKanaShare = DefaultMaxKanaShare
	}
	if o.Registry == nil {
		o.Registry = lang.New()
	}
	return o
}

// Kind names what a Finding reports.
type Kind string

// The kinds of finding.
const (
	// WrongScript: too few letters of the language's script.
	WrongScript Kind = "wrong-script"
	// WrongHanForm: Simplified Chinese in a Traditional Chinese file, or
	// the reverse.
	WrongHanForm Kind = "wrong-han-form"
	// Japanese: Japanese kana in a Chinese file.
	Japanese Kind = "japanese"
	// NoDiacritics: a long Vietnamese paragraph without a single
	// Vietnamese diacritic, probably left in another language.
	NoDiacritics Kind = "no-diacritics"
	// Identical: a paragraph of the translation identical to one of the
	// source.
	Identical Kind = "identical"
)

// Finding is one paragraph in the wrong script, or left untranslated.
type Finding struct {
	Kind Kind `json:"kind"`
	// Start and End are the byte offsets of the paragraph, without the
	// blanks around it; Line and Col locate Start, 1-based, Col counting
	// characters.
	Start int `json:"start"`
	End   int `json:"end"`
	Line  int `json:"line"`
	Col   int `json:"col"`
	// Lang is the code of the language the text should be in.
	Lang string `json:"lang"`
	// Expected is the script of that language and Found the other script
	// with the most letters in the paragraph (JSON: ISO 15924 codes).
	Expected Script `json:"expected"`
	Found    Script `json:"found"`
	// ExpectedShare and FoundShare are their shares of its letters.
	ExpectedShare float64 `json:"expected_share"`
	FoundShare    float64 `json:"found_share"`
	// Letters is the number of letters of the paragraph.
	Letters int `json:"letters"`
	// SourceLine and SourceCol locate, for Identical, the paragraph of
	// the source it repeats.
	SourceLine int `json:"source_line,omitempty"`
	SourceCol  int `json:"source_col,omitempty"`
	// Message says what is wrong, in English, without the position.
	Message string `json:"message"`
}

// Check reports the paragraphs of text (separated by blank lines) that
// are not mostly in the script of the language langCode. See Options for
// the thresholds. It fails only for an unknown language code.
func Check(text, langCode string, opts Options) ([]Finding, error) {
	o := opts.withDefaults()
	l, err := o.Registry.Lookup(langCode)
	if err != nil {
		return nil, fmt.Errorf("script check: %w", err)
	}
	want, ok := FromCode(l.Script)
	if !ok {
		return nil, fmt.Errorf("script check: language %s has unknown script %q", l.Code, l.Script)
	}
	var out []Finding
	for _, p := range blocks(text) {
		c := profileProse(text[p.start:p.end], p.frontMatter)
		if f, ok := judge(c, l, want, o); ok {
			f.Start, f.End, f.Line, f.Col = p.start, p.end, p.line, p.col
			out = append(out, f)
		}
	}
	return out, nil
}

// judge decides on one paragraph with profile c. Scripts are compared by
// weighted letters (see Counts.Weighted), leaving out Latin names and
// acronyms (capitalized words), which every language borrows: a list of
// foreign names neither makes Thai text "Latin" nor Khmer text
// acceptable as English.
func judge(c Counts, l lang.Language, want Script, o Options) (Finding, bool) {
	if c.Total() == 0 {
		return Finding{}, false
	}
	w, total := weights(c)
	if total == 0 {
		return Finding{}, false
	}
	got, gotN := Other, 0
	for s, v := range w {
		if Script(s) != want && v > gotN {
			got, gotN = Script(s), v
		}
	}
	f := Finding{
		Kind: WrongScript, Lang: l.Code, Expected: want, Found: got, Letters: c.Total(),
		ExpectedShare: float64(w[want]) / float64(total), FoundShare: float64(gotN) / float64(total),
	}
	if total >= o.MinLetters && f.ExpectedShare < o.Threshold ||
		total < o.MinLetters && w[want] == 0 && !c.NamesOnly() {
		f.Message = wrongMessage(f, l)
		return f, true
	}
	switch {
	case want == Han:
		return judgeHan(c, l, f, o)
	case l.Code == "vi" && !o.NoDiacritics && c.Letters[Latin] >= o.DiacriticSpan && c.Vietnamese == 0:
		f.Kind = NoDiacritics
		f.Message = fmt.Sprintf("no Vietnamese diacritic in %d Latin letters: probably not translated into Vietnamese", c.Letters[Latin])
		return f, true
	}
	return Finding{}, false
}

// weights returns the weighted letters per script of c without Latin
// names, and their sum.
func weights(c Counts) ([NumScripts]int, int) {
	var w [NumScripts]int
	total := 0
	for s := range w {
		w[s] = c.Weighted(Script(s))
		if Script(s) == Latin {
			w[s] -= c.LatinNames
		}
		total += w[s]
	}
	return w, total
}

// judgeHan checks a Chinese paragraph for kana and for the other
// standard's characters.
func judgeHan(c Counts, l lang.Language, f Finding, o Options) (Finding, bool) {
	if k := c.Of(Kana); k >= 3 && float64(k) >= o.MaxKanaShare*float64(c.Total()) {
		f.Kind, f.Found, f.FoundShare = Japanese, Kana, float64(k)/float64(c.Total())
		f.Message = fmt.Sprintf("Japanese kana (%s) in a %s file", percent(f.FoundShare), l.English)
		return f, true
	}
	own, other, ownName, otherName := c.Simplified, c.Traditional, "Simplified", "Traditional"
	if l.Script == "Hant" {
		own, other, ownName, otherName = c.Traditional, c.Simplified, otherName, ownName
	}
	if l.Script != "Hans" && l.Script != "Hant" || other < o.MinHanForm || other < 4*own {
		return Finding{}, false
	}
	f.Kind = WrongHanForm
	f.Message = fmt.Sprintf("%s Chinese in a %s file: %d characters written only in %s, %d only in %s",
		otherName, l.English, other, otherName, own, ownName)
	return f, true
}

// wrongMessage words a WrongScript finding: "mostly Latin (92%) in a Thai
// file" or "Thai text in a Khmer file".
func wrongMessage(f Finding, l lang.Language) string {
	if f.ExpectedShare == 0 && f.FoundShare == 1 {
		return fmt.Sprintf("%s text in a %s file", f.Found, l.English)
	}
	return fmt.Sprintf("mostly %s (%s) in a %s file, %s script only %s",
		f.Found, percent(f.FoundShare), l.English, f.Expected, percent(f.ExpectedShare))
}

// percent formats a share as a whole percentage, never rounding a
// non-zero share to 0% or a share below one to 100%.
func percent(x float64) string {
	p := int(x*100 + 0.5)
	switch {
	case p == 0 && x > 0:
		p = 1
	case p == 100 && x < 1:
		p = 99
	}
	return fmt.Sprintf("%d%%", p)
}
