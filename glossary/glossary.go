package glossary

import (
	"fmt"
	"sort"
)

// Status is the standing of one form of a term.
type Status int

// The standings a form can have, after TBX's administrativeStatus.
const (
	// Preferred is the form a translation must use.
	Preferred Status = iota
	// Admitted is an accepted alternative.
	Admitted
	// Forbidden is a deprecated form that must not appear.
	Forbidden
)

// String returns "preferred", "admitted" or "forbidden".
func (s Status) String() string {
	switch s {
	case Preferred:
		return "preferred"
	case Admitted:
		return "admitted"
	case Forbidden:
		return "forbidden"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Form is one written form of a term.
type Form struct {
	Text   string `json:"text"`
	Status Status `json:"status"`
}

// Pos locates a place in a glossary file. Line and Col are 1-based;
// Col counts characters (Unicode code points). Zero means unknown.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String renders the position as file:line:col, leaving out what is
// unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Entry is one concept with its term in each language.
type Entry struct {
	// ID identifies the entry: the TBX id, or "file:line" for CSV rows.
	ID string `json:"id"`
	// Terms maps a language code to the forms of the term in that language,
	// the preferred form first. Codes are canonical: juru's own code where
	// the tag names one of its languages ("en-US" is "en", "zh-CN" is
	// "zh-Hans", "tl" is "fil"), the canonical BCP 47 tag otherwise.
	Terms map[string][]Form `json:"terms"`
	// CaseSensitive entries match only with the exact case (acronyms).
	CaseSensitive bool `json:"case_sensitive,omitempty"`
	// Notes holds the non-language columns of the row, such as "note".
	Notes map[string]string `json:"notes,omitempty"`
	// Pos is where the entry was defined.
	Pos Pos `json:"pos"`
	// TermPos maps a language code to where the entry's forms in that
	// language were written (the cell or the langSet), when known.
	TermPos map[string]Pos `json:"-"`
}

// Forms returns the forms of the term in a language, nil when the entry
// has none.
func (e *Entry) Forms(lang string) []Form { return e.Terms[lang] }

// Preferred returns the preferred form in a language.
func (e *Entry) Preferred(lang string) (string, bool) {
	for _, f := range e.Terms[lang] {
		if f.Status == Preferred {
			return f.Text, true
		}
	}
	return "", false
}

// Accepted returns the preferred and admitted forms in a language.
func (e *Entry) Accepted(lang string) []string {
	var out []string
	for _, f := range e.Terms[lang] {
		if f.Status != Forbidden {
			out = append(out, f.Text)
		}
	}
	return out
}

// ForbiddenForms returns the forbidden forms in a language.
func (e *Entry) ForbiddenForms(lang string) []string {
	var out []string
	for _, f := range e.Terms[lang] {
		if f.Status == Forbidden {
			out = append(out, f.Text)
		}
	}
	return out
}

// Glossary is a list of entries, in file order.
type Glossary struct {
	// Entries holds the concepts in the order they were read.
	Entries []*Entry
	// Files names the files the glossary was loaded from.
	Files []string

	// cache keeps the matchers built for each language, for glossaries
	// made by the loaders, which are not changed after loading.
	cache *matcherCache
}

// Langs returns the language codes that occur in any entry, sorted.
func (g *Glossary) Langs() []string {
	seen := map[string]bool{}
	for _, e := range g.Entries {
		for l := range e.Terms {
			seen[l] = true
		}
	}
	out := make([]string, 0, len(seen))
	for l := range seen {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Len returns the number of entries.
func (g *Glossary) Len() int {
	if g == nil {
		return 0
	}
	return len(g.Entries)
}
