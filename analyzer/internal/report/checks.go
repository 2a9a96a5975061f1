package report

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A Check is one distinct check of a pass. Its ID is the Category of its
// findings, and the name that -checks, the directives, SARIF and
// errcodelint help know it by.
type Check struct {
	ID  string // "retryafter/late-header": the pass's name, a slash, the check's
	Doc string // what it reports, in a line
}

// Name is the check's name within its pass: "late-header".
func (c Check) Name() string {
	_, name, _ := strings.Cut(c.ID, "/")
	return name
}

// DirectiveCheck is the name, in every pass, of the findings about the
// directives themselves: malformed, or silencing nothing.
const DirectiveCheck = "directive"

// DirectiveCheckOf is the check, in pass, of the findings about the
// directives themselves; every pass lists it last among its Checks.
func DirectiveCheckOf(pass string) Check {
	return Check{ID: pass + "/" + DirectiveCheck, Doc: "a directive for " + pass + " that is malformed or silences nothing"}
}

// Options are a pass's reporting flags.
type Options struct {
	Tests  bool   // -tests: also report in _test.go files
	Checks string // -checks: which checks run (see ChecksUsage)
}

// ChecksUsage is the help text of every pass's -checks flag.
const ChecksUsage = `checks to run, comma-separated: "all", a check's name, or -NAME to turn one off ("all,-header-key"); errcodelint help NAME lists them`

// A RunFunc is a pass's analysis of one package: it reports through r.
type RunFunc func(pass *analysis.Pass, r *Reporter) (any, error)

// Install makes run a's Run, with the -tests and -checks flags (set from
// opts) and one Reporter per package, finished after run: the pass's
// findings are filtered, and its directives checked, here and nowhere
// else. checks are the pass's checks, each ID under a's name.
func Install(a *analysis.Analyzer, opts Options, checks []Check, run RunFunc) {
	o := opts
	a.Flags.BoolVar(&o.Tests, "tests", opts.Tests, TestsUsage)
	a.Flags.StringVar(&o.Checks, "checks", opts.Checks, ChecksUsage)
	a.Run = func(pass *analysis.Pass) (any, error) {
		off, err := TurnedOff(a.Name, checks, o.Checks)
		if err != nil {
			return nil, err
		}
		r := New(pass, o.Tests, off)
		defer r.Finish() // directives that are malformed or matched nothing
		return run(pass, r)
	}
}

// TurnedOff reads a -checks value for pass: the IDs of the checks it
// turns off. The list is read in order, from every check on when it
// starts with "all" or a -NAME, from none when it starts with a NAME; a
// NAME may be the check's name or its ID. An empty list runs every check.
func TurnedOff(pass string, checks []Check, list string) (map[string]bool, error) {
	off := make(map[string]bool)
	for i, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, disable := strings.CutPrefix(item, "-")
		if i == 0 && !disable && name != "all" {
			for _, c := range checks {
				off[c.ID] = true
			}
		}
		var match []Check
		if name == "all" {
			match = checks
		} else if j := slices.IndexFunc(checks, func(c Check) bool { return name == c.Name() || name == c.ID }); j >= 0 {
			match = checks[j : j+1]
		} else {
			names := make([]string, len(checks))
			for k, c := range checks {
				names[k] = c.Name()
			}
			return nil, fmt.Errorf("-%s.checks: no check %q in %s (its checks: %s)", pass, name, pass, strings.Join(names, ", "))
		}
		for _, c := range match {
			off[c.ID] = disable
		}
	}
	return off, nil
}
