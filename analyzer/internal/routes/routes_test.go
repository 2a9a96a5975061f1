package routes

import (
	"fmt"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/internal/flow"
	"golang.org/x/tools/go/analysis"
)

// testAnalyzer reports each route Find returns at its At, as
//
//	ROUTER METHOD PATH -> HANDLER w=WRITER
//
// with METHOD "ANY" for a route of any method; for an operation of a
// generated server, "op=OPERATION" stands in place of PATH, and the typed
// results follow as " results=STATUS:TYPE,...". The testdata packages
// say with "// want" comments which routes each registration gives.
var testAnalyzer = &analysis.Analyzer{
	Name:     "routestest",
	Doc:      "report the routes Find returns",
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res, _ := pass.ResultOf[flow.Analyzer].(*flow.Result)
		for _, r := range Find(pass, res) {
			pass.Reportf(r.At, "%s", describe(r))
		}
		return nil, nil
	},
}

// describe is the message testAnalyzer reports for r.
func describe(r Route) string {
	method := r.Method
	if method == "" {
		method = "ANY"
	}
	path := r.Path
	if path == "" {
		path = "op=" + r.Operation
	}
	handler := "<nil>"
	if r.Handler != nil {
		handler = r.Handler.String()
	}
	s := fmt.Sprintf("%s %s %s -> %s w=%d", r.Router, method, path, handler, r.Writer)
	if len(r.Results) > 0 {
		var rs []string
		for _, x := range r.Results {
			rs = append(rs, fmt.Sprintf("%d:%s", x.Status, x.Type))
		}
		s += " results=" + strings.Join(rs, ",")
	}
	return s
}
