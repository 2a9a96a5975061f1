package apimodel

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/values"
	"github.com/errcodelint/errcodelint/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRootOf(t *testing.T) {
	for path, want := range map[string]string{
		"acme/wfe":                   "acme",
		"acme":                       "acme",
		"example.com/sdk/pgconn":     "example.com/sdk/pgconn",
		"example.com/sdk/pgconn/x/y": "example.com/sdk/pgconn",
		"github.com/gin-gonic/gin":   "github.com/gin-gonic/gin",
		"example.com/short":          "example.com/short",
	} {
		assert.Equal(t, want, rootOf(path), path)
	}
}

const acme = `version: 1
wire:
  code: type
  prefix: "urn:ietf:params:acme:error:"
codes:
  - code: badNonce
    status: 400
  - code: "not_found|{resource}"
    status: 404
`

func TestMessages(t *testing.T) {
	cat, err := catalog.Parse("acme.yaml", []byte(acme))
	require.NoError(t, err)
	m := &Model{Cat: cat}
	for _, tc := range []struct {
		v              values.Value
		spelt, unknown string
	}{
		{values.StringValue("urn:ietf:params:acme:error:badNonse"), `"badNonse"`,
			`code "badNonse" is not in the catalog: never; did you mean "badNonce"?`},
		{values.IntValue(7), `7`, `code 7 is not in the catalog: never`},
		// A partly known value spells as the code it resolves to, or with
		// its unknown part elided.
		{values.Value{Kind: values.String, Str: catalog.Literal("not_found|").Concat(catalog.Hole())}, `"not_found|{resource}"`,
			`code "not_found|{resource}" matches no code in the catalog: never`},
		{values.Value{Kind: values.String, Str: catalog.Literal("gone|").Concat(catalog.Hole())}, `"gone|…"`,
			`code "gone|…" matches no code in the catalog: never`},
	} {
		assert.Equal(t, tc.spelt, m.Spell(tc.v))
		assert.Equal(t, tc.unknown, m.Unknown(tc.v, ": never"))
	}
}
