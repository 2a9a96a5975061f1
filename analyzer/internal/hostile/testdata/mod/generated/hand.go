package generated

import (
	"net/http"

	"hostile/httpx"
)

func handWritten(w http.ResponseWriter, r *http.Request) {
	httpx.WriteError(w, http.StatusNotFound, "secret_not_found", "ok")
}
