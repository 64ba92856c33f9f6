package glossary

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/juru-cli/juru/internal/lang"
)

// The severities of a Problem.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Problem is one finding of Validate.
type Problem struct {
	// Pos is where the problem is: the entry, or the cell of a form.
	Pos Pos `json:"pos"`
	// Severity is SeverityError or SeverityWarning.
	Severity string `json:"severity"`
	// Code names the kind of problem; the codes are listed in the
	// package documentation and do not change.
	Code string `json:"code"`
	// Message says what is wrong, in lower case.
	Message string `json:"message"`
}

// String renders the problem as "file:line:col: severity code: message".
func (p Problem) String() string {
	return fmt.Sprintf("%s: %s %s: %s", p.Pos, p.Severity, p.Code, p.Message)
}

// validator gathers the problems of a glossary.
type validator struct {
	g     *Glossary
	k     *keyer
	reg   *lang.Registry
	out   []Problem
	langs map[string]bool // languages already judged
}

func (v *validator) add(pos Pos, severity, code, format string, args ...any) {
	v.out = append(v.out, Problem{Pos: pos, Severity: severity, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Validate checks a glossary for what makes it wrong or ambiguous, as
// `juru glossary validate` reports it: see the package documentation for
// the codes. Problems are sorted by position.
func Validate(g *Glossary) []Problem {
	v := &validator{g: g, k: newKeyer(), reg: lang.New(), langs: map[string]bool{}}
	if g.Len() == 0 {
		file := ""
		if g != nil && len(g.Files) > 0 {
			file = g.Files[0]
		}
		v.add(Pos{File: file}, SeverityWarning, "no-entries", "the glossary has no entries")
		return v.out
	}
	fileLangs := map[string]map[string]bool{}
	for _, e := range g.Entries {
		if fileLangs[e.Pos.File] == nil {
			fileLangs[e.Pos.File] = map[string]bool{}
		}
		for l := range e.Terms {
			fileLangs[e.Pos.File][l] = true
		}
	}
	for _, e := range g.Entries {
		v.entry(e, fileLangs[e.Pos.File])
	}
	v.pairs()
	for _, l := range g.Langs() {
		v.overlaps(l)
	}
	v.sort()
	return v.out
}

// entry checks one entry on its own.
func (v *validator) entry(e *Entry, fileLangs map[string]bool) {
	switch len(e.Terms) {
	case 0:
		v.add(e.Pos, SeverityError, "empty-entry", "the entry has no term in any language")
		return
	case 1:
		for l := range e.Terms {
			v.add(e.Pos, SeverityWarning, "single-language", "the entry has a term in %s only, so it can be matched but never required", l)
		}
	default:
		var missing []string
		for l := range fileLangs {
			if _, ok := e.Terms[l]; !ok {
				missing = append(missing, l)
			}
		}
		if len(missing) > 0 {
			slices.Sort(missing)
			v.add(e.Pos, SeverityWarning, "empty-cell", "the entry has no term in %s", strings.Join(missing, ", "))
		}
	}
	for _, l := range slices.Sorted(maps.Keys(e.Terms)) {
		v.language(e, l)
		for _, f := range e.Terms[l] {
			v.form(e, l, f)
		}
	}
}

// termPos returns where an entry's forms in a language are, or the entry.
func termPos(e *Entry, lang string) Pos {
	if p, ok := e.TermPos[lang]; ok {
		return p
	}
	return e.Pos
}

// language judges a language code the first time it is seen.
func (v *validator) language(e *Entry, code string) {
	if v.langs[code] {
		return
	}
	v.langs[code] = true
	want := ""
	if l, err := v.reg.Lookup(code); err == nil {
		if l.Code == code {
			return
		}
		want = l.Code
	} else if t, err := language.Parse(code); err == nil && t.String() != code {
		want = t.String()
	} else if err != nil {
		v.add(termPos(e, code), SeverityError, "unknown-lang", "%q is not a language tag", code)
		return
	}
	if want != "" {
		v.add(termPos(e, code), SeverityError, "unknown-lang", "%q is not a canonical language code (want %q)", code, want)
		return
	}
	v.add(termPos(e, code), SeverityWarning, "unsupported-lang", "juru does not translate into %s; its terms are only matched", code)
}

// form checks one form for spreadsheet formulas and edge punctuation.
func (v *validator) form(e *Entry, l string, f Form) {
	pos := termPos(e, l)
	t := f.Text
	formula := strings.IndexByte("=+-@\t\r", t[0]) >= 0
	if formula {
		v.add(pos, SeverityWarning, "formula", "%s form %q looks like a spreadsheet formula; a spreadsheet may run it", l, clip(t))
	}
	first, last := []rune(t)[0], lastBaseRune(t)
	side := ""
	switch {
	case edgePunct(first) && !formula && edgePunct(last):
		side = "starts and ends"
	case edgePunct(first) && !formula:
		side = "starts"
	case edgePunct(last):
		side = "ends"
	}
	if side != "" {
		v.add(pos, SeverityWarning, "edge-punct", "%s form %q %s with punctuation, so it matches there without a word boundary", l, clip(t), side)
	}
}

// edgePunct reports punctuation and symbols: at a form's edge, matching
// holds no word boundary there.
func edgePunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// pairs reports entries that share a form: duplicates, conflicts, and
// forms the matcher can only find as one of them.
func (v *validator) pairs() {
	index := map[string][]*Entry{}
	seen := map[[2]*Entry]bool{}
	dup := map[*Entry]bool{} // entries reported as duplicates
	for _, y := range v.g.Entries {
		ky := v.k.of(y)
		for _, l := range slices.Sorted(maps.Keys(y.Terms)) {
			for j, fy := range y.Terms[l] {
				key := l + "\x00" + ky[l][j].folded
				for _, x := range index[key] {
					if seen[[2]*Entry{x, y}] || dup[x] || dup[y] {
						continue
					}
					i := slices.IndexFunc(v.k.of(x)[l], func(fk formKeys) bool { return same(x, y, fk, ky[l][j]) })
					if i < 0 || x.Terms[l][i].Status == Forbidden && fy.Status == Forbidden {
						continue
					}
					seen[[2]*Entry{x, y}] = true
					dup[y] = v.pair(x, y, l, fy)
				}
				if !slices.Contains(index[key], y) {
					index[key] = append(index[key], y)
				}
			}
		}
	}
}

// pair reports on an earlier entry x and a later one y that share the
// form f in language l, and whether y duplicates x.
func (v *validator) pair(x, y *Entry, l string, f Form) bool {
	switch {
	case v.k.exactly(x, y):
		v.add(y.Pos, SeverityWarning, "duplicate", "the entry repeats the one at %s", where(y.Pos, x.Pos))
		return true
	case v.k.equivalent(x, y):
		v.add(y.Pos, SeverityWarning, "duplicate", "the entry repeats the one at %s, apart from case", where(y.Pos, x.Pos))
		return true
	}
	if c := v.k.conflict(x, y); c != nil {
		v.add(y.Pos, SeverityError, "conflict", "%s %q is also in the entry at %s: %s", c.Lang, clip(c.Term), where(y.Pos, x.Pos), c.Detail)
		return false
	}
	v.add(termPos(y, l), SeverityWarning, "same-form", "%s form %q is also in the entry at %s; the matcher finds only that entry", l, clip(f.Text), where(y.Pos, x.Pos))
	return false
}

// where names the place p for a message about a place in from: the line
// alone within the same file.
func where(from, p Pos) string {
	if from.File == p.File && p.Line > 0 {
		return fmt.Sprintf("line %d", p.Line)
	}
	return p.String()
}

// sort orders the problems by file (in the glossary's order), line,
// column and code.
func (v *validator) sort() {
	order := func(f string) int {
		if i := slices.Index(v.g.Files, f); i >= 0 {
			return i
		}
		return len(v.g.Files)
	}
	slices.SortStableFunc(v.out, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(order(a.Pos.File), order(b.Pos.File)),
			strings.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Code, b.Code),
		)
	})
}
