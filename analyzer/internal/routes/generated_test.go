package routes

import (
	"fmt"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"github.com/errcodelint/errcodelint/analyzer/internal/testdir"
	"golang.org/x/tools/go/analysis"
)

// TestOapiCodegen checks the operations of servers oapi-codegen
// generates for net/http and echo, wired with a concrete type (one that
// embeds the generated Unimplemented included); and that an interface
// value, a struct named ServerInterface and an interface of another name
// give none. The generated packages are checked too: their own wiring
// passes interface values only.
func TestOapiCodegen(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_oapicodegen/...")
}

// TestStrict checks the operations of oapi-codegen's strict servers and
// the typed responses their methods return.
func TestStrict(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_strict", "routes_strict/api")
	testdir.Run(t, testdir.Path(t), resultsAnalyzer, "routes_strict/results")
}

// TestOgen checks the operations of ogen's servers and the response types
// their methods return.
func TestOgen(t *testing.T) {
	testdir.Run(t, testdir.Path(t), testAnalyzer, "routes_ogen", "routes_ogen/api", "routes_ogen/notogen")
	testdir.Run(t, testdir.Path(t), resultsAnalyzer, "routes_ogen/results")
}

// resultsAnalyzer reports each typed result of each route where it is
// returned, as
//
//	OPERATION returns STATUS TYPE
var resultsAnalyzer = &analysis.Analyzer{
	Name:     "routesresults",
	Doc:      "report the typed results of the routes Find returns",
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res, _ := pass.ResultOf[flow.Analyzer].(*flow.Result)
		for _, r := range Find(pass, res) {
			for _, x := range r.Results {
				pass.Reportf(x.At, "%s", fmt.Sprintf("%s returns %d %s", r.Operation, x.Status, x.Type))
			}
		}
		return nil, nil
	},
}

// TestStatusSuffix pins the statuses read from ogen's response names.
func TestStatusSuffix(t *testing.T) {
	for name, want := range map[string]int{
		"GetSecretOK":                  200,
		"DeleteSecretNoContent":        204,
		"GetSecretFound":               302,
		"GetSecretNotFound":            404,
		"CreateSecretTooManyRequests":  429,
		"GetSecretInternalServerError": 500,
		"NotFound":                     404,
		"Secret":                       0,
		"ErrorStatusCode":              0,
		"GetSecretOk":                  0,
	} {
		if got := statusSuffix(name); got != want {
			t.Errorf("statusSuffix(%q) = %d, want %d", name, got, want)
		}
	}
}
