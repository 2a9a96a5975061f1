package conformance

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHandlerPassesBodiesThrough(t *testing.T) {
	cat := load(t, "platform")
	big := `{"error":{"code":"secret_not_found","pad":"` + strings.Repeat("x", 4096) + `"}}`
	for _, body := range []string{
		`{"error":{"code":"secret_not_found","message":"no"}}`,
		"not json at all",
		big, // past the limit below
	} {
		chk := New(cat, Collect(), BodyLimit(1024))
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", jsonCT)
			w.Header().Set("X-Request-ID", "r1")
			w.WriteHeader(http.StatusNotFound)
			// Written in pieces, as an encoder or a stream would.
			for chunk := range slicesChunk([]byte(body), 100) {
				_, err := w.Write(chunk)
				require.NoError(t, err)
			}
		})
		rec := serve(chk, h, "GET", "/v1/secrets/a")
		assert.Equal(t, http.StatusNotFound, rec.Code)
		assert.Equal(t, body, rec.Body.String())
		assert.Equal(t, "r1", rec.Header().Get("X-Request-ID"))
	}
}

// slicesChunk yields b in pieces of at most n bytes.
func slicesChunk(b []byte, n int) func(func([]byte) bool) {
	return func(yield func([]byte) bool) {
		for len(b) > 0 {
			k := min(n, len(b))
			if !yield(b[:k]) {
				return
			}
			b = b[k:]
		}
	}
}

func TestHandlerHugeBody(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect()) // the default limit
	huge := bytes.Repeat([]byte("y"), 3<<20)
	body := append([]byte(`{"error":{"code":"nope_not_cataloged","pad":"`), huge...)
	body = append(body, `"}}`...)
	rec := serve(chk, respond(400, jsonCT, string(body)), "GET", "/huge")
	assert.Equal(t, len(body), rec.Body.Len())
	assert.Empty(t, chk.Violations(), "a body past the limit is not checked")
	assert.Equal(t, []string{"GET /huge: 400: body longer than 1048576 bytes"}, chk.Coverage().Unchecked)
}

func TestHandlerSkipsEncodedBodies(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect())
	serve(chk, respond(400, jsonCT, "\x1f\x8b\x08garbage", "Content-Encoding", "gzip"), "GET", "/gz")
	assert.Empty(t, chk.Violations())
	assert.Equal(t, []string{"GET /gz: 400: body encoded as gzip"}, chk.Coverage().Unchecked)
}

func TestHandlerHeaderAsSent(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect())
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", jsonCT)
		w.WriteHeader(http.StatusTooManyRequests)
		w.Header().Set("Retry-After", "30") // too late: never sent
		_, _ = io.WriteString(w, `{"error":{"code":"rate_limited"}}`)
	})
	serve(chk, h, "PUT", "/v1/secrets/a")
	vs := chk.Violations()
	require.Len(t, vs, 1)
	assert.Equal(t, RuleRetryAfter, vs[0].Rule)
}

func TestHandlerImplicitAndRepeatedStatus(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect())
	// No WriteHeader: the status is 200 and nothing is checked.
	serve(chk, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"error":{"code":"nope"}}`)
	}), "GET", "/implicit")
	// An informational status, then the real one; a second WriteHeader is
	// ignored by the server and so by the checker. (ResponseRecorder takes
	// a 1xx status for the final one: a real server is needed.)
	srv := httptest.NewServer(chk.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", jsonCT)
		w.WriteHeader(http.StatusEarlyHints)
		w.WriteHeader(http.StatusBadRequest)
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":{"code":"secret_not_found"}}`)
	})))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/twice")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, []string{
		`GET /twice: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (` + ref(t, cat, "secret_not_found") + `)`,
	}, messages(chk.Violations()))
}

func TestHandlerFlushAndController(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect())
	flushed := make(chan struct{})
	srv := httptest.NewServer(chk.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		// Reached through Unwrap.
		assert.NoError(t, rc.SetWriteDeadline(time.Now().Add(time.Minute)))
		w.Header().Set("Content-Type", jsonCT)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `{"error":`)
		f, ok := w.(http.Flusher)
		require.True(t, ok)
		f.Flush()
		<-flushed // the client has the first part before the handler ends
		_, _ = io.WriteString(w, `{"code":"service_unavailable"}}`)
		assert.NoError(t, rc.Flush())
	})))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/stream")
	require.NoError(t, err)
	defer resp.Body.Close()
	first := make([]byte, len(`{"error":`))
	_, err = io.ReadFull(resp.Body, first)
	require.NoError(t, err)
	close(flushed)
	rest, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, `{"error":{"code":"service_unavailable"}}`, string(first)+string(rest))
	assert.Empty(t, chk.Violations())
	assert.Equal(t, 1, chk.Coverage().Responses)
}

