// Package retryafter silences retryafter's findings with directives.
package retryafter

import "net/http"

func reported(w http.ResponseWriter) {
	http.Error(w, "slow down", http.StatusTooManyRequests) // want `^status 429 is written without a Retry-After header$`
}

func lineAbove(w http.ResponseWriter) {
	//lint:ignore retryafter the proxy in front sets Retry-After
	http.Error(w, "slow down", http.StatusTooManyRequests)
}

func commaList(w http.ResponseWriter) {
	//lint:ignore errcode,retryafter the proxy in front sets Retry-After
	http.Error(w, "slow down", http.StatusTooManyRequests)
}

func allPasses(w http.ResponseWriter) {
	http.Error(w, "slow down", http.StatusTooManyRequests) //lint:ignore errcodelint the proxy in front sets Retry-After
}

func otherPass(w http.ResponseWriter) {
	//lint:ignore errcode another pass
	http.Error(w, "slow down", http.StatusTooManyRequests) // want `without a Retry-After header`
}

func nolintSameLine(w http.ResponseWriter) {
	http.Error(w, "slow down", http.StatusTooManyRequests) //nolint:retryafter // the proxy sets it
	http.Error(w, "slow down", http.StatusTooManyRequests) //nolint:errcodelint // the proxy sets it
}

// A header set late: the nolint on the line above covers the statement.
func lateHeader(w http.ResponseWriter) {
	w.WriteHeader(http.StatusOK)
	//nolint:retryafter // kept for old clients that read trailers
	w.Header().Set("X-Request-Id", "1")
	w.Header().Set("X-Trace", "1") // want `^header "X-Trace" is set after the response is written \(line \d+\) and is never sent$`
}

func unused(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "30")
	//lint:ignore retryafter the proxy sets it // want `^this lint:ignore directive matched nothing$`
	http.Error(w, "slow down", http.StatusTooManyRequests)
}

func unusedNolint(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "30")
	//nolint:retryafter // want `^this nolint directive matched nothing$`
	http.Error(w, "slow down", http.StatusTooManyRequests)
}

func noReason(w http.ResponseWriter) {
	// want +1 `^malformed lint:ignore directive: a reason is required$`
	//lint:ignore retryafter
	http.Error(w, "slow down", http.StatusTooManyRequests) // want `without a Retry-After header`
}
