package conformance

import (
	"bytes"
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
	buf, err := io.ReadAll(io.LimitReader(orig, t.c.limit+1))
	var rest io.Reader = orig
	if err != nil {
		rest = errReader{err}
	}
	resp.Body = &replayBody{Reader: io.MultiReader(bytes.NewReader(buf), rest), Closer: orig}
	if err != nil {
		return nil, "body unreadable: " + err.Error()
	}
	if int64(len(buf)) > t.c.limit {
		return nil, t.c.overLimit()
	}
	return buf, ""
}

// A replayBody reads the bytes read ahead, then the rest of the original
// body, which it closes.
type replayBody struct {
	io.Reader
	io.Closer
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
