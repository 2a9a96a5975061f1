// Package strict is checked with -strict: one-code statuses are reported.
package strict

import "net/http"

func f(resp *http.Response) string {
	switch resp.StatusCode {
	case http.StatusUnauthorized: // want `branching on status 401: only the error code tells token_expired from codes added later; branch on the error code`
		return "login"
	case http.StatusTooManyRequests: // want `branching on status 429 cannot tell rate_limited from quota_exceeded`
		return "wait"
	case http.StatusNotFound: // not in the catalog
		return "gone"
	}
	return ""
}
