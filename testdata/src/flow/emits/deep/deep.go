// Package deep has a chain of twelve wrappers within one package, each
// declared before the one it calls: the old fixpoint, capped at eight
// rounds in source order, lost the top of the chain. The emitter is found
// at the top, however deep the chain.
package deep

import (
	"encoding/json"
	"net/http"
)

type body struct {
	Code string `json:"code"`
}

func w12(w http.ResponseWriter, status int, code string) { // want w12:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w11(w, status, code)
}

func w11(w http.ResponseWriter, status int, code string) { // want w11:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w10(w, status, code)
}

func w10(w http.ResponseWriter, status int, code string) { // want w10:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w9(w, status, code)
}

func w9(w http.ResponseWriter, status int, code string) { // want w9:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w8(w, status, code)
}

func w8(w http.ResponseWriter, status int, code string) { // want w8:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w7(w, status, code)
}

func w7(w http.ResponseWriter, status int, code string) { // want w7:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w6(w, status, code)
}

func w6(w http.ResponseWriter, status int, code string) { // want w6:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w5(w, status, code)
}

func w5(w http.ResponseWriter, status int, code string) { // want w5:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w4(w, status, code)
}

func w4(w http.ResponseWriter, status int, code string) { // want w4:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w3(w, status, code)
}

func w3(w http.ResponseWriter, status int, code string) { // want w3:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w2(w, status, code)
}

func w2(w http.ResponseWriter, status int, code string) { // want w2:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w1(w, status, code)
}

func w1(w http.ResponseWriter, status int, code string) { // want w1:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w0(w, status, code)
}

func w0(w http.ResponseWriter, status int, code string) { // want w0:`^sink\(param0 status=param1 body=json\(deep\.body\{Code:param2\}\)\)$`
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body{Code: code})
}
