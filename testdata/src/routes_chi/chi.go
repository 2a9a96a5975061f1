// Package routes_chi registers handlers with chi, for routes.Find.
package routes_chi

import (
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"
)

type server struct{}

func (s *server) getSecret(w http.ResponseWriter, r *http.Request) {}

func listSecrets(w http.ResponseWriter, r *http.Request) {}

type files struct{}

func (files) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func mw(next http.Handler) http.Handler { return next }

// NewHandler is the server's handler: its router serves at the root.
func NewHandler(s *server) http.Handler {
	r := chi.NewRouter()
	r.Get("/healthz", listSecrets)                                        // want `^chi GET /healthz -> routes_chi\.listSecrets w=0$`
	r.Post("/v1/secrets", s.getSecret)                                    // want `^chi POST /v1/secrets -> \(\*routes_chi\.server\)\.getSecret w=1$`
	r.Method("patch", "/v1/secrets/{id}", files{})                        // want `^chi PATCH /v1/secrets/\{id\} -> \(routes_chi\.files\)\.ServeHTTP w=1$`
	r.MethodFunc("DELETE", "/v1/secrets/{id:[0-9]{3}}", listSecrets)      // want `^chi DELETE /v1/secrets/\{id\} -> routes_chi\.listSecrets w=0$`
	r.HandleFunc("put  /v1/keys/{kid}", listSecrets)                      // want `^chi PUT /v1/keys/\{kid\} -> routes_chi\.listSecrets w=0$`
	r.Handle("/static/*", files{})                                        // want `^chi ANY /static/\* -> \(routes_chi\.files\)\.ServeHTTP w=1$`
	r.HandleFunc("/any", func(w http.ResponseWriter, r *http.Request) {}) // want `^chi ANY /any -> routes_chi\.NewHandler\$1 w=0$`
	r.With(mw).Put("/v1/secrets/{id}", http.HandlerFunc(s.getSecret))     // want `^chi PUT /v1/secrets/\{id\} -> \(\*routes_chi\.server\)\.getSecret w=1$`
	r.Route("/v2", func(r chi.Router) {
		r.Get("/secrets", listSecrets) // want `^chi GET /v2/secrets -> routes_chi\.listSecrets w=0$`
		r.Route("/{id}", func(r chi.Router) {
			r.Use(mw)
			r.Get("/", s.getSecret)        // want `^chi GET /v2/\{id\}/ -> \(\*routes_chi\.server\)\.getSecret w=1$`
			r.Delete("/keys", listSecrets) // want `^chi DELETE /v2/\{id\}/keys -> routes_chi\.listSecrets w=0$`
		})
		r.Group(func(g chi.Router) {
			g.Use(mw)
			g.Head("/secrets", listSecrets) // want `^chi HEAD /v2/secrets -> routes_chi\.listSecrets w=0$`
		})
	})
	v3 := r.Route("/v3", nil)
	v3.Options("/x", listSecrets) // want `^chi OPTIONS /v3/x -> routes_chi\.listSecrets w=0$`
	r.Group(func(g chi.Router) {
		g.With(mw).Trace("/trace", listSecrets) // want `^chi TRACE /trace -> routes_chi\.listSecrets w=0$`
		r.Connect("/connect", listSecrets)      // want `^chi CONNECT /connect -> routes_chi\.listSecrets w=0$`
	})
	r.Mount("/v4", v4Router(s))
	r.Mount("/v5", routesOf(s))
	addV6(r)
	api := chi.NewRouter()
	api.Get("/ping", listSecrets) // want `^chi GET /api/ping -> routes_chi\.listSecrets w=0$`
	r.Group(func(g chi.Router) {
		api.Post("/pong", listSecrets) // want `^chi POST /api/pong -> routes_chi\.listSecrets w=0$`
	})
	r.Mount("/api", api)
	r.Mount("/g", global)
	r.Route("/v7", v7)
	r.Mount("/exported", Exported)
	s.registerV8(r)
	r.Route("/v9", s.v9)

	// Not known: no route.
	r.Get(os.Getenv("PATTERN"), listSecrets)
	r.MethodFunc(os.Getenv("METHOD"), "/m", listSecrets)
	h := pick()
	r.Get("/picked", h)
	r.Route(os.Getenv("PREFIX"), func(r chi.Router) {
		r.Get("/lost", listSecrets)
	})
	r.Mount(os.Getenv("PREFIX"), unknownMount())
	other := chi.NewRouter()
	other.Get("/other", listSecrets)
	r.Group(func(g chi.Router) {
		other.Get("/other2", listSecrets)
	})
	r.Mount(os.Getenv("PREFIX"), other)
	re := chi.NewRouter()
	r.Group(func(g chi.Router) { re = chi.NewRouter() })
	re.Get("/reassigned", listSecrets)
	return r
}

// v4Router is mounted at "/v4".
func v4Router(s *server) chi.Router {
	r := chi.NewRouter()
	r.Get("/secrets", s.getSecret) // want `^chi GET /v4/secrets -> \(\*routes_chi\.server\)\.getSecret w=1$`
	return r
}

// routesOf is mounted at "/v5", through a variable.
func routesOf(s *server) http.Handler {
	r := chi.NewMux()
	r.Route("/a", func(r chi.Router) {
		r.Get("/b", listSecrets) // want `^chi GET /v5/a/b -> routes_chi\.listSecrets w=0$`
	})
	var h http.Handler = r
	return h
}

// addV6 is unexported and called once: its router is known.
func addV6(r chi.Router) {
	r.Get("/v6", listSecrets) // want `^chi GET /v6 -> routes_chi\.listSecrets w=0$`
}

// unknownMount's router is mounted under a prefix not known.
func unknownMount() http.Handler {
	r := chi.NewRouter()
	r.Get("/hidden", listSecrets)
	return r
}

// Routes takes its router from its caller, in another package perhaps:
// where it serves is not known.
func Routes(r chi.Router) {
	r.Get("/v1/elsewhere", listSecrets)
}

// (s *server) routes is a method: its router is not known either.
func (s *server) routes(r chi.Router) {
	r.Get("/v1/method", listSecrets)
}

func pick() http.HandlerFunc {
	if len(os.Args) > 2 {
		return listSecrets
	}
	return nil
}

var _ = (*server).routes

// global is mounted at "/g".
var global = chi.NewRouter()

func init() {
	global.Get("/global", listSecrets) // want `^chi GET /g/global -> routes_chi\.listSecrets w=0$`
}

// v7 is given the router of r.Route("/v7", v7).
func v7(r chi.Router) {
	r.Get("/x", listSecrets) // want `^chi GET /v7/x -> routes_chi\.listSecrets w=0$`
}

// Exported may be assigned by another package: its routes are not known.
var Exported = chi.NewRouter()

func init() {
	Exported.Get("/exported", listSecrets)
}

// stripped serves a chi router behind http.StripPrefix.
func stripped() {
	r := chi.NewRouter()
	r.Get("/x", listSecrets) // want `^chi GET /strip/x -> routes_chi\.listSecrets w=0$`
	http.Handle("/strip/", http.StripPrefix("/strip", r))
}

// registerV8 is an unexported method called once: its router is known.
func (s *server) registerV8(r chi.Router) {
	r.Get("/v8", s.getSecret) // want `^chi GET /v8 -> \(\*routes_chi\.server\)\.getSecret w=1$`
}

// v9 is given the router of r.Route("/v9", s.v9).
func (s *server) v9(r chi.Router) {
	r.Get("/x", s.getSecret) // want `^chi GET /v9/x -> \(\*routes_chi\.server\)\.getSecret w=1$`
}
