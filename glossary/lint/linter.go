package lint

// Linter checks documents. It is safe for concurrent use.
type Linter struct {
	opts Options
}

// New prepares a Linter: it builds the glossary matchers once.
func New(opts Options) (*Linter, error) {
	if opts.SourceLang == "" {
		opts.SourceLang = "en"
	}
	return &Linter{opts: opts}, nil
}

// CheckPair checks a translation against its source, running every rule
// that is not off, and returns the findings in position order.
func (l *Linter) CheckPair(src, tgt Doc) []Finding {
	return nil
}

// CheckOne checks a file on its own: forbidden and wrong-case forms for
// its language (on the source side too, when it is in the source
// language), its script, and Zawgyi for Burmese.
func (l *Linter) CheckOne(d Doc) []Finding {
	return nil
}

// Edit is one replacement Fix makes.
type Edit struct {
	Location
	Old string `json:"old"`
	New string `json:"new"`
}

// FixResult is the outcome of Fix.
type FixResult struct {
	// Text is the document with every unambiguous edit applied.
	Text string
	// Edits lists the replacements, in position order.
	Edits []Edit
	// Skipped lists findings that could not be fixed unambiguously.
	Skipped []Finding
}

// Fix rewrites forbidden forms into the entry's preferred form where
// that is unambiguous (one entry, one preferred form, same case pattern).
func (l *Linter) Fix(d Doc) FixResult {
	return FixResult{Text: d.Text}
}
