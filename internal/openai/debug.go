package openai

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
)

const (
	redacted = "[redacted]"
	// dumpLimit is how much of each body a dump shows.
	dumpLimit = 8 << 10
)

// redactor removes secrets from text: the API key, the values of
// configured headers whose names suggest credentials, and any others
// given (such as a password in the base URL).
type redactor struct {
	secrets []string
}

func newRedactor(key string, headers map[string]string, more ...string) redactor {
	var r redactor
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) >= 4 {
			r.secrets = append(r.secrets, s)
		}
	}
	add(key)
	for _, s := range more {
		add(s)
	}
	for k, v := range headers {
		if sensitiveHeader(k) {
			add(v)
			add(strings.TrimPrefix(v, "Bearer "))
		}
	}
	// Longest first, so that a secret containing another goes whole.
	slices.SortFunc(r.secrets, func(a, b string) int { return len(b) - len(a) })
	return r
}

func (r redactor) clean(s string) string {
	for _, secret := range r.secrets {
		s = strings.ReplaceAll(s, secret, redacted)
	}
	return s
}

// cleanErr returns err without the URL net/http puts in front of
// transport errors, and with its message redacted when it held a secret.
func (r redactor) cleanErr(err error) error {
	if err == nil {
		return nil
	}
	msg := transportMessage(err)
	if clean := r.clean(msg); clean != msg || msg != err.Error() {
		return &cleanError{msg: clean, err: err}
	}
	return err
}

// cleanError shows a redacted message for an error it still wraps.
type cleanError struct {
	msg string
	err error
}

func (e *cleanError) Error() string { return e.msg }
func (e *cleanError) Unwrap() error { return e.err }

// sensitiveHeader reports whether a header may carry credentials.
func sensitiveHeader(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{"auth", "key", "token", "secret", "cookie", "session", "signature"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// dumper writes each HTTP exchange to w with credentials redacted.
type dumper struct {
	next http.RoundTripper
	w    io.Writer
	mu   *sync.Mutex
	red  redactor
}

func (d *dumper) RoundTrip(req *http.Request) (*http.Response, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "> %s %s\n", req.Method, d.red.clean(req.URL.String()))
	d.headers(&b, "> ", req.Header)
	if req.GetBody != nil && req.Body != nil && req.Body != http.NoBody {
		if rc, err := req.GetBody(); err == nil {
			body, _ := io.ReadAll(io.LimitReader(rc, dumpLimit+1))
			rc.Close()
			d.body(&b, "> ", body)
		}
	}
	d.write(b.String())
	resp, err := d.next.RoundTrip(req)
	if err != nil {
		d.write(fmt.Sprintf("< %s %s: %s\n", req.Method, d.red.clean(req.URL.String()), d.red.clean(err.Error())))
		return resp, err
	}
	b.Reset()
	fmt.Fprintf(&b, "< %s (%s %s)\n", resp.Status, req.Method, d.red.clean(req.URL.String()))
	d.headers(&b, "< ", resp.Header)
	d.write(b.String())
	resp.Body = &dumpBody{rc: resp.Body, d: d, name: req.Method + " " + d.red.clean(req.URL.Path)}
	return resp, nil
}

func (d *dumper) headers(b *strings.Builder, prefix string, h http.Header) {
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			if sensitiveHeader(k) {
				v = redacted
			}
			fmt.Fprintf(b, "%s%s: %s\n", prefix, k, d.red.clean(v))
		}
	}
}

func (d *dumper) body(b *strings.Builder, prefix string, body []byte) {
	if len(body) == 0 {
		return
	}
	cut := len(body) > dumpLimit
	if cut {
		body = body[:dumpLimit]
	}
	b.WriteString(prefix + "\n")
	for _, line := range strings.Split(strings.TrimRight(d.red.clean(string(body)), "\n"), "\n") {
		b.WriteString(prefix + line + "\n")
	}
	if cut {
		b.WriteString(prefix + "[body cut]\n")
	}
}

// write sends one whole dump entry, so that concurrent requests do not
// interleave their lines.
func (d *dumper) write(s string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	io.WriteString(d.w, s)
}

// dumpBody copies the start of a response body into the dump once the
// body is read to its end or closed.
type dumpBody struct {
	rc   io.ReadCloser
	d    *dumper
	name string
	buf  bytes.Buffer
	once sync.Once
}

func (b *dumpBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if room := dumpLimit + 1 - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(n, room)])
	}
	if err != nil {
		b.flush()
	}
	return n, err
}

func (b *dumpBody) Close() error {
	b.flush()
	return b.rc.Close()
}

func (b *dumpBody) flush() {
	b.once.Do(func() {
		var s strings.Builder
		fmt.Fprintf(&s, "< body of %s\n", b.name)
		b.d.body(&s, "< ", b.buf.Bytes())
		b.d.write(s.String())
	})
}
