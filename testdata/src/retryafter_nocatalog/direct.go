// Package retryafter_nocatalog has no catalog: statuses are taken
// literally, with the default rule (429).
package retryafter_nocatalog

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

type config struct {
	advertise bool
	wait      time.Duration
}

func plain(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "slow down", http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
}

func plainOK(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "30")
	http.Error(w, "slow down", http.StatusTooManyRequests)
}

func writeHeader(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(429) // want `status 429 is written without a Retry-After header`
}

func conditional(w http.ResponseWriter, r *http.Request, cfg config) {
	if cfg.advertise {
		w.Header().Set("Retry-After", "30")
	}
	w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written on a path without a Retry-After header: it is set only when cfg.advertise`
}

func bothBranches(w http.ResponseWriter, r *http.Request, cfg config) {
	if cfg.advertise {
		w.Header().Set("Retry-After", "30")
	} else {
		w.Header().Set("Retry-After", "60")
	}
	w.WriteHeader(http.StatusTooManyRequests)
}

func earlyReturn(w http.ResponseWriter, r *http.Request, cfg config) {
	if !cfg.advertise {
		w.WriteHeader(http.StatusServiceUnavailable) // not a retry_after status by default
		return
	}
	w.Header().Set("Retry-After", "30")
	w.WriteHeader(http.StatusTooManyRequests)
}

func loop(w http.ResponseWriter, r *http.Request, tries int) {
	for i := 0; i < tries; i++ {
		if i == 3 {
			w.Header().Set("Retry-After", "5")
		}
	}
	w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written on a path without a Retry-After header: it is set only when i == 3`
}

func deleted(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "5")
	w.Header().Del("Retry-After")
	w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
}

func twoWriters(w, mirror http.ResponseWriter, r *http.Request) {
	mirror.Header().Set("Retry-After", "5")
	w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
	mirror.WriteHeader(http.StatusTooManyRequests)
}

// A deferred set runs after the write: it does not count, and it is not
// reported as set-after-write either (the order is not in the code).
func deferred(w http.ResponseWriter, r *http.Request) {
	defer w.Header().Set("Retry-After", "5")
	w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
}

// A status chosen among constants: 429 is one of them.
func chosen(w http.ResponseWriter, r *http.Request, busy bool) {
	status := http.StatusServiceUnavailable
	if busy {
		status = http.StatusTooManyRequests
	}
	w.WriteHeader(status) // want `status 429 \(one of 503, 429\) is written without a Retry-After header`
}

// Unknown statuses are never reported.
func unknown(w http.ResponseWriter, r *http.Request, status int) {
	w.WriteHeader(status)
}

func afterWrite(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.Header().Set("X-Request-ID", "abc") // want `header "X-Request-ID" is set after the response is written \(line 99\) and is never sent`
	w.Header().Set("Trailer:X-Checksum", "abc")
}

func afterBody(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Trailer", "X-Checksum")
	fmt.Fprintln(w, "hello")
	w.Header().Set("X-Checksum", "abc")
	w.Header().Set("Content-Type", "text/plain") // want `header "Content-Type" is set after the response is written \(line 106\) and is never sent`
}

// Written on one path only: a later header may still be sent.
func maybeWritten(w http.ResponseWriter, r *http.Request, fail bool) {
	if fail {
		w.WriteHeader(http.StatusBadRequest)
	}
	w.Header().Set("X-Request-ID", "abc")
}

func values(w http.ResponseWriter, r *http.Request, cfg config) {
	w.Header().Set("Retry-After", "45s")             // want `Retry-After value "45s" is neither delay-seconds \(a non-negative integer\) nor an HTTP-date`
	w.Header().Set("Retry-After", "1.5")             // want `Retry-After value "1.5" is neither delay-seconds`
	w.Header().Set("Retry-After", "-1")              // want `Retry-After value "-1" is neither delay-seconds`
	w.Header().Set("Retry-After", cfg.wait.String()) // want `Retry-After is set from a time.Duration's text`
	w.Header().Set("Retry-After", fmt.Sprint(cfg.wait)) // want `Retry-After is set from a time.Duration's text`
	w.Header().Set("Retry-After", "120")
	w.Header().Set("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
	w.Header().Set("Retry-After", strconv.Itoa(int(cfg.wait.Seconds())))
	w.Header()["retry-after"] = []string{"10"} // want `header key "retry-after" is not canonical: the header is sent as written, and Header.Get never finds it; use "Retry-After"`
	w.Header()["Retry-After"] = []string{"10s"} // want `Retry-After value "10s" is neither delay-seconds`
}

// Closures are functions of their own.
func closure(cfg config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
	}
}

// http.Error once the body is out (an encoder failed half-way): its
// Content-Type and its status are lost, and its text lands in the body.
func errorAfterBody(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `^http.Error after the response is written \(line \d+\): its status and its headers are never sent, and its message is appended to the body$`
	}
}

// An encoder that fails has most often written nothing (json marshals
// first): http.Error is then the response.
func errorAfterEncode(w http.ResponseWriter, v any) {
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// http.Error before anything is written is the response.
func errorFirst(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(b)
}

// Written on one path only: the other path's http.Error is the response.
func errorOnOnePath(w http.ResponseWriter, ok bool) {
	if ok {
		w.WriteHeader(http.StatusAccepted)
	}
	http.Error(w, "busy", http.StatusServiceUnavailable)
}
