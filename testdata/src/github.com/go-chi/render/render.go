// Package render is a stub of github.com/go-chi/render for analysistest.
package render

import "net/http"

// Status sets the status for the next render of r.
func Status(r *http.Request, status int) {}

// JSON renders v as JSON with the status set by Status (200 otherwise).
func JSON(w http.ResponseWriter, r *http.Request, v any) {}

// XML renders v as XML.
func XML(w http.ResponseWriter, r *http.Request, v any) {}

// PlainText renders a string.
func PlainText(w http.ResponseWriter, r *http.Request, v string) {}
