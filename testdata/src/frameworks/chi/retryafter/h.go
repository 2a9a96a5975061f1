package retryafter

import (
	"net/http"

	"github.com/go-chi/render"
)

func limited(w http.ResponseWriter, r *http.Request) {
	render.Status(r, http.StatusTooManyRequests) // want `status 429 is written without a Retry-After header`
	render.JSON(w, r, map[string]string{"error": "slow down"})
}

func limitedOK(w http.ResponseWriter, r *http.Request) {
	render.Status(r, http.StatusTooManyRequests)
	w.Header().Set("Retry-After", "30")
	render.JSON(w, r, map[string]string{"error": "slow down"})
}
