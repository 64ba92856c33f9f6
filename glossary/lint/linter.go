package lint

import (
	"fmt"
	"hash/maphash"
	"sort"
	"strings"
	"sync"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/numbers"
	"golang.org/x/text/language"
)

// Linter checks documents. It is safe for concurrent use.
type Linter struct {
	opts Options
	reg  *lang.Registry
	// sev holds the severity of every rule after Options.Severities.
	sev map[string]Severity
	// rank orders the rules as Rules lists them, for sorting findings.
	rank map[string]int
	// digits tells digits of any script apart quickly, letters letters
	// of the scripts of South-East Asia, and skeletons feeds the sieves.
	digits    *digitTable
	letters   *letterTable
	skeletons *skeletonTable

	mu    sync.Mutex
	langs map[string]*langData
	// sources keeps the sources prepared last.
	sources sourceCache
}

// langData is what the rules need for one language, built on first use.
type langData struct {
	once sync.Once
	code string
	// info is the registry's record of the language; known is false for
	// a language the registry lacks, whose script is not checked.
	info  lang.Language
	known bool
	// matcher finds the glossary's forms of the language; nil without a
	// glossary or without forms in the language.
	matcher *glossary.Matcher
	// owners maps each form as written to the entries holding it (see
	// owners); longest is the length in bytes of the longest form.
	owners  map[string][]owner
	longest int
	reader  *numbers.Reader
	// sieve holds the forbidden forms and the forms of case-sensitive
	// entries; nil when the language cannot be sieved (see sieve).
	sieve *sieve
	// grams counts the grams of those forms, to choose rare ones.
	grams map[uint64]int
	// breakers are the characters no form of the language holds.
	breakers *breakers
	// all is the sieve of every form of the language, for sources,
	// made on first use; nil when the language cannot be sieved.
	allOnce sync.Once
	all     *sieve
}

// UnknownRuleError reports a rule ID or severity in Options.Severities
// that does not exist.
type UnknownRuleError struct {
	Rule     string
	Severity Severity
}

func (e *UnknownRuleError) Error() string {
	if e.Severity != "" {
		return fmt.Sprintf("rule %s: unknown severity %q (want error, warning, info or off)", e.Rule, e.Severity)
	}
	return fmt.Sprintf("unknown rule %q", e.Rule)
}

// New prepares a Linter. Matchers and number readers are built once per
// language, on first use. It fails for an unknown rule ID or severity in
// opts.Severities (*UnknownRuleError).
func New(opts Options) (*Linter, error) {
	l := &Linter{reg: lang.New(), sev: map[string]Severity{}, rank: map[string]int{}, langs: map[string]*langData{}, digits: newDigitTable(), letters: newLetterTable(), skeletons: &skeletonTable{}}
	l.sources.seed = maphash.MakeSeed()
	if opts.SourceLang == "" {
		opts.SourceLang = "en"
	}
	l.opts = opts
	l.opts.SourceLang = l.canonical(opts.SourceLang)
	for i, r := range Rules() {
		l.sev[r.ID], l.rank[r.ID] = r.Severity, i
	}
	for id, s := range opts.Severities {
		if _, ok := l.sev[id]; !ok {
			return nil, &UnknownRuleError{Rule: id}
		}
		switch s {
		case Error, Warning, Info, Off:
			l.sev[id] = s
		default:
			return nil, &UnknownRuleError{Rule: id, Severity: s}
		}
	}
	return l, nil
}

// Severity returns the severity a rule has in this Linter; Off when it
// is disabled or unknown.
func (l *Linter) Severity(rule string) Severity {
	if s, ok := l.sev[rule]; ok {
		return s
	}
	return Off
}

// on reports whether a rule is enabled.
func (l *Linter) on(rule string) bool { return l.Severity(rule) != Off }

// canonical returns the canonical code for a language tag: juru's own
// code where the registry knows the language, the canonical BCP 47 tag
// otherwise, or the tag as given when it does not parse.
func (l *Linter) canonical(tag string) string {
	if x, err := l.reg.Lookup(tag); err == nil {
		return x.Code
	}
	if t, err := language.Parse(strings.TrimSpace(tag)); err == nil {
		return t.String()
	}
	return strings.TrimSpace(tag)
}

