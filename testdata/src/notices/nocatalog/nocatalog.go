// Package nocatalog has HTTP code and no catalog: with -notices, errcode
// says the checks are off for it.
package nocatalog // want `^\{"kind":"no-catalog"\}$`

import "net/http"

func handle(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusNotFound)
}
