package bodies_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/bodies"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFacts(t *testing.T) {
	testdir.Run(t, testdir.Path(t), bodies.Analyzer, "facts/bodies/...")
}

// The fact crosses package boundaries by gob (go vet, nogo).
func TestFactGob(t *testing.T) {
	f := &bodies.Types{Entries: []bodies.Entry{
		{Type: "example.com/api.Body", Format: "json"},
		{Type: "example.com/api.Detail", JSON: "errors[]", XML: "Errors", Format: "json"},
	}}
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(f))
	var out bodies.Types
	require.NoError(t, gob.NewDecoder(&buf).Decode(&out))
	assert.Equal(t, f, &out)
	assert.Equal(t, "bodies example.com/api.Body@json: example.com/api.Detail@json:errors[]", out.String())
}
