package conformance

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A wireCase is a handler and a request whose exchange must be the same
// with and without the Checker's handler wrapper.
type wireCase struct {
	name   string
	method string
	body   string                          // request body
	h      http.Handler                    // the handler under test
	mount  func(http.Handler) http.Handler // what the server puts around it, or nil
}

// wireCases are the cases of issue 25, and common ones.
func wireCases() []wireCase {
	errorJSON := `{"error":{"code":"invalid_request","pad":"` + strings.Repeat("p", 900) + `"}}`
	return []wireCase{
		{name: "error body", method: "GET", h: respond(404, jsonCT, `{"error":{"code":"secret_not_found"}}`)},
		{name: "optional interfaces", method: "GET", h: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, f := w.(http.Flusher)
			_, h := w.(http.Hijacker)
			_, p := w.(http.Pusher)
			_, rf := w.(io.ReaderFrom)
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprintf(w, "flusher=%v hijacker=%v pusher=%v readerfrom=%v", f, h, p, rf)
		})},
		{name: "io.Copy of an error body", method: "GET", h: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", jsonCT)
			w.WriteHeader(http.StatusBadRequest)
			// A LimitedReader has no WriteTo: io.Copy uses the writer's ReadFrom.
			_, _ = io.Copy(w, io.LimitReader(strings.NewReader(errorJSON), 1<<20))
		})},
		{name: "MaxBytesReader trips", method: "POST", body: strings.Repeat("b", 100),
			h: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				r.Body = http.MaxBytesReader(w, r.Body, 10)
				if _, err := io.ReadAll(r.Body); err != nil {
					respond(400, jsonCT, `{"error":{"code":"invalid_request"}}`).ServeHTTP(w, r)
				}
			})},
		{name: "non-canonical Retry-After", method: "GET", h: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header()["retry-after"] = []string{"5"}
			respond(429, jsonCT, `{"error":{"code":"rate_limited"}}`).ServeHTTP(w, r)
		})},
		{name: "HEAD with a body", method: "HEAD", h: respond(404, jsonCT, `{"error":{"code":"nope_not_cataloged"}}`)},
		{name: "flush, then an error, under TimeoutHandler", method: "GET", h: flushThenError,
			mount: func(h http.Handler) http.Handler { return http.TimeoutHandler(h, time.Minute, "timeout") }},
		{name: "flush, then an error", method: "GET", h: flushThenError},
	}
}

// flushThenError flushes before its status, as a streaming handler may,
// then sends an error: what the client gets depends on whether the writer
// could flush.
var flushThenError = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	_ = http.NewResponseController(w).Flush()
	w.Header().Set("Content-Type", jsonCT)
	w.WriteHeader(http.StatusNotFound)
	_, _ = io.WriteString(w, `{"error":{"code":"nope_not_cataloged"}}`)
})

// mounted is the handler a case's server runs, wrapped by chk or not.
func (wc wireCase) mounted(chk *Checker) http.Handler {
	h := wc.h
	if chk != nil {
		h = chk.Handler(nil, h)
	}
	if wc.mount != nil {
		h = wc.mount(h)
	}
	return h
}

// TestWireUnchangedHTTP1 compares the bytes a client reads over HTTP/1.1,
// and whether the server keeps the connection, with and without the
// wrapper.
func TestWireUnchangedHTTP1(t *testing.T) {
	cat := load(t, "platform")
	for _, wc := range wireCases() {
		t.Run(wc.name, func(t *testing.T) {
			var got [2]string
			for i, chk := range []*Checker{nil, New(cat, Collect())} {
				srv := httptest.NewServer(wc.mounted(chk))
				got[i] = rawExchange(t, srv.Listener.Addr().String(), wc)
				srv.Close()
			}
			assert.Equal(t, got[0], got[1], "without the wrapper, then with it")
		})
	}
}

var dateLine = regexp.MustCompile(`(?m)^Date: .*\r$`)

