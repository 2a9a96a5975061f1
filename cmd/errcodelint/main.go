// Command errcodelint checks Go servers and clients against their API's
// error-code catalog.
//
// Usage:
//
//	errcodelint [-catalog FILE] [flags] packages
//	go vet -vettool=$(command -v errcodelint) [-catalog=FILE] packages
//	errcodelint catalog <command> [args]
//
// It runs the errcode, retryafter and statusbranch passes; 'errcodelint
// help' lists them and the environment variables it reads, 'errcodelint
// help NAME' documents a pass, its checks and its flags (help.go). Exit status: 0 clean, 3 findings,
// 1 errors.
//
// Standalone, it runs the passes one package at a time, as go vet does,
// and keeps each package's facts and findings in a cache of its own
// (driver.go, cache.go); ERRCODELINT_ENGINE=inprocess selects
// go/analysis's multichecker instead. What the command tells its own
// child processes travels in their arguments and unit configurations,
// never in variables a user could have set (engine.go). Both print through one printer (output.go), in the
// format -format asks for.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/internal/catalogcmd"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	if len(os.Args) == 1 {
		shortUsage(os.Stderr)
		os.Exit(2)
	}
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "catalog":
			if len(os.Args) > 2 && os.Args[2] == "coverage" {
				// The one catalog tool that analyzes packages.
				os.Exit(runCoverage(os.Args[3:], commandAnalyzers(), os.Stdout, os.Stderr))
			}
			os.Exit(catalogcmd.Main(os.Args[2:], os.Stdout, os.Stderr))
		case "version", "-version", "--version":
			fmt.Println(version())
			os.Exit(0)
		case "help":
			os.Exit(helpCommand(os.Args[2:], commandAnalyzers(), os.Stdout, os.Stderr))
		case "-h", "-help", "--help":
			if len(os.Args) == 2 {
				usageTo(os.Stdout)
				os.Exit(0)
			}
		}
	}
	analyzers := commandAnalyzers()
	n := len(os.Args)
	unit := n > 1 && strings.HasSuffix(os.Args[n-1], ".cfg")
	child := n > 1 && os.Args[1] == inProcessChild
	if flag, ok := flagAfterPackages(os.Args[1:]); ok && !child {
		fmt.Fprintf(os.Stderr, "errcodelint: flag %s comes after the packages; put flags before them\n", flag)
		os.Exit(2)
	}
	if child {
		// The in-process engine's child: multichecker as it is, on the
		// command line its parent built.
		os.Args = slices.Delete(os.Args, 1, 2)
	} else if unit {
		// A unit, of the standalone engine or of go vet: analyzed here by
		// multichecker.Main once prepared (unit.go). A bad catalog is
		// said in its own words, once per unit: the usage text would be
		// repeated for every package.
		flag.Usage = func() {}
		flags, code, done := prepareUnit(os.Args[1:n-1], os.Args[n-1])
		if done {
			os.Exit(code)
		}
		os.Args = slices.Concat(os.Args[:1], flags, os.Args[n-1:])
	} else if r, err := parseStandaloneRun(os.Args[1:], analyzers); err != nil {
		fmt.Fprintf(os.Stderr, "errcodelint: %v\n", err)
		if err.usage {
			usage()
		}
		os.Exit(err.code)
	} else if r != nil {
		os.Exit(r.run(os.Stdout, os.Stderr))
	}
	if !unit && !child {
		flag.Usage = usage
	}
	flag.Var(versionFlag{}, "V", "print version and exit")
	flag.Var(allCatalogs(analyzers), "catalog", "error-code catalog `file` for every pass (sets each -NAME.catalog)")
	multichecker.Main(analyzers...)
}

// usage is what a command line errcodelint cannot run is answered
// with, after the error: the short usage.
func usage() { shortUsage(os.Stderr) }

// shortUsage says what errcodelint does and how it is run, in a few
// lines: what a command line with nothing to run gets.
func shortUsage(w io.Writer) {
	fmt.Fprint(w, `errcodelint checks Go servers and clients against their API's error-code
catalog (errcodes.yaml): codes and their statuses, Retry-After on 429s,
clients that branch on a status several codes share.

usage: errcodelint [flags] packages          analyze packages, e.g. ./...
       errcodelint catalog <command> [args]  check, document, compare or generate a catalog
       errcodelint help [NAME]               flags and environment; a pass's checks

Run 'errcodelint help' for more.
`)
}

