// Package ownclient reads the API's errors into a type of its own whose
// fields sit at no wire path of the catalog: the client checks cannot
// see a code in it, and the driver is told so.
package ownclient // want `^\{"kind":"wire","catalog":".*/notices/matched/errcodes\.yaml","wire":"error\.code"\}$` `^\{"kind":"client","catalog":".*/notices/matched/errcodes\.yaml","wire":"error\.code"\}$`

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type failure struct {
	Reason  string `json:"reason"`
	Message string `json:"message"`
}

func fetch(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 400 {
		return nil
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var f failure
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	if f.Reason == "not_found" {
		return nil
	}
	return fmt.Errorf("%s: %s", f.Reason, f.Message)
}
