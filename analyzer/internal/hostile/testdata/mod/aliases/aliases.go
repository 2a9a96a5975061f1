// Package aliases reaches net/http under other names.
package aliases

import (
	enc "encoding/json"
	. "net/http"
	h "net/http"

	"hostile/httpx"
)

type RW = ResponseWriter

type wrapped struct{ RW }

func handle(w RW, r *Request) {
	w.WriteHeader(StatusConflict)
	enc.NewEncoder(w).Encode(httpx.Body{Error: httpx.Detail{Code: "secret_not_found"}})
}

func embedded(w wrapped, r *h.Request) {
	httpx.WriteError(w, h.StatusNotFound, "secret_not_found", "ok")
	var _ h.Handler = HandlerFunc(nil)
}
