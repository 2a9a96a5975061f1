package locals_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/locals"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const src = `package p

var status = 404      // unexported, never assigned again: known
var Exported = 500    // another package may assign it: not tracked
var counter = 0       // incremented below: spoilt

func bump() { counter++ }

type body struct{ Code string; Status int }

func f(param int) {
	a := 1
	b := 1
	b = 2
	c := 1
	c += 1
	d := 1
	use(&d)
	e := body{Code: "x"}
	send(&e)
	g := body{}
	g.Code = "y"
	h, i := two()
	var k body
	k.Code = "z"
	for j := range 3 { _ = j }
	_, _, _, _, _, _, _, _, _, _, _ = a, b, c, d, e, g, h, i, k, param, status
}

func use(*int)       {}
func send(*body)     {}
func two() (int, int) { return 1, 2 }
`

func index(t *testing.T) (*locals.Index, map[string]*types.Var) {
	t.Helper()
	f, info, _ := testdir.Check(t, src)
	vars := make(map[string]*types.Var)
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && !v.IsField() {
			vars[id.Name] = v
		}
	}
	return locals.New(info, []*ast.File{f}), vars
}

func TestValues(t *testing.T) {
	idx, vars := index(t)
	for _, tc := range []struct {
		name   string
		values int // -1: unknown
		single bool
	}{
		{"status", 1, true},
		{"counter", -1, false},
		{"Exported", -1, false},
		{"a", 1, true},
		{"b", 2, false},
		{"c", -1, false},
		{"d", -1, true}, // address taken: unknown to the evaluator, one literal still
		{"e", -1, true},
		{"g", -1, false}, // a field assigned
		{"h", -1, false}, // a tuple
		{"j", -1, false}, // a range variable
		{"param", -1, false},
	} {
		vs, ok := idx.Values(vars[tc.name])
		if tc.values < 0 {
			assert.False(t, ok, tc.name)
		} else {
			assert.True(t, ok, tc.name)
			assert.Len(t, vs, tc.values, tc.name)
		}
		assert.Equal(t, tc.single, idx.Single(vars[tc.name]) != nil, tc.name)
	}
}

func TestBody(t *testing.T) {
	idx, vars := index(t)
	init, sets, ok := idx.Body(vars["e"])
	assert.True(t, ok)
	assert.NotNil(t, init, "encoded through its address: still its literal")
	assert.Empty(t, sets)

	init, sets, ok = idx.Body(vars["g"])
	assert.True(t, ok)
	assert.NotNil(t, init)
	require.Len(t, sets, 1)
	assert.Equal(t, "Code", sets[0].LHS.Sel.Name)

	init, sets, ok = idx.Body(vars["k"])
	assert.True(t, ok, "declared without a value, then a field assigned")
	assert.Nil(t, init)
	assert.Len(t, sets, 1)
	assert.Nil(t, idx.Single(vars["k"]))

	_, _, ok = idx.Body(vars["h"])
	assert.False(t, ok, "a tuple's value is not seen")
}

func TestOrigin(t *testing.T) {
	idx, vars := index(t)
	require.NotNil(t, idx.Origin(vars["h"]), "a tuple's call: h, i := two()")
	assert.Equal(t, "two", idx.Origin(vars["i"]).Fun.(*ast.Ident).Name)
	assert.Nil(t, idx.Origin(vars["a"]), "not assigned from a call")
}

const givenSrc = `package p

import "errors"

type E struct{ Code string }

func (e *E) Error() string { return e.Code }

var table = map[string]int{"a": 400}

func f(err error) (named int) {
	s, ok := table["a"]
	if !ok {
		s = 500
	}
	x, y := two()
	var target *E
	if errors.As(err, &target) {
		named = 1
	}
	p := 1
	use(&p)
	n := 0
	n++
	var q *E
	errors.As(err, &q)
	use2(&q)
	_, _, _, _, _, _ = s, x, y, target, p, n
	return
}

func two() (int, int)  { return 1, 2 }
func use(*int)        {}
func use2(**E)        {}
`

// Given lists tuples, comma-ok look-ups and errors.As targets, which
// Values leaves out, and says no where something else gives a value.
func TestGiven(t *testing.T) {
	f, info, _ := testdir.Check(t, givenSrc)
	vars := make(map[string]*types.Var)
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && !v.IsField() {
			vars[id.Name] = v
		}
	}
	idx := locals.New(info, []*ast.File{f})
	show := func(gs []locals.Given) []string {
		var out []string
		for _, g := range gs {
			text := types.ExprString(g.X)
			switch {
			case g.As:
				text = "as " + text
			case g.Result >= 0:
				text += fmt.Sprintf("#%d", g.Result)
			}
			out = append(out, text)
		}
		return out
	}
	for name, want := range map[string][]string{
		"s":      {"500", `table["a"]`},
		"x":      {"two()#0"},
		"y":      {"two()#1"},
		"target": {"as err"},
		"named":  {"1"},
	} {
		gs, ok := idx.Given(vars[name])
		require.True(t, ok, name)
		assert.ElementsMatch(t, want, show(gs), name)
	}
	for _, name := range []string{"ok", "p", "n", "q", "err"} {
		_, ok := idx.Given(vars[name])
		assert.False(t, ok, "%s is given something the index does not see", name)
	}
	_, ok := idx.Values(vars["s"])
	assert.False(t, ok, "Values does not follow tuples")
}
