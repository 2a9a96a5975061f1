// Package server writes its errors at the catalog's wire.code.
package server // want `^\{"kind":"wire","catalog":".*/notices/matched/errcodes\.yaml","wire":"error\.code","matched":true\}$` `^\{"kind":"coverage","catalog":".*/notices/matched/errcodes\.yaml","sent":\["not_found"\]\}$`

import (
	"encoding/json"
	"net/http"
)

type errorBody struct {
	Error struct {
		Code string `json:"code"`
	} `json:"error"`
}

func handle(w http.ResponseWriter, r *http.Request) {
	var b errorBody
	b.Error.Code = "not_found"
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": "not_found"}})
}
