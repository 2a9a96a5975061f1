package testsflag

import (
	"net/http"
	"testing"
)

// With -tests, the directives of test files count as well.
func TestGone(t *testing.T) {
	var resp *http.Response
	if resp.StatusCode == http.StatusNotFound { //nolint:statusbranch // the fake server sends one code
		t.Log("gone")
	}
	//lint:ignore statusbranch nothing to silence // want `^this lint:ignore directive matched nothing$`
	t.Log("done")
	// want +1 `^malformed lint:ignore directive: a reason is required$`
	//lint:ignore statusbranch
	if resp.StatusCode == http.StatusNotFound { // want `cannot tell secret_not_found from policy_not_found`
		t.Log("gone")
	}
}
