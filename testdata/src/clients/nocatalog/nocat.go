// Package nocatalog has no catalog: the pass is silent.
package nocatalog

import "net/http"

func f(resp *http.Response) bool { return resp.StatusCode == http.StatusNotFound }
