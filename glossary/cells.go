package glossary

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
	if strings.IndexByte(s, '\\') >= 0 {
		return splitEscaped(s)
	}
	out := make([]rawForm, 0, strings.Count(s, "|")+1)
	for piece := range strings.SplitSeq(s, "|") {
		f := rawForm{text: strings.TrimSpace(piece)}
		if strings.HasPrefix(f.text, "!") {
			f.text, f.forbidden = strings.TrimSpace(f.text[1:]), true
		}
		if f.text == "" {
			return nil, fmt.Errorf("empty form in %q", clip(s))
		}
		out = append(out, f)
	}
	return out, nil
}

// splitEscaped is splitCell for a cell with backslashes, read character
// by character.
func splitEscaped(s string) ([]rawForm, error) {
	var (
		out    []rawForm
		buf    strings.Builder
		marked bool // the form started with '!'
		lead   bool // only whitespace (and the '!') read so far
	)
	start := func() { buf.Reset(); marked, lead = false, true }
	finish := func() error {
		t := strings.TrimRightFunc(buf.String(), isSpace)
		if t == "" {
			return fmt.Errorf("empty form in %q", clip(s))
		}
		out = append(out, rawForm{text: t, forbidden: marked})
		return nil
	}
	start()
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) && strings.IndexByte(`|!\\`, s[i+1]) >= 0 {
			buf.WriteByte(s[i+1])
			i, lead = i+2, false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == '|':
			if err := finish(); err != nil {
				return nil, err
			}
			start()
		case lead && isSpace(r):
		case lead && c == '!' && !marked:
			marked = true
		default:
			buf.WriteString(s[i : i+n])
			lead = false
		}
		i += n
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}

// MaxFormBytes is the longest form a glossary may hold, in bytes of UTF-8:
// a term, not a text. Longer forms are load errors.
const MaxFormBytes = 4096

// formBuilder turns cells into forms, keeping buffers for reuse.
type formBuilder struct {
	keys keyMaker
	seen map[string]int // keys of the forms of a cell with many
}

func newFormBuilder() *formBuilder { return &formBuilder{} }

// key is the form as matching compares it: NFC, whitespace and ignorable
// characters as matching reads them, and case-folded unless the entry is
// case-sensitive.
func (fb *formBuilder) key(text string, caseSensitive bool) string {
	if caseSensitive {
		return fb.keys.exactKey(text)
	}
	return fb.keys.folded(text)
}

// add reads the forms of a cell into the entry's term in one language.
// The entry's case sensitivity must be known.
func (fb *formBuilder) add(e *Entry, lang string, c cell) error {
	var forms []Form
	if !strings.ContainsAny(c.text, "|!\\") {
		// one form, the common case
		t := strings.TrimSpace(c.text)
		if t == "" {
			return nil
		}
		if len(t) > MaxFormBytes {
			return &ParseError{Pos: c.pos, Msg: tooLong(t)}
		}
		forms = []Form{{Text: t, Status: Preferred}}
	} else {
		raw, err := splitCell(c.text)
		if err != nil {
			return &ParseError{Pos: c.pos, Msg: err.Error()}
		}
		if len(raw) == 0 {
			return nil
		}
		if forms, err = fb.forms(raw, e.CaseSensitive); err != nil {
			return &ParseError{Pos: c.pos, Msg: err.Error()}
		}
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
			return nil, errors.New(tooLong(r.text))
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
	keys := make([]string, 0, len(raw))
	pref := -1
	for _, r := range raw {
		st := Admitted
		if r.forbidden {
			st = Forbidden
		} else if pref < 0 {
			st, pref = Preferred, len(out)
		}
		k := fb.key(r.text, caseSensitive)
		if i := fb.index(keys, k); i >= 0 {
			if (out[i].Status == Forbidden) != (st == Forbidden) {
				return nil, fmt.Errorf("form %q is both accepted and forbidden", clip(r.text))
			}
			continue
		}
		keys = append(keys, k)
		out = append(out, Form{Text: r.text, Status: st})
	}
	if pref > 0 {
		p := out[pref]
		copy(out[1:pref+1], out[:pref])
		out[0] = p
	}
	return out, nil
}

// index finds k in keys: by scanning few keys, through a map for many,
// so that a hostile cell of thousands of forms stays linear.
func (fb *formBuilder) index(keys []string, k string) int {
	if len(keys) < 16 {
		return slices.Index(keys, k)
	}
	if fb.seen == nil || len(keys) == 16 {
		fb.seen = make(map[string]int, 64)
		for i, key := range keys {
			if _, dup := fb.seen[key]; !dup {
				fb.seen[key] = i
			}
		}
	}
	i, ok := fb.seen[k]
	if !ok {
		fb.seen[k] = len(keys)
		return -1
	}
	return i
}

// tooLong words the error for a form longer than MaxFormBytes.
func tooLong(t string) string {
	return fmt.Sprintf("form %q is %d bytes long, more than the limit of %d", clip(t), len(t), MaxFormBytes)
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
