package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"

	"github.com/errcodelint/errcodelint/analyzer/notice"
	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogcmd"
	"golang.org/x/tools/go/analysis"
)

// runCoverage runs errcodelint catalog coverage with args.
func runCoverage(args []string, analyzers []*analysis.Analyzer, stdout, stderr io.Writer) int {
	if slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" }) {
		return catalogcmd.Main([]string{"coverage", "-h"}, stdout, stderr)
	}
	r, ferr := parseStandaloneRun(args, analyzers)
	switch {
	case ferr != nil:
		fmt.Fprintf(stderr, "errcodelint catalog coverage: %v\n", ferr)
		return ferr.code
	case r == nil || r.help != nil:
		fmt.Fprintln(stderr, "errcodelint catalog coverage: name the packages to analyze; -h for help")
		return 2
	case r.fix:
		fmt.Fprintln(stderr, "errcodelint catalog coverage: -fix applies findings' fixes: run errcodelint -fix")
		return 2
	case r.format != "text" && r.format != "json":
		fmt.Fprintf(stderr, "errcodelint catalog coverage: -format %s: coverage prints text or -json\n", r.format)
		return 2
	}
	format := r.format
	r.format = "json"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out, _, code, ok := r.analyze(ctx, stderr)
	if !ok {
		return code
	}
	trees, err := decodeTrees(bytes.NewReader(out))
	if err != nil {
		fmt.Fprintf(stderr, "errcodelint: reading the analysis's output: %v\n", err)
		return 1
	}
	res := collect(trees)
	printErrors(stderr, res, newColumns())
	reports, err := coverageReports(trees)
	if err != nil {
		fmt.Fprintf(stderr, "errcodelint: %v\n", err)
		return 1
	}
	if format == "json" {
		data, err := json.MarshalIndent(struct {
			Catalogs []*coverageReport `json:"catalogs"`
		}{reports}, "", "\t")
		if err != nil {
			fmt.Fprintf(stderr, "errcodelint: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", data)
	} else {
		for _, rep := range reports {
			rep.printText(stdout)
		}
	}
	return exitIf(len(res.errs) > 0, 1, 0)
}

// A coverageReport is what the analyzed packages send of one catalog.
type coverageReport struct {
	Catalog string `json:"catalog"`
	Codes   int    `json:"codes"` // the codes sent with an error status: not reported ones
	// Unsent are the codes no analyzed package is known to send.
	Unsent []coverageItem `json:"unsent"`
	// Responses counts the documented error responses, and
	// UnsentResponses lists those no handler is known to send.
	Responses       int            `json:"responses"`
	UnsentResponses []coverageItem `json:"unsentResponses"`
	// Clients says whether any analyzed package branches on the
	// catalog's codes (statusbranch's notices); Unhandled lists the
	// codes none of them branches on, when one does.
	Clients   bool           `json:"clients"`
	Handled   int            `json:"handled"`
	Unhandled []coverageItem `json:"unhandled"`
}

// A coverageItem is a code or a documented response, and where it is
// defined: the catalog's line, or the operation's place in its document.
type coverageItem struct {
	Name string `json:"name"`
	At   string `json:"at"`
}

// coverageReports gathers the coverage notices of the trees by catalog
// and compares them with each catalog.
func coverageReports(t jsonTree) ([]*coverageReport, error) {
	sent := make(map[string]map[string]bool)    // catalog → codes sent
	covered := make(map[string]map[string]bool) // catalog → responses sent
	handled := make(map[string]map[string]bool) // catalog → codes clients branch on
	for _, byAnalyzer := range t {
		for _, raw := range byAnalyzer {
			diags, _ := readPass(raw)
			for _, d := range diags {
				n, ok := notice.Parse(d.Category, d.Message)
				if !ok || n.Kind != notice.Coverage && n.Kind != notice.Wire && n.Kind != notice.Handled {
					continue
				}
				if sent[n.Catalog] == nil {
					sent[n.Catalog], covered[n.Catalog] = make(map[string]bool), make(map[string]bool)
				}
				if n.Kind == notice.Handled && handled[n.Catalog] == nil {
					handled[n.Catalog] = make(map[string]bool)
				}
				for _, c := range n.Handled {
					handled[n.Catalog][c] = true
				}
				for _, c := range n.Sent {
					sent[n.Catalog][c] = true
				}
				for _, c := range n.Covered {
					covered[n.Catalog][c] = true
				}
			}
		}
	}
	var out []*coverageReport
	for _, path := range sortedKeys(sent) {
		cat, err := catalog.Load(path)
		if err != nil {
			return nil, err
		}
		rep := &coverageReport{Catalog: displayPath(path), Unsent: []coverageItem{}, UnsentResponses: []coverageItem{},
			Clients: handled[path] != nil, Unhandled: []coverageItem{}}
		for _, c := range cat.Codes {
			item := coverageItem{Name: c.Quoted() + " (" + c.StatusText() + ")", At: c.Ref()}
			if rep.Clients && !handled[path][c.Value] {
				rep.Unhandled = append(rep.Unhandled, item)
			}
			if c.Reported {
				continue // sent in payloads, never as the response's status
			}
			rep.Codes++
			if !sent[path][c.Value] {
				rep.Unsent = append(rep.Unsent, item)
			}
		}
		if rep.Clients {
			rep.Handled = len(cat.Codes) - len(rep.Unhandled)
		}
		for _, o := range cat.Operations {
			for _, resp := range o.Responses {
				rep.Responses++
				if name := o.ResponseName(resp); !covered[path][name] {
					rep.UnsentResponses = append(rep.UnsentResponses, coverageItem{Name: name, At: o.Ref()})
				}
			}
		}
		out = append(out, rep)
	}
	return out, nil
}

// printText prints the report as lines a reader scans: a count, then
// each item missing.
func (rep *coverageReport) printText(w io.Writer) {
	if rep.Codes > 0 || rep.Responses == 0 {
		// A catalog of operations alone has no code to send.
		printCount(w, rep.Catalog, rep.Codes-len(rep.Unsent), rep.Codes, "codes sent", "not sent by any analyzed package", rep.Unsent)
	}
	if rep.Responses > 0 {
		printCount(w, rep.Catalog, rep.Responses-len(rep.UnsentResponses), rep.Responses, "documented error responses sent", "no handler is known to send", rep.UnsentResponses)
	}
	if rep.Clients {
		printCount(w, rep.Catalog, rep.Handled, rep.Handled+len(rep.Unhandled), "codes handled by a client", "no client branches on", rep.Unhandled)
	}
}

// printCount prints "catalog: n of total what; missing:" and the missing
// items, one a line.
func printCount(w io.Writer, cat string, n, total int, what, missing string, items []coverageItem) {
	fmt.Fprintf(w, "%s: %d of %d %s", cat, n, total, what)
	if len(items) > 0 {
		fmt.Fprintf(w, "; %s:", missing)
	}
	fmt.Fprintln(w)
	for _, it := range items {
		fmt.Fprintf(w, "\t%s: %s\n", it.At, it.Name)
	}
}
