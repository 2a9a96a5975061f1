package conformance

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// Handler returns h wrapped so that every response it writes is checked.
// Use it as the handler of an httptest.Server, or as middleware in front of
// a router. Violations fail tb (or are kept, with Collect) once h has
// returned, at the test's line that called the handler or, when a server
// runs it, that called Handler.
//
// What h writes reaches the client as it is written: the wrapper keeps a
// copy of error bodies up to the body limit, nothing more. The writer h
// gets has the optional interfaces of the writer under it, and only those:
// http.Flusher, http.Hijacker, http.Pusher and io.ReaderFrom (an HTTP/2
// writer is no Hijacker; http.TimeoutHandler's is no Flusher), and Unwrap
// lets http.ResponseController find the rest. A status counts as sent by a
// flush only when the flush succeeded. A hijacked connection is not
// checked. The body of a response to a HEAD request is not checked: the
// client never receives it.
//
// When h replaces the request's Body with http.MaxBytesReader(w, r.Body,
// n) and the limit trips, the wrapper passes the trip on to the server as
// MaxBytesReader would without it (the connection closes after the
// response). A MaxBytesReader h keeps elsewhere (in a variable, or
// http.MaxBytesHandler inside the wrapper) cannot be seen: put
// MaxBytesHandler outside the wrapper. Nor is the reader of a handler
// that enabled full duplex, which may be reading it as it writes.
func (c *Checker) Handler(tb testing.TB, h http.Handler) http.Handler {
	return &handler{c: c, tb: tb, h: h, site: wrapSite(tb)}
}

// A handler is a checked http.Handler.
type handler struct {
	c    *Checker
	tb   testing.TB
	h    http.Handler
	site *runtime.Frame // the test's line that wrapped h, or nil
}

// ServeHTTP serves r with the wrapped handler and checks the response.
func (hd *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if hd.tb != nil {
		hd.tb.Helper()
	}
	rw := &responseWriter{w: w, c: hd.c, req: r, head: r.Method == http.MethodHead}
	method, path := r.Method, r.URL.Path
	hd.h.ServeHTTP(rw.outer(), r)
	if rw.hijacked {
		return
	}
	rw.checkLimit() // before the server writes what the handler did not
	if rw.status == 0 {
		rw.status = http.StatusOK // the server's implicit status
	}
	rw.resp.method, rw.resp.path, rw.resp.status = method, path, rw.status
	rw.resp.body, rw.resp.site = rw.body, hd.site
	hd.c.check(hd.tb, &rw.resp)
}

// captures reports whether a response with status must be looked at: an
// error response, or one whose status rules.retry_after lists.
func (c *Checker) captures(status int) bool {
	return isError(status) || c.cat.RetryAfter(status)
}

// A responseWriter passes a handler's response through and keeps the status,
// the header as sent, and a copy of an error body.
type responseWriter struct {
	w    http.ResponseWriter
	c    *Checker
	req  *http.Request
	head bool // a response to HEAD: its body is not sent

	self       uintptr  // the address of the writer the handler got
	status     int      // the status sent, 0 until sent
	resp       response // the checked headers as sent with the status, when captured
	keep       bool     // the body is being copied
	body       []byte
	hijacked   bool
	tripped    bool // the request body's MaxBytesReader tripped, and the server was told
	fullDuplex bool // the handler may read the request body as it writes
}

// Unwrap returns the underlying ResponseWriter, for http.ResponseController.
func (rw *responseWriter) Unwrap() http.ResponseWriter { return rw.w }

func (rw *responseWriter) Header() http.Header { return rw.w.Header() }

func (rw *responseWriter) WriteHeader(status int) {
	rw.checkLimit()
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
		rw.keep = isError(status) && !rw.head
	}
}

func (rw *responseWriter) Write(p []byte) (int, error) {
	rw.checkLimit()
	rw.sent(http.StatusOK)
	n, err := rw.w.Write(p)
	rw.copy(p[:n])
	return n, err
}

// copy keeps written bytes of an error body, up to the limit.
func (rw *responseWriter) copy(p []byte) {
	if !rw.keep || len(p) == 0 {
		return
	}
	if int64(len(rw.body)+len(p)) > rw.c.limit {
		rw.keep, rw.resp.unchecked, rw.body = false, rw.c.overLimit(), nil
		return
	}
	rw.body = append(rw.body, p...)
}

