package conformance

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"reflect"
)

// The optional interfaces of a ResponseWriter, each implemented for a
// responseWriter by a type of its own, so that the writer a handler gets
// has exactly those of the writer under it.
type (
	flusher    struct{ rw *responseWriter }
	hijacker   struct{ rw *responseWriter }
	pusher     struct{ rw *responseWriter }
	readerFrom struct{ rw *responseWriter }
)

// Flush sends what was written so far.
func (f flusher) Flush() { f.rw.flush() }

// Hijack takes over the connection.
func (h hijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) { return h.rw.hijack() }

// Push starts an HTTP/2 server push.
func (p pusher) Push(target string, opts *http.PushOptions) error { return p.rw.push(target, opts) }

// ReadFrom writes what src holds as the body.
func (r readerFrom) ReadFrom(src io.Reader) (int64, error) { return r.rw.readFrom(src) }

// outer returns the writer the handler gets: rw with the optional
// interfaces of the writer under it.
func (rw *responseWriter) outer() http.ResponseWriter {
	var mask int
	if _, ok := rw.w.(http.Flusher); ok {
		mask |= 1
	}
	if _, ok := rw.w.(http.Hijacker); ok {
		mask |= 2
	}
	if _, ok := rw.w.(http.Pusher); ok {
		mask |= 4
	}
	if _, ok := rw.w.(io.ReaderFrom); ok {
		mask |= 8
	}
	w := withInterfaces(rw, mask)
	rw.self = reflect.ValueOf(w).Pointer()
	return w
}

// withInterfaces returns rw with the optional interfaces the mask names:
// 1 Flusher, 2 Hijacker, 4 Pusher, 8 ReaderFrom. Each result is a pointer.
func withInterfaces(rw *responseWriter, mask int) http.ResponseWriter {
	f, h, p, r := flusher{rw}, hijacker{rw}, pusher{rw}, readerFrom{rw}
	type W = *responseWriter
	switch mask {
	case 0:
		return rw
	case 1:
		return &struct {
			W
			http.Flusher
		}{rw, f}
	case 2:
		return &struct {
			W
			http.Hijacker
		}{rw, h}
	case 3:
		return &struct {
			W
			http.Flusher
			http.Hijacker
		}{rw, f, h}
	case 4:
		return &struct {
			W
			http.Pusher
		}{rw, p}
	case 5:
		return &struct {
			W
			http.Flusher
			http.Pusher
		}{rw, f, p}
	case 6:
		return &struct {
			W
			http.Hijacker
			http.Pusher
		}{rw, h, p}
	case 7:
		return &struct {
			W
			http.Flusher
			http.Hijacker
			http.Pusher
		}{rw, f, h, p}
	case 8:
		return &struct {
			W
			io.ReaderFrom
		}{rw, r}
	case 9:
		return &struct {
			W
			http.Flusher
			io.ReaderFrom
		}{rw, f, r}
	case 10:
		return &struct {
			W
			http.Hijacker
			io.ReaderFrom
		}{rw, h, r}
	case 11:
		return &struct {
			W
			http.Flusher
			http.Hijacker
			io.ReaderFrom
		}{rw, f, h, r}
	case 12:
		return &struct {
			W
			http.Pusher
			io.ReaderFrom
		}{rw, p, r}
	case 13:
		return &struct {
			W
			http.Flusher
			http.Pusher
			io.ReaderFrom
		}{rw, f, p, r}
	case 14:
		return &struct {
			W
			http.Hijacker
			http.Pusher
			io.ReaderFrom
		}{rw, h, p, r}
	default:
		return &struct {
			W
			http.Flusher
			http.Hijacker
			http.Pusher
			io.ReaderFrom
		}{rw, f, h, p, r}
	}
}
