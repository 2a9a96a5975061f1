// Package client branches on 404, which malformed shares with no other
// code of this catalog, and on 400, which it shares with two.
package client

import (
	"encoding/json"
	"net/http"
)

type problem struct {
	Type   string `json:"type"`
	Detail string `json:"detail"`
	Status int    `json:"status"`
}

func decode(resp *http.Response) (problem, error) {
	var p problem
	err := json.NewDecoder(resp.Body).Decode(&p)
	return p, err
}

func gone(resp *http.Response) bool {
	return resp.StatusCode == http.StatusNotFound // one code: only with -strict
}

func retry(resp *http.Response) bool {
	return resp.StatusCode == http.StatusBadRequest // want `^branching on status 400 cannot tell malformed, accountDoesNotExist and badNonce apart; branch on the error code$`
}
