package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/juru-cli/juru/glossary"
	"github.com/juru-cli/juru/internal/lang"
	"github.com/juru-cli/juru/internal/llm"
	"github.com/juru-cli/juru/internal/retry"
)

// Exit codes, listed in --help and README.md.
const (
	exitOK          = 0
	exitViolations  = 1
	exitUsage       = 2
	exitEndpoint    = 3
	exitPartial     = 4
	exitInterrupted = 130
)

const exitCodesHelp = `EXIT CODES:
   0    success
   1    glossary violations remain in what was produced; findings (check)
   2    usage or input error
   3    endpoint failure after retries (auth, quota, model not found, unreachable, --deadline)
   4    some items of a multi-item run failed or were not done by --deadline
   130  interrupted
`

// errInterrupted is the cause of the root context when the user pressed Ctrl-C.
var errInterrupted = errors.New("interrupted")

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// inputError is input that cannot be used: a missing file, a bad glossary.
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

// violationsError reports that outputs were produced (or withheld) with
// glossary violations or findings left in them.
type violationsError struct{ n int }

func (e *violationsError) Error() string {
	if e.n == 1 {
		return "1 glossary violation remains"
	}
	return fmt.Sprintf("%d glossary violations remain", e.n)
}

// partialError reports a multi-item run in which some items failed.
type partialError struct{ failed, total int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d items failed", e.failed, e.total)
}

// silentError carries an exit code for an outcome already reported in
// full, such as findings printed by check.
type silentError struct{ code int }

func (e *silentError) Error() string { return "" }

// exitCode decides the exit code of a run: the one place that maps
// errors to codes.
func exitCode(ctx context.Context, err error) int {
	var (
		usage  *usageError
		input  *inputError
		viol   *violationsError
		part   *partialError
		silent *silentError
		unk    *lang.UnknownError
		gperr  *glossary.ParseError
		gconf  *glossary.ConflictError
		api    *llm.APIError
		unr    *llm.UnreachableError
		noEP   *noEndpointError
		dl     *deadlineError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(context.Cause(ctx), errInterrupted) || errors.Is(err, errInterrupted):
		return exitInterrupted
	case errors.As(err, &silent):
		return silent.code
	case errors.As(err, &usage), errors.As(err, &input), errors.As(err, &unk),
		errors.As(err, &gperr), errors.As(err, &gconf):
		return exitUsage
	case errors.As(err, &part):
		return exitPartial
	case errors.As(err, &dl):
		if dl.total > 1 {
			return exitPartial
		}
		return exitEndpoint
	case errors.As(err, &api), errors.As(err, &unr), errors.As(err, &noEP):
		return exitEndpoint
	case errors.As(err, &viol):
		return exitViolations
	}
	var ae *llm.AnswerError
	if errors.As(err, &ae) {
		return exitEndpoint
	}
	return exitUsage
}

// report writes the one-line message for a failed run, with a hint where
// one helps. The message never holds the API key: errors from the
// endpoint client are built without it.
func report(w io.Writer, err error) {
	var silent *silentError
	if err == nil || errors.As(err, &silent) {
		return
	}
	msg := strings.TrimSpace(err.Error())
	fmt.Fprintf(w, "juru: %s\n", msg)
	if h := hint(err); h != "" {
		fmt.Fprintf(w, "hint: %s\n", h)
	}
}

// hint returns advice a person can act on for common failures.
func hint(err error) string {
	var (
		api   *llm.APIError
		unr   *llm.UnreachableError
		usage *usageError
		noEP  *noEndpointError
	)
	switch {
	case errors.As(err, &noEP):
		return "" // the message says how to configure an endpoint
	case errors.Is(err, retry.ErrAttemptTimeout):
		return "the endpoint did not answer in time: raise --timeout, or check the server's load"
	case errors.As(err, &api):
		switch {
		case api.StatusCode == 401:
			return "the endpoint rejected the API key: set OPENAI_API_KEY to a valid key for this endpoint"
		case api.StatusCode == 403:
			return "the key lacks permission for this model or endpoint: check the key's project and the model's access"
		case api.StatusCode == 404:
			return "the model or the path was not found: check --model (JURU_MODEL) and --base-url (OPENAI_BASE_URL); for Azure, --model is the deployment name"
		case api.StatusCode == 429 && api.Fatal():
			return "the account's quota is used up: check billing, or use another key or endpoint"
		case api.StatusCode == 429:
			return "rate limited after retries: lower --jobs, set --rpm/--tpm, or try again later"
		case api.StatusCode >= 500:
			return "the endpoint failed after retries: try again later or raise --max-retries"
		}
	case errors.As(err, &unr):
		return "is the server running and the base URL right? set --base-url or OPENAI_BASE_URL"
	case errors.As(err, &usage):
		return "run 'juru help' or 'juru COMMAND --help' for usage"
	}
	return ""
}
