package enumstr_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/enumstr"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), enumstr.Analyzer, "facts/enumstr/...")
}

// Facts cross package boundaries by gob (go vet, nogo): the type must
// survive a round trip.
func TestFactGob(t *testing.T) {
	f := &enumstr.Strings{Cases: []enumstr.Case{{In: "0", Out: "malformed"}, {In: `"a"`, Out: "b"}}}
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(f))
	out := new(enumstr.Strings)
	require.NoError(t, gob.NewDecoder(&buf).Decode(out))
	assert.Equal(t, f, out)
	assert.Equal(t, `strings 0→"malformed" "a"→"b"`, out.String())
}
