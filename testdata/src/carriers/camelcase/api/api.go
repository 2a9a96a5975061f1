// Package api keeps app errors in the request context; the router writes
// them.
package api

import (
	"encoding/xml"
	"net/http"

	"carriers/camelcase/model"
)

// Context is a request's context: a handler leaves its error here.
type Context struct {
	Err *model.AppError
}

func getAccount(c *Context, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		c.Err = model.NewAppError("getAccount", "InputFailure", "id is required", http.StatusBadRequest)
		return
	}
	c.Err = model.NewAppError("getAccount", "AccountNotFound", "no such account", http.StatusForbidden) // want `code "AccountNotFound" is sent with status 403; the catalog says 404`
}

func login(c *Context) {
	c.Err = model.NewAppError("login", "AccessDenied", "wrong key", http.StatusForbidden)
}

// ServeHTTP is the router: it writes whatever error the handler left.
func ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := &Context{}
	getAccount(c, r)
	login(c)
	if c.Err != nil {
		w.WriteHeader(c.Err.StatusCode)
		xml.NewEncoder(w).Encode(c.Err)
	}
}
