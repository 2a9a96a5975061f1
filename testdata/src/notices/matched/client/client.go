// Package client decodes the API's error bodies, whose code sits at the
// catalog's wire.code: matched, though no check fires.
package client // want `^\{"kind":"wire","catalog":".*/notices/matched/errcodes\.yaml","wire":"error\.code","matched":true\}$`

import (
	"encoding/json"
	"net/http"
)

type apiError struct {
	Error struct {
		Code string `json:"code"`
	} `json:"error"`
}

func get(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var e apiError
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		return "", err
	}
	return e.Error.Code, nil
}
