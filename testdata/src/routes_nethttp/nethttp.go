// Package routes_nethttp registers handlers with net/http's ServeMux, for
// routes.Find.
package routes_nethttp

import (
	"net/http"
	"os"
)

type server struct{}

func (s *server) getSecret(w http.ResponseWriter, r *http.Request) {}

func listSecrets(w http.ResponseWriter, r *http.Request) {}

// files handles requests by its ServeHTTP method.
type files struct{}

func (files) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// assets handles requests by a pointer's ServeHTTP method.
type assets struct{}

func (*assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func register(s *server) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/secrets/{id}", s.getSecret)                         // want `^net/http GET /v1/secrets/\{id\} -> \(\*routes_nethttp\.server\)\.getSecret w=1$`
	mux.HandleFunc("GET /v1/secrets", listSecrets)                              // want `^net/http GET /v1/secrets -> routes_nethttp\.listSecrets w=0$`
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {}) // want `^net/http ANY /healthz -> routes_nethttp\.register\$1 w=0$`
	mux.Handle("POST example.com/v1/x", http.HandlerFunc(listSecrets))          // want `^net/http POST /v1/x -> routes_nethttp\.listSecrets w=0$`
	mux.Handle("DELETE  /v1/files/{path...}", files{})                          // want `^net/http DELETE /v1/files/\{path\} -> \(routes_nethttp\.files\)\.ServeHTTP w=1$`
	mux.Handle("/assets/", &assets{})                                           // want `^net/http ANY /assets/ -> \(\*routes_nethttp\.assets\)\.ServeHTTP w=1$`
	mux.HandleFunc("/{$}", listSecrets)                                         // want `^net/http ANY / -> routes_nethttp\.listSecrets w=0$`
	mux.HandleFunc("GET /v1/{$}", listSecrets)                                  // want `^net/http GET /v1/ -> routes_nethttp\.listSecrets w=0$`
	http.HandleFunc("PUT /v1/secrets/{id}", s.getSecret)                        // want `^net/http PUT /v1/secrets/\{id\} -> \(\*routes_nethttp\.server\)\.getSecret w=1$`
	http.Handle("/v2/", http.HandlerFunc(s.getSecret))                          // want `^net/http ANY /v2/ -> \(\*routes_nethttp\.server\)\.getSecret w=1$`

	// Not known: no route.
	mux.HandleFunc(os.Getenv("PATTERN"), listSecrets)
	h := pick()
	mux.HandleFunc("/v1/picked", h)
	var hh http.Handler = files{}
	if len(os.Args) > 1 {
		hh = &assets{}
	}
	mux.Handle("/v1/either", hh)
	mux.Handle("/v1/strip/", http.StripPrefix("/v1/strip", files{}))                                     // want `^net/http ANY /v1/strip/ -> \(routes_nethttp\.files\)\.ServeHTTP w=1$`
	mux.Handle("GET /v1/authed", authed(http.HandlerFunc(listSecrets)))                                  // want `^net/http GET /v1/authed -> routes_nethttp\.listSecrets w=0$`
	mux.Handle("GET /v1/logged", logged(files{}))                                                        // want `^net/http GET /v1/logged -> \(routes_nethttp\.files\)\.ServeHTTP w=1$`
	mux.Handle("GET /v1/timeout", http.TimeoutHandler(authed(http.HandlerFunc(listSecrets)), 0, "slow")) // want `^net/http GET /v1/timeout -> routes_nethttp\.listSecrets w=0$`
	mux.Handle("GET /v1/replaced", replaced(http.HandlerFunc(listSecrets)))                              // a middleware that never calls what it is given: no handler
	mux.Handle("/v1/fs/", http.FileServer(http.Dir(".")))
	mux.HandleFunc("no-path", listSecrets)
	mux.Handle("/v1/mux/", mux)
	_ = http.ListenAndServe(":8080", mux)
}

func pick() http.HandlerFunc {
	if len(os.Args) > 2 {
		return listSecrets
	}
	return nil
}

// Register takes a mux from its caller: ServeMux patterns are whole
// paths, so its routes are known.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/other", listSecrets) // want `^net/http GET /v1/other -> routes_nethttp\.listSecrets w=0$`
}

// api serves a mux behind http.StripPrefix: its routes have the prefix.
func api() http.Handler {
	inner := http.NewServeMux()
	inner.HandleFunc("GET /x", listSecrets) // want `^net/http GET /api/x -> routes_nethttp\.listSecrets w=0$`
	outer := &http.ServeMux{}
	outer.Handle("/api/", http.StripPrefix("/api", inner))
	outer.HandleFunc("/y", listSecrets) // want `^net/http ANY /y -> routes_nethttp\.listSecrets w=0$`
	return outer
}

// lost strips a prefix not known: no route.
func lost() {
	inner := http.NewServeMux()
	inner.HandleFunc("GET /z", listSecrets)
	http.Handle("/", http.StripPrefix(os.Getenv("PREFIX"), inner))
}

// authed is a middleware that calls the handler it is given.
func authed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// logged calls it directly.
func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { next.ServeHTTP(w, r) })
}

// replaced never calls what it is given.
func replaced(next http.Handler) http.Handler {
	return http.NotFoundHandler()
}
