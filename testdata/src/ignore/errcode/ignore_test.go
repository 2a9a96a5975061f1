package errcode

import (
	"net/http"
	"testing"
)

// Test files are not reported without -tests: neither the finding nor
// the directives.
func TestDirectives(t *testing.T) {
	var w http.ResponseWriter
	send(w, http.StatusBadRequest, "secret_not_found")
	//lint:ignore errcode
	send(w, http.StatusBadRequest, "secret_not_found")
	//lint:ignore errcode nothing to silence
	send(w, http.StatusNotFound, "secret_not_found")
}
