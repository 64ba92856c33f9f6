package mock

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/prompt"
)

// Translator is the mock's deterministic pseudo-translator. It is safe
// for concurrent use.
type Translator struct {
	digits Digits
	keep   *regexp.Regexp
	// triggers holds the characters one of which every keep match
	// contains; "" when placeholders are custom and anything may match.
	triggers string
	langs    *lang.Registry

	mu      sync.Mutex
	cached  map[string]*langWriting
	replies map[[32]byte]string // recent replies by spec and mode
}

// langWriting is how one language writes: its script, spacing, pseudo-words
// and numbers, and how its text is read as a source.
type langWriting struct {
	code   string
	script string
	spaced bool
	words  wordMaker
	num    numberFormat // as the language writes numbers, digits per Digits
	src    numberFormat // the language's separators with European digits
}

// NewTranslator returns a pseudo-translator writing digits as d and
// keeping the text that placeholders matches verbatim (DefaultPlaceholders
// when nil), besides code, links, URLs, e-mail addresses and HTML.
func NewTranslator(d Digits, placeholders *regexp.Regexp) *Translator {
	ph, triggers := DefaultPlaceholders, builtinTriggers+"⟦{"
	if placeholders != nil {
		ph, triggers = placeholders.String(), ""
	}
	return &Translator{
		digits:   d,
		keep:     regexp.MustCompile(`(?:` + ph + `)|` + builtinKeep),
		triggers: triggers,
		langs:    lang.New(),
		cached:   map[string]*langWriting{},
		replies:  map[[32]byte]string{},
	}
}

// writing returns how the language with a juru code writes.
func (t *Translator) writing(code string) *langWriting {
	t.mu.Lock()
	defer t.mu.Unlock()
	if w, ok := t.cached[code]; ok {
		return w
	}
	w := &langWriting{code: code}
	var tag language.Tag
	if l, err := t.langs.Lookup(code); err == nil {
		w.code, w.script, w.spaced, tag = l.Code, l.Script, l.Spaced, l.Tag
	} else {
		tag = language.Make(code)
		s, _ := tag.Script()
		w.script = s.String()
		w.spaced = !unspacedScript(w.script)
	}
	w.words = newWordMaker(w.code, w.script)
	w.num = newNumberFormat(tag, numberingSystem(w.code, t.digits))
	w.src = newNumberFormat(tag, "latn")
	t.cached[code] = w
	return w
}

func unspacedScript(s string) bool {
	switch s {
	case "Thai", "Laoo", "Khmr", "Mymr", "Hans", "Hant", "Hani", "Jpan":
		return true
	}
	return false
}

// termMode is how a translation renders glossary terms.
type termMode uint8

const (
	termsRequired termMode = iota // the required target form
	termsDropped                  // ordinary pseudo-words
	termsCorrupt                  // a forbidden form, or the source term
)

// termPattern is one form of a glossary term to look for in the document.
type termPattern struct {
	form string // NFC
	term *prompt.Term
}

// render holds what translating one document needs.
type render struct {
	t          *Translator
	to         *langWriting
	same       bool // source and target language are the same
	srcSpaced  bool
	srcNum     numberFormat
	toNum      numberFormat
	toSpaced   bool
	terms      []termPattern // longest first
	mode       termMode
	avoid      avoidance
	wordsCache map[string]string
}

// newRender prepares the translation of one spec.
func (t *Translator) newRender(s *prompt.Spec, mode termMode) *render {
	from, to := t.writing(s.From.Code), t.writing(s.To.Code)
	r := &render{
		t: t, to: to, same: from.code == to.code,
		srcSpaced: from.spaced, srcNum: from.src, toNum: to.num, toSpaced: to.spaced,
		mode: mode, wordsCache: map[string]string{},
	}
	for i := range s.Terms {
		term := &s.Terms[i]
		forms := append([]string{term.Source}, term.Accepted...)
		forms = append(forms, term.Forbidden...)
		for _, f := range forms {
			f = norm.NFC.String(f)
			if strings.TrimSpace(f) != "" {
				r.terms = append(r.terms, termPattern{form: f, term: term})
			}
		}
		r.avoid.add(term.Forbidden)
	}
	sort.SliceStable(r.terms, func(i, j int) bool { return len(r.terms[i].form) > len(r.terms[j].form) })
	return r
}

