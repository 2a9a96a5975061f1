// Package registry fetches blobs.
package registry

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

var ErrBlobUnknown = errors.New("blob unknown")

type regError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// regErrors is the registry's error body; decoding it makes its elements
// the API's errors.
type regErrors struct {
	Errors []regError `json:"errors"`
}

func decodeErrors(resp *http.Response) ([]regError, error) {
	var body regErrors
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, err
	}
	return body.Errors, nil
}

func fetchBlob(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound { // want `branching on status 404 cannot tell BLOB_UNKNOWN, MANIFEST_UNKNOWN and NAME_UNKNOWN apart; branch on the error code`
		return ErrBlobUnknown
	}
	if resp.StatusCode == http.StatusForbidden { // one code
		return errors.New("denied")
	}
	return nil
}

func statBlob(ctx context.Context, c *http.Client, url string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, "HEAD", url, nil)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode != http.StatusNotFound, nil
}

func decode(e regError) error {
	switch e.Code {
	case "BLOB_UNKNOWN":
		return ErrBlobUnknown
	case "BLOB_UNKOWN": // want `code "BLOB_UNKOWN" is not in the catalog: this branch never matches; did you mean "BLOB_UNKNOWN"\?`
		return ErrBlobUnknown
	}
	return nil
}

// exists drains the body before it looks at the status: the code is out of
// reach, and the status is all it has, as with HEAD.
func exists(ctx context.Context, c *http.Client, url string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	io.Copy(io.Discard, resp.Body)
	if err := resp.Body.Close(); err != nil {
		return false, err
	}
	if resp.StatusCode != http.StatusNotFound {
		return resp.StatusCode < 300, nil
	}
	return false, nil
}

// drainLater reads the status first and throws the body away only on one
// path: the branch could still have read the code.
func drainLater(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		io.Copy(io.Discard, resp.Body)
	}
	if resp.StatusCode == http.StatusNotFound { // want `branching on status 404 cannot tell BLOB_UNKNOWN, MANIFEST_UNKNOWN and NAME_UNKNOWN apart; branch on the error code`
		return ErrBlobUnknown
	}
	return nil
}
