//lint:file-ignore errcode generated from the legacy API's table

package errcode

import "net/http"

func fileIgnored(w http.ResponseWriter) {
	send(w, http.StatusBadRequest, "secret_not_found")
	send(w, http.StatusConflict, "policy_not_found")
}
