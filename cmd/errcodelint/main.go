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
package main

import (
	"flag"
	"fmt"
	"os"

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
	flag.Usage = usage
	flag.Var(versionFlag{}, "V", "print version and exit")
	flag.Var(allCatalogs(analyzers), "catalog", "error-code catalog `file` for every pass (sets each -NAME.catalog)")
	multichecker.Main(analyzers...)
}

func usage() {
	fmt.Fprintf(os.Stderr, `usage: errcodelint [-catalog FILE] [flags] packages
       errcodelint catalog <command> [args]

Run 'errcodelint help' for the checks and their flags, and
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
