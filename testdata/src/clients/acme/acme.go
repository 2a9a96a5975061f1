// Package acme is an ACME client.
package acme

import (
	"encoding/json"
	"net/http"
)

// Problem is the RFC 7807 body.
type Problem struct {
	Type   string `json:"type"`
	Detail string `json:"detail"`
	Status int    `json:"status"`
}

const prefix = "urn:ietf:params:acme:error:"

// problemOf decodes a response's problem document.
func problemOf(resp *http.Response) (*Problem, error) {
	var p Problem
	err := json.NewDecoder(resp.Body).Decode(&p)
	return &p, err
}

// Clean: branches on badNonce by type (idiom 12, 14).
func retryNonce(p *Problem) bool {
	if p.Status == 400 && p.Type == prefix+"badNonce" {
		return true
	}
	switch p.Type {
	case prefix + "badNonce":
		return true
	case prefix + "badNonse": // want `code "badNonse" is not in the catalog: this branch never matches; did you mean "badNonce"\?`
		return true
	}
	return false
}

// Reported: retries on any 400.
func retryOn400(p *Problem) bool {
	return p.Status == 400 // want `branching on status 400 cannot tell malformed, badCSR and badNonce apart; branch on the error code`
}

// A constant with the wire prefix makes the other side a code.
func isRateLimited(typ string) bool {
	return typ == "urn:ietf:params:acme:error:rateLimitd" // want `code "rateLimitd" is not in the catalog: this branch never matches; did you mean "rateLimited"\?`
}
