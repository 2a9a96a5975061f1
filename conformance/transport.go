package conformance

import (
	"io"
	"net/http"
	"testing"
)

// Transport returns rt wrapped so that every response it returns is
// checked; rt nil means http.DefaultTransport. Use it as the Transport of
// the http.Client an API client under test uses. Violations are reported to
// tb with t.Errorf (or kept, with Collect) before the response is returned.
//
// An error body is read, up to the body limit, before RoundTrip returns,
// and the response's Body replays it: the caller reads the same bytes,
// followed by the rest of a body longer than the limit, which is not
// checked. A response to a HEAD request has no body; only its headers are
// checked.
func (c *Checker) Transport(tb testing.TB, rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	return &transport{c: c, tb: tb, rt: rt}
}

type transport struct {
	c  *Checker
	tb testing.TB
	rt http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.rt.RoundTrip(req)
	if err != nil || !t.c.captures(resp.StatusCode) {
		return resp, err
	}
	r := &response{
		method: req.Method,
		path:   req.URL.Path,
		status: resp.StatusCode,
	}
	r.readHeader(resp.Header)
	if resp.StatusCode >= 400 && resp.Body != nil && resp.Body != http.NoBody && req.Method != http.MethodHead {
		if resp.ContentLength > t.c.limit {
			r.unchecked = t.c.overLimit()
		} else {
			r.body, r.unchecked = t.read(resp)
		}
	}
	t.c.check(t.tb, r)
	return resp, nil
}

// read reads resp's body up to the limit and replaces the body with one
// that reads the same bytes, the same error, and the same rest.
// It returns why the body is not checked, if it is not.
func (t *transport) read(resp *http.Response) (body []byte, unchecked string) {
	orig := resp.Body
	size := int64(512)
	if resp.ContentLength >= 0 {
		size = resp.ContentLength + 1 // room to see the end without growing
	}
	buf := make([]byte, 0, min(size, t.c.limit+1))
	var err error
	for int64(len(buf)) <= t.c.limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		var n int
		n, err = orig.Read(buf[len(buf):min(int64(cap(buf)), t.c.limit+1)])
		buf = buf[:len(buf)+n]
		if err != nil {
			break
		}
	}
	rb := &replayBody{buf: buf, orig: orig}
	resp.Body = rb
	switch {
	case err == io.EOF:
		rb.err = io.EOF
		return buf, ""
	case err != nil:
		rb.err = err
		return nil, "body unreadable: " + err.Error()
	default:
		return nil, t.c.overLimit()
	}
}

// A replayBody reads the bytes read ahead, then what the original body
// returned next: its end, its error, or the rest of it. Closing it closes
// the original.
type replayBody struct {
	buf  []byte
	err  error // the original's error after buf; nil: read on from orig
	orig io.ReadCloser
}

func (b *replayBody) Read(p []byte) (int, error) {
	if len(b.buf) > 0 {
		n := copy(p, b.buf)
		b.buf = b.buf[n:]
		return n, nil
	}
	if b.err != nil {
		return 0, b.err
	}
	return b.orig.Read(p)
}

func (b *replayBody) Close() error { return b.orig.Close() }
