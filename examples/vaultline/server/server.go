// Package server implements the Vaultline HTTP API, a small versioned
// secrets store. It is errcodelint's demo: the lines marked "mistake:"
// break the catalog in ../errcodes.yaml on purpose.
package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Config tunes a Server.
type Config struct {
	// MaxInflight bounds concurrent requests; beyond it clients are rate limited.
	MaxInflight int64
	// DailyWrites is how many writes a token may make per UTC day.
	DailyWrites int
	// MinWriteGap is the shortest time allowed between two writes of a token.
	MinWriteGap time.Duration
	// AdvertiseRetry makes write throttling send Retry-After.
	AdvertiseRetry bool
	// RetryAfter is how long a client throttled for writing too fast should wait.
	RetryAfter time.Duration
	// MaxSecretBytes bounds the size of a write's body.
	MaxSecretBytes int64
	// WebhookURL, if set, is notified of every change.
	WebhookURL string
}

// usage is one token's write accounting.
type usage struct {
	day  time.Time // start of the quota day
	n    int       // writes that day
	last time.Time // previous write
}

// Server serves the API. Create one with New.
type Server struct {
	cfg Config

	mu         sync.Mutex
	secrets    map[string][]string  // path -> values, one per version
	policies   map[string]string    // name -> policy document
	tokens     map[string]time.Time // token -> expiry
	logins     map[string]time.Time // client address -> last token request
	rotated    map[string]time.Time // path -> last rotation
	usage      map[string]usage     // token -> writes
	deliveries []Delivery           // webhook notifications, newest last

	inflight atomic.Int64
	sealed   atomic.Bool
}

// New returns an empty, unsealed server.
func New(cfg Config) *Server {
	return &Server{
		cfg:      cfg,
		secrets:  make(map[string][]string),
		policies: make(map[string]string),
		tokens:   make(map[string]time.Time),
		logins:   make(map[string]time.Time),
		rotated:  make(map[string]time.Time),
		usage:    make(map[string]usage),
	}
}

// Seal makes the server refuse API requests until Unseal is called.
func (s *Server) Seal() { s.sealed.Store(true) }

// Unseal lets API requests through again.
func (s *Server) Unseal() { s.sealed.Store(false) }

// Handler returns the API's routes behind the seal, auth and load checks.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("POST /v1/auth/token", s.issueToken)
	mux.HandleFunc("GET /v1/secrets", s.list)
	mux.HandleFunc("GET /v1/secrets/{path...}", s.getSecret)
	mux.HandleFunc("PUT /v1/secrets/{path...}", s.putSecret)
	mux.HandleFunc("DELETE /v1/secrets/{path...}", s.deleteSecret)
	mux.HandleFunc("GET /v1/metadata/{path...}", s.metadata)
	mux.HandleFunc("POST /v1/rotate/{path...}", s.rotate)
	mux.HandleFunc("GET /v1/policies/{name}", s.getPolicy)
	mux.HandleFunc("GET /v1/webhooks/deliveries", s.listDeliveries)
	return s.guard(mux)
}

// health answers the load balancer with a bare status and no error body:
// not an API error, so no code is involved.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if s.sealed.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// writeJSON sends a successful response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// bearer returns the request's bearer token, or "".
func bearer(r *http.Request) string {
	tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return tok
}

// validPath reports whether p is a usable secret path: non-empty segments
// separated by single slashes.
func validPath(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && !strings.HasSuffix(p, "/") &&
		!strings.Contains(p, "//") && !strings.Contains(p, "..")
}
