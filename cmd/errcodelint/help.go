package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/errcodelint/errcodelint/internal/catalogcmd"
	"golang.org/x/tools/go/analysis"
)

// helpCommand is 'errcodelint help [NAME...]': with no NAME the
// command's help, else for each NAME the documentation of the pass, or
// of the check, it names ('errcodelint help catalog [COMMAND]' is the
// catalog tools'). It returns the exit status: 2 for a NAME that is
// none of them.
func helpCommand(args []string, passes []*analysis.Analyzer, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usageTo(stdout)
		return 0
	}
	if args[0] == "catalog" {
		if len(args) == 1 {
			return catalogcmd.Main([]string{"help"}, stdout, stderr)
		}
		return catalogcmd.Main([]string{args[1], "-h"}, stdout, stderr)
	}
	checks := passChecks()
	for i, name := range args {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if j := slices.IndexFunc(passes, func(a *analysis.Analyzer) bool { return a.Name == name }); j >= 0 {
			passHelp(stdout, passes[j], checks[name])
			continue
		}
		if a, c, ok := findCheck(passes, checks, name); ok {
			fmt.Fprintf(stdout, "%s: %s\n\nA check of %s, which %s. Turn it off with -%s.checks=-%s, or silence one finding with //lint:ignore %s REASON; 'errcodelint help %s' documents the pass.\n",
				c.ID, c.Doc, a.Name, passDoes(a), a.Name, (c.Name()), c.ID, a.Name)
			continue
		}
		names := make([]string, len(passes))
		for k, a := range passes {
			names[k] = a.Name
		}
		fmt.Fprintf(stderr, "errcodelint: no pass or check named %q; the passes are %s (or 'errcodelint help catalog')\n", name, strings.Join(names, ", "))
		return 2
	}
	return 0
}

// Name is the check's name within its pass: "late-header".
func (c check) Name() string {
	_, name, _ := strings.Cut(c.ID, "/")
	return name
}

// passHelp prints a pass's documentation, then its checks and its flags
// as the command takes them (-NAME.flag).
func passHelp(w io.Writer, a *analysis.Analyzer, checks []check) {
	fmt.Fprintf(w, "%s: %s\n", a.Name, strings.TrimRight(a.Doc, "\n"))

	fmt.Fprintf(w, "\nChecks (-%s.checks, //lint:ignore and //nolint take their IDs):\n", a.Name)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, c := range checks {
		fmt.Fprintf(tw, "  %s\t%s\n", c.ID, c.Doc)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nFlags:\n  -%s=false\n    \tturn the pass off\n", a.Name)
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(w)
	a.Flags.VisitAll(func(f *flag.Flag) {
		if internalPassFlags[f.Name] {
			return
		}
		fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
	})
	fs.PrintDefaults()
	if a.URL != "" {
		fmt.Fprintf(w, "\nDocumentation: %s\n", a.URL)
	}
}

// internalPassFlags are pass flags that only errcodelint's own driver
// sets (errcode's -notices): help does not list them.
var internalPassFlags = map[string]bool{"notices": true}

// environment lists the environment variables a user may set, for
// errcodelint help. Variables that pass state between errcodelint and
// its own child processes are not among them: the command takes no
// such state from the environment (see engine.go).
const environment = `Environment:
  ERRCODELINT_CATALOG  the catalog for every pass when no catalog flag names
                       one (standalone, under go vet, in the golangci-lint
                       plugin); a relative path is taken from the current
                       directory, under go vet from the main module's root
  ERRCODELINT_CACHE    where standalone runs keep results (default: the user
                       cache directory's errcodelint/v2); "off" turns it off
  ERRCODELINT_CACHE_MAX
                       the cache's bound: a byte count or a size such as
                       500MB or 2GiB (default 2GiB); past it, the least
                       recently used results are removed
  ERRCODELINT_ENGINE   the standalone engine: "vet" (the default) analyzes one
                       package per process, as go vet does, and caches;
                       "inprocess" runs go/analysis's multichecker on the
                       whole graph in one process and caches nothing
  GOFLAGS and the go command's other variables reach the go command, which
  lists and loads the packages (-tags is passed to it too).
`
