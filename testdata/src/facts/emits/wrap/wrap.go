// Package wrap wraps web's emitters from another package.
package wrap

import (
	"net/http"

	"facts/emits/web"
)

type server struct{}

// sendError is a method wrapper: facts across packages.
func (s *server) sendError(w http.ResponseWriter, p *web.Problem) { // want sendError:"emits status=1.HTTPStatus code=1.Type@type code=1.Detail@detail code=1.HTTPStatus@status writer=0"
	web.SendError(w, p)
}

// tooMany fixes the status of a status-only emitter.
func tooMany(w http.ResponseWriter) {
	web.Status(w, http.StatusTooManyRequests)
}
