package conformance_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/conformance"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The passes ask of Go code the questions conformance asks of live
// responses: is this Retry-After valid, is this an error status. The tests
// below run the same cases through both sides, the passes over a generated
// package and conformance's Handler and Transport over recorded responses,
// and fail when either side leaves the table.

// retryAfterCases are Retry-After values and whether they are valid
// (catalog.ValidRetryAfter says why whitespace makes a value invalid).
var retryAfterCases = []struct {
	value string
	valid bool
}{
	{"0", true},
	{"120", true},
	{"Wed, 21 Oct 2015 07:28:00 GMT", true},
	{"Wednesday, 21-Oct-15 07:28:00 GMT", true},
	{"Wed Oct 21 07:28:00 2015", true},
	{" 120", false},
	{"120 ", false},
	{" 30 ", false},
	{"\t120", false},
	{" Wed, 21 Oct 2015 07:28:00 GMT", false},
	{"", false},
	{"-1", false},
	{"1.5", false},
	{"45s", false},
	{"1m30s", false},
	{"2015-10-21T07:28:00Z", false},
}

func TestRetryAfterSidesAgree(t *testing.T) {
	var src strings.Builder
	src.WriteString("package agree\n\nimport \"net/http\"\n\n")
	line := make(map[int]int) // source line → case
	for i, tc := range retryAfterCases {
		line[5+i] = i
		fmt.Fprintf(&src, "func case%d(w http.ResponseWriter) { w.Header().Set(\"Retry-After\", %s) }\n", i, strconv.Quote(tc.value))
	}
	reported := make(map[int][]string) // case → the pass's messages
	for _, d := range analyze(t, retryafter.Analyzer, map[string]string{"agree.go": src.String()}) {
		i, ok := line[d.line]
		require.True(t, ok, "retryafter reports off the cases, at line %d: %s", d.line, d.msg)
		reported[i] = append(reported[i], d.msg)
	}

	for i, tc := range retryAfterCases {
		t.Run(strconv.Quote(tc.value), func(t *testing.T) {
			assert.Equal(t, tc.valid, catalog.ValidRetryAfter(tc.value), "catalog.ValidRetryAfter")
			assert.Equal(t, tc.valid, len(reported[i]) == 0, "the retryafter pass: %q", reported[i])
			h := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Retry-After", tc.value)
				w.WriteHeader(http.StatusTooManyRequests)
			})
			for side, chk := range exchange(t, agreeCatalog, h) {
				bad := messages(chk, conformance.RuleRetryAfter)
				assert.Equal(t, tc.valid, len(bad) == 0, "conformance's %s: %q", side, bad)
			}
		})
	}
}

// statusCases are statuses around the bounds of catalog.IsErrorStatus.
var statusCases = []struct {
	status  int
	isError bool
}{
	{200, false},
	{399, false},
	{400, true},
	{404, true},
	{599, true},
	{600, false},
	{999, false},
}

// agreeCatalog gives its one code a status none of statusCases has, so
// that the code sent with any error status breaks it.
const agreeCatalog = `version: 1
api: Agree
wire:
  code: error.code
codes:
  - code: gone_away
    status: 410
`

func TestErrorStatusSidesAgree(t *testing.T) {
	var src strings.Builder
	src.WriteString("package agree\n\nimport \"net/http\"\n\nvar _ = http.StatusOK\n\n")
	line := make(map[int]int) // source line → case
	for i, tc := range statusCases {
		line[7+i] = i
		fmt.Fprintf(&src, "var statuses%d = map[string]int{%q: %d}\n", i, "gone_away", tc.status)
	}
	reported := make(map[int][]string)
	for _, d := range analyze(t, errcode.Analyzer, map[string]string{"agree.go": src.String(), "errcodes.yaml": agreeCatalog}) {
		i, ok := line[d.line]
		require.True(t, ok, "errcode reports off the cases, at line %d: %s", d.line, d.msg)
		reported[i] = append(reported[i], d.msg)
	}

	for i, tc := range statusCases {
		t.Run(strconv.Itoa(tc.status), func(t *testing.T) {
			assert.Equal(t, tc.isError, catalog.IsErrorStatus(int64(tc.status)), "catalog.IsErrorStatus")
			assert.Equal(t, tc.isError, len(reported[i]) > 0, "the errcode pass: %q", reported[i])
			h := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(`{"error":{"code":"gone_away"}}`))
			})
			for side, chk := range exchange(t, agreeCatalog, h) {
				bad := messages(chk, conformance.RuleStatus)
				assert.Equal(t, tc.isError, len(bad) > 0, "conformance's %s: %q", side, bad)
				counted := 0
				if tc.isError {
					counted = 1
				}
				assert.Equal(t, counted, chk.Coverage().Responses, "conformance's %s: error responses counted", side)
				assert.Len(t, chk.Violations(), len(bad), "conformance's %s: no other violations", side)
			}
		})
	}
}

// A diagnostic is where a pass reported, and what.
type diagnostic struct {
	file string // relative to the module's root, with slashes
	line int
	msg  string
}

// analyze runs a over a module made of files (module agree; a name may
// hold slashes, for packages below the root, each with its own catalog)
// and returns what it reports there.
func analyze(t *testing.T, a *analysis.Analyzer, files map[string]string) []diagnostic {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module agree\n\ngo 1.26\n"
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: false,
		Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")}
	pkgs, err := packages.Load(cfg, "./...")
	require.NoError(t, err)
	require.NotEmpty(t, pkgs)
	for _, p := range pkgs {
		for _, e := range p.Errors {
			require.Fail(t, "load", "%v", e)
		}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	require.NoError(t, err)
	var out []diagnostic
	for _, act := range graph.Roots {
		require.NoError(t, act.Err)
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			rel, err := filepath.Rel(dir, pos.Filename)
			require.NoError(t, err)
			out = append(out, diagnostic{file: filepath.ToSlash(rel), line: pos.Line, msg: d.Message})
		}
	}
	return out
}

// exchange serves one request with h through conformance's two wrappers,
// each with a Checker of its own, under the catalog catalogText, that
// collects: the handler wrapper around h, and the transport wrapper
// around a RoundTripper that returns h's recorded response, headers as h
// set them. It returns the Checkers by wrapper.
func exchange(t *testing.T, catalogText string, h http.Handler) map[string]*conformance.Checker {
	t.Helper()
	cat, err := catalog.Parse("errcodes.yaml", []byte(catalogText))
	require.NoError(t, err)

	server := conformance.New(cat, conformance.Collect())
	server.Handler(nil, h).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/agree", nil))

	client := conformance.New(cat, conformance.Collect())
	recorded := roundTripper(func(r *http.Request) (*http.Response, error) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Result(), nil
	})
	resp, err := client.Transport(nil, recorded).RoundTrip(httptest.NewRequest(http.MethodGet, "/agree", nil))
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())

	return map[string]*conformance.Checker{"handler": server, "transport": client}
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// messages are the messages of chk's violations of rule.
func messages(chk *conformance.Checker, rule conformance.Rule) []string {
	var out []string
	for _, v := range chk.Violations() {
		if v.Rule == rule {
			out = append(out, v.Msg)
		}
	}
	return out
}
