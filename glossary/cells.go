package glossary

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// cell is one field of a CSV or TSV record with its position.
type cell struct {
	text string
	pos  Pos
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// rawForm is one form of a cell before statuses are assigned.
type rawForm struct {
	text      string
	forbidden bool
}

// splitCell splits a cell into its forms. Forms are separated by '|'; a
// form whose first character is '!' is forbidden; "\|", "\!" and "\\"
// stand for a literal '|', '!' and '\', and a backslash before anything
// else is an ordinary character. Whitespace around each form (and after
// the '!') is dropped. A cell of whitespace only holds no form; an empty
// form in a cell that holds several is an error.
func splitCell(s string) ([]rawForm, error) {
	if !strings.ContainsAny(s, "|!\\") {
		if t := strings.TrimSpace(s); t != "" {
			return []rawForm{{text: t}}, nil
		}
		return nil, nil
	}
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var (
		out    []rawForm
		buf    strings.Builder
		marked bool // the form started with '!'
		begun  bool // a character of the form (or its marker) has been read
		text   bool // a character of the form's text has been read
	)
	finish := func() error {
		t := strings.TrimRightFunc(buf.String(), isSpace)
		if t == "" {
			return fmt.Errorf("empty form in %q", clip(s))
		}
		out = append(out, rawForm{text: t, forbidden: marked})
		buf.Reset()
		marked, begun, text = false, false, false
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && (s[i+1] == '|' || s[i+1] == '!' || s[i+1] == '\\'):
			buf.WriteByte(s[i+1])
			i++
			begun, text = true, true
		case c == '|':
			if err := finish(); err != nil {
				return nil, err
			}
		case c == '!' && !begun:
			marked, begun = true, true
		case !text && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'):
			// leading ASCII space; other spaces are trimmed below
		default:
			buf.WriteByte(c)
			begun, text = true, true
		}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].text = strings.TrimLeftFunc(out[i].text, isSpace)
		if out[i].text == "" {
			return nil, fmt.Errorf("empty form in %q", clip(s))
		}
	}
	return out, nil
}

// MaxFormBytes is the longest form a glossary may hold, in bytes of UTF-8:
// a term, not a text. Longer forms are load errors.
const MaxFormBytes = 4096

// formBuilder turns cells into forms, keeping a case folder for reuse.
type formBuilder struct {
	fold cases.Caser
}

func newFormBuilder() *formBuilder { return &formBuilder{fold: cases.Fold()} }

// key is the form as matching compares it: NFC, and case-folded unless
// the entry is case-sensitive.
func (fb *formBuilder) key(text string, caseSensitive bool) string {
	t := norm.NFC.String(text)
	if caseSensitive {
		return t
	}
	return foldString(fb.fold, t)
}

// add reads the forms of a cell into the entry's term in one language.
// The entry's case sensitivity must be known.
func (fb *formBuilder) add(e *Entry, lang string, c cell) error {
	raw, err := splitCell(c.text)
	if err != nil {
		return &ParseError{Pos: c.pos, Msg: err.Error()}
	}
	if len(raw) == 0 {
		return nil
	}
	forms, err := fb.forms(raw, e.CaseSensitive)
	if err != nil {
		return &ParseError{Pos: c.pos, Msg: err.Error()}
	}
	e.Terms[lang] = append(e.Terms[lang], forms...)
	if _, ok := e.TermPos[lang]; !ok {
		e.TermPos[lang] = c.pos
	}
	return nil
}

// forms assigns statuses to the raw forms of one language: the first
// form that is not forbidden is preferred, the later ones admitted. The
// preferred form comes first, the others keep their order. A form given
// twice is kept once; a form both accepted and forbidden is an error.
func (fb *formBuilder) forms(raw []rawForm, caseSensitive bool) ([]Form, error) {
	for _, r := range raw {
		if len(r.text) > MaxFormBytes {
			return nil, fmt.Errorf("form %q is %d bytes long, more than the limit of %d", clip(r.text), len(r.text), MaxFormBytes)
		}
	}
	if len(raw) == 1 {
		st := Preferred
		if raw[0].forbidden {
			st = Forbidden
		}
		return []Form{{Text: raw[0].text, Status: st}}, nil
	}
	out := make([]Form, 0, len(raw))
	seen := make(map[string]Status, len(raw))
	pref := -1
	for _, r := range raw {
		st := Admitted
		if r.forbidden {
			st = Forbidden
		} else if pref < 0 {
			st, pref = Preferred, len(out)
		}
		k := fb.key(r.text, caseSensitive)
		if old, dup := seen[k]; dup {
			if (old == Forbidden) != (st == Forbidden) {
				return nil, fmt.Errorf("form %q is both accepted and forbidden", clip(r.text))
			}
			continue
		}
		seen[k] = st
		out = append(out, Form{Text: r.text, Status: st})
	}
	if pref > 0 {
		p := out[pref]
		copy(out[1:pref+1], out[:pref])
		out[0] = p
	}
	return out, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
