package format

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/toolstest"
)

// TestFormatRoundTrip formats each style's catalog and reads it back: the
// same catalog, field for field.
func TestFormatRoundTrip(t *testing.T) {
	for _, s := range toolstest.Styles {
		t.Run(s.Name, func(t *testing.T) {
			c := toolstest.LoadStyle(t, s.Name)
			back, err := catalog.Parse("back.yaml", Format(c))
			require.NoError(t, err)
			assert.Equal(t, c.API, back.API)
			assert.Equal(t, c.Rules, back.Rules)
			assert.Equal(t, c.Go, back.Go)
			assert.Equal(t, c.Wire, back.Wire)
			require.Len(t, back.Codes, len(c.Codes))
			for i, code := range c.Codes {
				got := *back.Codes[i]
				got.Pos, got.StatusPos = code.Pos, code.StatusPos
				assert.Equal(t, *code, got)
			}
		})
	}
}

// TestFormatBuilt formats a catalog built by hand, with every field set.
func TestFormatBuilt(t *testing.T) {
	c := &catalog.Catalog{
		API:  "Hand: made",
		Wire: catalog.Wire{Code: "errors[].code", Status: "status", Prefix: "urn:x:", Format: "xml"},
		Go: catalog.GoHints{
			CodeType:   "example.com/api/apierr.Code",
			Emitters:   []catalog.Emitter{{Func: "example.com/api/httpx.WriteError", Status: catalog.Param{Index: 1}, Code: catalog.Param{Index: -1, Name: "code"}}},
			ErrorTypes: []catalog.ErrorType{{Type: "example.com/api/client.APIError", Status: "StatusCode", Code: "Code"}},
		},
		Rules: catalog.Rules{RetryAfter: []int{429, 503}},
		Codes: []*catalog.Code{
			{Value: "404", Status: 404, Group: "Not found", Summary: "a code that reads as a number", Reported: true},
			{Value: "not_found|{resource}", Status: 404, Group: "Not found", Retryable: true, Name: "NotFound"},
			{Value: "yes", Status: 400, Summary: "line one\nline two"},
		},
	}
	want := `version: 1
api: 'Hand: made'
wire:
  code: errors[].code
  status: status
  prefix: 'urn:x:'
  format: xml
go:
  code_type: example.com/api/apierr.Code
  emitters:
    - func: example.com/api/httpx.WriteError
      status: 1
      code: code
  error_types:
    - type: example.com/api/client.APIError
      status: StatusCode
      code: Code
rules:
  retry_after: [429, 503]
codes:
  # Not found
  - code: "404"
    status: 404
    group: Not found
    summary: a code that reads as a number
    reported: true
  - code: not_found|{resource}
    name: NotFound
    status: 404
    group: Not found
    retryable: true

  - code: yes
    status: 400
    summary: "line one\nline two"
`
	assert.Equal(t, want, string(Format(c)))
	back, err := catalog.Parse("built.yaml", Format(c))
	require.NoError(t, err)
	assert.Equal(t, "404", back.Codes[0].Value)
	assert.False(t, back.Codes[0].Numeric)
	assert.Equal(t, "yes", back.Codes[2].Value)
	assert.Equal(t, []int{429, 503}, back.Rules.RetryAfter)
}

// TestFormatRetryAfterEmpty keeps an explicit empty retry_after: it is not
// the default.
func TestFormatRetryAfterEmpty(t *testing.T) {
	c, err := catalog.Parse("c.yaml", []byte("version: 1\nrules:\n  retry_after: []\ncodes:\n  - code: 1\n    status: 429\n"))
	require.NoError(t, err)
	out := string(Format(c))
	assert.Contains(t, out, "retry_after: []\n")
	assert.Contains(t, out, "  - code: 1\n")
}

// TestFormatStatusList writes a code's several statuses as a list, default
// first, and reads them back.
func TestFormatStatusList(t *testing.T) {
	c := toolstest.ParseCodes(t, "c.yaml", "", "  - {code: malformed, status: [400, 404, 415]}\n  - {code: gone, status: 410}\n")
	out := string(Format(c))
	assert.Contains(t, out, "  - code: malformed\n    status: [400, 404, 415]\n")
	assert.Contains(t, out, "  - code: gone\n    status: 410\n")
	back, err := catalog.Parse("back.yaml", []byte(out))
	require.NoError(t, err)
	assert.Equal(t, []int{400, 404, 415}, back.Codes[0].Statuses)
	assert.Equal(t, 400, back.Codes[0].Status)
}

// An emitter given an error keeps its error parameter and its fallback
// through formatting.
func TestFormatEmitterWithError(t *testing.T) {
	src := "version: 1\ngo:\n  emitters:\n    - func: (example.com/x.Writer).WriteErrorCode\n      status: code\n      error: 3\n      fallback: error\n    - func: example.com/x.Fail\n      status: 1\n      code: 2\ncodes:\n  - code: a\n    status: 400\n"
	c, err := catalog.Parse("c.yaml", []byte(src))
	require.NoError(t, err)
	back, err := catalog.Parse("back.yaml", Format(c))
	require.NoError(t, err)
	require.Len(t, back.Go.Emitters, 2)
	for i, e := range c.Go.Emitters {
		got := back.Go.Emitters[i]
		got.Pos = e.Pos
		assert.Equal(t, e, got)
	}
	assert.True(t, back.Go.Emitters[0].ByError())
	assert.Equal(t, "error", back.Go.Emitters[0].Fallback)
	assert.False(t, back.Go.Emitters[1].ByError())
}

// TestFormatOperations writes operations so that Parse reads them back the
// same.
func TestFormatOperations(t *testing.T) {
	src := `version: 1
codes:
  - code: secret_not_found
    status: 404
  - code: invalid_path
    status: [400, 404]

base_paths: [/v1, /api/v2]
operations:
  - id: getSecret
    route: GET /v1/secrets/{id}
    spec: api.yaml:120
    responses:
      "404": [secret_not_found, invalid_path]
      "400": []
      5XX: []
  - route: DELETE /v1/secrets/{name}
    responses:
      default: []
  - id: listSecrets
    responses:
      4XX: [invalid_path]
`
	c, err := catalog.Parse("c.yaml", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, src, string(Format(c)))
}
