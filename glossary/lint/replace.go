package lint

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/juru-cli/juru/glossary"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// replacement is what a forbidden form is to be replaced by.
type replacement struct {
	// text is the replacement, in the case pattern of the occurrence; ""
	// when there is none or it would be ambiguous.
	text string
	// preferred lists the preferred forms of the entries forbidding the
	// form, each once.
	preferred []string
	// reason says why text is "".
	reason string
}

// replace decides how a forbidden occurrence m, reading found, is fixed:
// by the preferred form of the entries that hold its form, provided they
// all forbid it and all prefer the same form.
func (ld *langData) replace(m glossary.Match, found string) replacement {
	os := ld.owners[m.Form.Text]
	if len(os) == 0 {
		os = []owner{{m.Entry, m.Form.Status}}
	}
	var r replacement
	accepted := false
	for _, o := range os {
		if o.status != glossary.Forbidden {
			accepted = true
			continue
		}
		if p, ok := o.entry.Preferred(ld.code); ok && !contains(r.preferred, p) {
			r.preferred = append(r.preferred, p)
		}
	}
	switch {
	case accepted:
		r.reason = "another glossary entry accepts this form"
	case len(r.preferred) == 0:
		r.reason = fmt.Sprintf("the glossary has no preferred form in %s", ld.code)
	case len(r.preferred) > 1:
		r.reason = "glossary entries prefer different forms"
	default:
		r.text = ld.matchCase(found, m.Form.Text, r.preferred[0], m.Entry.CaseSensitive)
	}
	return r
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// matchCase returns the preferred form pref in the case pattern of found,
// an occurrence of the form written form: in capitals where found is in
// capitals and form is not, with a capital first letter where only that
// sets found apart from form, and as written otherwise.
func (ld *langData) matchCase(found, form, pref string, caseSensitive bool) string {
	found, form = norm.NFC.String(found), norm.NFC.String(form)
	if caseSensitive || found == form {
		return pref
	}
	tag := language.Make(ld.code)
	if allUpper(found) && !allUpper(form) {
		return cases.Upper(tag).String(pref)
	}
	r, n := utf8.DecodeRuneInString(found)
	f, k := utf8.DecodeRuneInString(form)
	if unicode.IsUpper(r) && unicode.IsLower(f) && found[n:] == form[k:] {
		p, size := utf8.DecodeRuneInString(pref)
		if unicode.IsLower(p) {
			return cases.Upper(tag).String(pref[:size]) + pref[size:]
		}
	}
	return pref
}

// allUpper reports whether s holds at least two cased letters and none
// in lower case.
func allUpper(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			n++
		}
	}
	return n >= 2
}
