// Package server serves tasks: a resource whose "type" member is at the
// catalog's wire path, but which the server only encodes and decodes from
// requests. A switch on its type is not a client's branch on a code.
package server

import (
	"encoding/json"
	"net/http"
)

type TaskKind string

const (
	KindExport TaskKind = "export"
	KindImport TaskKind = "import"
)

type Task struct {
	ID   string   `json:"id"`
	Type TaskKind `json:"type"`
}

type problem struct {
	Type   string `json:"type"`
	Status int    `json:"status"`
}

func run(t Task) string {
	switch t.Type {
	case KindExport:
		return "exporting"
	case KindImport:
		return "importing"
	}
	if t.Type == "archive" {
		return "archiving"
	}
	return ""
}

func create(w http.ResponseWriter, r *http.Request) {
	var t Task
	if err := json.NewDecoder(r.Body).Decode(&t); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(problem{Type: "about:blank", Status: http.StatusBadRequest})
		return
	}
	run(t)
	json.NewEncoder(w).Encode(t)
}