// rawExchange sends wc's request over a new connection, reads the response
// as bytes, then sends a second request to learn whether the connection
// was kept. It returns the response, the Date header blanked, and what
// became of the connection.
func rawExchange(t *testing.T, addr string, wc wireCase) string {
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(time.Minute))) // guards a hang only
	req := fmt.Sprintf("%s /x HTTP/1.1\r\nHost: test\r\nContent-Length: %d\r\n\r\n%s", wc.method, len(wc.body), wc.body)
	_, err = io.WriteString(conn, req)
	require.NoError(t, err)
	var raw strings.Builder
	br := bufio.NewReader(io.TeeReader(conn, &raw))
	resp, err := http.ReadResponse(br, &http.Request{Method: wc.method})
	require.NoError(t, err)
	_, err = io.Copy(io.Discard, resp.Body)
	require.NoError(t, err)
	first := raw.String()[:raw.Len()-br.Buffered()]

	// Is the connection kept? A second request says.
	after := "kept"
	if _, err := io.WriteString(conn, "GET /ping HTTP/1.1\r\nHost: test\r\n\r\n"); err != nil {
		after = "closed"
	} else if resp2, err := http.ReadResponse(br, &http.Request{Method: "GET"}); err != nil {
		after = "closed"
	} else {
		resp2.Body.Close()
	}
	return dateLine.ReplaceAllString(first, "Date: -\r") + "\n--\n" + after
}

// TestWireUnchangedHTTP2 compares what a client reads over HTTP/2 (status,
// header, body, trailer) with and without the wrapper.
func TestWireUnchangedHTTP2(t *testing.T) {
	cat := load(t, "platform")
	for _, wc := range wireCases() {
		t.Run(wc.name, func(t *testing.T) {
			var got [2]string
			for i, chk := range []*Checker{nil, New(cat, Collect())} {
				srv := httptest.NewUnstartedServer(wc.mounted(chk))
				srv.EnableHTTP2 = true
				srv.StartTLS()
				got[i] = h2Exchange(t, srv, wc)
				srv.Close()
			}
			assert.Equal(t, got[0], got[1], "without the wrapper, then with it")
		})
	}
}

// h2Exchange sends wc's request over HTTP/2 and renders the response.
func h2Exchange(t *testing.T, srv *httptest.Server, wc wireCase) string {
	return clientExchange(t, srv.Client(), srv.URL, wc, 2)
}

// clientExchange sends wc's request with client, over HTTP/major, and
// renders the response as the caller reads it.
func clientExchange(t *testing.T, client *http.Client, url string, wc wireCase, major int) string {
	req, err := http.NewRequest(wc.method, url+"/x", strings.NewReader(wc.body))
	require.NoError(t, err)
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, major, resp.ProtoMajor)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s close=%v length=%d\n", resp.Proto, resp.Status, resp.Close, resp.ContentLength)
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range resp.Header {
			if k != "Date" && !yield(k) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "%s: %q\n", k, resp.Header[k])
	}
	fmt.Fprintf(&b, "\n%s\ntrailer %v", body, resp.Trailer)
	return b.String()
}

// TestHandlerFlushThatFailsSendsNoStatus: under http.TimeoutHandler, whose
// writer cannot flush, a flush before WriteHeader sends nothing, and the
// error that follows is what the client gets, and is checked.
func TestHandlerFlushThatFailsSendsNoStatus(t *testing.T) {
	cat := load(t, "platform")
	for _, name := range []string{"ResponseController", "Flusher"} {
		t.Run(name, func(t *testing.T) {
			chk := New(cat, Collect())
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if name == "Flusher" {
					if f, ok := w.(http.Flusher); ok {
						f.Flush()
					}
				} else {
					assert.ErrorIs(t, http.NewResponseController(w).Flush(), http.ErrNotSupported)
				}
				respond(404, jsonCT, `{"error":{"code":"nope_not_cataloged"}}`).ServeHTTP(w, r)
			})
			srv := httptest.NewServer(http.TimeoutHandler(chk.Handler(nil, h), time.Minute, "timeout"))
			defer srv.Close()
			resp, err := srv.Client().Get(srv.URL + "/t")
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, http.StatusNotFound, resp.StatusCode)
			assert.Equal(t, []string{`GET /t: 404: code "nope_not_cataloged" is not in the catalog`}, messages(chk.Violations()))
		})
	}
}

