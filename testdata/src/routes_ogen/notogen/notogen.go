// Package notogen has a NewServer taking a Handler, but declares no
// Server struct: it is no server ogen generated.
package notogen

import "context"

// Handler handles something.
type Handler interface {
	GetSecret(ctx context.Context) error
}

// Srv serves a Handler.
type Srv struct{ h Handler }

// NewServer makes a Srv.
func NewServer(h Handler) *Srv { return &Srv{h: h} }
