package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
)

// The standalone command runs its passes through go vet: go vet runs this
// same executable once per package (the unitchecker protocol), with the
// facts of the package's dependencies, and keeps each package's facts,
// findings and fixes in the build cache under the tool's -V=full ID, the
// flags and the package's inputs. A rerun with nothing changed is then
// answered from the cache; memory is that of one package at a time.
//
// What the user sees stays that of the in-process driver: text findings on
// stderr as file:line:col: message (with -c context), one JSON tree with
// -json, exit 3 on findings and 1 on errors; -fix and -diff apply or show
// the first fix of each finding.

// engineEnv selects the driver: "vet" (the default) or "inprocess", the
// multichecker that loads the whole graph in this process and caches
// nothing.
const engineEnv = "ERRCODELINT_ENGINE"

// vetCatalogsEnv lists, for -V=full, the explicit catalog files of a run
// (joined by the OS list separator): go vet asks for the tool's ID with no
// flags, so the standalone command passes them this way, and their content
// becomes part of the ID.
const vetCatalogsEnv = "ERRCODELINT_VET_CATALOGS"

// runLogEnv names a file to which each analysis of a package appends a
// line: tests use it to see which packages go vet's cache did not answer.
const runLogEnv = "ERRCODELINT_RUNLOG"

// inProcessFlags only make sense for the in-process driver: their
// presence selects it.
var inProcessFlags = []string{"V", "flags", "debug", "cpuprofile", "memprofile", "trace", "test"}

// legacyFlags are accepted and ignored by both drivers.
var legacyFlags = []string{"source", "v", "all", "tags"}

// vetRun is a standalone run to be done by go vet.
type vetRun struct {
	json, fix, diff bool
	context         int
	toolFlags       []string // flags for the tool, as -name=value
	catalogs        []string // explicit catalog files, absolute
	packages        []string
	analyzers       []string // names of the passes, in order
	env             []string // added to go vet's environment
}

// parseVetRun parses the command line of a standalone run. It returns nil
// when the run is for the in-process driver: the vet protocol (-V=full,
// -flags, a *.cfg unit), help, no packages, flags that only that driver
// has, a flag error (which that driver reports as it always has), or
// $ERRCODELINT_ENGINE=inprocess.
func parseVetRun(args []string, analyzers []*analysis.Analyzer) *vetRun {
	switch os.Getenv(engineEnv) {
	case "", "vet":
	default:
		return nil
	}
	r := &vetRun{context: -1}
	fs := flag.NewFlagSet("errcodelint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	inProcess := false
	for _, name := range inProcessFlags {
		fs.Var(boolish{&inProcess}, name, "")
	}
	for _, name := range legacyFlags {
		fs.Var(new(ignored), name, "")
	}
	fs.BoolVar(&r.json, "json", false, "")
	fs.BoolVar(&r.fix, "fix", false, "")
	fs.BoolVar(&r.diff, "diff", false, "")
	fs.IntVar(&r.context, "c", -1, "")
	// Analyzer flags: set for real, so that a catalog that does not load
	// fails here, and the in-process driver reports it.
	var isCatalog []string
	for _, a := range analyzers {
		r.analyzers = append(r.analyzers, a.Name)
		fs.Var(new(ignored), a.Name, "")
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, "")
			if f.Name == "catalog" {
				isCatalog = append(isCatalog, a.Name+"."+f.Name)
			}
		})
	}
	fs.Var(allCatalogs(analyzers), "catalog", "")
	isCatalog = append(isCatalog, "catalog")
	if err := fs.Parse(args); err != nil || inProcess || fs.NArg() == 0 || fs.Arg(0) == "help" || isUnit(fs.Args()) {
		return nil
	}
	r.packages = fs.Args()
	// The tool's flags, in the order given, with catalog paths made
	// absolute: go vet runs the tool in each package's directory.
	given := parsedFlags(args, fs)
	for _, f := range given {
		switch {
		case f.name == "json" || f.name == "fix" || f.name == "diff" || f.name == "c" || slices.Contains(legacyFlags, f.name):
			continue
		case slices.Contains(isCatalog, f.name) && f.value != "":
			abs, err := filepath.Abs(f.value)
			if err != nil {
				return nil
			}
			f.value = abs
			r.catalogs = append(r.catalogs, abs)
		}
		r.toolFlags = append(r.toolFlags, "-"+f.name+"="+f.value)
	}
	if p := os.Getenv(catalog.EnvVar); p != "" {
		// go vet runs the tool in each package's directory, where a
		// relative path would name another file.
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil
		}
		r.env = append(r.env, catalog.EnvVar+"="+abs)
	}
	r.env = append(r.env, vetCatalogsEnv+"="+strings.Join(r.catalogs, string(os.PathListSeparator)))
	return r
}