// TestHandlerOptionalInterfaces: the writer a handler gets has the optional
// interfaces of the one under it, over HTTP/1.1 and HTTP/2.
func TestHandlerOptionalInterfaces(t *testing.T) {
	chk := New(load(t, "platform"), Collect())
	kinds := func(w http.ResponseWriter) string {
		_, f := w.(http.Flusher)
		_, h := w.(http.Hijacker)
		_, p := w.(http.Pusher)
		_, rf := w.(io.ReaderFrom)
		return fmt.Sprintf("flusher=%v hijacker=%v pusher=%v readerfrom=%v", f, h, p, rf)
	}
	for _, h2 := range []bool{false, true} {
		var plain, wrapped string
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			plain = kinds(w)
			chk.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				wrapped = kinds(w)
			})).ServeHTTP(w, r)
		}))
		srv.EnableHTTP2 = h2
		srv.StartTLS()
		resp, err := srv.Client().Get(srv.URL)
		require.NoError(t, err)
		resp.Body.Close()
		srv.Close()
		require.Equal(t, map[bool]int{false: 1, true: 2}[h2], resp.ProtoMajor)
		assert.Equal(t, plain, wrapped, "HTTP/%d", resp.ProtoMajor)
		if h2 {
			assert.Equal(t, "flusher=true hijacker=false pusher=true readerfrom=false", wrapped)
		} else {
			assert.Equal(t, "flusher=true hijacker=true pusher=false readerfrom=true", wrapped)
		}
	}
}

// TestHandlerReadFromKeepsBody: a body sent through the writer's ReadFrom
// (io.Copy) is checked as one written.
func TestHandlerReadFromKeepsBody(t *testing.T) {
	chk := New(load(t, "platform"), Collect())
	srv := httptest.NewServer(chk.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", jsonCT)
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.Copy(w, io.LimitReader(strings.NewReader(`{"error":{"code":"secret_not_found"}}`), 1<<20))
	})))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/c")
	require.NoError(t, err)
	resp.Body.Close()
	srv.Close()
	assert.Equal(t, []string{
		`GET /c: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (` + ref(t, chk.Catalog(), "secret_not_found") + `)`,
	}, messages(chk.Violations()))
}

// TestHandlerMaxBytesReaderClosesConnection: when the handler's
// MaxBytesReader trips, the server closes the connection after the
// response, as it does without the wrapper.
func TestHandlerMaxBytesReaderClosesConnection(t *testing.T) {
	chk := New(load(t, "platform"), Collect())
	wc := wireCases()[3]
	require.Equal(t, "MaxBytesReader trips", wc.name)
	srv := httptest.NewServer(wc.mounted(chk))
	defer srv.Close()
	got := rawExchange(t, srv.Listener.Addr().String(), wc)
	assert.Contains(t, got, "\r\nConnection: close\r\n")
	assert.True(t, strings.HasSuffix(got, "\n--\nclosed"), got)

	// A MaxBytesReader made without the writer does not close it.
	noWriter := wc
	noWriter.h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(nil, r.Body, 10)
		_, _ = io.ReadAll(r.Body)
		w.WriteHeader(http.StatusBadRequest)
	})
	srv2 := httptest.NewServer(noWriter.mounted(chk))
	defer srv2.Close()
	got = rawExchange(t, srv2.Listener.Addr().String(), noWriter)
	assert.NotContains(t, got, "Connection: close")
	assert.True(t, strings.HasSuffix(got, "\n--\nkept"), got)
}

