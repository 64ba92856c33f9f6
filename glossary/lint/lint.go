package lint

import (
	"github.com/juru-cli/juru/glossary"
)

// Severity ranks a finding.
type Severity string

// The severities, from most to least severe, and Off, which disables a rule.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
	Off     Severity = "off"
)

// Rank orders severities: Error 3, Warning 2, Info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Rule IDs. They are stable: configuration and CI suppressions name them.
const (
	TermMissing         = "term.missing"
	TermForbidden       = "term.forbidden"
	TermCase            = "term.case"
	NumberMismatch      = "number.mismatch"
	ScriptWrong         = "script.wrong"
	EncodingZawgyi      = "encoding.zawgyi"
	StructureParagraphs = "structure.paragraphs"
)

// Location is a span of a file: the byte offsets [Start, End) of its
// text, and where they stand as 1-based lines and columns, columns
// counting characters (code points). EndLine and EndCol locate End, the
// character just after the span, as SARIF's endColumn does; an empty
// span has End equal to Start.
type Location struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Col        int    `json:"col"`
	EndLine    int    `json:"end_line"`
	EndCol     int    `json:"end_col"`
	Start, End int    `json:"-"`
}

// Finding is one problem found in a file.
type Finding struct {
	// Rule is the rule's stable ID, such as "term.missing".
	Rule string `json:"rule"`
	// Severity is the rule's severity after configuration.
	Severity Severity `json:"severity"`
	// Location is where the problem is, in the checked file.
	Location
	// Message says what is wrong, in one line.
	Message string `json:"message"`
	// Suggestion is the text that should replace the span, when one is
	// known (the preferred form of a term).
	Suggestion string `json:"suggestion,omitempty"`
	// Related points at the place in the source that the finding is
	// about (the source occurrence of a missing term), when there is one.
	Related *Location `json:"related,omitempty"`
}

// Doc is one file to check: its path (for findings), its language code
// and its text as read (positions refer to this text).
type Doc struct {
	Path string
	Lang string
	Text string
}

// Options configures a Linter.
type Options struct {
	// Glossary holds the fixed terms; nil runs only the rules that need none.
	Glossary *glossary.Glossary
	// SourceLang is the language of sources (default "en"). A single file
	// in this language is checked on the source side: forbidden forms.
	SourceLang string
	// Severities overrides rule severities by rule ID; Off disables a rule.
	Severities map[string]Severity
}

// Rules lists every rule ID with its default severity, in a stable order.
func Rules() []struct {
	ID       string
	Severity Severity
	Summary  string
} {
	return []struct {
		ID       string
		Severity Severity
		Summary  string
	}{
		{TermMissing, Error, "a glossary term of the source lacks its required form in the translation"},
		{TermForbidden, Error, "a forbidden (deprecated) form appears"},
		{TermCase, Warning, "a case-sensitive term appears in the wrong case"},
		{NumberMismatch, Error, "a number of the source is missing or changed in the translation"},
		{ScriptWrong, Error, "text not in the script of its language, or a paragraph left untranslated"},
		{EncodingZawgyi, Error, "Burmese text in the legacy Zawgyi encoding instead of Unicode"},
		{StructureParagraphs, Warning, "paragraph count or headings differ between source and translation"},
	}
}
