// Package intake decodes what clients send into a type of its own: a
// server reading requests, not a client reading the API's errors.
package intake // want `^\{"kind":"wire","catalog":".*/notices/matched/errcodes\.yaml","wire":"error\.code"\}$`

import (
	"encoding/json"
	"net/http"
)

type order struct {
	Item     string `json:"item"`
	Quantity int    `json:"quantity"`
}

func create(w http.ResponseWriter, r *http.Request) {
	var o order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "bad order", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
