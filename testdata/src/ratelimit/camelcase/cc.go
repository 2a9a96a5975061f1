package camelcase

import (
	"encoding/xml"
	"net/http"
)

type errorResponse struct {
	XMLName xml.Name `xml:"Error"`
	Code    string
	Message string
}

func writeXMLError(w http.ResponseWriter, code string) {
	w.WriteHeader(statusFor(code))
	xml.NewEncoder(w).Encode(errorResponse{Code: code})
}

func statusFor(code string) int { return 500 }

func create(w http.ResponseWriter, r *http.Request) {
	writeXMLError(w, "RateLimitExceeded") // want `code "RateLimitExceeded" \(status 429, errcodes.yaml:\d+\) is written without a Retry-After header`
	writeXMLError(w, "AccessDenied")
}

func createOK(w http.ResponseWriter, r *http.Request) {
	w.Header()["Retry-After"] = []string{"120"}
	writeXMLError(w, "RateLimitExceeded")
}
