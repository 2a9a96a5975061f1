// Package client decodes responses into a type of its own that sits at
// no wire path, but the catalog names its error type: no client notice.
package client // want `^\{"kind":"wire","catalog":".*/notices/errortypes/errcodes\.yaml","wire":"error\.code"\}$`

import (
	"encoding/json"
	"net/http"
)

// APIError is the error the client returns.
type APIError struct {
	Status int
	Code   string
}

func (e *APIError) Error() string { return e.Code }

type envelope struct {
	Reason string `json:"reason"`
}

func fetch(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var e envelope
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		return err
	}
	return &APIError{Status: resp.StatusCode, Code: e.Reason}
}