// isUnit reports whether args are those of go vet's unit protocol: one
// *.cfg file.
func isUnit(args []string) bool {
	return len(args) == 1 && strings.HasSuffix(args[0], ".cfg")
}

// A givenFlag is a flag as the command line set it.
type givenFlag struct{ name, value string }

// parsedFlags lists the flags set on the command line, in order, with the
// value each was given (for boolean flags, "true" unless "=false").
func parsedFlags(args []string, fs *flag.FlagSet) []givenFlag {
	var out []givenFlag
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		name := strings.TrimLeft(a, "-")
		value, hasValue := "", false
		if k := strings.IndexByte(name, '='); k >= 0 {
			name, value, hasValue = name[:k], name[k+1:], true
		}
		f := fs.Lookup(name)
		if f == nil {
			break
		}
		if !hasValue {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				value = "true"
			} else if i+1 < len(args) {
				i++
				value = args[i]
			}
		}
		out = append(out, givenFlag{name, value})
	}
	return out
}

// boolish is a boolean flag that only records that it was set.
type boolish struct{ set *bool }

func (b boolish) IsBoolFlag() bool   { return true }
func (b boolish) String() string     { return "" }
func (b boolish) Set(s string) error { *b.set = true; return nil }

// ignored is a flag whose value matters only to go vet.
type ignored string

func (v *ignored) IsBoolFlag() bool   { return true }
func (v *ignored) String() string     { return string(*v) }
func (v *ignored) Set(s string) error { *v = ignored(s); return nil }

// vetArgs is the go vet command line of r.
func (r *vetRun) vetArgs(tool string) []string {
	args := []string{"vet", "-vettool=" + tool}
	switch {
	case r.fix && r.diff:
		args = append(args, "-fix", "-diff")
	case r.fix:
		args = append(args, "-fix")
	default:
		args = append(args, "-json")
	}
	args = append(args, r.toolFlags...)
	if !r.fix && !slices.Contains(r.toolFlags, "-errcode=false") {
		args = append(args, "-errcode.notices") // see notices.go
	}
	return append(args, r.packages...)
}

// run runs r through go vet and returns the exit status.
func (r *vetRun) run(stdout, stderr io.Writer) int {
	tool, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "errcodelint: cannot find this executable for go vet: %v\n", err)
		return 1
	}
	cmd := exec.Command("go", r.vetArgs(tool)...)
	cmd.Env = append(os.Environ(), r.env...)
	var vetErr bytes.Buffer
	cmd.Stderr = &vetErr
	var out bytes.Buffer
	cmd.Stdout = &out
	if r.fix && r.diff {
		cmd.Stdout = stdout // the diff
	}
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(stderr, "errcodelint: running go vet: %v\n", err)
		return 1
	}
	failed := err != nil
	stderr.Write(vetErr.Bytes())
	if r.fix {
		// go vet -fix -diff fails when the diff is not empty, saying
		// nothing; the in-process driver succeeds.
		if failed && (vetErr.Len() > 0 || !r.diff) {
			return 1
		}
		return 0
	}
	trees, err := decodeTrees(&out)
	if err != nil {
		fmt.Fprintf(stderr, "errcodelint: reading go vet's output: %v\n", err)
		return 1
	}
	notices, trees := splitNotices(trees)
	for _, n := range notices {
		fmt.Fprintln(stderr, n)
	}
	code := 0
	if r.json {
		if err := printJSON(stdout, trees); err != nil {
			fmt.Fprintf(stderr, "errcodelint: %v\n", err)
			return 1
		}
	} else {
		code = r.printText(stderr, trees)
	}
	if failed {
		code = 1
	}
	return code
}

// A jsonTree is what a unit prints with -json: package ID → analyzer name
// → diagnostics or {"error": ...}.
type jsonTree map[string]map[string]json.RawMessage

