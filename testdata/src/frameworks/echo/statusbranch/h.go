package statusbranch

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"
)

func proxy(c echo.Context, resp *http.Response) error {
	switch resp.StatusCode {
	case http.StatusNotFound: // want `branching on status 404 cannot tell secret_not_found from policy_not_found; branch on the error code`
		return c.NoContent(http.StatusNotFound)
	case http.StatusForbidden:
		return c.NoContent(http.StatusForbidden)
	}
	return nil
}

// apiError is the API's error body: the package decodes it, so the
// responses it reads are the API's.
type apiError struct {
	Error struct {
		Code string `json:"code"`
	} `json:"error"`
}

func decode(resp *http.Response) (apiError, error) {
	var e apiError
	err := json.NewDecoder(resp.Body).Decode(&e)
	return e, err
}
