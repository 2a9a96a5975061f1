package emitters_test

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/emitters"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFacts(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "testdata"))
	require.NoError(t, err)
	analysistest.Run(t, dir, emitters.Analyzer, "emitterfacts/...")
}

// Facts cross package boundaries by gob (go vet, nogo): each type must
// survive a round trip.
func TestFactsGob(t *testing.T) {
	facts := []analysis.Fact{
		&emitters.Emits{Writer: 0, Status: emitters.Source{Param: 1, Fields: []string{"HTTPStatus"}},
			Codes: []emitters.Code{{From: emitters.Source{Param: 1, Fields: []string{"Type"}}, JSON: "type", XML: "Type"}}},
		&emitters.Emits{Writer: -1, Status: emitters.Source{Param: emitters.Const, Const: 404}},
		&emitters.Returns{Fields: []emitters.Field{{Name: "Type", Str: "badNonce"}, {Name: "HTTPStatus", IsInt: true, Int: 400}}},
		&emitters.Strings{Cases: []emitters.Case{{In: "0", Out: "malformed"}}},
		&emitters.Headers{Writer: 0, Keys: []string{"Content-Type", "Retry-After"}},
	}
	for _, f := range facts {
		var buf bytes.Buffer
		require.NoError(t, gob.NewEncoder(&buf).Encode(f))
		out := newLike(f)
		require.NoError(t, gob.NewDecoder(&buf).Decode(out))
		assert.Equal(t, f, out)
		assert.Equal(t, f.(interface{ String() string }).String(), out.(interface{ String() string }).String())
	}
}

func newLike(f analysis.Fact) analysis.Fact {
	switch f.(type) {
	case *emitters.Emits:
		return new(emitters.Emits)
	case *emitters.Returns:
		return new(emitters.Returns)
	case *emitters.Headers:
		return new(emitters.Headers)
	}
	return new(emitters.Strings)
}
