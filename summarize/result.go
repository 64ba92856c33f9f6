package summarize

import (
	"fmt"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/translate"
)

// Result is a finished summary of one article in one language.
type Result struct {
	// From and To are the canonical language codes of the article and
	// the summary.
	From string `json:"from"`
	To   string `json:"to"`
	// Style is the style asked for, and Words the paragraph length (0
	// for the other styles).
	Style string `json:"style"`
	Words int    `json:"words,omitempty"`
	// Model is the model asked for, as Options named it.
	Model string `json:"model,omitempty"`
	// Headline is the headline without its "# " marker; Body is the rest
	// (empty for the headline style), key points as "- " lines.
	Headline string `json:"headline"`
	Body     string `json:"body,omitempty"`
	// Text is the summary as a Markdown file holds it: "# Headline",
	// a blank line and Body, ending with a line end.
	Text string `json:"text"`
	// Usage adds up the tokens the endpoint reported for every call.
	Usage llm.Usage `json:"usage"`
	// Requests counts the questions asked: the notes of every part and
	// the summary; Attempts counts every call, repairs included.
	Requests int `json:"requests"`
	Attempts int `json:"attempts"`
	// HTTPAttempts adds up the HTTP attempts the calls took, retries
	// included; Cached counts the answers that came from a cache.
	HTTPAttempts int `json:"http_attempts"`
	Cached       int `json:"cached"`
	// Chunks is how many parts the article was cut into for notes; 1
	// when it was summarized in one request.
	Chunks int `json:"chunks"`
	// Hits counts the glossary entries found in the article and in the
	// summary.
	Hits []glossary.Hit `json:"hits"`
	// Violations are the glossary and number problems left in Text after
	// the repairs; Strict mode fails on them.
	Violations []Problem `json:"violations"`
	// Warnings are the problems of shape and script left in Text: a
	// headline too long, a wrong number of key points, a summary not in
	// the script of its language. They never fail a summary.
	Warnings []Problem `json:"warnings"`
}

// OK reports whether the summary has no glossary or number problem.
func (r *Result) OK() bool { return len(r.Violations) == 0 }

// Kind names what is wrong in a Problem.
type Kind string

// The kinds of problem. Forbidden, WrongCase, Untranslated and Number are
// violations; Shape and Script are warnings.
const (
	// Forbidden: a forbidden glossary form occurs.
	Forbidden Kind = "forbidden"
	// WrongCase: a case-sensitive glossary form occurs with other case.
	WrongCase Kind = "case"
	// Untranslated: a glossary entry of the article is mentioned in the
	// article's language where the summary's language fixes another form.
	Untranslated Kind = "untranslated"
	// Number: a number of the summary does not occur in the article.
	Number Kind = "number"
	// Shape: the answer does not have the shape of its style.
	Shape Kind = "shape"
	// Script: a paragraph is not in the script of the summary's language,
	// or repeats a paragraph of the article untranslated.
	Script Kind = "script"
)

// Violation reports whether a problem of this kind is a glossary or
// number violation rather than a warning.
func (k Kind) Violation() bool {
	switch k {
	case Forbidden, WrongCase, Untranslated, Number:
		return true
	}
	return false
}

// Problem is one thing wrong with a summary.
type Problem struct {
	Kind Kind `json:"kind"`
	// Message says what is wrong, in the words sent to the model in a
	// repair request.
	Message string `json:"message"`
	// Found is the offending text; Required the form the glossary fixes.
	Found    string `json:"found,omitempty"`
	Required string `json:"required,omitempty"`
	// Entry is the glossary entry's ID.
	Entry string `json:"entry,omitempty"`
	// Line and Col locate Found in Result.Text, 1-based, Col counting
	// characters; zero when the problem has no place (a missing headline).
	Line int `json:"line,omitempty"`
	Col  int `json:"col,omitempty"`
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Message)
	}
	return p.Message
}

// ViolationsError is returned in strict mode when glossary or number
// problems remain after the repairs. The summary must not be written;
// Result holds it with its statistics for reporting.
type ViolationsError struct {
	Result *Result
}

func (e *ViolationsError) Error() string {
	n := len(e.Result.Violations)
	s := "s"
	if n == 1 {
		s = ""
	}
	return fmt.Sprintf("%d problem%s remain in the %s summary", n, s, e.Result.To)
}

// Document errors, shared with translate so that one errors.Is test
// serves both.
var (
	// ErrEmptyDocument means the article holds nothing but white space.
	ErrEmptyDocument = translate.ErrEmptyDocument
	// ErrInvalidUTF8 means the article is not valid UTF-8 text.
	ErrInvalidUTF8 = translate.ErrInvalidUTF8
)
