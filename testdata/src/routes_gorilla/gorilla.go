// Package routes_gorilla registers handlers with gorilla/mux, for
// routes.Find.
package routes_gorilla

import (
	"net/http"
	"os"

	"github.com/gorilla/mux"
)

type server struct{}

func (s *server) getSecret(w http.ResponseWriter, r *http.Request) {}

func listSecrets(w http.ResponseWriter, r *http.Request) {}

type files struct{}

func (files) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// NewHandler is the server's handler.
func NewHandler(s *server) http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", listSecrets)                                                          // want `^gorilla/mux ANY /healthz -> routes_gorilla\.listSecrets w=0$`
	r.HandleFunc("/v1/secrets/{id:[0-9]+}", s.getSecret).Methods("GET", "head")                    // want `^gorilla/mux GET /v1/secrets/\{id\} -> \(\*routes_gorilla\.server\)\.getSecret w=1$` `^gorilla/mux HEAD /v1/secrets/\{id\} -> \(\*routes_gorilla\.server\)\.getSecret w=1$`
	r.Handle("/v1/files/{name}", files{}).Name("file").Methods(http.MethodDelete)                  // want `^gorilla/mux DELETE /v1/files/\{name\} -> \(routes_gorilla\.files\)\.ServeHTTP w=1$`
	r.Methods("POST").Path("/v1/secrets").HandlerFunc(s.getSecret)                                 // want `^gorilla/mux POST /v1/secrets -> \(\*routes_gorilla\.server\)\.getSecret w=1$`
	r.Path("/v1/keys").HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}).Methods("PUT") // want `^gorilla/mux PUT /v1/keys -> routes_gorilla\.NewHandler\$1 w=0$`
	r.PathPrefix("/static/").Handler(files{})                                                      // want `^gorilla/mux ANY /static/ -> \(routes_gorilla\.files\)\.ServeHTTP w=1$`
	rt := r.HandleFunc("/v1/later", listSecrets)                                                   // want `^gorilla/mux PATCH /v1/later -> routes_gorilla\.listSecrets w=0$`
	rt.Methods("PATCH")
	captured := r.HandleFunc("/v1/captured", listSecrets) // want `^gorilla/mux OPTIONS /v1/captured -> routes_gorilla\.listSecrets w=0$`
	defer func() { captured.Methods("OPTIONS") }()

	v2 := r.PathPrefix("/v2/").Subrouter()
	v2.HandleFunc("/secrets", listSecrets).Methods("GET") // want `^gorilla/mux GET /v2/secrets -> routes_gorilla\.listSecrets w=0$`
	keys := v2.PathPrefix("/keys").Subrouter()
	keys.Handle("/{id}", http.HandlerFunc(s.getSecret)) // want `^gorilla/mux ANY /v2/keys/\{id\} -> \(\*routes_gorilla\.server\)\.getSecret w=1$`
	addV3(r.PathPrefix("/v3").Subrouter())
	strict := mux.NewRouter().StrictSlash(true)
	strict.HandleFunc("/strict/", listSecrets) // want `^gorilla/mux ANY /strict/ -> routes_gorilla\.listSecrets w=0$`
	r.PathPrefix("/strict/").Handler(strict)

	// Not known: no route.
	r.HandleFunc(os.Getenv("PATH"), listSecrets)
	r.HandleFunc("/m", listSecrets).Methods(os.Getenv("METHOD"))
	h := pick()
	r.HandleFunc("/picked", h)
	r.NewRoute().HandlerFunc(listSecrets) // no path: any path
	gets := r.Methods("GET").Subrouter()
	gets.HandleFunc("/only-get", listSecrets) // its parent route's methods are not read
	r.PathPrefix(os.Getenv("PREFIX")).Subrouter().HandleFunc("/lost", listSecrets)
	return r
}

// addV3 is unexported and called once: its router is known.
func addV3(r *mux.Router) {
	r.HandleFunc("/x", listSecrets).Methods("GET") // want `^gorilla/mux GET /v3/x -> routes_gorilla\.listSecrets w=0$`
}

// Routes takes its router from its caller: its prefix is not known.
func Routes(r *mux.Router) {
	r.HandleFunc("/v1/elsewhere", listSecrets)
}

func pick() http.HandlerFunc {
	if len(os.Args) > 2 {
		return listSecrets
	}
	return nil
}

// stripped serves gorilla routers behind http.StripPrefix.
func stripped() {
	r := mux.NewRouter()
	r.HandleFunc("/x", listSecrets) // want `^gorilla/mux ANY /strip/x -> routes_gorilla\.listSecrets w=0$`
	http.Handle("/strip/", http.StripPrefix("/strip", r))
	lost := mux.NewRouter()
	lost.HandleFunc("/y", listSecrets)
	http.Handle("/lost/", http.StripPrefix(os.Getenv("PREFIX"), lost))
}
