// Package h has helpers that set headers on a writer they are given.
package h

import "net/http"

// setRetryAfter sets the header on its writer.
func setRetryAfter(w http.ResponseWriter) { // want setRetryAfter:`^sink\(param0 headers="Retry-After"\)$`
	w.Header().Set("Retry-After", "120")
}

// limited sets another header and, through a helper, Retry-After.
func limited(code int, w http.ResponseWriter) { // want limited:`^sink\(param1 status=param0 headers=\{"content-type", "Retry-After"\}\) sink\(param1 headers="content-type"\) sink\(param1 headers="Retry-After"\)$`
	w.Header().Set("content-type", "application/json")
	setRetryAfter(w)
	w.WriteHeader(code)
}

// byIndex sets a key as written: index keys are not canonicalized.
func byIndex(w http.ResponseWriter) { // want byIndex:`^sink\(param0 headers="X-Request-Id"\)$`
	w.Header()["X-Request-Id"] = []string{"1"}
}

// deletes only removes a header: nothing set.
func deletes(w http.ResponseWriter) {
	w.Header().Del("Retry-After")
}

// Recursive setters terminate.
func even(w http.ResponseWriter, n int) { // want even:`^sink\(param0 headers="Retry-After"\) sink\(param0 headers="Retry-After"\)$`
	if n > 0 {
		odd(w, n-1)
		return
	}
	setRetryAfter(w)
}

func odd(w http.ResponseWriter, n int) { // want odd:`^sink\(param0 headers="Retry-After"\)$`
	even(w, n)
}
