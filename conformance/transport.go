package conformance

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Transport returns rt wrapped so that every response it returns is
// checked; rt nil means http.DefaultTransport. Use it as the Transport of
// the http.Client an API client under test uses. Violations fail tb (or
// are kept, with Collect) before the response is returned, at the test's
// line that sent the request.
//
// An error body is read, up to the body limit and for at most the body
// timeout (BodyTimeout), before RoundTrip returns, and the response's Body
// replays it: the caller reads the same bytes, followed by the rest of a
// body longer than the limit, which is not checked. A body still open
// after the timeout (a stream that never ends) is checked as far as it
// arrived when that decodes as a whole error body, and is counted
// unchecked otherwise. A response to a HEAD request has no body; only its headers are
// checked.
func (c *Checker) Transport(tb testing.TB, rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	return &transport{c: c, tb: tb, rt: rt, site: wrapSite(tb)}
}

type transport struct {
	c    *Checker
	tb   testing.TB
	rt   http.RoundTripper
	site *runtime.Frame // the test's line that wrapped rt, or nil
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.tb != nil {
		t.tb.Helper()
	}
	resp, err := t.rt.RoundTrip(req)
	if err != nil || !t.c.captures(resp.StatusCode) {
		return resp, err
	}
	r := &response{
		method: req.Method,
		path:   req.URL.Path,
		status: resp.StatusCode,
		site:   t.site,
	}
	r.readHeader(resp.Header)
	if isError(resp.StatusCode) && resp.Body != nil && resp.Body != http.NoBody && req.Method != http.MethodHead {
		if resp.ContentLength > t.c.limit {
			r.unchecked = t.c.overLimit()
		} else {
			var partial bool
			r.body, partial, r.unchecked = t.read(resp)
			if partial {
				r.partial = fmt.Sprintf("body not complete after %v", t.c.timeout)
			}
		}
	}
	t.c.check(t.tb, r)
	return resp, nil
}

// read reads resp's body ahead, up to the limit and for at most the body
// timeout, and replaces the body with one that reads the same bytes, the
// same error, and the same rest. It returns what arrived, whether that is
// only part of the body, and why the body is not checked, if it is not.
func (t *transport) read(resp *http.Response) (body []byte, partial bool, unchecked string) {
	ra := &readAhead{orig: resp.Body, done: make(chan struct{})}
	chunk := int64(32 << 10)
	if resp.ContentLength >= 0 {
		chunk = resp.ContentLength + 1 // room to see the end
	}
	go ra.run(t.c.limit, min(chunk, t.c.limit+1, 32<<10))
	timer := time.NewTimer(t.c.timeout)
	defer timer.Stop()
	select {
	case <-ra.done:
	case <-timer.C:
		ra.stop.Store(true)
	}
	resp.Body = &replayBody{ra: ra}
	ra.mu.Lock()
	defer ra.mu.Unlock()
	switch {
	case ra.err == io.EOF:
		return ra.buf, false, ""
	case ra.err != nil:
		return nil, false, "body unreadable: " + ra.err.Error()
	case int64(len(ra.buf)) > t.c.limit:
		return nil, false, t.c.overLimit()
	default: // the timeout: the goroutine reads on, or stopped for it
		return slices.Clone(ra.buf), true, ""
	}
}

// A readAhead reads a response body ahead in a goroutine of its own, so
// that waiting for it can be bounded in time.
type readAhead struct {
	orig io.ReadCloser
	done chan struct{} // closed when the goroutine stops reading
	stop atomic.Bool   // the goroutine is to stop after the read in progress

	mu    sync.Mutex
	buf   []byte // what was read
	err   error  // the body's error after buf, nil while it may go on
	ended bool   // the goroutine stopped
}

// run reads orig until it ends, more than limit bytes were read, or stop
// is set, chunk bytes at most at a time.
func (ra *readAhead) run(limit, chunk int64) {
	defer close(ra.done)
	p := make([]byte, chunk)
	for !ra.stop.Load() {
		ra.mu.Lock()
		room := limit + 1 - int64(len(ra.buf))
		ra.mu.Unlock()
		if room <= 0 {
			break
		}
		n, err := ra.orig.Read(p[:min(room, chunk)])
		ra.mu.Lock()
		ra.buf = append(ra.buf, p[:n]...)
		ra.err = err
		ra.mu.Unlock()
		if err != nil {
			break
		}
	}
	ra.mu.Lock()
	ra.ended = true
	ra.mu.Unlock()
}

// A replayBody reads what was read ahead, then what the original body
// returned next: its end, its error, or the rest of it. Closing it closes
// the original.
type replayBody struct {
	ra  *readAhead
	pos int // bytes of ra.buf returned
}

func (b *replayBody) Read(p []byte) (int, error) {
	ra := b.ra
	for {
		ra.mu.Lock()
		if b.pos < len(ra.buf) {
			n := copy(p, ra.buf[b.pos:])
			b.pos += n
			if b.pos == len(ra.buf) && ra.ended {
				ra.buf, b.pos = nil, 0 // all replayed: let it go
			}
			ra.mu.Unlock()
			return n, nil
		}
		ended, err := ra.ended, ra.err
		ra.mu.Unlock()
		switch {
		case ended && err != nil:
			return 0, err
		case ended:
			return ra.orig.Read(p)
		}
		<-ra.done // the read in progress, as the caller's own would
	}
}

func (b *replayBody) Close() error {
	b.ra.stop.Store(true)
	return b.ra.orig.Close()
}
