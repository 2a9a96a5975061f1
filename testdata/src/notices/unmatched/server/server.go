// Package server writes its codes at error.code; the catalog's wire says
// code: no body matches, and no check fires.
package server // want `^\{"kind":"wire","catalog":".*/notices/unmatched/errcodes\.yaml","wire":"code"\}$`

import (
	"encoding/json"
	"net/http"
)

func handle(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": "not_fuond"}})
}
