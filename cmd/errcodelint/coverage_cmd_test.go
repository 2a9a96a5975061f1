package main_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCoverage: errcodelint catalog coverage lists the codes no package
// sends and the documented responses no registered handler sends, in
// text and JSON, and prints no findings.
func TestCoverage(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	write := writer(t, dir)
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	write("errcodes.yaml", `version: 1
wire:
  code: error.code
codes:
  - code: secret_not_found
    status: 404
  - code: secret_locked
    status: 423
  - code: slow_down
    status: 429
    reported: true
operations:
  - id: getSecret
    route: GET /v1/secrets/{id}
    spec: api.yaml:12
    responses:
      "404": [secret_not_found]
      "423": [secret_locked]
`)
	write("api/api.go", `package api

import (
	"encoding/json"
	"net/http"
)

type body struct {
	Error struct {
		Code string `+"`json:\"code\"`"+`
	} `+"`json:\"error\"`"+`
}

func writeError(w http.ResponseWriter, status int, code string) {
	var b body
	b.Error.Code = code
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(b)
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/secrets/{id}", getSecret)
}

func getSecret(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "secret_not_found")
	http.Error(w, "teapot", http.StatusTeapot)
}
`)
	stdout, stderr, code := run(t, dir, bin, "catalog", "coverage", "./...")
	assert.Equal(t, 0, code, "%s", stderr)
	assert.Empty(t, stderr, "coverage prints no findings: the 418 is errcodelint's to report")
	assert.Equal(t, `errcodes.yaml: 1 of 2 codes sent; not sent by any analyzed package:
	errcodes.yaml:7: "secret_locked" (423)
errcodes.yaml: 1 of 2 documented error responses sent; no handler is known to send:
	api.yaml:12: getSecret (GET /v1/secrets/{id}) 423
`, stdout)

	stdout, stderr, code = run(t, dir, bin, "catalog", "coverage", "-json", "./...")
	assert.Equal(t, 0, code, "%s", stderr)
	var got struct {
		Catalogs []struct {
			Catalog         string
			Codes           int
			Unsent          []struct{ Name, At string }
			Responses       int
			UnsentResponses []struct{ Name, At string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), "%s", stdout)
	require.Len(t, got.Catalogs, 1)
	c := got.Catalogs[0]
	assert.Equal(t, "errcodes.yaml", c.Catalog)
	assert.Equal(t, 2, c.Codes, "a reported code is never sent as the status: not counted")
	assert.Equal(t, []struct{ Name, At string }{{`"secret_locked" (423)`, "errcodes.yaml:7"}}, c.Unsent)
	assert.Equal(t, 2, c.Responses)
	assert.Equal(t, []struct{ Name, At string }{{"getSecret (GET /v1/secrets/{id}) 423", "api.yaml:12"}}, c.UnsentResponses)

	// A client that branches on one code: the others are unhandled.
	write("client/client.go", strings.ReplaceAll(`package client

import (
	"encoding/json"
	"net/http"
)

type APIError struct {
	Error struct {
		Code string 'json:"code"'
	} 'json:"error"'
}

func Get(c *http.Client, url string) (bool, error) {
	resp, err := c.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var e APIError
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		return false, err
	}
	return e.Error.Code == "secret_locked", nil
}
`, "'", "`"))
	stdout, stderr, code = run(t, dir, bin, "catalog", "coverage", "./...")
	assert.Equal(t, 0, code, "%s", stderr)
	assert.Contains(t, stdout, `errcodes.yaml: 1 of 3 codes handled by a client; no client branches on:
	errcodes.yaml:5: "secret_not_found" (404)
	errcodes.yaml:9: "slow_down" (429)
`)

	// The findings are errcodelint's own run's.
	_, stderr, code = run(t, dir, bin, "./...")
	assert.Equal(t, 3, code, "%s", stderr)
	assert.Contains(t, stderr, "handler getSecret can send status 418, which operation getSecret (GET /v1/secrets/{id}) does not document; it documents 404 or 423 (api.yaml:12) (errcode/operation)")

	// No packages: usage.
	_, stderr, code = run(t, dir, bin, "catalog", "coverage")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "no packages to analyze")
}

// TestOperationsOnlyCatalog: a catalog of operations alone (its document
// names no code) holds handlers to their statuses, says nothing of a wire
// no code travels at, and covers its responses.
func TestOperationsOnlyCatalog(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	write := writer(t, dir)
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	write("errcodes.yaml", `version: 1
codes: []
operations:
  - route: GET /containers/{id}/logs
    spec: api.yaml:30
    responses:
      "404": []
      "500": []
`)
	write("api/api.go", `package api

import "net/http"

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /containers/{name}/logs", logs)
}

func logs(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("since") == "x" {
		http.Error(w, "bad since", http.StatusBadRequest)
		return
	}
	http.Error(w, "no such container", http.StatusNotFound)
}
`)
	_, stderr, code := run(t, dir, bin, "./...")
	assert.Equal(t, 3, code, "%s", stderr)
	assert.Equal(t, "api/api.go:11:30: handler logs can send status 400, which operation GET /containers/{id}/logs does not document; it documents 404 or 500 (api.yaml:30) (errcode/operation)\n", stderr)

	stdout, stderr, code := run(t, dir, bin, "catalog", "coverage", "./...")
	assert.Equal(t, 0, code, "%s", stderr)
	assert.Equal(t, `errcodes.yaml: 1 of 2 documented error responses sent; no handler is known to send:
	api.yaml:30: GET /containers/{id}/logs 500
`, stdout)
}