// decodeTrees merges the JSON trees go vet printed, one per package.
func decodeTrees(r io.Reader) (jsonTree, error) {
	all := make(jsonTree)
	dec := json.NewDecoder(r)
	for {
		var t jsonTree
		if err := dec.Decode(&t); errors.Is(err, io.EOF) {
			return all, nil
		} else if err != nil {
			return nil, err
		}
		for id, byAnalyzer := range t {
			if all[id] == nil {
				all[id] = make(map[string]json.RawMessage)
			}
			for name, v := range byAnalyzer {
				all[id][name] = v
			}
		}
	}
}

// printJSON prints the merged tree as the in-process driver does: one
// indented object.
func printJSON(w io.Writer, t jsonTree) error {
	data, err := json.MarshalIndent(t, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

type jsonDiagnostic struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
	Related []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

// printText prints the diagnostics of t as the in-process driver does,
// each once, by package and pass, and returns the exit status: 1 if a pass
// failed, else 3 if there are findings.
func (r *vetRun) printText(w io.Writer, t jsonTree) int {
	type key struct{ analyzer, posn, end, message string }
	seen := make(map[key]bool)
	var errs, diags int
	// As the in-process driver: by pass, then by package.
	var names []string
	for _, byAnalyzer := range t {
		for name := range byAnalyzer {
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	}
	slices.Sort(names)
	slices.SortStableFunc(names, func(a, b string) int {
		return passIndex(r.analyzers, a) - passIndex(r.analyzers, b)
	})
	ids := sortedKeys(t)
	for _, name := range names {
		for _, id := range ids {
			raw, ok := t[id][name]
			if !ok {
				continue
			}
			if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
				var e struct {
					Err string `json:"error"`
				}
				_ = json.Unmarshal(raw, &e)
				fmt.Fprintf(w, "%s: %s\n", name, e.Err)
				errs++
				continue
			}
			var ds []jsonDiagnostic
			if err := json.Unmarshal(raw, &ds); err != nil {
				fmt.Fprintf(w, "%s: reading diagnostics: %v\n", name, err)
				errs++
				continue
			}
			for _, d := range ds {
				k := key{name, d.Posn, d.End, d.Message}
				if seen[k] {
					continue
				}
				seen[k] = true
				diags++
				printPlain(w, r.context, d.Posn, d.End, d.Message)
				for _, rel := range d.Related {
					printPlain(w, r.context, rel.Posn, rel.End, "\t"+rel.Message)
				}
			}
		}
	}
	switch {
	case errs > 0:
		return 1
	case diags > 0:
		return 3
	}
	return 0
}

func passIndex(names []string, name string) int {
	if i := slices.Index(names, name); i >= 0 {
		return i
	}
	return len(names)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// printPlain prints one diagnostic line, and with context >= 0 the lines
// around it, as the in-process driver does.
func printPlain(w io.Writer, context int, posn, end, message string) {
	fmt.Fprintf(w, "%s: %s\n", posn, message)
	if context < 0 {
		return
	}
	file, line, ok := splitPosn(posn)
	if !ok {
		return
	}
	endLine := line
	if _, l, ok := splitPosn(end); ok {
		endLine = l
	}
	data, _ := os.ReadFile(file)
	lines := strings.Split(string(data), "\n")
	for i := line - context; i <= endLine+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// splitPosn splits "file:line:col" into file and line.
func splitPosn(posn string) (file string, line int, ok bool) {
	colon2 := strings.LastIndexByte(posn, ':')
	if colon2 < 0 {
		return "", 0, false
	}
	colon1 := strings.LastIndexByte(posn[:colon2], ':')
	if colon1 < 0 {
		return "", 0, false
	}
	line, err := strconv.Atoi(posn[colon1+1 : colon2])
	if err != nil {
		return "", 0, false
	}
	return posn[:colon1], line, true
}

// logRun appends the package of the unit cfg to $ERRCODELINT_RUNLOG, if set.
func logRun(cfg string) {
	path := os.Getenv(runLogEnv)
	if path == "" {
		return
	}
	var unit struct {
		ID       string
		VetxOnly bool
	}
	if data, err := os.ReadFile(cfg); err == nil {
		_ = json.Unmarshal(data, &unit)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "%s vetxonly=%t\n", unit.ID, unit.VetxOnly)
}
