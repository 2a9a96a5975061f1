// Package client reads the API's problem documents from responses: a
// branch on their type is a branch on the code.
package client

import (
	"encoding/json"
	"errors"
	"net/http"
)

type problem struct {
	Type   string `json:"type"`
	Detail string `json:"detail"`
}

func call(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 400 {
		return nil
	}
	var p problem
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return err
	}
	switch p.Type {
	case "rate-limited":
		return errors.New("slow down")
	case "out-of-credits": // want `^code "out-of-credits" is not in the catalog: this branch never matches; did you mean "out-of-credit"\?$`
		return errors.New("pay")
	}
	return errors.New(p.Detail)
}
