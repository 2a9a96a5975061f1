package yields_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/yields"
	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), yields.Analyzer, "facts/yields/...")
}

// Facts cross package boundaries by gob (go vet, nogo): the type must
// survive a round trip.
func TestFactGob(t *testing.T) {
	for _, f := range []*yields.Yields{
		{Param: 0, Fields: []string{"Code"}},
		{Param: response.Receiver, Fields: []string{"Code"}},
		{Param: 1, Fields: []string{"Code"}, Table: &response.Table{
			Name: "codeMap", File: "errors.go", Default: 500,
			Entries: []response.Entry{{Key: "rate_limited", Status: 429, Line: 41}},
		}},
	} {
		var buf bytes.Buffer
		require.NoError(t, gob.NewEncoder(&buf).Encode(f))
		out := new(yields.Yields)
		require.NoError(t, gob.NewDecoder(&buf).Decode(out))
		assert.Equal(t, f, out)
		assert.Equal(t, f.String(), out.String())
	}
	assert.Equal(t, "yields codeMap[1.Code]|500", (&yields.Yields{Param: 1, Fields: []string{"Code"}, Table: &response.Table{Name: "codeMap", Default: 500}}).String())
}