func usageTo(w io.Writer) {
	fmt.Fprintf(w, `usage: errcodelint [-catalog FILE] [flags] packages
       go vet -vettool=$(command -v errcodelint) [flags] packages
       errcodelint catalog <command> [args]
       errcodelint help [NAME]

errcodelint checks Go servers and clients against their API's error-code
catalog (errcodes.yaml, found upward from each package to its module root):
  errcode       codes not in the catalog, or sent with another status
  retryafter    429s (rules.retry_after) written without Retry-After
  statusbranch  client branches on a status that several codes share

Flags:
  -catalog FILE     the catalog for every pass (else $ERRCODELINT_CATALOG, else discovery)
  -NAME=false       turn a pass off; -NAME.catalog FILE sets one pass's catalog
  -NAME.checks LIST turn checks off (-retryafter.checks=-header-key) or
                    run only some (-errcode.checks=status); 'errcodelint
                    help NAME' lists a pass's checks
  -statusbranch.strict  also report statuses that carry a single code
  -fix              apply each finding's first suggested fix, say how many
                    were applied, and print the findings that remain
  -fix -diff        print those fixes as a unified diff on stdout instead,
                    applying nothing, and the findings without a fix on stderr
  -format FORMAT    text (the default): file:line:col: message on stderr,
                    sorted by position; json: one tree on stdout, package →
                    pass → diagnostics, where a test variant "p [p.test]"
                    keeps only what p does not have; sarif: SARIF 2.1.0 on
                    stdout, a rule per check; github: GitHub Actions
                    ::warning commands on stdout, titled with the check
  -json             same as -format json
  -c N              with text, show N lines of context around each finding

Exit status, whatever the format: 0 clean, 1 errors (a catalog that does
not load, a pass that failed, a package that does not build, a crash),
2 bad flags, 3 findings. With -fix, 3 when findings remain after the
fixes, 0 when none do; with -fix -diff, 3 when there are findings, fixed
in the diff or not. Under go vet, go vet sets the status: -fix applies
the fixes, prints nothing and exits 0, and -fix -diff exits 1 when the
diff is not empty.

Standalone runs analyze one package at a time and keep each package's
results in a cache. -tags goes to the go command.

%s
Run 'errcodelint help NAME' for a pass's documentation, its checks and
its flags (or a check's, 'errcodelint help retryafter/missing'),
'errcodelint help catalog' for the catalog tools and 'errcodelint
version' for the version.
`, environment)
}

// version is errcodelint's version line: the module version it was built
// at (v1.2.3, or (devel) from a checkout), the VCS revision when known, and
// the Go version.
func version() string {
	v, rev := "(devel)", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " " + s.Value[:12]
			}
		}
	}
	return fmt.Sprintf("errcodelint %s%s %s", v, rev, runtime.Version())
}

// flagAfterPackages reports a flag written after the first package
// pattern (errcodelint ./... -json): Go's flag parsing stops at the first
// argument that is not a flag, so it would be taken for a package. Values
// of flags are skipped by parsing the flags the command knows.
func flagAfterPackages(args []string) (string, bool) {
	for i, a := range args {
		if a == "--" {
			return "", false
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		if i > 0 && takesValue(args[i-1]) {
			continue // the value of the flag before it
		}
		for _, b := range args[i+1:] {
			if strings.HasPrefix(b, "-") && b != "-" {
				return b, true
			}
		}
		return "", false
	}
	return "", false
}

// takesValue reports whether a flag written without "=" takes the next
// argument as its value: the catalog flags, -c, -format and the in-process
// engine's string flags.
func takesValue(arg string) bool {
	if !strings.HasPrefix(arg, "-") || strings.Contains(arg, "=") {
		return false
	}
	name := strings.TrimLeft(arg, "-")
	switch name {
	case "c", "catalog", "format", "debug", "cpuprofile", "memprofile", "trace", "runlog":
		return true
	}
	return strings.HasSuffix(name, ".catalog")
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
