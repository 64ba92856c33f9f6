package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"syscall"
	"testing"
)

// timeoutErr is a net.Error that timed out.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestIsFatal(t *testing.T) {
	unreachable := func(err error) error {
		return &UnreachableError{URL: "http://127.0.0.1:1/v1", Attempts: 3, Err: err}
	}
	reset := &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"plain error", errors.New("boom"), false},
		{"401", &APIError{StatusCode: 401}, true},
		{"403", &APIError{StatusCode: 403}, true},
		{"404", &APIError{StatusCode: 404}, true},
		{"500", &APIError{StatusCode: 500}, false},
		{"429 rate limit", &APIError{StatusCode: 429, Code: "rate_limit_exceeded"}, false},
		{"429 quota", &APIError{StatusCode: 429, Code: "insufficient_quota"}, true},
		{"wrapped 401", fmt.Errorf("chunk 1: %w", &APIError{StatusCode: 401}), true},
		{"refused connection", unreachable(&net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}), true},
		{"unknown host", unreachable(&url.Error{Op: "Post", URL: "http://x/v1", Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "x", IsNotFound: true}}}), true},
		{"deadline", unreachable(fmt.Errorf("no answer before the deadline: %w", context.DeadlineExceeded)), true},
		{"read timeout", unreachable(&net.OpError{Op: "read", Net: "tcp", Err: timeoutErr{}}), true},
		{"reset mid-answer", unreachable(reset), false},
		{"reset wrapped", fmt.Errorf("chunk 2: %w", unreachable(&url.Error{Op: "Post", URL: "http://x/v1", Err: reset})), false},
		{"write on closed connection", unreachable(&net.OpError{Op: "write", Net: "tcp", Err: os.NewSyscallError("write", syscall.EPIPE)}), false},
		{"closed before answering", unreachable(&url.Error{Op: "Post", URL: "http://x/v1", Err: io.EOF}), false},
		{"body cut short", unreachable(fmt.Errorf("read response body: %w", io.ErrUnexpectedEOF)), false},
		{"answer error", &AnswerError{Err: ErrRefused}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsFatal(tt.err); got != tt.want {
				t.Errorf("IsFatal(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// TestIsFatalRealConnections classifies the errors net/http really
// returns: a server that drops the connection is up, a port nobody
// listens on is not.
func TestIsFatalRealConnections(t *testing.T) {
	drop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0) // close with a reset
			}
			conn.Close()
		}
	}))
	defer drop.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	deadURL := closed.URL
	closed.Close()

	for _, tc := range []struct {
		name, url string
		want      bool
	}{
		{"connection dropped", drop.URL, false},
		{"nothing listening", deadURL, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.Post(tc.url, "application/json", nil)
			if err == nil {
				resp.Body.Close()
				t.Fatal("request succeeded")
			}
			if got := IsFatal(&UnreachableError{URL: tc.url, Attempts: 1, Err: err}); got != tc.want {
				t.Errorf("IsFatal(%v) = %v, want %v", err, got, tc.want)
			}
		})
	}
}
