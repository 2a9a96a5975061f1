package returns_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/facts/returns"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testdir.Path(t), returns.Analyzer, "facts/returns/...")
}

// Facts cross package boundaries by gob (go vet, nogo): the type must
// survive a round trip.
func TestFactGob(t *testing.T) {
	f := &returns.Returns{Fields: []returns.Field{{Name: "Type", Str: "badNonce"}, {Name: "HTTPStatus", IsInt: true, Int: 400}}}
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(f))
	out := new(returns.Returns)
	require.NoError(t, gob.NewDecoder(&buf).Decode(out))
	assert.Equal(t, f, out)
	assert.Equal(t, `returns Type="badNonce" HTTPStatus=400`, out.String())
	got, ok := out.Lookup("HTTPStatus")
	assert.True(t, ok)
	assert.Equal(t, int64(400), got.Int)
	_, ok = out.Lookup("Detail")
	assert.False(t, ok)
}

func TestBuilderFactGob(t *testing.T) {
	f := &returns.Returns{Receiver: true, Fields: []returns.Field{{Name: "Code", FromParam: true, Param: 0}}, Unknown: []string{"Status"}}
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(f))
	out := new(returns.Returns)
	require.NoError(t, gob.NewDecoder(&buf).Decode(out))
	assert.Equal(t, f, out)
	assert.Equal(t, "returns receiver Code=param0 Status=?", out.String())
	assert.False(t, out.Keeps("Code"), "set by the builder")
	assert.False(t, out.Keeps("Status"), "set to a value not known")
	assert.True(t, out.Keeps("Message"), "the receiver's")
}
