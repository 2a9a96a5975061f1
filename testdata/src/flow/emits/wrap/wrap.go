// Package wrap wraps web's emitters from another package.
package wrap

import (
	"net/http"

	"flow/emits/web"
)

type server struct{}

// sendError is a method wrapper: facts across packages.
func (s *server) sendError(w http.ResponseWriter, p *web.Problem) { // want sendError:`^sink\(param1 status=param2\.HTTPStatus body=json\(param2\)\)$`
	web.SendError(w, p)
}

// tooMany fixes the status of a status-only emitter.
func tooMany(w http.ResponseWriter) { // want tooMany:`^sink\(param0 status=429\)$`
	web.Status(w, http.StatusTooManyRequests)
}
