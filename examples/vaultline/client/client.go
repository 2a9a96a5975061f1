// Package client is a Go client for the Vaultline API. Some of its branches
// are deliberately wrong, for errcodelint's demo: see the "mistake:" comments.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/errcodelint/errcodelint/examples/vaultline/apierr"
)

// Client calls a Vaultline server.
type Client struct {
	BaseURL string       // e.g. "https://vault.example.com"
	Token   string       // bearer token
	HTTP    *http.Client // http.DefaultClient if nil
	Retries int          // retries of throttled and failed requests
}

// APIError is an error response of the API.
type APIError struct {
	StatusCode int
	Code       apierr.Code
	Message    string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("vaultline: %s (%d): %s", e.Code, e.StatusCode, e.Message)
}

// Errors callers can test for with errors.Is.
var (
	ErrSecretNotFound  = errors.New("vaultline: secret not found")
	ErrSecretExists    = errors.New("vaultline: secret already exists")
	ErrVersionConflict = errors.New("vaultline: version conflict")
	ErrTokenExpired    = errors.New("vaultline: token expired")
)

func (c *Client) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

// do sends a request with the client's token, retrying throttled and
// failed attempts up to c.Retries times.
func (c *Client) do(ctx context.Context, method, path string, body []byte) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+c.Token)
		resp, err := c.httpClient().Do(req)
		if err != nil {
			return nil, err
		}
		// 401 carries a single code, token_expired: branching on it is fine.
		if resp.StatusCode == http.StatusUnauthorized {
			resp.Body.Close()
			return nil, ErrTokenExpired
		}
		// mistake: statusbranch: status 429 cannot tell rate_limited (retry
		// later) from quota_exceeded; branch on the error code.
		retry := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
		if !retry || attempt >= c.Retries {
			return resp, nil
		}
		resp.Body.Close()
		select {
		case <-time.After(retryDelay(resp, attempt)):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// retryDelay honours Retry-After (delay-seconds), else backs off exponentially.
func retryDelay(resp *http.Response, attempt int) time.Duration {
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	return (100 * time.Millisecond) << attempt
}

// decodeError reads the error envelope of a failed response.
func decodeError(resp *http.Response) *APIError {
	e := &APIError{StatusCode: resp.StatusCode, Message: resp.Status}
	var body apierr.Body
	if err := json.NewDecoder(resp.Body).Decode(&body); err == nil {
		e.Code, e.Message = body.Error.Code, body.Error.Message
	}
	return e
}

// IsNotFound reports whether err says that a secret does not exist.
func IsNotFound(err error) bool {
	if errors.Is(err, ErrSecretNotFound) {
		return true
	}
	e, ok := errors.AsType[*APIError](err)
	// mistake: statusbranch: code "secret_notfound" is not in the catalog
	// (did you mean "secret_not_found"?): this comparison never matches.
	return ok && e.Code == "secret_notfound"
}
