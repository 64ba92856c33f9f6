package glossary

import "fmt"

// ParseError reports a glossary file that cannot be read, with the place
// of the problem.
type ParseError struct {
	// Pos is where the problem is; Line and Col are 0 when unknown.
	Pos Pos
	// Msg says what is wrong, in lower case.
	Msg string
	// Err is the underlying error, if any.
	Err error
	// header marks a first row that is no header of language tags.
	header bool
}

// Error renders the error as "file:line:col: message".
func (e *ParseError) Error() string {
	if e.Err != nil && e.Msg == "" {
		return fmt.Sprintf("%s: %v", e.Pos, e.Err)
	}
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Pos, e.Msg, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ConflictError reports two entries, possibly from different files, that
// fix different preferred forms for the same source term, or that forbid
// a form the other requires.
type ConflictError struct {
	// Lang is the language of the conflicting forms.
	Lang string
	// Term is the form both entries share.
	Term string
	// First and Second are where the two entries were defined.
	First, Second Pos
	// Detail says what differs.
	Detail string
}

// Error names both places and what differs.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s: glossary conflict on %s %q with %s: %s", e.Second, e.Lang, e.Term, e.First, e.Detail)
}
