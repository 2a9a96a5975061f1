// Package web is the router: it runs a handler with a context and renders
// the error the handler left there.
package web

import (
	"encoding/json"
	"net/http"

	"valueflow/model"
)

// Context is what a handler is given.
type Context struct {
	Err *model.AppError
}

// Handler is the router's handler type.
type Handler func(c *Context, w http.ResponseWriter, r *http.Request)

// Serve runs h and writes the error it left, with the error's status.
func Serve(h Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &Context{}
		h(c, w, r)
		if c.Err != nil {
			w.WriteHeader(c.Err.StatusCode)
			json.NewEncoder(w).Encode(c.Err)
		}
	}
}
