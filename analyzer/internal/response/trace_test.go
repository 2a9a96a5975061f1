package response_test

import (
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/response"
	"github.com/stretchr/testify/assert"
)

func TestMerge(t *testing.T) {
	table := &response.Table{Name: "codeMap", File: "errors.go", Entries: []response.Entry{{Key: "rate_limited", Status: 429, Line: 41}}}
	lookup := response.Source{Param: 1, Fields: []string{"Code"}, Table: table}
	code := response.Source{Param: 0, Fields: []string{"Code"}}
	c := func(n int64) response.Source { return response.Source{Param: response.Const, Const: n} }
	none := response.Source{Param: response.None}
	for _, tc := range []struct {
		name string
		in   []response.Source
		want string
	}{
		{"one source", []response.Source{code}, "0.Code"},
		{"the same twice", []response.Source{code, code}, "0.Code"},
		{"one constant", []response.Source{c(500), c(500)}, "500"},
		{"two constants", []response.Source{c(500), c(503)}, "?"},
		{"a look-up and its default", []response.Source{lookup, c(500)}, "codeMap[1.Code]|500"},
		{"a look-up and two defaults", []response.Source{lookup, c(500), c(503)}, "?"},
		{"a parameter or a constant", []response.Source{code, c(500)}, "?"},
		{"two parameters", []response.Source{code, {Param: 1}}, "?"},
		{"something unknown", []response.Source{code, none}, "?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, response.Merge(tc.in).String())
		})
	}
	assert.Equal(t, int64(0), table.Default, "the default is set on a copy of the table")
}

func TestTable(t *testing.T) {
	table := &response.Table{
		Name: "codeMap", File: "errors.go", Default: 500,
		Entries: []response.Entry{
			{Key: "not_found", Status: 404, Line: 40},
			{Key: "rate_limited", Status: 429, Line: 41},
			{Key: "gone", Status: 404, Line: 42},
		},
	}
	assert.Equal(t, []int64{404, 429, 500}, table.Statuses())
	st, row, inTable, ok := table.StatusOf("rate_limited")
	assert.Equal(t, int64(429), st)
	assert.Equal(t, 41, row.Line)
	assert.True(t, inTable)
	assert.True(t, ok)
	st, _, inTable, ok = table.StatusOf("missing")
	assert.Equal(t, int64(500), st, "the default")
	assert.False(t, inTable)
	assert.True(t, ok)
	where, ok := table.Where(429)
	assert.True(t, ok)
	assert.Equal(t, "rate_limited in codeMap, errors.go:41", where)
	_, ok = table.Where(500)
	assert.False(t, ok, "only the default gives 500")

	noDefault := &response.Table{Name: "m", Entries: table.Entries}
	_, _, _, ok = noDefault.StatusOf("missing")
	assert.False(t, ok)
}
