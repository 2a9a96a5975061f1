// Package operations_only serves a document that names no code: the
// integer in its error bodies' code field is no code of a catalog that
// lists none, and each handler is held to its operation's statuses.
package operations_only

import (
	"encoding/json"
	"net/http"
)

type Error struct {
	Code    int32  `json:"code"`
	Message string `json:"message"`
}

func sendError(w http.ResponseWriter, code int, message string) {
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(Error{Code: int32(code), Message: message})
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/pets/{id}", findPetByID)
	mux.HandleFunc("POST /api/pets", addPet)
}

func findPetByID(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") == "0" {
		sendError(w, http.StatusBadRequest, "bad id") // want `handler findPetByID can send status 400, which operation findPetByID \(GET /pets/\{id\}\) does not document; it documents 404 \(pets.yaml:83\)`
		return
	}
	sendError(w, http.StatusNotFound, "no such pet")
}

func addPet(w http.ResponseWriter, r *http.Request) {
	sendError(w, http.StatusBadRequest, "bad pet") // the default response covers it
	var e Error
	if e.Code == 404 { // a comparison with no code of the catalog's: not a branch on one
		return
	}
}
