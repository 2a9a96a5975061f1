package retryafter_nocatalog

import "net/http"

// An object store's protocol keeps its own header casing: the keys are
// set through the map on purpose, and nothing here reads them back.
func objectHeaders(w http.ResponseWriter, etag, id string) {
	w.Header()["ETag"] = []string{etag}
	w.Header()["x-store-request-id"] = []string{id}
	w.Header()["x-store-version-id"] = []string{"null"}
	w.WriteHeader(http.StatusOK)
}

// A key read back with Get, canonically, is never found as written.
func traced(w http.ResponseWriter, id string) {
	w.Header()["x-trace-id"] = []string{id} // want `header key "x-trace-id" is not canonical`
	logTrace(w.Header())
	w.WriteHeader(http.StatusOK)
}

func logTrace(h http.Header) string { return h.Get("X-Trace-Id") }

// Values looks the key up canonically too.
func tagged(w http.ResponseWriter) []string {
	w.Header()["x-tag"] = []string{"a"} // want `header key "x-tag" is not canonical`
	return w.Header().Values("x-tag")
}
