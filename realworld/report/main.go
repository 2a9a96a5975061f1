// Command report reads the diagnostics that run.sh collected from
// errcodelint over each real module, gives each one the verdict recorded in
// verdicts.tsv, and prints them with a table of figures per module.
//
// It also reads defects.tsv, the defects found by reading each module's
// code, and counts per module how many of them the tool found: a defect is
// found when a report with verdict true has the same module, file, line and
// pass. Recall is found over defects; defects the tool missed are listed.
//
// It exits 1 when a report has no verdict, so that a new report (a new
// false positive, or a new true one) cannot pass unnoticed, and when a
// module could not be analyzed in full (not downloaded, or a pass failed on
// a package that builds).
//
//	go run ./realworld/report -out DIR [-json] [-verdicts FILE] [-defects FILE]
//
// DIR holds, for each module NAME that run.sh analyzed, NAME.json (the
// driver's -json output) and NAME.meta (key=value lines: module, root,
// packages, seconds, rc).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	out := flag.String("out", "", "directory with NAME.json and NAME.meta for each analyzed module")
	verdicts := flag.String("verdicts", "realworld/verdicts.tsv", "the verdicts file")
	defects := flag.String("defects", "realworld/defects.tsv", "the defects found by reading; a missing file means none")
	asJSON := flag.Bool("json", false, "print the result as one JSON document")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "report: -out is required")
		os.Exit(2)
	}
	vs, err := readVerdicts(*verdicts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	ds, err := readDefects(*defects)
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	res, err := collect(*out, vs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
	res.addDefects(ds)
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintln(os.Stderr, "report:", err)
			os.Exit(1)
		}
	} else {
		printText(os.Stdout, res)
	}
	for _, s := range res.Stale {
		fmt.Fprintf(os.Stderr, "report: warning: %s:%d: verdict matches no report: %s %s:%d %s\n",
			*verdicts, s.Line, s.Module, s.File, s.At, s.Message)
	}
	failed := false
	for _, f := range res.Modules {
		if len(f.Errors) > 0 {
			fmt.Fprintf(os.Stderr, "report: %s could not be analyzed in full: %s\n", f.Module, strings.Join(f.Errors, "; "))
			failed = true
		}
	}
	if res.Total.Unjudged > 0 {
		fmt.Fprintf(os.Stderr, "report: %d reports have no verdict in %s\n", res.Total.Unjudged, *verdicts)
		failed = true
	}
	if failed {
		os.Exit(1)
	}
}

// A verdict is one row of verdicts.tsv.
type verdict struct {
	Line    int // line in verdicts.tsv
	Module  string
	File    string // relative to the module root
	At      int    // line in File
	Pass    string
	Message string // the message, or a prefix of it
	True    bool
	Why     string
	used    bool
}

func readVerdicts(path string) ([]*verdict, error) {
	var vs []*verdict
	err := readTSV(path, "module file line pass message verdict why", func(n int, cols []string) error {
		at, err := strconv.Atoi(cols[2])
		if err != nil {
			return fmt.Errorf("%s:%d: line %q is not a number", path, n, cols[2])
		}
		var ok bool
		switch cols[5] {
		case "true":
			ok = true
		case "false":
		default:
			return fmt.Errorf("%s:%d: verdict %q is neither true nor false", path, n, cols[5])
		}
		if strings.TrimSpace(cols[6]) == "" {
			return fmt.Errorf("%s:%d: the verdict says no why", path, n)
		}
		vs = append(vs, &verdict{Line: n, Module: cols[0], File: cols[1], At: at, Pass: cols[3], Message: cols[4], True: ok, Why: cols[6]})
		return nil
	})
	return vs, err
}

