package client // want package:`bodies facts/bodies/client.answer@xml:`

// Package client decodes the body api encodes, and an XML answer of its
// own: only the new type is in its fact.

import (
	"encoding/json"
	"encoding/xml"
	"net/http"

	"facts/bodies/api"
)

type answer struct {
	Code string
}

func decode(resp *http.Response) (api.Body, error) {
	var b api.Body
	err := json.NewDecoder(resp.Body).Decode(&b)
	return b, err
}

func parse(b []byte) (answer, error) {
	var a answer
	err := xml.Unmarshal(b, &a)
	return a, err
}
