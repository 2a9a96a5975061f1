package retryafter_insert

import "net/http"

func plain(w http.ResponseWriter, r *http.Request) {
	if r == nil {
		http.Error(w, "slow down", http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
		return
	}
}

// Set on some paths: the fix is the user's call, none is offered.
func conditional(w http.ResponseWriter, r *http.Request, on bool) {
	if on {
		w.Header().Set("Retry-After", "5")
	}
	w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written on a path without a Retry-After header: it is set only when on`
}