// termText renders a glossary term found in the source as matched.
func (r *render) termText(p *termPattern, matched string) string {
	switch r.mode {
	case termsDropped:
		return r.join(r.forcedPseudo(matched))
	case termsCorrupt:
		if len(p.term.Forbidden) > 0 {
			return oneLine(p.term.Forbidden[0])
		}
		ok := !strings.EqualFold(matched, p.term.Target)
		for _, a := range p.term.Accepted {
			ok = ok && !strings.EqualFold(matched, a)
		}
		if ok {
			return matched
		}
		return r.join(r.forcedPseudo(matched))
	}
	return oneLine(p.term.Target)
}

// forcedPseudo spells text as pseudo-words even when source and target
// are the same language.
func (r *render) forcedPseudo(s string) []piece {
	same := r.same
	r.same = false
	defer func() { r.same = same }()
	return r.gap(s, nil, false)
}

// oneLine keeps a glossary form from breaking the document's lines.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// word returns the pseudo-word for a source word: the word itself when
// source and target are the same language, otherwise a spelling in the
// target's script that differs from every forbidden form.
func (r *render) word(src string) string {
	if r.same {
		return src
	}
	if w, ok := r.wordsCache[src]; ok {
		return w
	}
	w := r.to.words.word(src, 0)
	for v := 1; v < 16 && r.avoid.collides(w); v++ {
		w = r.to.words.word(src, v)
	}
	r.wordsCache[src] = w
	return w
}

// avoidance holds the forbidden forms that pseudo-words must not spell.
type avoidance struct {
	words map[string]bool // every word of every forbidden form, folded
	forms []string        // the forbidden forms, folded
}

func (a *avoidance) add(forms []string) {
	for _, f := range forms {
		f = fold(f)
		if strings.TrimSpace(f) == "" {
			continue
		}
		a.forms = append(a.forms, f)
		if a.words == nil {
			a.words = map[string]bool{}
		}
		for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) }) {
			a.words[w] = true
		}
	}
}

// collides reports whether a pseudo-word is a word of a forbidden form or
// contains a whole one.
func (a *avoidance) collides(w string) bool {
	if len(a.forms) == 0 {
		return false
	}
	fw := lower(w)
	return a.words[fw] || a.spells(fw)
}

// spells reports whether s contains a forbidden form.
func (a *avoidance) spells(s string) bool {
	if len(a.forms) == 0 {
		return false
	}
	fs := lower(s)
	for _, f := range a.forms {
		if strings.Contains(fs, f) {
			return true
		}
	}
	return false
}

// fold lower-cases rune by rune in NFC, so that lengths stay comparable.
func fold(s string) string { return lower(norm.NFC.String(s)) }

// lower lower-cases rune by rune; pseudo-words are already in NFC.
func lower(s string) string {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return strings.Map(unicode.ToLower, s)
		}
	}
	return s
}

// Reply returns the mock's answer to a juru prompt with nothing injected:
// the compliant translation, summary or notes.
func (t *Translator) Reply(s prompt.Spec) string {
	return t.reply(&s, termsRequired)
}

// ReplyTo returns the answer to a chat conversation built by juru's prompt
// package, repairs included (a repair gets the compliant answer), or
// prompt.ErrNotPrompt when the messages are not a juru prompt.
func (t *Translator) ReplyTo(msgs []llm.Message) (string, error) {
	s, err := prompt.Parse(msgs)
	if err != nil {
		return "", err
	}
	if _, err := prompt.Conversation(msgs); err != nil {
		return "", err
	}
	return t.Reply(s), nil
}

// compose writes the reply for a task.
func (t *Translator) compose(s *prompt.Spec, mode termMode) string {
	r := t.newRender(s, mode)
	doc := norm.NFC.String(s.Document)
	switch s.Task {
	case prompt.Summarize:
		return r.summary(doc, s.Style, s.Words)
	case prompt.Notes:
		return r.notes(doc)
	}
	return r.translateDoc(doc)
}

// Word returns the pseudo-word the translator writes in language code for
// a source word, as a translation from another language would.
func (t *Translator) Word(code, word string) string {
	w := t.writing(code)
	return w.words.word(word, 0)
}

// Number returns a number written with English separators ("34.35",
// "1,200") the way the translation writes it in language code.
func (t *Translator) Number(code, english string) string {
	en := t.writing("en").src
	n, k := parseNumber(english, en)
	if k == 0 {
		return english
	}
	return t.writing(code).num.render(n) + english[k:]
}
