// Package routers registers handlers with chi, gin, echo and gorilla/mux:
// each route finds its operation by method and path, prefixes included.
package routers

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

type apiError struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code string `json:"code"`
}

func Chi() http.Handler {
	r := chi.NewRouter()
	r.Route("/v1/secrets", func(r chi.Router) {
		r.Get("/{secretID}", chiGet)
		r.Delete("/{secretID:[a-z]+}", chiDelete)
	})
	return r
}

func chiGet(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "locked", http.StatusLocked) // want `handler chiGet can send status 423, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 or 400 \(api.yaml:40\)`
}

func chiDelete(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "oops", http.StatusBadGateway) // 5XX is documented
}

func Gin() *gin.Engine {
	e := gin.New()
	v1 := e.Group("/v1")
	secrets := v1.Group("/secrets")
	secrets.GET("/:id", ginGet)
	secrets.GET("", ginList)
	return e
}

func ginGet(c *gin.Context) {
	if c.Param("id") == "" {
		c.JSON(http.StatusBadRequest, apiError{Error: errorBody{Code: "invalid_path"}})
		return
	}
	c.JSON(http.StatusNotFound, apiError{Error: errorBody{Code: "invalid_path"}}) // want `handler ginGet can send code "invalid_path" with status 404, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; its 404 response carries "secret_not_found" \(api.yaml:40\)`
}

func ginList(c *gin.Context) {
	c.AbortWithStatus(http.StatusTeapot) // listSecrets documents a default response
}

func Echo() *echo.Echo {
	e := echo.New()
	g := e.Group("/v1")
	g.PUT("/secrets/:id", echoPut)
	g.DELETE("/secrets/:id", echoDelete)
	return e
}

func echoPut(c echo.Context) error {
	return c.NoContent(http.StatusConflict) // want `handler echoPut can send status 409, which operation putSecret \(PUT /v1/secrets/\{id\}\) does not document; it documents 400 \(api.yaml:90\)`
}

func echoDelete(c echo.Context) error {
	return c.JSON(http.StatusForbidden, apiError{Error: errorBody{Code: "permission_denied"}})
}

func Gorilla() http.Handler {
	r := mux.NewRouter()
	api := r.PathPrefix("/v1").Subrouter()
	api.HandleFunc("/secrets/{id}", gorillaSecret).Methods("GET", "DELETE")
	return r
}

// gorillaSecret serves two operations: a status either documents is
// documented.
func gorillaSecret(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		http.Error(w, "no", http.StatusNotFound)
	case http.MethodDelete:
		http.Error(w, "no", http.StatusForbidden) // documented by deleteSecret
	}
	http.Error(w, "gone", http.StatusGone) // want `handler gorillaSecret can send status 410, which none of operations getSecret \(GET /v1/secrets/\{id\}\) or deleteSecret \(DELETE /v1/secrets/\{id\}\) documents; they document 404, 400, 403 or 5XX \(api.yaml:40, api.yaml:60\)`
}
