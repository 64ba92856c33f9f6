// Package lang is juru's registry of target languages: the ten ASEAN
// languages, Chinese, Tamil, English, and Tetum and Portuguese for
// Timor-Leste, with their names, scripts and writing conventions, built on
// golang.org/x/text/language and language/display.
package lang

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Language is one language juru translates into or out of.
type Language struct {
	// Code is juru's canonical tag for the language, such as "id" or "zh-Hans".
	Code string
	// Tag is the parsed BCP 47 tag.
	Tag language.Tag
	// English is the language's name in English.
	English string
	// Native is the language's name in itself.
	Native string
	// Script is the ISO 15924 code of the script it is written in.
	Script string
	// Spaced reports whether words are separated by spaces, so that glossary
	// terms must match at word boundaries. Thai, Lao, Khmer, Burmese and
	// Chinese are written without spaces between words.
	Spaced bool
}

// String returns the canonical code.
func (l Language) String() string { return l.Code }

// Name returns "English name (code)", as prompts and messages show it.
func (l Language) Name() string { return l.English + " (" + l.Code + ")" }

// codes lists the supported languages in display order.
var codes = []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my", "zh-Hans", "zh-Hant", "ta", "en", "tet", "pt"}

// asean is what "--to asean" expands to: the eight languages of the ASEAN
// members written in their own scripts (Brunei, Malaysia and Singapore
// share Malay; Singapore adds Chinese, Tamil and English).
var asean = []string{"id", "ms", "th", "vi", "fil", "km", "lo", "my"}

// unspaced lists the scripts written without spaces between words.
var unspaced = map[string]bool{"Thai": true, "Laoo": true, "Khmr": true, "Mymr": true, "Hans": true, "Hant": true, "Hani": true, "Jpan": true}

// nameAliases are further English names accepted for a language, besides
// the name CLDR gives it.
var nameAliases = map[string]string{
	"chinese": "zh-Hans", "tagalog": "fil", "myanmar": "my", "tetun": "tet", "bahasa": "id",
}

// nativeFallback holds own-language names that CLDR lacks.
var nativeFallback = map[string]string{"tet": "Tetun"}

// Registry holds the supported languages. The zero value is not usable;
// call New.
type Registry struct {
	langs  []Language
	byKey  map[string]int
	byName map[string]int
}

// New builds the registry.
func New() *Registry {
	r := &Registry{byKey: map[string]int{}, byName: map[string]int{}}
	for i, c := range codes {
		t := language.MustParse(c)
		s, _ := t.Script()
		l := Language{
			Code:    c,
			Tag:     t,
			English: display.English.Tags().Name(t),
			Native:  display.Self.Name(t),
			Script:  s.String(),
			Spaced:  !unspaced[s.String()],
		}
		if l.Native == "" {
			l.Native = nativeFallback[c]
		}
		r.langs = append(r.langs, l)
		r.byKey[strings.ToLower(c)] = i
		r.byName[strings.ToLower(l.English)] = i
	}
	for name, code := range nameAliases {
		r.byName[name] = r.byKey[strings.ToLower(code)]
	}
	return r
}

// All returns every supported language in display order.
func (r *Registry) All() []Language {
	return append([]Language(nil), r.langs...)
}

// ASEAN returns the languages "--to asean" stands for.
func (r *Registry) ASEAN() []Language {
	out := make([]Language, 0, len(asean))
	for _, c := range asean {
		out = append(out, r.langs[r.byKey[strings.ToLower(c)]])
	}
	return out
}

// UnknownError reports a tag that names no supported language.
type UnknownError struct {
	// Input is the tag as given.
	Input string
	// Suggestion is the nearest supported code, or "" when none is near.
	Suggestion string
}

func (e *UnknownError) Error() string {
	if e.Suggestion != "" {
		return fmt.Sprintf("unknown language %q (did you mean %q?)", e.Input, e.Suggestion)
	}
	return fmt.Sprintf("unknown language %q", e.Input)
}

// Lookup finds the supported language for a tag, accepting any spelling
// that BCP 47 matching maps onto it: "tl" is Filipino, "zh-CN" and "zh"
// are Simplified Chinese, "zh-TW" Traditional, "en-US" English, "in" the
// old code for Indonesian. English names work too: "Thai", "Burmese",
// "Simplified Chinese", "Chinese".
func (r *Registry) Lookup(tag string) (Language, error) {
	key := strings.ToLower(strings.TrimSpace(tag))
	if i, ok := r.byKey[key]; ok {
		return r.langs[i], nil
	}
	if i, ok := r.byName[key]; ok {
		return r.langs[i], nil
	}
	if t, err := language.Parse(strings.ReplaceAll(key, "_", "-")); err == nil && key != "" {
		if l, ok := r.match(t); ok {
			return l, nil
		}
	}
	return Language{}, &UnknownError{Input: tag, Suggestion: r.suggest(key)}
}

// match maps a parsed tag onto a supported language by base language,
// using the script to choose between the two written forms of Chinese.
func (r *Registry) match(t language.Tag) (Language, bool) {
	base, conf := t.Base()
	if conf < language.High {
		// "und" and other tags whose language is only guessed.
		return Language{}, false
	}
	if base.String() == "zh" {
		s, _ := t.Script()
		if s.String() == "Hant" {
			return r.langs[r.byKey["zh-hant"]], true
		}
		return r.langs[r.byKey["zh-hans"]], true
	}
	if i, ok := r.byKey[base.String()]; ok {
		return r.langs[i], true
	}
	return Language{}, false
}

// Parse reads a comma-separated list of tags, where "asean" stands for
// the eight ASEAN languages. Duplicates are dropped, order is kept.
func (r *Registry) Parse(list string) ([]Language, error) {
	var out []Language
	seen := map[string]bool{}
	add := func(l Language) {
		if !seen[l.Code] {
			seen[l.Code] = true
			out = append(out, l)
		}
	}
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if strings.EqualFold(f, "asean") {
			for _, l := range r.ASEAN() {
				add(l)
			}
			continue
		}
		l, err := r.Lookup(f)
		if err != nil {
			return nil, err
		}
		add(l)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no language given")
	}
	return out, nil
}

// suggest returns the supported code or English name nearest to key by
// edit distance, or "" when nothing is within two edits.
func (r *Registry) suggest(key string) string {
	type cand struct {
		code string
		dist int
	}
	var cs []cand
	for _, l := range r.langs {
		d := distance(key, strings.ToLower(l.Code))
		if n := distance(key, strings.ToLower(l.English)); n < d {
			d = n
		}
		cs = append(cs, cand{l.Code, d})
	}
	if strings.EqualFold(key, "asea") || distance(key, "asean") <= 2 {
		return "asean"
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].dist < cs[j].dist })
	// Allow one edit in short tags and two in longer names, so that "xx"
	// suggests nothing but "vn" suggests "vi" and "indonesain" "id".
	limit := 1
	if len([]rune(key)) > 4 {
		limit = 2
	}
	if len(cs) == 0 || cs[0].dist > limit {
		return ""
	}
	return cs[0].code
}

// distance is the Levenshtein distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
