// Command errcodelint checks Go servers and clients against their API's
// error-code catalog.
//
// Usage:
//
//	errcodelint [-catalog FILE] [flags] packages
//	go vet -vettool=$(command -v errcodelint) [-catalog=FILE] packages
//	errcodelint catalog <command> [args]
//
// It runs the errcode, retryafter and statusbranch passes; see
// 'errcodelint help' for their flags. Exit status: 0 clean, 3 findings,
// 1 errors.
//
// Standalone, it runs the passes through go vet with itself as the vet
// tool, so that go's build cache keeps each package's facts and findings
// (engine.go); ERRCODELINT_ENGINE=inprocess selects go/analysis's
// multichecker instead.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
	"github.com/errcodelint/errcodelint/internal/catalogcmd"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "catalog" {
		os.Exit(catalogcmd.Main(os.Args[2:], os.Stdout, os.Stderr))
	}
	analyzers := []*analysis.Analyzer{errcode.Analyzer, retryafter.Analyzer, statusbranch.Analyzer}
	if n := len(os.Args); n > 1 && strings.HasSuffix(os.Args[n-1], ".cfg") {
		// A unit of go vet's protocol: served by the unit cache, else
		// analyzed here by multichecker.Main.
		if code, handled := runUnit(os.Args[1:]); handled {
			os.Exit(code)
		}
		logRun(os.Args[n-1])
	} else if r := parseVetRun(os.Args[1:], analyzers); r != nil {
		os.Exit(r.run(os.Stdout, os.Stderr))
	}
	flag.Usage = usage
	flag.Var(versionFlag{}, "V", "print version and exit")
	flag.Var(allCatalogs(analyzers), "catalog", "error-code catalog `file` for every pass (sets each -NAME.catalog)")
	multichecker.Main(analyzers...)
}

func usage() {
	fmt.Fprintf(os.Stderr, `usage: errcodelint [-catalog FILE] [flags] packages
       go vet -vettool=$(command -v errcodelint) [flags] packages
       errcodelint catalog <command> [args]

errcodelint checks Go servers and clients against their API's error-code
catalog (errcodes.yaml, found upward from each package to its module root):
  errcode       codes not in the catalog, or sent with another status
  retryafter    429s (rules.retry_after) written without Retry-After
  statusbranch  client branches on a status that several codes share

Flags:
  -catalog FILE     the catalog for every pass (else $ERRCODELINT_CATALOG, else discovery)
  -NAME=false       turn a pass off; -NAME.catalog FILE sets one pass's catalog
  -statusbranch.strict  also report statuses that carry a single code
  -fix, -diff       apply, or show as a diff, the suggested fixes
  -json             print diagnostics as JSON
  -c N              show N lines of context around each finding

Exit status: 0 clean, 1 errors, 2 bad flags, 3 findings.

Standalone runs go through go vet and its build cache; set
ERRCODELINT_ENGINE=inprocess for the in-process driver, which caches
nothing. ERRCODELINT_CACHE=DIR|off moves or turns off the per-package cache.
Run 'errcodelint help NAME' for a pass's documentation and
'errcodelint catalog -h' for the catalog tools.
`)
}

// allCatalogs is the -catalog flag: it sets every pass's own -catalog.
type allCatalogs []*analysis.Analyzer

func (as allCatalogs) String() string {
	if len(as) == 0 {
		return ""
	}
	return as[0].Flags.Lookup("catalog").Value.String()
}

func (as allCatalogs) Set(v string) error {
	for _, a := range as {
		if err := a.Flags.Set("catalog", v); err != nil {
			return err
		}
	}
	return nil
}
