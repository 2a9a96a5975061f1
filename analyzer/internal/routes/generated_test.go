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
