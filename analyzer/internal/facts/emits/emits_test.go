package emits_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/emits"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), emits.Analyzer, "facts/emits/...")
}

// Facts cross package boundaries by gob (go vet, nogo): the type must
// survive a round trip.
func TestFactGob(t *testing.T) {
	for _, f := range []*emits.Emits{
		{Writer: 0, Status: response.Source{Param: 1, Fields: []string{"HTTPStatus"}},
			Codes: []response.Code{{From: response.Source{Param: 1, Fields: []string{"Type"}}, JSON: "type", XML: "Type"}}},
		{Writer: -1, Status: response.Source{Param: response.Const, Const: 404}},
	} {
		var buf bytes.Buffer
		require.NoError(t, gob.NewEncoder(&buf).Encode(f))
		out := new(emits.Emits)
		require.NoError(t, gob.NewDecoder(&buf).Decode(out))
		assert.Equal(t, f, out)
		assert.Equal(t, f.String(), out.String())
	}
}
