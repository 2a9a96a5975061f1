package conformance

import (
	"bufio"
	"net"
	"net/http"
	"testing"
)

// Handler returns h wrapped so that every response it writes is checked.
// Use it as the handler of an httptest.Server, or as middleware in front of
// a router. Violations are reported to tb with t.Errorf (or kept, with
// Collect) once h has returned.
//
// What h writes reaches the client as it is written: the wrapper keeps a
// copy of error bodies up to the body limit, nothing more. The wrapper's
// Flush and Hijack reach the underlying writer when it supports them, and
// Unwrap lets http.ResponseController find the rest. A hijacked connection
// is not checked.
func (c *Checker) Handler(tb testing.TB, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rw := &responseWriter{w: w, c: c}
		method, path := r.Method, r.URL.Path
		h.ServeHTTP(rw, r)
		if rw.hijacked {
			return
		}
		if rw.status == 0 {
			rw.status = http.StatusOK // the server's implicit status
		}
		rw.resp.method, rw.resp.path, rw.resp.status = method, path, rw.status
		rw.resp.body = rw.body
		c.check(tb, &rw.resp)
	})
}

// captures reports whether a response with status must be looked at.
func (c *Checker) captures(status int) bool {
	return status >= 400 || c.cat.RetryAfter(status)
}

// A responseWriter passes a handler's response through and keeps the status,
// the header as sent, and a copy of an error body.
type responseWriter struct {
	w http.ResponseWriter
	c *Checker

	status   int      // the status sent, 0 until sent
	resp     response // the checked headers as sent with the status, when captured
	keep     bool     // the body is being copied
	body     []byte
	hijacked bool
}

// Unwrap returns the underlying ResponseWriter, for http.ResponseController.
func (rw *responseWriter) Unwrap() http.ResponseWriter { return rw.w }

func (rw *responseWriter) Header() http.Header { return rw.w.Header() }

func (rw *responseWriter) WriteHeader(status int) {
	rw.sent(status)
	rw.w.WriteHeader(status)
}

// sent records the status when it is the final one: informational statuses
// (1xx) may precede it, and later calls are ignored by the server.
func (rw *responseWriter) sent(status int) {
	if rw.status != 0 || status < 200 {
		return
	}
	rw.status = status
	if rw.c.captures(status) {
		// Headers changed after this point are never sent: keep the ones
		// checked as they are now.
		rw.resp.readHeader(rw.w.Header())
		rw.keep = status >= 400
	}
}

func (rw *responseWriter) Write(p []byte) (int, error) {
	rw.sent(http.StatusOK)
	n, err := rw.w.Write(p)
	if rw.keep && n > 0 {
		if int64(len(rw.body)+n) > rw.c.limit {
			rw.keep, rw.resp.unchecked, rw.body = false, rw.c.overLimit(), nil
		} else {
			rw.body = append(rw.body, p[:n]...)
		}
	}
	return n, err
}

// Flush sends what was written so far, when the underlying writer can.
func (rw *responseWriter) Flush() {
	rw.sent(http.StatusOK)
	_ = http.NewResponseController(rw.w).Flush()
}

// Hijack takes over the connection, when the underlying writer allows it.
func (rw *responseWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, brw, err := http.NewResponseController(rw.w).Hijack()
	if err == nil {
		rw.hijacked = true
	}
	return conn, brw, err
}
