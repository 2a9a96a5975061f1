package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/errcodelint/errcodelint/examples/vaultline/apierr"
)

// Secret is one version of a secret.
type Secret struct {
	Path    string `json:"path"`
	Version int    `json:"version"`
	Value   string `json:"value"`
}

// GetSecret reads version v of the secret at path; v == 0 means the latest.
func (c *Client) GetSecret(ctx context.Context, path string, v int) (*Secret, error) {
	p := "/v1/secrets/" + path
	if v > 0 {
		p += "?version=" + strconv.Itoa(v)
	}
	resp, err := c.do(ctx, http.MethodGet, p, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	// mistake: statusbranch: status 404 cannot tell secret_not_found from
	// policy_not_found and version_not_found; branch on the error code.
	if resp.StatusCode == http.StatusNotFound {
		return nil, ErrSecretNotFound
	}
	if resp.StatusCode != http.StatusOK {
		return nil, decodeError(resp)
	}
	var s Secret
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return nil, err
	}
	return &s, nil
}

// PutSecret stores value as a new version of path and returns its number.
// If cas > 0 the write succeeds only if cas is the current version.
func (c *Client) PutSecret(ctx context.Context, path, value string, cas int) (int, error) {
	p := "/v1/secrets/" + path
	if cas > 0 {
		p += "?" + url.Values{"cas": {strconv.Itoa(cas)}}.Encode()
	}
	body, _ := json.Marshal(map[string]string{"value": value})
	resp, err := c.do(ctx, http.MethodPut, p, body)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		e := decodeError(resp)
		switch e.Code {
		case apierr.SecretExists:
			return 0, ErrSecretExists
		case apierr.VersionConflict:
			return 0, ErrVersionConflict
		}
		return 0, e
	}
	var s Secret
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		return 0, err
	}
	return s.Version, nil
}

// Exists reports whether a secret exists at path. A HEAD response has no
// body, so its status is all there is to branch on.
func (c *Client) Exists(ctx context.Context, path string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, c.BaseURL+"/v1/secrets/"+path, nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK:
		return true, nil
	case resp.StatusCode == http.StatusNotFound:
		return false, nil
	}
	return false, &APIError{StatusCode: resp.StatusCode, Message: resp.Status}
}

// Retryable reports whether the request that failed with err may be retried.
func Retryable(err error) bool {
	e, ok := errors.AsType[*APIError](err)
	if !ok {
		return false
	}
	switch e.Code {
	case apierr.RateLimited, apierr.ServiceUnavailable:
		return true
	}
	return e.StatusCode >= 500
}
