package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// secretsAPI is an OpenAPI document with an enum of codes at error.code,
// two operations and a server under /v1.
const secretsAPI = `openapi: 3.0.3
info: {title: Secrets, version: "1"}
servers:
  - url: https://api.example.com/v1
paths:
  /secrets/{path}:
    get:
      operationId: getSecret
      responses:
        "200": {description: ok}
        "404":
          description: not found
          content:
            application/json:
              schema: {$ref: "#/components/schemas/NotFound"}
        "429":
          description: slow down
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Limited"}
    delete:
      operationId: deleteSecret
      responses:
        "404":
          description: not found
          content:
            application/json:
              schema: {$ref: "#/components/schemas/NotFound"}
components:
  schemas:
    NotFound:
      type: object
      properties:
        error:
          type: object
          properties:
            code: {type: string, enum: [secret_not_found]}
    Limited:
      type: object
      properties:
        error:
          type: object
          properties:
            code: {type: string, enum: [rate_limited]}
`

// writeFiles writes name → content under a new directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func TestDocumentPointer(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"errcodes.yaml":    "version: 1\nopenapi: api/secrets.yaml\n",
		"api/secrets.yaml": secretsAPI,
	})
	c, err := Load(filepath.Join(dir, "errcodes.yaml"))
	require.NoError(t, err)
	assert.Equal(t, "Secrets", c.API)
	assert.Equal(t, "error.code", c.Wire.Code)
	assert.Equal(t, []Segment{{Name: "error"}, {Name: "code"}}, c.Wire.CodePath)
	assert.Equal(t, []string{"/v1"}, c.BasePaths)

	code, ok := c.Lookup("secret_not_found")
	require.True(t, ok)
	assert.Equal(t, 404, code.Status)
	assert.Equal(t, filepath.Join(dir, "api", "secrets.yaml"), code.Pos.File, "a code is placed where the document names it")
	assert.Equal(t, Pos{File: code.Pos.File, Line: 37, Col: 41}, code.Pos)
	code, ok = c.Lookup("rate_limited")
	require.True(t, ok)
	assert.Equal(t, 429, code.Status)

	require.Len(t, c.Operations, 2)
	get := c.OperationByID("getSecret")
	require.NotNil(t, get)
	assert.Equal(t, "GET /secrets/{path}", get.Route())
	assert.Equal(t, "secrets.yaml:7", get.Ref())
	assert.Equal(t, "404 or 429", get.Statuses())
	del := c.OperationsAt("DELETE", "/secrets/{p}")
	require.Len(t, del, 1)
	assert.Equal(t, "deleteSecret", del[0].ID)
}

// TestDocumentMerge: the catalog file's own entries stand beside the
// document's; its wire and api win, and its codes come first.
func TestDocumentMerge(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"errcodes.yaml": `version: 1
api: Vaultline
openapi: secrets.yaml
wire:
  code: error.code
codes:
  - code: webhook_delivery_failed
    status: 502
    reported: true
base_paths: [/v1, /v2]
`,
		"secrets.yaml": secretsAPI,
	})
	c, err := Load(filepath.Join(dir, "errcodes.yaml"))
	require.NoError(t, err)
	assert.Equal(t, "Vaultline", c.API)
	var values []string
	for _, code := range c.Codes {
		values = append(values, code.Value)
	}
	assert.Equal(t, []string{"webhook_delivery_failed", "secret_not_found", "rate_limited"}, values)
	assert.Equal(t, []string{"/v1", "/v2"}, c.BasePaths, "a base path in both is listed once")
}

func TestDocumentErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		catalog string
		doc     string // secrets.yaml; none when empty
		want    string
	}{
		{"no codes, no document", "version: 1\n", "",
			"errcodes.yaml:1:1: the catalog is missing \"codes\""},
		{"empty", "version: 1\nopenapi: \"\"\n", "",
			"errcodes.yaml:2:10: openapi is empty; name the API's OpenAPI document, or leave it out"},
		{"not a string", "version: 1\nopenapi: 3\n", "",
			"errcodes.yaml:2:10: openapi must be a string, not integer 3"},
		{"URL", "version: 1\nopenapi: https://api.example.com/openapi.yaml\n", "",
			"errcodes.yaml:2:10: openapi \"https://api.example.com/openapi.yaml\" is a URL; name a file of the repository, relative to the catalog"},
		{"not OpenAPI", "version: 1\nopenapi: secrets.yaml\n", "swagger: \"2.0\"\n",
			"secrets.yaml:1:10: not an OpenAPI 3 document: swagger \"2.0\" is OpenAPI 2; convert it to OpenAPI 3 first"},
		{"not YAML", "version: 1\nopenapi: secrets.yaml\n", "openapi: 3.0.3\npaths: [\n",
			"secrets.yaml:2:1: not YAML or JSON: did not find expected node content"},
		{"a code in both", "version: 1\nopenapi: secrets.yaml\ncodes:\n  - code: rate_limited\n    status: 429\n", secretsAPI,
			"secrets.yaml:44:41: duplicate code \"rate_limited\" (first at errcodes.yaml:4:11)"},
		{"an operation in both", "version: 1\nopenapi: secrets.yaml\ncodes: []\noperations:\n  - id: getSecret\n    responses: {404: []}\n", secretsAPI,
			"secrets.yaml:7:5: duplicate operation id \"getSecret\" (first at errcodes.yaml:5:5)"},
		{"integer codes beside string codes", "version: 1\nopenapi: secrets.yaml\ncodes:\n  - code: 51010\n    status: 403\n", secretsAPI,
			"secrets.yaml:37:41: code \"secret_not_found\" is a string but the first code, at errcodes.yaml:4:11, is an integer; a catalog's codes are all strings or all integers\n" +
				"secrets.yaml:44:41: code \"rate_limited\" is a string but the first code, at errcodes.yaml:4:11, is an integer; a catalog's codes are all strings or all integers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"errcodes.yaml": tc.catalog}
			if tc.doc != "" {
				files["secrets.yaml"] = tc.doc
			}
			dir := writeFiles(t, files)
			t.Chdir(dir)
			_, err := Load("errcodes.yaml")
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestDocumentMissing(t *testing.T) {
	dir := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: api.yaml\n"})
	t.Chdir(dir)
	_, err := Load("errcodes.yaml")
	require.Error(t, err)
	assert.Regexp(t, `^errcodes.yaml:2:10: openapi: open .*api.yaml: no such file or directory$`, err.Error())
}

// TestDocumentNotes: what the document could not give loads, as notes.
func TestDocumentNotes(t *testing.T) {
	doc := secretsAPI + `    Unused:
      $ref: "#/components/schemas/Nowhere"
`
	doc = replaceOnce(t, doc, `schema: {$ref: "#/components/schemas/Limited"}`, `schema: {$ref: "#/components/schemas/Nowhere"}`)
	dir := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: secrets.yaml\n", "secrets.yaml": doc})
	c, err := Load(filepath.Join(dir, "errcodes.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, c.Notes)
	assert.Equal(t, filepath.Join(dir, "secrets.yaml")+`:20:30: warning: $ref "#/components/schemas/Nowhere" does not resolve`, c.Notes[0].String())
}

// TestDocumentReload: an edit of the document is a new catalog, in a
// process that loaded the old one, though the catalog file is the same.
func TestDocumentReload(t *testing.T) {
	dir := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: secrets.yaml\n", "secrets.yaml": secretsAPI})
	path := filepath.Join(dir, "errcodes.yaml")
	c, err := Load(path)
	require.NoError(t, err)
	_, ok := c.Lookup("rate_limited")
	require.True(t, ok)

	doc := filepath.Join(dir, "secrets.yaml")
	require.NoError(t, os.WriteFile(doc, []byte(replaceOnce(t, secretsAPI, "enum: [rate_limited]", "enum: [too_many_requests]")), 0o644))
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(doc, later, later))
	c, err = Load(path)
	require.NoError(t, err)
	_, ok = c.Lookup("too_many_requests")
	assert.True(t, ok)
	_, ok = c.Lookup("rate_limited")
	assert.False(t, ok)
}

// TestDocumentPinned: a pinned document is what the catalog reads,
// whatever the file holds.
func TestDocumentPinned(t *testing.T) {
	dir := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: secrets.yaml\n", "secrets.yaml": "not: it\n"})
	Pin(filepath.Join(dir, "secrets.yaml"), []byte(secretsAPI))
	c, err := Load(filepath.Join(dir, "errcodes.yaml"))
	require.NoError(t, err)
	_, ok := c.Lookup("secret_not_found")
	assert.True(t, ok)
}

func TestDocuments(t *testing.T) {
	abs := filepath.FromSlash("/repo/api/errcodes.yaml")
	assert.Equal(t, []string{filepath.FromSlash("/repo/api/spec/openapi.yaml")},
		Documents(abs, []byte("version: 1\nopenapi: spec/openapi.yaml\n")))
	assert.Equal(t, []string{filepath.FromSlash("/repo/openapi.json")},
		Documents(abs, []byte(`{"version": 1, "openapi": "../openapi.json"}`)))
	assert.Nil(t, Documents(abs, []byte("version: 1\ncodes: []\n")))
	assert.Nil(t, Documents(abs, []byte("version: 1\nopenapi: [\n")), "a catalog that does not parse points at nothing")
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	i := strings.Index(s, old)
	require.GreaterOrEqual(t, i, 0, "%q not found", old)
	return s[:i] + new + s[i+len(old):]
}

func TestAddResponses(t *testing.T) {
	load := func(t *testing.T, doc string) *Catalog {
		dir := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: secrets.yaml\n", "secrets.yaml": doc})
		c, err := Load(filepath.Join(dir, "errcodes.yaml"))
		require.NoError(t, err)
		return c
	}
	apply := func(e DocumentEdit) string {
		return string(e.Content[:e.Offset]) + e.Text + string(e.Content[e.Offset:])
	}
	c := load(t, secretsAPI)
	get := c.OperationByID("getSecret")
	require.NotNil(t, get)

	// Between 404 and 429, in the document's quoting and indentation.
	e, ok := c.AddResponses(get, []int{409})
	require.True(t, ok)
	assert.True(t, filepath.IsAbs(e.Path))
	assert.Equal(t, "        \"409\":\n          description: Conflict\n", e.Text)
	want := replaceOnce(t, secretsAPI, "        \"429\":\n", "        \"409\":\n          description: Conflict\n        \"429\":\n")
	assert.Equal(t, want, apply(e))
	_, err := ReadOpenAPI("secrets.yaml", []byte(apply(e)), OpenAPIOptions{})
	assert.NoError(t, err, "the edited document still reads")

	// After the last error response's block, in status order.
	e, ok = c.AddResponses(get, []int{503, 500})
	require.True(t, ok)
	want = replaceOnce(t, secretsAPI, "              schema: {$ref: \"#/components/schemas/Limited\"}\n    delete:",
		"              schema: {$ref: \"#/components/schemas/Limited\"}\n        \"500\":\n          description: Internal Server Error\n        \"503\":\n          description: Service Unavailable\n    delete:")
	assert.Equal(t, want, apply(e))

	// Unquoted keys, at the end of a file with no final newline.
	bare := strings.TrimSuffix(`openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        404:
            description: none
`, "\n")
	c = load(t, bare)
	e, ok = c.AddResponses(c.OperationByID("getA"), []int{410})
	require.True(t, ok)
	assert.Equal(t, bare+"\n        410:\n            description: Gone\n", apply(e))

	// Not mechanical: responses in a flow mapping (as JSON writes them).
	c = load(t, `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {"operationId": "getA", "responses": {"404": {"description": "none"}}}}}}`)
	_, ok = c.AddResponses(c.OperationByID("getA"), []int{410})
	assert.False(t, ok)

	// Not the document's: an operation of the catalog file.
	dir := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\ncodes: []\noperations:\n  - id: getA\n    responses: {404: []}\n"})
	c, err = Load(filepath.Join(dir, "errcodes.yaml"))
	require.NoError(t, err)
	_, ok = c.AddResponses(c.OperationByID("getA"), []int{410})
	assert.False(t, ok)
}

// A document that is not a regular file is never opened, and one over
// the bound is refused, read from the file or pinned.
func TestDocumentNotReadable(t *testing.T) {
	dir := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: api.yaml\n"})
	t.Chdir(dir)
	require.NoError(t, os.Mkdir("api.yaml", 0o755))
	_, err := Load("errcodes.yaml")
	require.Error(t, err)
	assert.Equal(t, "errcodes.yaml:2:10: openapi: "+filepath.Join(dir, "api.yaml")+" is a directory, not a regular file", err.Error())

	big := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: big.yaml\n"})
	data := make([]byte, MaxDocumentSize+1)
	for i := range data {
		data[i] = '#'
	}
	require.NoError(t, os.WriteFile(filepath.Join(big, "big.yaml"), data, 0o644))
	_, err = Load(filepath.Join(big, "errcodes.yaml"))
	require.Error(t, err)
	assert.Equal(t, filepath.Join(big, "errcodes.yaml")+":2:10: openapi: "+filepath.Join(big, "big.yaml")+" is larger than 64 MiB", err.Error())

	pinned := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: p.yaml\n", "p.yaml": secretsAPI})
	Pin(filepath.Join(pinned, "p.yaml"), data)
	_, err = Load(filepath.Join(pinned, "errcodes.yaml"))
	require.Error(t, err)
	assert.Equal(t, filepath.Join(pinned, "errcodes.yaml")+":2:10: openapi: "+filepath.Join(pinned, "p.yaml")+" is larger than 64 MiB", err.Error())
}
