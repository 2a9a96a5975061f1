// Package notgen has names a generated server has, on types that are not
// one's.
package notgen

import "net/http"

// ServerInterface is a struct here, not a generated server's interface.
type ServerInterface struct {
	Name string
}

// Wire takes a ServerInterface that is no interface.
func Wire(si ServerInterface) {}

// Handlers has the methods of a generated ServerInterface, under another
// name.
type Handlers interface {
	GetSecret(w http.ResponseWriter, r *http.Request, id string)
}

// Register takes Handlers.
func Register(h Handlers) {}
