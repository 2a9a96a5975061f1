// Package codetext writes a fallback body built around a code constant:
// the text takes the code type from the constant it embeds, but it is a
// body, not a code.
package codetext

import "net/http"

type ErrorCode string

const (
	Internal ErrorCode = "internal"
	NotFound ErrorCode = "not_found"
	Missing  ErrorCode = "missing" // want `^code "missing" is not in the catalog$`
)

// fallback is the body sent when encoding fails.
const fallback = "{\"code\": \"" + Internal + "\", \"msg\": \"could not encode the error\"}"

func writeFallback(w http.ResponseWriter) {
	w.WriteHeader(http.StatusInternalServerError)
	w.Write([]byte(fallback))
	w.Write([]byte("{\"code\": \"" + NotFound + "\"}"))
}

// A prefix before a code is still a code, and checked.
const ns = "err."

func prefixed() ErrorCode {
	return ns + "internal" // want `^code "err.internal" is not in the catalog$`
}
