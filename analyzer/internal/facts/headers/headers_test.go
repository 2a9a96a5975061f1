package headers_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/headers"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), headers.Analyzer, "facts/headers/...")
}

// Facts cross package boundaries by gob (go vet, nogo): the type must
// survive a round trip.
func TestFactGob(t *testing.T) {
	f := &headers.Headers{Writer: 0, Keys: []string{"Content-Type", "Retry-After"}}
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(f))
	out := new(headers.Headers)
	require.NoError(t, gob.NewDecoder(&buf).Decode(out))
	assert.Equal(t, f, out)
	assert.Equal(t, "sets 0:Content-Type,Retry-After", out.String())
}
