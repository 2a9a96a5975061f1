// Package other is a client of another service: nothing in it is the
// API's, and its branches on statuses are its own.
package other

import (
	"errors"
	"net/http"
)

func fetch(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return errors.New("no such object")
	}
	return nil
}
