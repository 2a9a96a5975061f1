package retryafter_fix

import (
	"net/http"
	"strconv"
	"time"
)

var _ = strconv.Itoa

func handler(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	w.Header().Set("Retry-After", wait.String()) // want `Retry-After is set from a time.Duration's text`
	w.Header()["retry-after"] = []string{"5"}    // want `header key "retry-after" is not canonical`
	w.WriteHeader(http.StatusTooManyRequests)
}

const namedWait = "45s"

// Constant values whose meaning is clear become delay-seconds, rounded up
// so that the client never comes back early.
func values(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "45s")        // want `Retry-After value "45s" is neither delay-seconds \(a non-negative integer\) nor an HTTP-date`
	w.Header().Set("Retry-After", "2m")         // want `Retry-After value "2m" is neither delay-seconds`
	w.Header().Set("Retry-After", "1h")         // want `Retry-After value "1h" is neither delay-seconds`
	w.Header().Set("Retry-After", "1.5")        // want `Retry-After value "1.5" is neither delay-seconds`
	w.Header().Set("Retry-After", "1.5s")       // want `Retry-After value "1.5s" is neither delay-seconds`
	w.Header().Set("Retry-After", "1m30s")      // want `Retry-After value "1m30s" is neither delay-seconds`
	w.Header().Set("Retry-After", "500ms")      // want `Retry-After value "500ms" is neither delay-seconds`
	w.Header().Set("Retry-After", ("30s"))      // want `Retry-After value "30s" is neither delay-seconds`
	w.Header().Add("Retry-After", `20s`)        // want `Retry-After value "20s" is neither delay-seconds`
	w.Header()["Retry-After"] = []string{"10s"} // want `Retry-After value "10s" is neither delay-seconds`
	w.WriteHeader(http.StatusTooManyRequests)
}

// No fix: a negative value, text whose meaning is not clear, a value that
// is not a literal, and the placeholder of the insert fix.
func unclear(w http.ResponseWriter, r *http.Request) {
	local := "15s"
	w.Header().Set("Retry-After", "-1")         // want `Retry-After value "-1" is neither delay-seconds`
	w.Header().Set("Retry-After", "-5s")        // want `Retry-After value "-5s" is neither delay-seconds`
	w.Header().Set("Retry-After", "45 seconds") // want `Retry-After value "45 seconds" is neither delay-seconds`
	w.Header().Set("Retry-After", "1d")         // want `Retry-After value "1d" is neither delay-seconds`
	w.Header().Set("Retry-After", "1e3")        // want `Retry-After value "1e3" is neither delay-seconds`
	w.Header().Set("Retry-After", "1.2.3")      // want `Retry-After value "1.2.3" is neither delay-seconds`
	w.Header().Set("Retry-After", "")           // want `Retry-After value "" is neither delay-seconds`
	w.Header().Set("Retry-After", namedWait)    // want `Retry-After value "45s" is neither delay-seconds`
	w.Header().Set("Retry-After", local)        // want `Retry-After value "15s" is neither delay-seconds`
	w.Header().Set("Retry-After", "1"+"5s")     // want `Retry-After value "15s" is neither delay-seconds`
	w.Header().Set("Retry-After", "SECONDS")    // want `Retry-After value "SECONDS" is neither delay-seconds`
	w.Header().Set("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
	w.Header().Set("Retry-After", "120")
	w.WriteHeader(http.StatusTooManyRequests)
}
