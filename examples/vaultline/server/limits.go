package server

import (
	"crypto/rand"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/errcodelint/errcodelint/examples/vaultline/apierr"
	"github.com/errcodelint/errcodelint/examples/vaultline/httpx"
)

// guard refuses API requests while sealed, checks the bearer token, and
// sheds load beyond MaxInflight.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := strings.HasPrefix(r.URL.Path, "/v1/")
		if api && s.sealed.Load() {
			httpx.WriteError(w, http.StatusServiceUnavailable, apierr.ServiceUnavailable, "the vault is sealed")
			return
		}
		if api && r.URL.Path != "/v1/auth/token" {
			s.mu.Lock()
			expiry, ok := s.tokens[bearer(r)]
			s.mu.Unlock()
			if !ok {
				httpx.WriteError(w, http.StatusForbidden, apierr.AccessDenied, "a valid token is required")
				return
			}
			if time.Now().After(expiry) {
				httpx.WriteError(w, http.StatusUnauthorized, apierr.TokenExpired, "the token has expired")
				return
			}
		}
		defer s.inflight.Add(-1)
		if s.inflight.Add(1) > s.cfg.MaxInflight {
			w.Header().Set("Retry-After", "30")
			httpx.WriteError(w, http.StatusTooManyRequests, apierr.RateLimited, "too many concurrent requests")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// chargeWrite counts a write against the caller's token. When the caller
// must slow down it writes the response and returns false.
func (s *Server) chargeWrite(w http.ResponseWriter, r *http.Request) bool {
	tok := bearer(r)
	now := time.Now().UTC()
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usage[tok]
	if day := now.Truncate(24 * time.Hour); !u.day.Equal(day) {
		u = usage{day: day}
	}
	if u.n >= s.cfg.DailyWrites {
		reset := u.day.Add(24 * time.Hour).Sub(now)
		w.Header().Set("Retry-After", strconv.Itoa(int(reset.Seconds())+1))
		httpx.WriteError(w, http.StatusTooManyRequests, apierr.QuotaExceeded, "daily write quota used up")
		return false
	}
	if now.Sub(u.last) < s.cfg.MinWriteGap {
		if s.cfg.AdvertiseRetry {
			w.Header().Set("Retry-After", strconv.Itoa(int(s.cfg.RetryAfter.Seconds())))
		}
		// mistake: retryafter: status 429 (rate_limited) is written on a path
		// where Retry-After is not set (when AdvertiseRetry is off).
		httpx.WriteError(w, http.StatusTooManyRequests, apierr.RateLimited, "writing too fast")
		return false
	}
	u.n++
	u.last = now
	s.usage[tok] = u
	return true
}

// issueToken hands out a one-hour token; credentials are checked by the
// gateway in front. Each client address may ask once a second.
func (s *Server) issueToken(w http.ResponseWriter, r *http.Request) {
	addr, _, _ := net.SplitHostPort(r.RemoteAddr)
	now := time.Now()
	s.mu.Lock()
	last := s.logins[addr]
	s.logins[addr] = now
	s.mu.Unlock()
	if now.Sub(last) < time.Second {
		// mistake: retryafter: status 429 is written without Retry-After.
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	tok := rand.Text()
	s.mu.Lock()
	s.tokens[tok] = now.Add(time.Hour)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"token": tok, "expires_in": 3600})
}

// rotate replaces a secret's value with a fresh random one. A secret may be
// rotated once a minute.
func (s *Server) rotate(w http.ResponseWriter, r *http.Request) {
	path := r.PathValue("path")
	s.mu.Lock()
	defer s.mu.Unlock()
	versions, ok := s.secrets[path]
	if !ok {
		httpx.WriteError(w, http.StatusNotFound, apierr.SecretNotFound, "no secret at "+path)
		return
	}
	if time.Since(s.rotated[path]) < time.Minute {
		// mistake: retryafter: Retry-After "45s" is neither delay-seconds
		// nor an HTTP-date (use "45").
		w.Header().Set("Retry-After", "45s")
		httpx.WriteError(w, http.StatusTooManyRequests, apierr.RateLimited, "rotated less than a minute ago")
		return
	}
	s.rotated[path] = time.Now()
	s.secrets[path] = append(versions, rand.Text())
	writeJSON(w, http.StatusOK, map[string]any{"path": path, "version": len(versions) + 1})
}