// lang returns the prepared data of a language, building it once.
func (l *Linter) lang(tag string) *langData {
	code := l.canonical(tag)
	l.mu.Lock()
	ld := l.langs[code]
	if ld == nil {
		ld = &langData{code: code}
		l.langs[code] = ld
	}
	l.mu.Unlock()
	ld.once.Do(func() { l.build(ld) })
	return ld
}

// build fills in a language's data.
func (l *Linter) build(ld *langData) {
	ld.info, _ = l.reg.Lookup(ld.code)
	ld.known = ld.info.Code == ld.code
	ld.reader = numbers.NewReader(ld.code)
	g := l.opts.Glossary
	if g == nil || g.Len() == 0 {
		return
	}
	if m := glossary.NewMatcher(g, ld.code); m.Len() > 0 {
		ld.matcher = m
	}
	ld.owners, ld.longest = owners(g, ld.code)
	ld.sieve, ld.grams, ld.breakers = l.baseSieve(g, ld.code)
}

// page prepares a document.
func (l *Linter) page(d Doc) (*page, *langData) {
	ld := l.lang(d.Lang)
	return newPage(d, ld.code), ld
}

// finding builds a finding of a rule at a span of p.
func (l *Linter) finding(rule string, p *page, start, end int, msg string) Finding {
	return Finding{Rule: rule, Severity: l.sev[rule], Location: p.loc(start, end), Message: msg}
}

// CheckPair checks a translation against its source, running every rule
// that is not off, and returns the findings in position order. Findings
// are located in the translation; those about a place in the source
// (a missing term, a missing number, a paragraph without counterpart)
// name it in Related.
func (l *Linter) CheckPair(src, tgt Doc) []Finding {
	so := l.source(src)
	tp, tl := l.page(tgt)
	pr := &pair{l: l, src: so.page, tgt: tp, sl: so.ld, tl: tl, so: so}
	var out []Finding
	var sm []glossary.Match
	if l.on(TermMissing) && tl.matcher != nil {
		sm = so.glossaryMatches(l)
	}
	tm := l.matches(tl, tp, sm)
	out = append(out, l.termForms(tp, tl, tm)...)
	if l.on(TermMissing) && tl.matcher != nil {
		out = append(out, pr.missingTerms(sm, tm)...)
	}
	if l.on(NumberMismatch) {
		out = append(out, pr.numbers()...)
	}
	if l.on(ScriptWrong) {
		// a block left untranslated is in the source's script: say
		// only that it is untranslated
		same := pr.untranslated()
		spans := map[[2]int]bool{}
		for _, f := range same {
			spans[[2]int{f.Start, f.End}] = true
		}
		for _, f := range l.scripts(tp, tl) {
			if !spans[[2]int{f.Start, f.End}] {
				out = append(out, f)
			}
		}
		out = append(out, same...)
	}
	if l.on(EncodingZawgyi) {
		out = append(out, l.zawgyi(tp)...)
	}
	if l.on(StructureParagraphs) {
		out = append(out, pr.structure()...)
	}
	l.sort(out)
	return out
}

// CheckOne checks a file on its own: forbidden and wrong-case forms for
// its language (on the source side too, when it is in the source
// language), its script, and Zawgyi for Burmese.
func (l *Linter) CheckOne(d Doc) []Finding {
	p, ld := l.page(d)
	var out []Finding
	out = append(out, l.termForms(p, ld, l.matches(ld, p, nil))...)
	if l.on(ScriptWrong) {
		out = append(out, l.scripts(p, ld)...)
	}
	if l.on(EncodingZawgyi) {
		out = append(out, l.zawgyi(p)...)
	}
	l.sort(out)
	return out
}

// sort puts findings in position order: by start, then end, then rule.
func (l *Linter) sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return l.rank[a.Rule] < l.rank[b.Rule]
	})
}