// Report is one diagnostic with its verdict.
type Report struct {
	Module  string `json:"module"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Pass    string `json:"pass"`
	Message string `json:"message"`
	Verdict string `json:"verdict"` // TRUE, FALSE or UNJUDGED
	Why     string `json:"why,omitempty"`
}

// Figures counts the reports of one module, or of all.
type Figures struct {
	Module    string   `json:"module"`
	Version   string   `json:"version,omitempty"`
	Packages  int      `json:"packages"`
	Broken    []string `json:"broken,omitempty"` // packages that do not build: not analyzed
	Seconds   float64  `json:"seconds"`
	Reports   int      `json:"reports"`
	True      int      `json:"true"`
	False     int      `json:"false"`
	Unjudged  int      `json:"unjudged"`
	Precision *float64 `json:"precision"` // true/(true+false); null with no judged report
	Defects   int      `json:"defects"`   // found by reading (defects.tsv)
	Found     int      `json:"found"`     // of those, reported by the tool with verdict true
	Recall    *float64 `json:"recall"`    // found/defects; null with no defect
	Errors    []string `json:"errors,omitempty"`
}

// Result is the whole run.
type Result struct {
	Reports []Report   `json:"reports"`
	Modules []*Figures `json:"modules"`
	Total   *Figures   `json:"total"`
	Missed  []*Defect  `json:"missed"` // defects of analyzed modules that no true report found
	Stale   []*verdict `json:"-"`
}

// A Defect is one row of defects.tsv: a defect found by reading the code,
// where a pass should report it.
type Defect struct {
	Line   int    `json:"-"` // line in defects.tsv
	Module string `json:"module"`
	File   string `json:"file"` // relative to the module root
	At     int    `json:"line"` // line in File where the report would anchor
	Pass   string `json:"pass"`
	What   string `json:"what"`
}

// readDefects reads defects.tsv: module, file, line, pass, what, separated
// by tabs; blank lines and lines starting with # are skipped. A file that
// does not exist holds no defect.
func readDefects(path string) ([]*Defect, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var ds []*Defect
	seen := map[string]int{}
	err := readTSV(path, "module file line pass what", func(n int, cols []string) error {
		at, err := strconv.Atoi(cols[2])
		if err != nil || at < 1 {
			return fmt.Errorf("%s:%d: line %q is not a line number", path, n, cols[2])
		}
		switch cols[3] {
		case "errcode", "retryafter", "statusbranch":
		default:
			return fmt.Errorf("%s:%d: pass %q is not errcode, retryafter or statusbranch", path, n, cols[3])
		}
		if strings.TrimSpace(cols[4]) == "" {
			return fmt.Errorf("%s:%d: the defect says no what", path, n)
		}
		key := strings.Join(cols[:4], "\t")
		if first, ok := seen[key]; ok {
			return fmt.Errorf("%s:%d: the same defect as line %d (module, file, line and pass)", path, n, first)
		}
		seen[key] = n
		ds = append(ds, &Defect{Line: n, Module: cols[0], File: cols[1], At: at, Pass: cols[3], What: cols[4]})
		return nil
	})
	return ds, err
}

// readTSV calls row for each line of a tab-separated file with the
// columns named in names, skipping blank lines and lines starting with #.
func readTSV(path, names string, row func(n int, cols []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	want := len(strings.Fields(names))
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != want {
			return fmt.Errorf("%s:%d: %d tab-separated columns, want %d (%s)", path, n, len(cols), want, names)
		}
		if err := row(n, cols); err != nil {
			return err
		}
	}
	return sc.Err()
}

// addDefects counts, for each analyzed module, its defects and those the
// tool found, and lists the missed ones. Defects of modules that were not
// analyzed in this run are left out.
func (res *Result) addDefects(ds []*Defect) {
	byName := map[string]*Figures{}
	for _, f := range res.Modules {
		byName[f.Module] = f
	}
	found := map[string]bool{}
	for _, r := range res.Reports {
		if r.Verdict == "TRUE" {
			found[fmt.Sprintf("%s\t%s\t%d\t%s", r.Module, r.File, r.Line, r.Pass)] = true
		}
	}
	for _, d := range ds {
		fig := byName[d.Module]
		if fig == nil {
			continue
		}
		fig.Defects++
		res.Total.Defects++
		if found[fmt.Sprintf("%s\t%s\t%d\t%s", d.Module, d.File, d.At, d.Pass)] {
			fig.Found++
			res.Total.Found++
		} else {
			res.Missed = append(res.Missed, d)
		}
	}
	for _, f := range append(res.Modules, res.Total) {
		f.Recall = recall(f)
	}
}

func recall(f *Figures) *float64 {
	if f.Defects == 0 {
		return nil
	}
	r := float64(f.Found) / float64(f.Defects)
	return &r
}

// collect reads every NAME.meta in dir with its NAME.json.
func collect(dir string, vs []*verdict) (*Result, error) {
	metas, err := filepath.Glob(filepath.Join(dir, "*.meta"))
	if err != nil {
		return nil, err
	}
	sort.Strings(metas)
	res := &Result{Total: &Figures{Module: "total"}}
	ran := map[string]bool{}
	for _, m := range metas {
		name := strings.TrimSuffix(filepath.Base(m), ".meta")
		ran[name] = true
		meta, err := readMeta(m)
		if err != nil {
			return nil, err
		}
		fig := &Figures{Module: name, Version: meta["module"]}
		fig.Packages, _ = strconv.Atoi(meta["packages"])
		fig.Seconds, _ = strconv.ParseFloat(meta["seconds"], 64)
		if e := meta["error"]; e != "" {
			fig.Errors = append(fig.Errors, e)
		}
		diags, broken, err := readDiagnostics(filepath.Join(dir, name+".json"), meta["root"])
		if err != nil {
			fig.Errors = append(fig.Errors, err.Error())
		}
		fig.Broken = broken
		for _, d := range diags {
			d.Module = name
			d.Verdict = "UNJUDGED"
			if v := find(vs, d); v != nil {
				v.used = true
				d.Verdict, d.Why = "FALSE", v.Why
				if v.True {
					d.Verdict = "TRUE"
				}
			}
			fig.add(d.Verdict)
			res.Total.add(d.Verdict)
			res.Reports = append(res.Reports, d)
		}
		fig.Precision = precision(fig)
		res.Total.Packages += fig.Packages
		res.Total.Seconds += fig.Seconds
		res.Total.Broken = append(res.Total.Broken, fig.Broken...)
		res.Modules = append(res.Modules, fig)
	}
	res.Total.Precision = precision(res.Total)
	for _, v := range vs {
		if !v.used && ran[v.Module] {
			res.Stale = append(res.Stale, v)
		}
	}
	return res, nil
}

func (f *Figures) add(v string) {
	f.Reports++
	switch v {
	case "TRUE":
		f.True++
	case "FALSE":
		f.False++
	default:
		f.Unjudged++
	}
}

func precision(f *Figures) *float64 {
	if f.True+f.False == 0 {
		return nil
	}
	p := float64(f.True) / float64(f.True+f.False)
	return &p
}

// find returns the verdict for d: same module, file, line and pass, and a
// message that the verdict's message is a prefix of. With several, the
// longest message wins.
func find(vs []*verdict, d Report) *verdict {
	var best *verdict
	for _, v := range vs {
		if v.Module == d.Module && v.File == d.File && v.At == d.Line && v.Pass == d.Pass &&
			strings.HasPrefix(d.Message, v.Message) && (best == nil || len(v.Message) > len(best.Message)) {
			best = v
		}
	}
	return best
}

func readMeta(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			m[k] = v
		}
	}
	return m, nil
}

// The driver's -json output: package path → analyzer name → either a
// list of diagnostics or {"error": "..."}.
type jsonDiag struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// readDiagnostics parses the driver's JSON tree. A package that does not
// build is returned in broken, once. An analysis that failed for another
// reason is returned as an error, with the diagnostics of the rest.
func readDiagnostics(path, root string) ([]Report, []string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, nil, nil
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	var out []Report
	var failures []string
	brokenSet := map[string]bool{}
	for pkg, passes := range tree {
		for pass, raw := range passes {
			var diags []jsonDiag
			if err := json.Unmarshal(raw, &diags); err != nil {
				var e struct {
					Error string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					// A package that does not build skips every pass, and
					// the passes that need another fail its prerequisites.
					// Any other error is a failure of the tool itself.
					if strings.Contains(e.Error, "analysis skipped due to errors in package") ||
						strings.HasPrefix(e.Error, "failed prerequisites") {
						brokenSet[pkg] = true
						continue
					}
					failures = append(failures, fmt.Sprintf("%s: %s: %s", pkg, pass, e.Error))
					continue
				}
				return nil, nil, fmt.Errorf("%s: %s %s: %v", path, pkg, pass, err)
			}
			for _, d := range diags {
				file, line, col := splitPosn(d.Posn)
				if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
					file = filepath.ToSlash(rel)
				}
				out = append(out, Report{File: file, Line: line, Col: col, Pass: pass, Message: d.Message})
			}
		}
	}
	// A diagnostic in a file shared by a package and its test variant is
	// reported twice; keep one.
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Pass != b.Pass {
			return a.Pass < b.Pass
		}
		return a.Message < b.Message
	})
	var uniq []Report
	for i, r := range out {
		if i > 0 && r == out[i-1] {
			continue
		}
		uniq = append(uniq, r)
	}
	var broken []string
	for p := range brokenSet {
		broken = append(broken, p)
	}
	sort.Strings(broken)
	if len(failures) > 0 {
		sort.Strings(failures)
		return uniq, broken, fmt.Errorf("analysis failed: %s", strings.Join(failures, "; "))
	}
	return uniq, broken, nil
}

// splitPosn splits "file:line:col".
func splitPosn(p string) (string, int, int) {
	i := strings.LastIndex(p, ":")
	if i < 0 {
		return p, 0, 0
	}
	j := strings.LastIndex(p[:i], ":")
	if j < 0 {
		return p, 0, 0
	}
	line, _ := strconv.Atoi(p[j+1 : i])
	col, _ := strconv.Atoi(p[i+1:])
	return p[:j], line, col
}

func printText(w io.Writer, res *Result) {
	for _, r := range res.Reports {
		fmt.Fprintf(w, "%s\t%s:%d:%d\t%s\t%s\t%s\t%s\n", r.Module, r.File, r.Line, r.Col, r.Pass, r.Message, r.Verdict, r.Why)
	}
	for _, f := range res.Modules {
		for _, p := range f.Broken {
			fmt.Fprintf(w, "%s\tdoes not build, not analyzed: %s\n", f.Module, p)
		}
		for _, e := range f.Errors {
			fmt.Fprintf(w, "%s\terror: %s\n", f.Module, e)
		}
	}
	for _, d := range res.Missed {
		fmt.Fprintf(w, "%s\tmissed: %s:%d\t%s\t%s\n", d.Module, d.File, d.At, d.Pass, d.What)
	}
	fmt.Fprintln(w)
	width := 10
	for _, f := range res.Modules {
		width = max(width, len(f.Module))
	}
	fmt.Fprintf(w, "%-*s %8s %8s %6s %6s %6s %8s %9s %8s %7s %6s %6s\n", width, "module", "packages", "broken", "reports", "true", "false", "unjudged", "precision", "seconds", "defects", "found", "recall")
	for _, f := range append(res.Modules, res.Total) {
		p := "-"
		if f.Precision != nil {
			p = fmt.Sprintf("%.3f", *f.Precision)
		}
		r := "-"
		if f.Recall != nil {
			r = fmt.Sprintf("%.3f", *f.Recall)
		}
		fmt.Fprintf(w, "%-*s %8d %8d %6d %6d %6d %8d %9s %8.1f %7d %6d %6s\n", width, f.Module, f.Packages, len(f.Broken), f.Reports, f.True, f.False, f.Unjudged, p, f.Seconds, f.Defects, f.Found, r)
	}
}
