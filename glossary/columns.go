package glossary

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/juru-cli/juru/internal/lang"
)

// colKind says what a column of a CSV or TSV table holds.
type colKind int

const (
	colSkip    colKind = iota // empty header: tolerated when its cells are empty
	colLang                   // the term in one language
	colNote                   // a note kept in Entry.Notes
	colCase                   // the case-sensitive flag
	colSrcLang                // pair layout: language of the source string
	colTgtLang                // pair layout: language of the target string
	colSrcText                // pair layout: the source string
	colTgtText                // pair layout: the target string
)

// column is one classified header cell.
type column struct {
	kind colKind
	name string // the header as written, trimmed
	lang string // canonical language code, for colLang
	pos  Pos
}

// squash lower-cases a header name and drops spaces, '-' and '_', so that
// "Part of speech", "part_of_speech" and "partOfSpeech" compare equal.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// isNoteWord reports the header names kept as notes even where they would
// parse as a language tag ("pos", "key" and "tag" are ISO 639-3 codes).
func isNoteWord(squashed string) bool {
	switch squashed {
	case "note", "notes", "comment", "comments", "remark", "remarks",
		"description", "desc", "definition", "context", "example", "examples",
		"usage", "pos", "partofspeech", "gender", "domain", "subject",
		"subjectfield", "category", "tag", "tags", "type", "status", "url", "link",
		"key", "stringid", "entryid", "termid", "conceptid", "identifier", "ref",
		"reference":
		return true
	}
	return false
}

// isCaseWord reports the header names of the case-sensitive flag column.
func isCaseWord(squashed string) bool {
	switch squashed {
	case "case", "casesensitive", "matchcase":
		return true
	}
	return false
}

// pairColumn recognises the columns of the TICO-19 pair layout.
func pairColumn(squashed string) colKind {
	switch squashed {
	case "sourcelang", "sourcelanguage":
		return colSrcLang
	case "targetlang", "targetlanguage":
		return colTgtLang
	case "sourcestring", "sourceterm":
		return colSrcText
	case "targetstring", "targetterm":
		return colTgtText
	}
	return colSkip
}

// langCanon turns language tags into the codes glossaries are keyed by.
type langCanon struct {
	reg   *lang.Registry
	cache map[string]string
}

func newLangCanon() *langCanon {
	return &langCanon{reg: lang.New(), cache: map[string]string{}}
}

// canon returns the code for a tag: juru's own code when the tag names one
// of its languages, else the canonical BCP 47 tag of a language that has a
// registered English name. With loose set (tags that can only be
// languages: explicit column lists, xml:lang, language cells), any valid
// BCP 47 language tag is accepted, such as "bts" (Batak Simalungun), which
// has no English name in CLDR. Special codes such as und, mul and zxx are
// not languages. For an unknown tag it returns "" and the nearest code of
// juru's languages, if one is near.
func (c *langCanon) canon(tag string, loose bool) (code, suggestion string) {
	ck := tag
	if !loose {
		ck = "\x00" + tag
	}
	if code, ok := c.cache[ck]; ok {
		return code, ""
	}
	key := strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")
	if t, err := language.Parse(key); err == nil {
		// "und" and the like parse, standing for no language in
		// particular; matching would take them for English.
		if _, conf := t.Base(); conf < language.High {
			return "", ""
		}
	}
	l, lerr := c.reg.Lookup(key)
	if lerr == nil {
		c.cache[ck] = l.Code
		return l.Code, ""
	}
	if t, err := language.Parse(key); err == nil {
		base, conf := t.Base()
		switch base.String() {
		case "und", "mul", "mis", "zxx":
		default:
			if conf == language.Exact && (loose || display.English.Languages().Name(base) != "") {
				c.cache[ck] = t.String()
				return t.String(), ""
			}
		}
	}
	var ue *lang.UnknownError
	if errors.As(lerr, &ue) && ue.Suggestion != "asean" {
		return "", ue.Suggestion
	}
	return "", ""
}

// unknownTag words the error for a tag that names no language.
func unknownTag(tag, suggestion, where string) string {
	msg := fmt.Sprintf("unknown language tag %q%s", tag, where)
	if suggestion != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", suggestion)
	}
	return msg
}

// classify reads a header row, or with given set the column names passed
// by the caller. pair reports the TICO-19 pair layout.
func classify(cells []cell, lc *langCanon, given bool) (cols []column, pair bool, err error) {
	kinds := map[colKind]int{}
	for _, c := range cells {
		if k := pairColumn(squash(c.text)); k != colSkip {
			kinds[k]++
		}
	}
	pair = kinds[colSrcLang] == 1 && kinds[colTgtLang] == 1 && kinds[colSrcText] == 1 && kinds[colTgtText] == 1
	seen := map[string]int{}
	for i, c := range cells {
		name := strings.TrimSpace(c.text)
		sq := squash(name)
		col := column{name: name, pos: c.pos}
		switch {
		case name == "":
			col.kind = colSkip
		case pair && pairColumn(sq) != colSkip:
			col.kind = pairColumn(sq)
		case isCaseWord(sq):
			col.kind = colCase
		case isNoteWord(sq) || strings.ContainsFunc(name, isSpace) || pair:
			col.kind = colNote
		default:
			code, sugg := lc.canon(name, given)
			if code == "" {
				return nil, false, &ParseError{Pos: c.pos, Msg: unknownTag(name, sugg, " in header"), header: !given}
			}
			col.kind, col.lang = colLang, code
		}
		key := ""
		switch col.kind {
		case colLang:
			key = "lang " + col.lang
		case colNote:
			key = "note " + strings.ToLower(name)
		case colCase:
			key = "case"
		}
		if key != "" {
			if j, dup := seen[key]; dup {
				what := fmt.Sprintf("column %q", name)
				if col.kind == colLang && !strings.EqualFold(name, col.lang) {
					what = fmt.Sprintf("column %q (language %s)", name, col.lang)
				}
				return nil, false, &ParseError{Pos: c.pos, Msg: fmt.Sprintf("duplicate %s, already column %d", what, j+1)}
			}
			seen[key] = i
		}
		cols = append(cols, col)
	}
	return cols, pair, nil
}
