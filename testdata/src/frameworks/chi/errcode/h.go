package errcode

import (
	"net/http"

	"github.com/go-chi/render"
)

type apiError struct {
	Code string `json:"code"`
}

type body struct {
	Error apiError `json:"error"`
}

func get(w http.ResponseWriter, r *http.Request) {
	render.Status(r, http.StatusBadRequest) // want `code "secret_not_found" is sent with status 400; the catalog says 404`
	render.JSON(w, r, body{Error: apiError{Code: "secret_not_found"}})
}

func getOK(w http.ResponseWriter, r *http.Request) {
	render.Status(r, http.StatusNotFound)
	render.JSON(w, r, body{Error: apiError{Code: "secret_not_found"}})
	render.JSON(w, r, body{Error: apiError{Code: "secret_notfound"}}) // want `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"\?`
}
