// Package methodvalues registers handlers as method values, method
// expressions and closures.
package methodvalues

import (
	"net/http"

	"hostile/httpx"
)

type Server struct {
	fail func(http.ResponseWriter, int, string, string)
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusNotFound, "secret_not_found", "ok")
}

func (s *Server) wrong(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusConflict, "secret_not_found", "wrong status")
}

func Routes(mux *http.ServeMux, s *Server) {
	mux.HandleFunc("/a", s.handle)
	mux.Handle("/b", http.HandlerFunc(s.wrong))
	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) { (*Server).handle(s, w, r) })
	f := (*Server).wrong
	mux.HandleFunc("/d", func(w http.ResponseWriter, r *http.Request) { f(s, w, r) })
	mux.HandleFunc("/e", func(w http.ResponseWriter, r *http.Request) {
		httpx.WriteError(w, http.StatusTeapot, "secret_exists", "closure")
	})
	write := httpx.WriteError
	mux.HandleFunc("/f", func(w http.ResponseWriter, r *http.Request) {
		write(w, http.StatusBadRequest, "secret_exists", "through a func value: not followed")
	})
	s.fail = httpx.WriteError
	mux.HandleFunc("/g", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, 400, "secret_exists", "through a field: not followed")
		defer func() { httpx.WriteError(w, 500, "secret_exists", "deferred closure") }()
		go func() { httpx.WriteError(w, 404, "secret_exists", "goroutine") }()
	})
}
