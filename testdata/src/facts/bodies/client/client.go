package client // want package:`bodies facts/bodies/api.Body@json: read facts/bodies/api.Detail@json:errors\[\] read facts/bodies/client.answer@xml: read\}`

// Package client decodes the body api encodes, and an XML answer of its
// own, from responses (or bytes of no known origin): its fact has the API's
// body as read, and the new type.

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
