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
// It also reports a header set after the response is written (never sent;
// trailers excepted), a Retry-After value that is neither delay-seconds
// nor an HTTP-date ("45s", time.Duration.String), and a header map key
// that is not canonical (w.Header()["retry-after"]). With -fix: the header
// is set before the write with a "SECONDS" placeholder (itself reported
// until a real delay is written), a constant literal becomes whole
// delay-seconds ("45s" to "45", "1.5" to "2"), a duration becomes
// strconv.Itoa(int(d.Seconds())), and a header map key its canonical form.
// A code whose catalog
// statuses include one of rules.retry_after needs the header when the
// status written is not known. Test files, whose fake servers answer 429
// on purpose, are not reported unless -tests is set.
package retryafter
