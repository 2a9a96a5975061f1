// Package clean has nothing to report.
package clean

import "net/http"

// NotFound sends a bare 404.
func NotFound(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
}
