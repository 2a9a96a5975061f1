package catalogcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const reference = `# Widget errors

## Widgets

| HTTP | Code | Meaning |
|---|---|---|
| 404 | widget_not_found | There is no such widget. |
| 4xx | vague | Not a status. |
| 400 | required: | Needs a part. |
`

// TestImportReport: unread rows and guesses are reported with their line,
// the readable rows are written, and unread rows make the exit code 1.
func TestImportReport(t *testing.T) {
	in := writeFile(t, "errors.md", reference)
	out := filepath.Join(t.TempDir(), "errcodes.yaml")
	stdout, stderr, code := run("import", in, "-o", out, "-api", "Widget API")
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, in+`:1:1: warning: no example error body shows where codes travel; wire.code is left at its default "code", a top-level field
`+in+`:8:1: status cell "4xx" is not an HTTP status
`+in+`:9:1: warning: code "required:" ends in a separator; read as the template "required:{param}"
3 table rows: 2 codes imported, 1 unread
`, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "# Imported from errors.md by errcodelint catalog import; review before use.\nversion: 1\napi: Widget API\n"), string(data))
	c, err := catalog.Parse(out, data)
	require.NoError(t, err)
	assert.Len(t, c.Codes, 2)
}

func TestImportFailures(t *testing.T) {
	prose := writeFile(t, "prose.md", "No tables here.\n")
	_, stderr, code := run("import", prose)
	assert.Equal(t, 1, code)
	assert.Equal(t, prose+":1:1: no error-code table found; want a header row with an HTTP status column and a code column\n", stderr)

	_, stderr, code = run("import", filepath.Join(t.TempDir(), "missing.md"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "errcodelint catalog import: open ")
}

func TestImportNoSummaries(t *testing.T) {
	in := writeFile(t, "errors.md", reference)
	stdout, _, _ := run("import", "-summaries=false", in)
	assert.NotContains(t, stdout, "summary:")
	assert.Contains(t, stdout, "code: widget_not_found\n")
}

// TestImportSeeds runs the command on each seed reference: every row is
// read and the written catalog checks clean. The catalog package's tests
// compare the codes with the hand-written catalogs.
func TestImportSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("seed references not found: %v", err)
		}
		t.Skipf("seed references not found (%v); set CI to make this a failure", err)
	}
	for _, s := range styles {
		t.Run(s.name, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(dir, s.seed+"_*.txt"))
			require.NoError(t, err)
			require.Len(t, files, 1)
			out := filepath.Join(t.TempDir(), "errcodes.yaml")
			_, stderr, code := run("import", "-o", out, files[0])
			assert.Equal(t, 0, code, stderr)
			assert.Contains(t, stderr, " 0 unread\n")
			stdout, stderr, code := run("check", out)
			assert.Equal(t, 0, code, stderr)
			assert.Contains(t, stdout, ": ok\n")
		})
	}
}

// TestImportOpenAPI: a file with a top-level openapi key is read as an
// OpenAPI document, with no flag; the catalog written loads and checks.
func TestImportOpenAPI(t *testing.T) {
	spec := filepath.Join("..", "catalogtools", "openapi", "testdata", "vault30.yaml")
	out := filepath.Join(t.TempDir(), "errcodes.yaml")
	stdout, stderr, code := run("import", "-o", out, spec)
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout)
	assert.Equal(t, "6 error responses: 6 codes imported, 0 unread\n", stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "# Imported from vault30.yaml by errcodelint catalog import; review before use.\nversion: 1\napi: Vaultline\nwire:\n  code: error.code\n"), string(data))
	c, err := catalog.Parse(out, data)
	require.NoError(t, err)
	require.Len(t, c.Codes, 6)
	assert.Equal(t, "secret_not_found", c.Codes[0].Value)
	assert.Equal(t, 404, c.Codes[0].Status)
	stdout, stderr, code = run("check", out)
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, ": ok\n")
}

// TestImportOpenAPIUnread: what the document does not let import read is
// reported at its position, and makes the exit code 1; the readable codes
// are written.
func TestImportOpenAPIUnread(t *testing.T) {
	in := writeFile(t, "api.json", `{
  "openapi": "3.1.0",
  "info": {"title": "Widgets", "version": "1"},
  "paths": {"/widgets/{id}": {"get": {"responses": {
    "404": {"x-error-codes": ["widget_not_found"],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    "409": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Conflict"}}}},
    "default": {"x-error-codes": ["internal"]}
  }}}},
  "components": {"schemas": {"Error": {"properties": {"code": {"type": "string"}}}}}
}
`)
	stdout, stderr, code := run("import", "-api", "Widget API", in)
	assert.Equal(t, 1, code)
	assert.Equal(t, in+`:7:65: $ref "#/components/schemas/Conflict" does not resolve
`+in+`:8:35: code "internal" has no status: only default, 4XX or 5XX responses use it
3 error responses: 1 code imported, 2 unread
`, stderr)
	assert.Equal(t, "# Imported from api.json by errcodelint catalog import; review before use.\nversion: 1\napi: Widget API\ncodes:\n  - code: widget_not_found\n    status: 404\n"+
		"\noperations:\n  - route: GET /widgets/{id}\n    spec: api.json:4\n    responses:\n      \"404\": [widget_not_found]\n      \"409\": []\n      default: []\n", stdout)

	swagger := writeFile(t, "swagger.yaml", "openapi: 2.0\n")
	_, stderr, code = run("import", swagger)
	assert.Equal(t, 1, code)
	assert.Equal(t, swagger+`:1:10: not an OpenAPI 3 document: openapi is "2.0", want 3.0.x or 3.1.x
`, stderr)

	swagger = writeFile(t, "swagger.json", `{"swagger": "2.0", "paths": {}}`)
	_, stderr, code = run("import", swagger)
	assert.Equal(t, 1, code)
	assert.Equal(t, swagger+`:1:13: not an OpenAPI 3 document: swagger "2.0" is OpenAPI 2; convert it to OpenAPI 3 first
`, stderr)
}
