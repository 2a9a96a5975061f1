package flow_test

import (
	"bytes"
	"encoding/gob"
	"go/constant"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/stretchr/testify/require"
)

// The facts cross package boundaries by gob (go vet, nogo): each comes
// back as it went, nested values and all.
func TestFactsGob(t *testing.T) {
	code := flow.ConstValue(constant.MakeString("rate_limited"))
	status := flow.ConstValue(constant.MakeInt64(429))
	body := flow.Value{{Kind: flow.Encoded, Enc: "json", Of: flow.Value{{
		Kind: flow.Obj, Type: "example.com/api.Error",
		Fields: []flow.FieldValue{{Name: "Code", JSON: "code", XML: "Code", Val: code}},
	}}}}
	table := flow.Value{{Kind: flow.Lookup, Type: "codeMap", Of: flow.Value{{Kind: flow.Param, Index: 1, Path: []string{"Code"}}},
		Rows: []flow.Row{{Key: code, Val: status}, {Val: flow.ConstValue(constant.MakeInt64(500))}}}}
	sink := flow.Sink{Writer: flow.Value{{Kind: flow.Param}}, Status: table, Body: body,
		Headers: flow.ConstValue(constant.MakeString("Content-Type"))}
	for _, f := range []any{
		&flow.Summary{Results: []flow.Value{table}, Sinks: []flow.Sink{sink}},
		&flow.Var{Val: body, Func: &flow.Summary{Results: []flow.Value{code}}},
		&flow.Open{Sinks: []flow.Sink{sink}},
	} {
		var buf bytes.Buffer
		require.NoError(t, gob.NewEncoder(&buf).Encode(f))
		back := f
		switch f.(type) {
		case *flow.Summary:
			back = new(flow.Summary)
		case *flow.Var:
			back = new(flow.Var)
		case *flow.Open:
			back = new(flow.Open)
		}
		require.NoError(t, gob.NewDecoder(&buf).Decode(back))
		require.Equal(t, f, back)
	}
}
