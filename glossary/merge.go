package glossary

import (
	"fmt"
	"maps"
	"slices"
)

// Merge combines glossaries into one, as several --glossary files do: the
// entries of each in order. An entry equivalent to an earlier one (the
// same forms with the same standing, compared as matching compares them)
// is dropped. Two entries from different glossaries that conflict (they
// share a form in one language but prefer different forms in another, or
// one forbids a form the other accepts) make a *ConflictError naming both
// places. Conflicts inside one glossary are left to Validate, so that a
// file with contradictions of its own still loads. Entries without any
// term, which match nothing, are left out.
func Merge(gs ...*Glossary) (*Glossary, error) {
	out := &Glossary{cache: &matcherCache{}}
	ix := newFormIndex()
	for gi, g := range gs {
		if g == nil {
			continue
		}
		for _, f := range g.Files {
			if !slices.Contains(out.Files, f) {
				out.Files = append(out.Files, f)
			}
		}
	entries:
		for _, e := range g.Entries {
			if e == nil || len(e.Terms) == 0 {
				continue
			}
			shared := ix.sharing(e)
			for _, o := range shared {
				if ix.k.equivalent(o.entry, e) {
					continue entries
				}
			}
			for _, o := range shared {
				if o.glossary != gi {
					if c := ix.k.conflict(o.entry, e); c != nil {
						return nil, c
					}
				}
			}
			ix.add(e, gi)
			out.Entries = append(out.Entries, e)
		}
	}
	return out, nil
}

// indexed is an entry in a formIndex, with the glossary it came from and
// the order it was added in.
type indexed struct {
	entry    *Entry
	glossary int
	seq      int
}

// formIndex finds the entries that share a form with another, by
// language and case-folded form.
type formIndex struct {
	k     *keyer
	forms map[string][]indexed
	n     int
}

func newFormIndex() *formIndex {
	return &formIndex{k: newKeyer(), forms: map[string][]indexed{}}
}

// sharing returns the indexed entries that share a form with e, each once,
// in the order they were added.
func (ix *formIndex) sharing(e *Entry) []indexed {
	var out []indexed
	ek := ix.k.of(e)
	for l, forms := range ek {
		for _, f := range forms {
			for _, o := range ix.forms[l+"\x00"+f.folded] {
				if !slices.Contains(out, o) {
					out = append(out, o)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b indexed) int { return a.seq - b.seq })
	return out
}

func (ix *formIndex) add(e *Entry, glossary int) {
	ix.n++
	for l, forms := range ix.k.of(e) {
		for _, f := range forms {
			k := l + "\x00" + f.folded
			if !slices.ContainsFunc(ix.forms[k], func(o indexed) bool { return o.entry == e }) {
				ix.forms[k] = append(ix.forms[k], indexed{e, glossary, ix.n})
			}
		}
	}
}

// keyer computes, once per entry, its forms as matching compares them.
type keyer struct {
	fb    *formBuilder
	cache map[*Entry]map[string][]formKeys
}

// formKeys is a form in NFC, and in NFC case-folded.
type formKeys struct{ exact, folded string }

func newKeyer() *keyer {
	return &keyer{fb: newFormBuilder(), cache: map[*Entry]map[string][]formKeys{}}
}

// of returns the keys of an entry's forms by language.
func (k *keyer) of(e *Entry) map[string][]formKeys {
	if ks, ok := k.cache[e]; ok {
		return ks
	}
	ks := make(map[string][]formKeys, len(e.Terms))
	for l, forms := range e.Terms {
		fk := make([]formKeys, len(forms))
		for i, f := range forms {
			fk[i] = formKeys{exact: k.fb.key(f.Text, true), folded: k.fb.key(f.Text, false)}
		}
		ks[l] = fk
	}
	k.cache[e] = ks
	return ks
}

// same reports whether two forms of entries x and y are the same for
// matching: equal in NFC, case-folded unless both entries are
// case-sensitive.
func same(x, y *Entry, a, b formKeys) bool {
	if x.CaseSensitive && y.CaseSensitive {
		return a.exact == b.exact
	}
	return a.folded == b.folded
}

// exactly reports whether two entries hold the same forms, letter for
// letter in NFC.
func (k *keyer) exactly(x, y *Entry) bool {
	return k.equivalent(x, y) && k.equalBy(x, y, func(a, b formKeys) bool { return a.exact == b.exact })
}

// equivalent reports whether two entries hold the same forms with the
// same standing in the same languages, with the same case sensitivity.
func (k *keyer) equivalent(x, y *Entry) bool {
	return x.CaseSensitive == y.CaseSensitive && k.equalBy(x, y, func(a, b formKeys) bool { return same(x, y, a, b) })
}

func (k *keyer) equalBy(x, y *Entry, eq func(a, b formKeys) bool) bool {
	if len(x.Terms) != len(y.Terms) {
		return false
	}
	kx, ky := k.of(x), k.of(y)
	for l, xf := range x.Terms {
		yf, ok := y.Terms[l]
		if !ok || len(xf) != len(yf) {
			return false
		}
		for i := range xf {
			if xf[i].Status != yf[i].Status || !eq(kx[l][i], ky[l][i]) {
				return false
			}
		}
	}
	return true
}

// preferred returns the index of the preferred form of e in a language.
func preferred(e *Entry, lang string) (int, bool) {
	for i, f := range e.Terms[lang] {
		if f.Status == Preferred {
			return i, true
		}
	}
	return 0, false
}

// conflict returns the first conflict between an earlier entry x and a
// later one y, or nil: a form they share in one language while they
// prefer different forms in another, or a form one forbids and the other
// accepts.
func (k *keyer) conflict(x, y *Entry) *ConflictError {
	kx, ky := k.of(x), k.of(y)
	for _, a := range slices.Sorted(maps.Keys(y.Terms)) {
		for j, fy := range y.Terms[a] {
			for i, fx := range x.Terms[a] {
				if !same(x, y, kx[a][i], ky[a][j]) {
					continue
				}
				c := &ConflictError{Lang: a, Term: fy.Text, First: x.Pos, Second: y.Pos}
				switch {
				case fx.Status == Forbidden && fy.Status == Forbidden:
					continue
				case fx.Status == Forbidden:
					c.Detail = "accepted here, forbidden there"
					return c
				case fy.Status == Forbidden:
					c.Detail = "forbidden here, accepted there"
					return c
				}
				for _, b := range slices.Sorted(maps.Keys(y.Terms)) {
					py, oky := preferred(y, b)
					px, okx := preferred(x, b)
					if b != a && oky && okx && !same(x, y, kx[b][px], ky[b][py]) {
						c.Detail = fmt.Sprintf("%s %q here, %q there", b, y.Terms[b][py].Text, x.Terms[b][px].Text)
						return c
					}
				}
			}
		}
	}
	return nil
}