// TestHandlerNonCanonicalHeader: a header set under a key that is not
// canonical reaches the client, and counts.
func TestHandlerNonCanonicalHeader(t *testing.T) {
	chk := New(load(t, "platform"), Collect())
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["retry-after"] = []string{"5"}
		w.Header()["content-type"] = []string{jsonCT}
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = io.WriteString(w, `{"error":{"code":"secret_not_found"}}`)
	})
	srv := httptest.NewServer(chk.Handler(nil, h))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/r")
	require.NoError(t, err)
	resp.Body.Close()
	srv.Close()
	assert.Equal(t, "5", resp.Header.Get("Retry-After"))
	// The body is read as the declared JSON; Retry-After is there.
	assert.Equal(t, []string{
		`GET /r: 429: code "secret_not_found" is sent with status 429; the catalog says 404 (` + ref(t, chk.Catalog(), "secret_not_found") + `)`,
	}, messages(chk.Violations()))
}

// TestHandlerHeadBodyNotChecked: the body of a response to HEAD never
// reaches the client, so it is not checked; the headers are.
func TestHandlerHeadBodyNotChecked(t *testing.T) {
	chk := New(load(t, "platform"), Collect())
	serve(chk, respond(404, jsonCT, `{"error":{"code":"nope_not_cataloged"}}`), "HEAD", "/h")
	serve(chk, respond(429, jsonCT, `{"error":{"code":"nope_not_cataloged"}}`), "HEAD", "/r")
	assert.Equal(t, []string{`HEAD /r: 429: status 429 is sent without Retry-After; rules.retry_after lists it`},
		messages(chk.Violations()))
	assert.Equal(t, 2, chk.Coverage().Responses)
}

// TestTransportWireUnchanged compares what a caller reads through the
// transport wrapper with what it reads without it, over HTTP/1.1 and
// HTTP/2, for the cases of the handler wrapper and a body past the limit.
func TestTransportWireUnchanged(t *testing.T) {
	cat := load(t, "platform")
	cases := append(wireCases(), wireCase{name: "error body past the limit", method: "GET",
		h: respond(400, jsonCT, `{"error":{"code":"nope","pad":"`+strings.Repeat("z", 5000)+`"}}`)})
	for _, h2 := range []bool{false, true} {
		major := map[bool]int{false: 1, true: 2}[h2]
		for _, wc := range cases {
			t.Run(fmt.Sprintf("HTTP/%d/%s", major, wc.name), func(t *testing.T) {
				srv := httptest.NewUnstartedServer(wc.mounted(nil))
				srv.EnableHTTP2 = h2
				srv.StartTLS()
				defer srv.Close()
				chk := New(cat, Collect(), BodyLimit(1024))
				plain := clientExchange(t, srv.Client(), srv.URL, wc, major)
				wrapped := clientExchange(t, &http.Client{Transport: chk.Transport(nil, srv.Client().Transport)}, srv.URL, wc, major)
				assert.Equal(t, plain, wrapped)
			})
		}
	}
}

// TestHandlerFullDuplex: a handler that reads its body while it writes
// gets full duplex through the wrapper, and the wrapper leaves its
// MaxBytesReader alone (reading it could race with the handler's reads).
func TestHandlerFullDuplex(t *testing.T) {
	chk := New(load(t, "platform"), Collect())
	srv := httptest.NewServer(chk.Handler(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		if !assert.NoError(t, rc.EnableFullDuplex()) {
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		w.WriteHeader(http.StatusOK)
		done := make(chan struct{})
		go func() { // reads while the handler writes
			defer close(done)
			_, _ = io.Copy(io.Discard, r.Body)
		}()
		_, _ = io.WriteString(w, "streaming")
		_ = rc.Flush()
		<-done
	})))
	defer srv.Close()
	resp, err := srv.Client().Post(srv.URL, "text/plain", strings.NewReader(strings.Repeat("x", 1<<16)))
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, "streaming", string(body))
}