func TestHandlerHijack(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect())
	srv := httptest.NewServer(chk.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, brw, err := w.(http.Hijacker).Hijack()
		if !assert.NoError(t, err) {
			return
		}
		defer conn.Close()
		_, _ = brw.WriteString("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 22\r\nConnection: close\r\n\r\n{\"error\":{\"code\":\"x\"}}")
		_ = brw.Flush()
	})))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, `{"error":{"code":"x"}}`, strings.TrimSpace(string(body)))
	assert.Empty(t, chk.Violations(), "a hijacked connection is not checked")

	// Over a writer that cannot be hijacked, the wrapper is no Hijacker,
	// and http.ResponseController says it is not supported.
	rec := httptest.NewRecorder()
	chk.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, ok := w.(http.Hijacker)
		assert.False(t, ok)
		_, _, err := http.NewResponseController(w).Hijack()
		assert.ErrorIs(t, err, http.ErrNotSupported)
	})).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
}

func TestTransport(t *testing.T) {
	cat := load(t, "platform")
	mux := http.NewServeMux()
	mux.Handle("/ok", respond(404, jsonCT, `{"error":{"code":"secret_not_found"}}`))
	mux.Handle("/status", respond(400, jsonCT, `{"error":{"code":"secret_not_found"}}`))
	mux.Handle("/throttled", respond(429, jsonCT, `{"error":{"code":"rate_limited"}}`))
	mux.Handle("/bare", respond(429, "", ``, "Retry-After", "5"))
	mux.Handle("/success", respond(200, jsonCT, `{"error":{"code":"nope"}}`))
	mux.Handle("/big", respond(400, jsonCT, `{"error":{"code":"nope","pad":"`+strings.Repeat("z", 5000)+`"}}`))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	chk := New(cat, Collect(), BodyLimit(1024))
	client := &http.Client{Transport: chk.Transport(nil, srv.Client().Transport)}
	bodies := map[string]string{}
	for _, p := range []string{"/ok", "/status", "/throttled", "/bare", "/success", "/big"} {
		resp, err := client.Get(srv.URL + p)
		require.NoError(t, err)
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.NoError(t, resp.Body.Close())
		bodies[p] = string(b)
	}
	resp, err := client.Head(srv.URL + "/status")
	require.NoError(t, err)
	resp.Body.Close()

	assert.Equal(t, []string{
		`GET /status: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (` + ref(t, cat, "secret_not_found") + `)`,
		`GET /throttled: 429: status 429 is sent without Retry-After (code "rate_limited", ` + ref(t, cat, "rate_limited") + `); rules.retry_after lists it`,
	}, messages(chk.Violations()))
	// The caller reads the bodies unchanged, the one past the limit too.
	assert.Equal(t, `{"error":{"code":"secret_not_found"}}`, bodies["/ok"])
	assert.Equal(t, `{"error":{"code":"rate_limited"}}`, bodies["/throttled"])
	assert.Len(t, bodies["/big"], len(`{"error":{"code":"nope","pad":""}}`)+5000)
	cov := chk.Coverage()
	assert.Equal(t, []string{"GET /big: 400: body longer than 1024 bytes"}, cov.Unchecked)
	assert.Equal(t, 6, cov.Responses) // ok, status, throttled, bare, big, and the HEAD
}

// chunkedBody is a response body read in small pieces, ending in err.
type chunkedBody struct {
	data   []byte
	err    error
	closed bool
}

func (b *chunkedBody) Read(p []byte) (int, error) {
	if len(b.data) == 0 {
		return 0, b.err
	}
	n := copy(p[:min(len(p), 7)], b.data)
	b.data = b.data[n:]
	return n, nil
}

