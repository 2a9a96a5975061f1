// Package realworld holds the real-world precision suite: errcodelint run
// over whole real modules, each with the catalog of its API, and a verdict
// for every report (see run.sh and docs/precision.md).
package realworld

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

var realWorld = flag.Bool("realworld", false, "run the real-world suite (minutes; a step of its own in .ci/run)")

// minPrecision is the design's bar: true reports over all judged reports.
const minPrecision = 0.95

// result is the part of report -json that the test reads.
type result struct {
	Reports []struct {
		Module  string `json:"module"`
		File    string `json:"file"`
		Line    int    `json:"line"`
		Col     int    `json:"col"`
		Pass    string `json:"pass"`
		Message string `json:"message"`
		Verdict string `json:"verdict"`
	} `json:"reports"`
	Modules []figures `json:"modules"`
	Total   figures   `json:"total"`
}

type figures struct {
	Module    string   `json:"module"`
	Packages  int      `json:"packages"`
	Broken    []string `json:"broken"`
	Seconds   float64  `json:"seconds"`
	Reports   int      `json:"reports"`
	True      int      `json:"true"`
	False     int      `json:"false"`
	Unjudged  int      `json:"unjudged"`
	Precision *float64 `json:"precision"`
	Errors    []string `json:"errors"`
}

// TestRealWorld runs run.sh over every module of modules.txt (or those
// named in ERRCODELINT_REALWORLD_MODULES, space-separated) and fails on any
// report that has no verdict in verdicts.tsv, and on any module that could
// not be analyzed, and when precision over every report falls below the
// design's bar, 0.95.
//
// It fetches modules from the module proxy and takes up to 15 minutes: it
// runs only with -realworld, as a step of its own in .ci/run (go test
// -timeout 30m ./realworld -realworld).
func TestRealWorld(t *testing.T) {
	if !*realWorld {
		t.Skip("fetches and analyzes real modules for minutes: run with go test -timeout 30m ./realworld -realworld (.ci/run does)")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("run.sh needs bash: %v", err)
		}
		t.Skipf("run.sh needs bash: %v", err)
	}

	args := []string{"run.sh", "-json"}
	args = append(args, strings.Fields(os.Getenv("ERRCODELINT_REALWORLD_MODULES"))...)
	cmd := exec.Command("bash", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run.sh: %v", err)
	}
	var res result
	if jerr := json.Unmarshal(stdout.Bytes(), &res); jerr != nil {
		t.Fatalf("run.sh printed no result (%v): %v\n%s", err, jerr, stderr.String())
	}

	for _, m := range append(res.Modules, res.Total) {
		p := "-"
		if m.Precision != nil {
			p = fmt.Sprintf("%.3f", *m.Precision)
		}
		t.Logf("%-9s packages %4d  reports %3d  true %3d  false %3d  unjudged %3d  precision %s  (%.0fs)",
			m.Module, m.Packages, m.Reports, m.True, m.False, m.Unjudged, p, m.Seconds)
		for _, b := range m.Broken {
			t.Logf("%s: does not build, not analyzed: %s", m.Module, b)
		}
		for _, e := range m.Errors {
			t.Errorf("%s: %s", m.Module, e)
		}
	}
	for _, r := range res.Reports {
		if r.Verdict == "UNJUDGED" {
			t.Errorf("%s %s:%d:%d: %s: %s: no verdict in realworld/verdicts.tsv", r.Module, r.File, r.Line, r.Col, r.Pass, r.Message)
		}
	}
	if p := res.Total.Precision; p != nil && *p < minPrecision {
		t.Errorf("precision %.3f over %d reports (%d false) is below %.2f", *p, res.Total.Reports, res.Total.False, minPrecision)
	}
	if err != nil && res.Total.Unjudged == 0 {
		t.Errorf("run.sh: %v\n%s", err, stderr.String())
	}
}
