package main_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The notices of the packages add up to one line each: packages with
// HTTP code and no catalog, and a catalog whose wire matched no body.
// They are not findings: the run is clean.
func TestNotices(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	write := writer(t, dir)
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	handler := "package %s\n\nimport \"net/http\"\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, \"no\", http.StatusNotFound)\n}\n"
	write("users/users.go", strings.ReplaceAll(handler, "%s", "users"))
	write("users/users_test.go", "package users\n\nimport \"testing\"\n\nfunc TestHandle(t *testing.T) {}\n")
	write("orders/orders.go", strings.ReplaceAll(handler, "%s", "orders"))
	write("model/model.go", "package model\n\ntype Order struct{ ID string }\n")
	// An imported catalog with the default wire (code), for a service
	// that writes {"error": {"code": ...}}: its wrong code goes unseen.
	write("billing/errcodes.yaml", "version: 1\ncodes:\n  - code: not_found\n    status: 404\n")
	write("billing/server/server.go", `package server

import (
	"encoding/json"
	"net/http"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": "not_fuond"}})
}
`)
	noCatalog := "errcodelint: no errcodes.yaml found for 2 packages with HTTP code (upward from each to its module root); the code checks are off for them: add one or pass -catalog\n"
	unmatched := `errcodelint: warning: billing/errcodes.yaml: wire.code "code" matches no body type or write in the analyzed packages; check the catalog's wire` + "\n"

	stdout, stderr, code := run(t, dir, bin, "./...")
	assert.Equal(t, 0, code, "notices are not findings\n%s", stderr)
	assert.Empty(t, stdout)
	assert.Equal(t, noCatalog+unmatched, stderr)

	// With -json, the notices stay out of the tree.
	stdout, stderr, code = run(t, dir, bin, "-json", "./...")
	assert.Equal(t, 0, code, "%s", stderr)
	assert.Equal(t, noCatalog+unmatched, stderr)
	assert.NotContains(t, stdout, "errcodelint-notice")
	var tree map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &tree), "%s", stdout)
	assert.Empty(t, tree)

	// A wire that matches: no warning, and the wrong code is found.
	write("billing/errcodes.yaml", "version: 1\nwire:\n  code: error.code\ncodes:\n  - code: not_found\n    status: 404\n")
	_, stderr, code = run(t, dir, bin, "./...")
	assert.Equal(t, 3, code, "%s", stderr)
	assert.Equal(t, noCatalog, strings.Split(stderr, "\n")[0]+"\n")
	assert.NotContains(t, stderr, "warning:")
	assert.Contains(t, stderr, `code "not_fuond" is not in the catalog`)

	// A client of the API that reads its errors into a type of its own,
	// with no field at the wire: said once, for the package and its test
	// variant, and the run is still only the server's finding.
	write("billing/client/client.go", `package client

import (
	"encoding/json"
	"net/http"
)

type failure struct {
	Reason string `+"`json:\"reason\"`"+`
}

func Fetch(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var f failure
	err = json.NewDecoder(resp.Body).Decode(&f)
	return f.Reason, err
}
`)
	write("billing/client/client_test.go", "package client\n\nimport \"testing\"\n\nfunc TestFetch(t *testing.T) {}\n")
	_, stderr, code = run(t, dir, bin, "./...")
	assert.Equal(t, 3, code, "%s", stderr)
	assert.Contains(t, stderr, `errcodelint: billing/errcodes.yaml: 1 package (billing/client) decodes responses into types of their own with no field at wire.code "error.code", and the catalog names no go.error_types`)
	assert.Equal(t, 1, strings.Count(stderr, "responses into types"), "%s", stderr)

	// With errcode off, nothing is said about it.
	_, stderr, code = run(t, dir, bin, "-errcode=false", "./...")
	assert.Equal(t, 0, code, "%s", stderr)
	assert.Empty(t, stderr)
}
