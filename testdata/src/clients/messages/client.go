// Package messages is a client whose error body has the code at "error";
// the same member of another body it reads holds a sentence.
package messages

import (
	"encoding/json"
	"errors"
	"net/http"
)

type errorBody struct {
	Error string `json:"error"`
}

func call(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var body errorBody
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return err
	}
	switch body.Error {
	case "invalid_client":
		return errors.New("bad credentials")
	case "invalid_grant": // want `^code "invalid_grant" is not in the catalog: this branch never matches; did you mean "invalid_client"\?$`
		return errors.New("expired")
	case "Internal server error.": // a message, not a code: silent
		return errors.New("server trouble")
	}
	if body.Error == "Service unavailable, try again later" { // silent
		return errors.New("retry")
	}
	return nil
}
