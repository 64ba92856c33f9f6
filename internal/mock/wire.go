package mock

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// defaultRetryAfter is what RateLimited announces when its fault names
// no wait.
const defaultRetryAfter = time.Second

// htmlPage is the error page a proxy in front of the endpoint sends.
const htmlPage = "<html>\r\n<head><title>%[1]d %[2]s</title></head>\r\n<body>\r\n<center><h1>%[1]d %[2]s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"

// writeFault writes the faults that replace the answer entirely and
// reports whether it did; the other kinds shape a normal answer.
func (s *Server) writeFault(w http.ResponseWriter, f Fault, stream bool, rec *Recorded) bool {
	switch f.Kind {
	case Status:
		status := f.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		for k, vs := range f.Header {
			w.Header()[k] = vs
		}
		if f.Body != "" {
			if w.Header().Get("Content-Type") == "" {
				w.Header().Set("Content-Type", "application/json")
			}
			w.WriteHeader(status)
			_, _ = w.Write([]byte(f.Body))
			return true
		}
		writeError(w, statusError(status))
	case ServerError:
		writeError(w, statusError(http.StatusInternalServerError))
	case Overloaded:
		writeError(w, statusError(http.StatusServiceUnavailable))
	case RateLimited:
		d := f.RetryAfter
		if d <= 0 {
			d = defaultRetryAfter
		}
		retryHeaders(w.Header(), d)
		writeError(w, statusError(http.StatusTooManyRequests))
	case Reset:
		s.reset(w, rec)
	case HTMLPage:
		status := f.Status
		if status == 0 {
			status = http.StatusBadGateway
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		_, _ = fmt.Fprintf(w, htmlPage, status, http.StatusText(status))
	case WrongContentType:
		body := f.Body
		if body == "" {
			body = "upstream answered without a completion\n"
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(body))
	case BadJSON:
		if stream {
			return false // the stream writer sends a bad event
		}
		writeJSON(w, http.StatusOK, []byte(`{"id": chatcmpl-mock, "object": "chat.completion", "choices": [}`))
	default:
		return false
	}
	return true
}

// reset closes the connection under the request without an answer,
// making the client's read fail with a reset.
func (s *Server) reset(w http.ResponseWriter, rec *Recorded) {
	s.update(rec, func(x *Recorded) { x.Status, x.Done = 0, true })
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}

// statusError is the OpenAI error body for an HTTP status.
func statusError(status int) *apiError {
	switch status {
	case 400:
		return newAPIError(status, "invalid_request_error", "", "", "Bad request.")
	case 401:
		return newAPIError(status, "invalid_request_error", "", "invalid_api_key", "Incorrect API key provided.")
	case 403:
		return newAPIError(status, "invalid_request_error", "", "unsupported_country_region_territory", "Country, region, or territory not supported.")
	case 404:
		return newAPIError(status, "invalid_request_error", "", "model_not_found", "The model does not exist or you do not have access to it.")
	case 429:
		return newAPIError(status, "requests", "", "rate_limit_exceeded", "Rate limit reached for requests. Please try again later.")
	case 500:
		return newAPIError(status, "server_error", "", "", "The server had an error while processing your request. Sorry about that!")
	case 503:
		return newAPIError(status, "server_error", "", "", "The engine is currently overloaded, please try again later.")
	}
	typ := "invalid_request_error"
	if status >= 500 {
		typ = "server_error"
	}
	return newAPIError(status, typ, "", "", http.StatusText(status)+".")
}
