package statusbranch

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

// A handler that calls the API upstream and branches on its status.
func proxy(c *gin.Context, client *http.Client, req *http.Request) {
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests { // want `branching on status 429 cannot tell rate_limited from quota_exceeded; branch on the error code`
		c.Header("Retry-After", "5")
	}
	if resp.StatusCode == http.StatusForbidden { // one code
		c.Status(http.StatusForbidden)
	}
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
