// Package retryafter defines an Analyzer that reports rate-limited
// responses that do not tell the client when to come back.
//
// # Analyzer retryafter
//
// retryafter: report 429s written without Retry-After
//
// A response written with a status in the catalog's rules.retry_after (429
// when there is no catalog or the catalog does not say) must have its
// Retry-After header set on the same writer on every path from the
// function's entry to the write. The pass follows the control-flow graph,
// helpers that write a status or set the header (facts), and codes whose
// catalog status needs the header:
//
//	if s.cfg.AdvertiseRetry {
//		w.Header().Set("Retry-After", "30")
//	}
//	http.Error(w, "slow down", http.StatusTooManyRequests)
//	// status 429 is written without a Retry-After header on every path: it is set only when s.cfg.AdvertiseRetry
//
// Its checks, each with the ID that -retryafter.checks, //lint:ignore and
// //nolint take:
//
//	retryafter/missing      a retry status written without Retry-After (above)
//	retryafter/late-header  a header set after the response is written (never
//	                        sent; trailers excepted), or http.Error called once
//	                        the status is written (its status and Content-Type
//	                        are lost, its message lands in the body)
//	retryafter/value        a Retry-After that is neither delay-seconds nor an
//	                        HTTP-date ("45s", time.Duration.String)
//	retryafter/header-key   a header map key that is not canonical
//	                        (w.Header()["retry-after"]), where that matters: for
//	                        Retry-After, and for a key the code reads back with
//	                        Header.Get or Values (a protocol's "x-…" keys set
//	                        through the map on purpose are left alone)
//
// With -fix: the header is set before the write with a "SECONDS"
// placeholder (itself reported until a real delay is written), a constant
// literal becomes whole delay-seconds ("45s" to "45", "1.5" to "2"), a
// duration becomes strconv.Itoa(int(d.Seconds())), and a header map key
// its canonical form.
// A code whose catalog
// statuses include one of rules.retry_after needs the header when the
// status written is not known.
//
// Errors that carry their code and one central renderer that looks the
// status up in a table are paired: inside the renderer, a status drawn
// from a table that holds a rules.retry_after status is reported at the
// write when nothing in the function sets the header, naming the row; at a
// call of the renderer with an error whose code is known (a builder chain,
// a package variable, an error wrapped with %w when the renderer uses
// errors.As), the status the table gives the code is checked like any
// other:
//
//	var tooManyRequests = errors.New("upstream busy").WithCode(errors.RateLimitCode)
//	httpx.SendError(w, tooManyRequests)
//	// status 429 (rate_limited in codeMap, httpx.go:17) sent by SendError is written without a Retry-After header
//
// A renderer that sets the header anywhere is taken to set it for its 429
// (the condition is not followed), and a code that is not known is not
// reported. Test files, whose fake servers answer 429
// on purpose, are not reported unless -tests is set.
package retryafter