func (b *chunkedBody) Close() error { b.closed = true; return nil }

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestTransportReplaysBody(t *testing.T) {
	cat := load(t, "platform")
	const body = `{"error":{"code":"invalid_request","message":"bad"}}`
	brokenErr := errors.New("connection reset")
	tests := []struct {
		name      string
		limit     int64
		err       error // how the body ends
		want      string
		wantErr   error
		unchecked []string
	}{
		{"whole", 1024, io.EOF, body, nil, nil},
		{"exactly the limit", int64(len(body)), io.EOF, body, nil, nil},
		{"one past the limit", int64(len(body)) - 1, io.EOF, body, nil, []string{"GET /r: 400: body longer than 51 bytes"}},
		{"past the limit", 16, io.EOF, body, nil, []string{"GET /r: 400: body longer than 16 bytes"}},
		{"broken", 1024, brokenErr, body, brokenErr, []string{"GET /r: 400: body unreadable: connection reset"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := &chunkedBody{data: []byte(body), err: tt.err}
			rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
				return &http.Response{StatusCode: 400, Header: http.Header{"Content-Type": {jsonCT}},
					Body: orig, ContentLength: -1, Request: r}, nil
			})
			chk := New(cat, Collect(), BodyLimit(tt.limit))
			req := httptest.NewRequest("GET", "http://api.test/r", nil)
			resp, err := chk.Transport(nil, rt).RoundTrip(req)
			require.NoError(t, err)
			got, err := io.ReadAll(resp.Body)
			assert.Equal(t, tt.wantErr, err)
			assert.Equal(t, tt.want, string(got))
			require.NoError(t, resp.Body.Close())
			assert.True(t, orig.closed, "closing the replayed body closes the original")
			assert.Empty(t, chk.Violations())
			assert.Equal(t, tt.unchecked, chk.Coverage().Unchecked)
		})
	}
}

func TestTransportError(t *testing.T) {
	chk := New(load(t, "platform"), Collect())
	want := errors.New("dial failed")
	rt := roundTripFunc(func(*http.Request) (*http.Response, error) { return nil, want })
	_, err := chk.Transport(nil, rt).RoundTrip(httptest.NewRequest("GET", "http://api.test/", nil))
	assert.Equal(t, want, err)
	assert.Equal(t, 0, chk.Coverage().Responses)
}

func TestConcurrent(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect())
	srv := httptest.NewServer(chk.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good":
			respond(404, jsonCT, `{"error":{"code":"secret_not_found"}}`).ServeHTTP(w, r)
		default:
			respond(400, jsonCT, `{"error":{"code":"secret_not_found"}}`).ServeHTTP(w, r)
		}
	})))
	defer srv.Close()
	client := &http.Client{Transport: chk.Transport(nil, srv.Client().Transport)}
	const n = 50
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			path := "/good"
			if i%2 == 1 {
				path = "/bad"
			}
			resp, err := client.Get(srv.URL + path)
			if assert.NoError(t, err) {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			_ = chk.Coverage()
		})
	}
	wg.Wait()
	srv.Close() // waits for the handlers, and so their checks
	// Each response is checked twice: by the handler and by the transport.
	assert.Len(t, chk.Violations(), n) // n/2 bad responses, twice
	assert.Equal(t, 2*n, chk.Coverage().Responses)
}

// TestTransportBodyThatNeverEnds: RoundTrip returns after the body timeout
// when an error body does not end, having checked what arrived when it is
// a whole error body; the caller still reads the stream as sent.
func TestTransportBodyThatNeverEnds(t *testing.T) {
	cat := load(t, "platform")
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", jsonCT)
		w.WriteHeader(http.StatusBadRequest)
		if r.URL.Path == "/whole" {
			_, _ = io.WriteString(w, `{"error":{"code":"secret_not_found"}}`)
		} else {
			_, _ = io.WriteString(w, `{"error":{"code":"secret_not_found"`)
		}
		w.(http.Flusher).Flush()
		select { // a stream that does not end
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)

	for _, tt := range []struct {
		path       string
		violations []string
		unchecked  []string
	}{
		{"/whole", []string{`GET /whole: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (` + ref(t, cat, "secret_not_found") + `)`}, nil},
		{"/part", nil, []string{"GET /part: 400: body not complete after 100ms"}},
	} {
		t.Run(tt.path, func(t *testing.T) {
			chk := New(cat, Collect(), BodyTimeout(100*time.Millisecond))
			client := &http.Client{Transport: chk.Transport(nil, srv.Client().Transport)}
			type result struct {
				resp *http.Response
				err  error
			}
			done := make(chan result, 1)
			go func() {
				resp, err := client.Get(srv.URL + tt.path)
				done <- result{resp, err}
			}()
			var res result
			select {
			case res = <-done:
			case <-time.After(time.Minute): // guards a hang only
				t.Fatal("RoundTrip did not return while the body stayed open")
			}
			require.NoError(t, res.err)
			assert.Equal(t, tt.violations, messages(chk.Violations()))
			assert.Equal(t, tt.unchecked, chk.Coverage().Unchecked)
			// The caller reads what was sent, then waits on the stream.
			first := make([]byte, len(`{"error":{"code":"secret_not_found"`))
			_, err := io.ReadFull(res.resp.Body, first)
			require.NoError(t, err)
			assert.Equal(t, `{"error":{"code":"secret_not_found"`, string(first))
			require.NoError(t, res.resp.Body.Close())
		})
	}
}
