package report

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

// run reports, as pass errcode, a finding at every "hit" of each file's
// source, then finishes; it returns what reached the driver, as
// "file:line: message".
func run(t *testing.T, tests bool, files map[string]string) []string {
	return runChecks(t, tests, nil, files)
}

// runChecks is run with the checks off turned off; a "hit" is a finding
// of check errcode/status, a "miss" one of errcode/unknown-code, reported
// as "file:line: message (check)".
func runChecks(t *testing.T, tests bool, off map[string]bool, files map[string]string) []string {
	t.Helper()
	fset := token.NewFileSet()
	var syntax []*ast.File
	for name, src := range files {
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		require.NoError(t, err)
		syntax = append(syntax, f)
	}
	var got []string
	pass := &analysis.Pass{
		Analyzer: &analysis.Analyzer{Name: "errcode"},
		Fset:     fset,
		Files:    syntax,
		Report: func(d analysis.Diagnostic) {
			p := fset.Position(d.Pos)
			line := fmt.Sprintf("%s:%d: %s", p.Filename, p.Line, d.Message)
			if off != nil {
				line += " (" + d.Category + ")"
			}
			got = append(got, line)
		},
	}
	r := New(pass, tests, off)
	for _, f := range syntax {
		tok := fset.File(f.FileStart)
		src := files[tok.Name()]
		for word, check := range map[string]string{"hit": "errcode/status", "miss": "errcode/unknown-code"} {
			for at := strings.Index(src, word); at >= 0; {
				r.Report(analysis.Diagnostic{Pos: tok.Pos(at), Category: check, Message: "finding"})
				next := strings.Index(src[at+1:], word)
				if next < 0 {
					break
				}
				at += 1 + next
			}
		}
	}
	r.Finish()
	r.Finish() // once is enough
	return got
}

func TestLineIgnore(t *testing.T) {
	got := run(t, false, map[string]string{"a.go": `package a

func f() {
	//lint:ignore errcode the statement below
	hit()
	hit()
	hit() //lint:ignore errcode trailing
	//lint:ignore errcode only the line the statement starts on
	g(1,
		hit())
	g(2,
		hit()) //lint:ignore errcode a trailing comment belongs to the statement, which starts above
	//lint:ignore errcode matches nothing
	g()
	//lint:ignore errcode,retryafter matches nothing either
	g()
	//lint:ignore errcode
	hit()
	//lint:ignore retryafter another pass
	hit()
}

//lint:ignore errcode the declaration's line only
func g(hit int) { hit() }
`})
	assert.ElementsMatch(t, []string{
		"a.go:6: finding",
		"a.go:8: this lint:ignore directive matched nothing",
		"a.go:10: finding",
		"a.go:12: finding",
		"a.go:12: this lint:ignore directive matched nothing",
		"a.go:13: this lint:ignore directive matched nothing",
		"a.go:15: this lint:ignore directive matched no errcode finding",
		"a.go:17: malformed lint:ignore directive: a reason is required",
		"a.go:18: finding",
		"a.go:20: finding",
	}, got)
}

func TestNolint(t *testing.T) {
	got := run(t, false, map[string]string{"a.go": `package a

func f() {
	hit() //nolint:errcode
	hit() //nolint:gosec // another linter
	//nolint:errcode // the whole statement below
	g(1,
		hit())
	hit()
	g() //nolint:errcode // want nothing
	hit() //nolint
}

// g has a doc comment.
//
//nolint:errcodelint // all of g
func g(hit int) {
	hit()
}
`})
	assert.ElementsMatch(t, []string{
		"a.go:5: finding",
		"a.go:9: finding",
		"a.go:10: this nolint directive matched nothing",
	}, got)
}

func TestFileIgnore(t *testing.T) {
	got := run(t, false, map[string]string{
		"a.go": "package a\n\nfunc f() { hit() }\n\n//lint:file-ignore errcode,SA1019 generated\n",
		"b.go": "package a\n\nfunc g() { hit() }\n\n//lint:file-ignore errcode\n//lint:file-ignore errcode unused, not reported\n",
	})
	assert.ElementsMatch(t, []string{
		"b.go:5: malformed lint:file-ignore directive: a reason is required",
	}, got)
}

func TestTestFiles(t *testing.T) {
	files := map[string]string{"a_test.go": `package a

func f() {
	hit() //nolint:errcode
	hit()
	//lint:ignore errcode
	g()
	//lint:ignore errcode matches nothing
	g()
}
`}
	assert.Empty(t, run(t, false, files))
	assert.ElementsMatch(t, []string{
		"a_test.go:5: finding",
		"a_test.go:6: malformed lint:ignore directive: a reason is required",
		"a_test.go:8: this lint:ignore directive matched nothing",
	}, run(t, true, files))
}

func TestCheckDirectives(t *testing.T) {
	got := runChecks(t, false, map[string]bool{}, map[string]string{"a.go": `package a

func f() {
	hit() //lint:ignore errcode/status this check only
	miss() //lint:ignore errcode/status not this one
	miss() //nolint:errcode/unknown-code
	hit() //nolint:ErrCode/Status // any case
	hit() //lint:ignore errcode/unknown-code,retryafter/late-header matches nothing
}
`})
	assert.ElementsMatch(t, []string{
		"a.go:5: finding (errcode/unknown-code)",
		"a.go:5: this lint:ignore directive matched nothing (errcode/directive)",
		"a.go:8: finding (errcode/status)",
		"a.go:8: this lint:ignore directive matched no errcode finding (errcode/directive)",
	}, got)
}

func TestChecksOff(t *testing.T) {
	src := map[string]string{"a.go": "package a\n\nfunc f() {\n\thit()\n\tmiss()\n\thit() //lint:ignore errcode/status its check is off: not held to a finding\n}\n"}
	assert.ElementsMatch(t, []string{"a.go:5: finding (errcode/unknown-code)"},
		runChecks(t, false, map[string]bool{"errcode/status": true}, src))
}

var testChecks = []Check{{ID: "errcode/status"}, {ID: "errcode/unknown-code"}, {ID: "errcode/directive"}}

func TestTurnedOff(t *testing.T) {
	for _, tt := range []struct {
		list string
		on   []string
	}{
		{"", []string{"status", "unknown-code", "directive"}},
		{"all", []string{"status", "unknown-code", "directive"}},
		{"all,-status", []string{"unknown-code", "directive"}},
		{"-status", []string{"unknown-code", "directive"}},
		{"status", []string{"status"}},
		{"status, errcode/directive", []string{"status", "directive"}},
		{"all,-status,status", []string{"status", "unknown-code", "directive"}},
	} {
		t.Run(tt.list, func(t *testing.T) {
			off, err := TurnedOff("errcode", testChecks, tt.list)
			require.NoError(t, err)
			var on []string
			for _, c := range testChecks {
				if !off[c.ID] {
					on = append(on, c.Name())
				}
			}
			assert.Equal(t, tt.on, on)
		})
	}
	_, err := TurnedOff("errcode", testChecks, "all,-statuz")
	assert.EqualError(t, err, `-errcode.checks: no check "statuz" in errcode (its checks: status, unknown-code, directive)`)
}
