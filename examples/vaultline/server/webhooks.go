package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/errcodelint/errcodelint/examples/vaultline/apierr"
)

// Delivery records one webhook notification. A failed delivery carries
// webhook_delivery_failed in its error field: the code is reported in a
// payload, never sent as the status of a response, so the catalog marks it
// "reported".
type Delivery struct {
	Event          string         `json:"event"`
	Path           string         `json:"path"`
	At             time.Time      `json:"at"`
	UpstreamStatus int            `json:"upstream_status,omitempty"`
	Error          *apierr.Detail `json:"error,omitempty"`
}

// notify tells the configured webhook that path changed, and records the
// outcome.
func (s *Server) notify(ctx context.Context, event, path string) {
	if s.cfg.WebhookURL == "" {
		return
	}
	d := Delivery{Event: event, Path: path, At: time.Now()}
	payload, _ := json.Marshal(map[string]string{"event": event, "path": path})
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.WebhookURL, bytes.NewReader(payload))
	if err == nil {
		req.Header.Set("Content-Type", "application/json")
		var resp *http.Response
		if resp, err = http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			d.UpstreamStatus = resp.StatusCode
			if resp.StatusCode >= 300 {
				err = &statusError{resp.StatusCode}
			}
		}
	}
	if err != nil {
		d.Error = &apierr.Detail{Code: apierr.WebhookDeliveryFailed, Message: err.Error()}
	}
	s.mu.Lock()
	s.deliveries = append(s.deliveries, d)
	s.mu.Unlock()
}

// statusError is a webhook subscriber's refusal.
type statusError struct{ status int }

func (e *statusError) Error() string {
	return "subscriber answered " + strconv.Itoa(e.status)
}

// listDeliveries returns the recorded webhook deliveries, failed ones
// included, with status 200.
func (s *Server) listDeliveries(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	out := append([]Delivery(nil), s.deliveries...)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"deliveries": out})
}
