// Package unrelated talks to some other service: nothing in it decodes the
// API's bodies or uses its codes, so its statuses are not the API's.
package unrelated

import "net/http"

func fetch(c *http.Client, url string) (bool, error) {
	resp, err := c.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return false, nil
	}
	switch resp.StatusCode {
	case http.StatusForbidden, http.StatusTooManyRequests:
		return false, nil
	}
	return true, nil
}
