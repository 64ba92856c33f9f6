package glossary

import (
	"encoding/xml"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// token handles one XML token found at pos.
func (t *tbxReader) token(tok xml.Token, pos Pos) error {
	switch tok := tok.(type) {
	case xml.StartElement:
		name := tok.Name.Local
		if !t.rootSeen {
			if name != "martif" && name != "tbx" {
				return &ParseError{Pos: pos, Msg: fmt.Sprintf("not a TBX file: the root element is <%s>, want <tbx> or <martif>", clip(name))}
			}
			t.rootSeen = true
		}
		t.stack = append(t.stack, name)
		return t.start(tok, pos)
	case xml.EndElement:
		if len(t.stack) == 0 {
			return nil
		}
		name := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		return t.end(name)
	case xml.CharData:
		if t.text != nil {
			t.text.Write(tok)
		}
	}
	return nil
}

// parent returns the local name of the element enclosing the open one.
func (t *tbxReader) parent() string {
	if len(t.stack) < 2 {
		return ""
	}
	return t.stack[len(t.stack)-2]
}

func (t *tbxReader) start(se xml.StartElement, pos Pos) error {
	switch se.Name.Local {
	case "termEntry", "conceptEntry":
		if t.entry != nil {
			return &ParseError{Pos: pos, Msg: fmt.Sprintf("<%s> inside another entry", se.Name.Local)}
		}
		t.entry = newEntry(t.src, pos.Line, 2)
		t.entry.Pos.Col = pos.Col
		if id, ok := attr(se, "id"); ok && strings.TrimSpace(id) != "" {
			t.entry.ID = strings.TrimSpace(id)
		}
		t.terms = map[string][]*tbxTerm{}
	case "langSet", "langSec":
		if t.entry == nil {
			return &ParseError{Pos: pos, Msg: fmt.Sprintf("<%s> outside an entry", se.Name.Local)}
		}
		tag, ok := attr(se, "lang")
		if !ok || strings.TrimSpace(tag) == "" {
			return &ParseError{Pos: pos, Msg: fmt.Sprintf("<%s> without xml:lang", se.Name.Local)}
		}
		code, sugg := t.lc.canon(tag, true)
		if code == "" {
			return &ParseError{Pos: pos, Msg: unknownTag(tag, sugg, "")}
		}
		t.lang = code
		if _, seen := t.entry.TermPos[code]; !seen {
			t.entry.TermPos[code] = pos
		}
	case "tig", "ntig", "termSec":
		if t.lang == "" {
			return &ParseError{Pos: pos, Msg: fmt.Sprintf("<%s> outside a language section", se.Name.Local)}
		}
		if t.term == nil {
			t.term = &tbxTerm{pos: pos}
		}
	case "term":
		if t.lang == "" {
			return &ParseError{Pos: pos, Msg: "<term> outside a language section"}
		}
		if t.term == nil { // a bare term directly in the language section
			t.term, t.bare = &tbxTerm{pos: pos}, true
		}
		t.text = &t.term.text
	case "termNote":
		if t.term != nil {
			typ, _ := attr(se, "type")
			t.admin, t.ttype = typ == "administrativeStatus", typ == "termType"
			if t.admin || t.ttype {
				t.tnote.Reset()
				t.text = &t.tnote
			}
		}
	case "descrip", "note":
		if t.entry != nil && (t.parent() == "termEntry" || t.parent() == "conceptEntry") {
			t.note = se.Name.Local
			if typ, ok := attr(se, "type"); ok && typ != "" {
				t.note = typ
			}
			t.notes.Reset()
			t.text = &t.notes
		}
	}
	return nil
}

func (t *tbxReader) end(name string) error {
	switch name {
	case "term":
		t.text = nil
		if t.bare {
			t.bare = false
			return t.endTerm()
		}
	case "termNote":
		if t.term != nil && t.text == &t.tnote {
			v := strings.TrimSpace(t.tnote.String())
			if t.admin {
				t.term.status = v
			} else if t.ttype && strings.EqualFold(v, "acronym") {
				t.entry.CaseSensitive = true
			}
		}
		t.text, t.admin, t.ttype = nil, false, false
	case "tig", "ntig", "termSec":
		if t.term != nil {
			return t.endTerm()
		}
	case "langSet", "langSec":
		t.lang = ""
	case "descrip", "note":
		if t.note != "" && t.text == &t.notes {
			if v := strings.TrimSpace(t.notes.String()); v != "" {
				if t.entry.Notes == nil {
					t.entry.Notes = map[string]string{}
				}
				t.entry.Notes[t.note] = v
			}
			t.note, t.text = "", nil
		}
	case "termEntry", "conceptEntry":
		if t.entry != nil {
			if err := t.endEntry(); err != nil {
				return err
			}
		}
	}
	return nil
}

// endTerm files the open term under the open language.
func (t *tbxReader) endTerm() error {
	term := t.term
	t.term = nil
	if strings.TrimSpace(term.text.String()) == "" {
		return &ParseError{Pos: term.pos, Msg: "empty term"}
	}
	t.terms[t.lang] = append(t.terms[t.lang], term)
	return nil
}

// endEntry assigns statuses and appends the open entry to the glossary.
func (t *tbxReader) endEntry() error {
	e := t.entry
	t.entry = nil
	raw := map[string][]rawForm{}
	for l, terms := range t.terms {
		pref := -1
		forms := make([]rawForm, 0, len(terms))
		for _, term := range terms {
			st, ok := adminStatus(term.status)
			if !ok {
				return &ParseError{Pos: term.pos, Msg: fmt.Sprintf("unknown administrativeStatus %q", clip(term.status))}
			}
			if st == Preferred && pref < 0 {
				pref = len(forms)
			}
			forms = append(forms, rawForm{text: strings.TrimSpace(term.text.String()), forbidden: st == Forbidden})
		}
		if pref > 0 {
			p := forms[pref]
			copy(forms[1:pref+1], forms[:pref])
			forms[0] = p
		}
		raw[l] = forms
	}
	for _, l := range slices.Sorted(maps.Keys(raw)) {
		forms, err := t.fb.forms(raw[l], e.CaseSensitive)
		if err != nil {
			return &ParseError{Pos: e.TermPos[l], Msg: err.Error()}
		}
		e.Terms[l] = forms
	}
	t.g.Entries = append(t.g.Entries, e)
	return nil
}

// adminStatus maps a TBX administrativeStatus onto a status. TBX v2
// writes "preferredTerm-admn-sts", TBX v3 "preferred". A term without a
// status is admitted (the first accepted term of a language becomes the
// preferred one when none is marked).
func adminStatus(s string) (Status, bool) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.TrimSuffix(k, "-admn-sts")
	k = strings.TrimSuffix(k, "term")
	switch k {
	case "":
		return Admitted, true
	case "preferred", "standardized", "legal", "regulated":
		return Preferred, true
	case "admitted":
		return Admitted, true
	case "deprecated", "superseded", "notrecommended", "obsolete":
		return Forbidden, true
	}
	return Admitted, false
}
