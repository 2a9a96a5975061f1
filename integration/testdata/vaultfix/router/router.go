// Package router registers the handlers of package handler for the
// operations the catalog describes. A handler of another package is known
// here by its fact only, so what it sends that its operation does not
// document is reported at the registration.
package router

import (
	"net/http"

	"example.com/vaultfix/handler"
)

// Routes registers the API's handlers on mux.
func Routes(mux *http.ServeMux) {
	// handler.GetSecret sends 400 through httpx.WriteError: getSecret
	// documents only 404.
	mux.HandleFunc("GET /v1/secrets/{id}", handler.GetSecret)
	// handler.Found sends 404, which listSecrets documents.
	mux.HandleFunc("GET /v1/secrets", handler.Found)
	// handler.Health sends 503, on a route the catalog does not describe.
	mux.HandleFunc("GET /healthz", handler.Health)
}