// FlushError flushes the underlying writer, for http.ResponseController,
// and returns its error: http.ErrNotSupported when it cannot flush. Only a
// flush that succeeded sends the status.
func (rw *responseWriter) FlushError() error {
	rw.checkLimit()
	err := http.NewResponseController(rw.w).Flush()
	if err == nil {
		rw.sent(http.StatusOK)
	}
	return err
}

// EnableFullDuplex lets the handler read the request body while it writes,
// for http.ResponseController, when the underlying writer can.
func (rw *responseWriter) EnableFullDuplex() error {
	err := http.NewResponseController(rw.w).EnableFullDuplex()
	if err == nil {
		rw.fullDuplex = true
	}
	return err
}

// checkLimit tells the server when the handler's MaxBytesReader tripped,
// as MaxBytesReader does when given the server's own writer: the server
// then closes the connection after the response instead of reading on.
// A full-duplex handler may be reading the body as it writes: its reader
// is not looked at.
func (rw *responseWriter) checkLimit() {
	if rw.tripped || rw.fullDuplex || !limitTripped(rw.req.Body, rw.self) {
		return
	}
	rw.tripped = true
	// MaxBytesReader calls the server's unexported hook on the writer it
	// is given: one that trips at once reaches it.
	tooLarge := http.MaxBytesReader(rw.w, io.NopCloser(strings.NewReader("x")), 0)
	_, _ = tooLarge.Read(make([]byte, 1))
}

var (
	maxBytesReaderType = reflect.TypeOf(http.MaxBytesReader(nil, http.NoBody, 0))
	maxBytesErrorType  = reflect.TypeFor[*http.MaxBytesError]()
)

// limitTripped reports whether body is an http.MaxBytesReader made with the
// writer at address w whose limit has tripped. It reads the reader's state
// by reflection (net/http offers no other way) and says false for anything
// it does not recognize.
func limitTripped(body io.ReadCloser, w uintptr) bool {
	if body == nil || reflect.TypeOf(body) != maxBytesReaderType {
		return false
	}
	v := reflect.ValueOf(body).Elem()
	rw, err := v.FieldByName("w"), v.FieldByName("err")
	if !rw.IsValid() || rw.Kind() != reflect.Interface || rw.IsNil() || rw.Elem().Kind() != reflect.Pointer ||
		!err.IsValid() || err.Kind() != reflect.Interface || err.IsNil() {
		return false
	}
	return rw.Elem().Pointer() == w && err.Elem().Type() == maxBytesErrorType
}

// flush is Flush of a writer whose underlying writer is an http.Flusher.
func (rw *responseWriter) flush() { _ = rw.FlushError() }

// hijack is Hijack of a writer whose underlying writer is an http.Hijacker.
func (rw *responseWriter) hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, brw, err := rw.w.(http.Hijacker).Hijack()
	if err == nil {
		rw.hijacked = true
	}
	return conn, brw, err
}

// push is Push of a writer whose underlying writer is an http.Pusher.
func (rw *responseWriter) push(target string, opts *http.PushOptions) error {
	return rw.w.(http.Pusher).Push(target, opts)
}

// readFrom is ReadFrom of a writer whose underlying writer is an
// io.ReaderFrom (an HTTP/1 server's, which may send a file with sendfile):
// the server gets src itself unless the body is being copied.
func (rw *responseWriter) readFrom(src io.Reader) (int64, error) {
	rw.checkLimit()
	rw.sent(http.StatusOK)
	if !rw.keep {
		return rw.w.(io.ReaderFrom).ReadFrom(src)
	}
	return rw.w.(io.ReaderFrom).ReadFrom(&copyReader{r: src, rw: rw})
}

// A copyReader keeps a copy of what the server reads for an error body.
type copyReader struct {
	r  io.Reader
	rw *responseWriter
}

func (cr *copyReader) Read(p []byte) (int, error) {
	n, err := cr.r.Read(p)
	cr.rw.copy(p[:n])
	return n, err
}
