// Package app holds handlers that leave their errors in the context.
package app

import (
	"net/http"

	"valueflow/model"
	"valueflow/web"
)

func getSecret(c *web.Context, w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		c.Err = model.NewAppError("getSecret", "secret_not_found", "no such secret", http.StatusBadRequest) // want `code "secret_not_found" is sent with status 400; the catalog says 404 \(errcodes.yaml:\d+\)`
		return
	}
	c.Err = model.NewAppError("getSecret", "secret_gone", "gone", http.StatusGone) // want `code "secret_gone" is not in the catalog`
}

func putSecret(c *web.Context, w http.ResponseWriter, r *http.Request) {
	c.Err = model.NewAppError("putSecret", "conflict", "exists", http.StatusConflict)
}

var routes = []web.Handler{getSecret, putSecret}
