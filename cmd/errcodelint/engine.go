package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
)

// The standalone command runs its passes one package at a time, as go
// vet does, through its own cache (driver.go, cache.go): a rerun with
// nothing changed analyzes nothing, and memory is that of one package at
// a time.
//
// With ERRCODELINT_ENGINE=inprocess it runs them through go/analysis's
// multichecker instead, in a child process: this same executable with
// inProcessChild as its first argument. Either engine hands back a JSON tree of
// diagnostics, which output.go prints in the format asked for: text
// findings on stderr as file:line:col: message (with -c context), or JSON,
// SARIF or GitHub workflow commands on stdout; exit 3 on findings and 1 on
// errors whatever the format. -fix and -fix -diff apply, or show, the
// first fix of each finding, by the same engine, between a run that finds
// the findings and (for -fix) one that finds what remains (runFix).

// engineEnv selects the engine: "vet" (the default, named for the
// protocol its units speak) or "inprocess", the multichecker that loads
// the whole graph in one process and caches nothing.
const engineEnv = "ERRCODELINT_ENGINE"

// What the command tells its own child processes is not read from the
// environment, where a user could have set it: the in-process engine's
// child is marked by its first argument, and a unit of the standalone
// engine reads its run log from its configuration (unitConfig.RunLog).

// inProcessChild is the first argument of the in-process engine's
// child, which is go/analysis's multichecker as it is.
const inProcessChild = "-errcodelint-inprocess-child"

// runLogFlag names a file to which each unit of the standalone engine
// appends a line, "importpath vetxonly=BOOL": tests use it to see which
// units the cache did not answer. It is not in -h.
const runLogFlag = "runlog"

// protocolFlags are go vet's questions to a vet tool: multichecker
// answers them.
var protocolFlags = []string{"V", "flags"}

// inProcessFlags only make sense for the in-process engine: their
// presence selects it, and they go to its child as they are.
var inProcessFlags = []string{"debug", "cpuprofile", "memprofile", "trace", "test"}

// legacyFlags are accepted and ignored by both engines.
var legacyFlags = []string{"source", "v", "all"}

// A standaloneRun is a run of the standalone command on packages.
type standaloneRun struct {
	inProcess   bool   // by the in-process engine, else by go vet
	format      string // one of formats
	fix, diff   bool
	context     int
	toolFlags   []string // flags for the passes, as -name=value
	driverFlags []string // flags for the in-process engine, as -name=value
	catalogs    []string // the catalog flags as NAME=FILE, the file absolute
	buildFlags  []string // for the go command: -tags
	packages    []string
	passes      []*analysis.Analyzer
	env         []string // added to go vet's environment
	runLog      string   // -runlog: the file each unit logs to, absolute

	help []string // not nil: the run is 'errcodelint help' of these

	step step // what the engine's next run is for (-fix runs it more than once)
	// fixFiles are the files the fixes edit, absolute: when the engine
	// applies them, a catalog's OpenAPI document among them changes by
	// the run's own hand, and its roots' results are not cached.
	fixFiles []string
}

// A flagError is a command line the standalone command refuses: exit 2,
// or 1 when it names a catalog that does not load (a catalog that does
// not load is an error wherever it comes from; 2 is for command lines).
type flagError struct {
	code  int // the exit status: 2, or 1 for a catalog
	err   error
	usage bool // print the usage after the error
}

func (e *flagError) Error() string { return e.err.Error() }

// parseStandaloneRun parses the command line of a standalone run. It
// returns nil when the command line is for multichecker as it is: the vet
// protocol (-V=full, -flags, a *.cfg unit); a run whose help is set for
// -h or help after flags. A bad flag, or no packages, is a *flagError.
func parseStandaloneRun(args []string, analyzers []*analysis.Analyzer) (*standaloneRun, *flagError) {
	r := &standaloneRun{context: -1, format: "text", passes: analyzers}
	switch e := os.Getenv(engineEnv); e {
	case "", "vet":
	case "inprocess":
		r.inProcess = true
	default:
		return nil, &flagError{code: 2, err: fmt.Errorf("unknown %s=%s; want vet or inprocess", engineEnv, e)}
	}
	if _, err := cacheMax(); err != nil {
		return nil, &flagError{code: 2, err: err}
	}
	fs := flag.NewFlagSet("errcodelint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	protocol := false
	for _, name := range protocolFlags {
		fs.Var(boolish{&protocol}, name, "")
	}
	for _, name := range inProcessFlags {
		if name == "test" {
			fs.Bool(name, true, "")
		} else {
			fs.String(name, "", "")
		}
	}
	for _, name := range legacyFlags {
		fs.Var(new(ignored), name, "")
	}
	var tags string
	fs.StringVar(&tags, "tags", "", "")
	fs.StringVar(&r.runLog, runLogFlag, "", "")
	fs.Var(formatFlag{&r.format}, "format", "")
	fs.Var(jsonAlias{&r.format}, "json", "")
	fs.BoolVar(&r.fix, "fix", false, "")
	fs.BoolVar(&r.diff, "diff", false, "")
	fs.IntVar(&r.context, "c", -1, "")
	// Analyzer flags: set for real, so that a catalog that does not load
	// fails here.
	var isCatalog []string
	var catalogErr error
	for _, a := range analyzers {
		fs.Var(new(ignored), a.Name, "")
		a.Flags.VisitAll(func(f *flag.Flag) {
			v := f.Value
			if f.Name == "catalog" {
				isCatalog = append(isCatalog, a.Name+"."+f.Name)
				v = loadingCatalog{v, &catalogErr}
			}
			fs.Var(v, a.Name+"."+f.Name, "")
		})
	}
	fs.Var(loadingCatalog{allCatalogs(analyzers), &catalogErr}, "catalog", "")
	isCatalog = append(isCatalog, "catalog")
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return &standaloneRun{help: []string{}}, nil
	case catalogErr != nil:
		// The catalog's own positioned errors; the usage would bury them.
		return nil, &flagError{err: err, code: 1}
	case err != nil:
		// The format's error is one line; the others, as the flag
		// package prints them, with the usage.
		return nil, &flagError{code: 2, err: err, usage: !strings.Contains(err.Error(), "flag -format:")}
	case fs.Arg(0) == "help":
		return &standaloneRun{help: fs.Args()[1:]}, nil
	case protocol || isUnit(fs.Args()):
		return nil, nil
	case fs.NArg() == 0:
		return nil, &flagError{code: 2, err: errors.New("no packages to analyze: name them after the flags (./... for the whole module)"), usage: true}
	}
	switch {
	case r.diff && !r.fix:
		return nil, &flagError{code: 2, err: errors.New("-diff shows what -fix would change: use -fix -diff")}
	case r.diff && r.format != "text":
		return nil, &flagError{code: 2, err: fmt.Errorf("-fix -diff prints a diff on stdout, not -format %s", r.format)}
	}
	r.packages = fs.Args()
	// The flags for the passes, in the order given, with catalog paths
	// made absolute: go vet runs the tool in each package's directory.
	for _, f := range parsedFlags(args, fs) {
		switch {
		case slices.Contains(inProcessFlags, f.name):
			r.inProcess = true
			r.driverFlags = append(r.driverFlags, "-"+f.name+"="+f.value)
			continue
		case f.name == "tags":
			r.buildFlags = append(r.buildFlags, "-tags="+f.value)
			continue
		case slices.Contains([]string{"format", "json", "fix", "diff", "c", runLogFlag}, f.name) || slices.Contains(legacyFlags, f.name):
			continue
		case slices.Contains(isCatalog, f.name) && f.value != "":
			abs, err := filepath.Abs(f.value)
			if err != nil {
				return nil, &flagError{code: 2, err: err}
			}
			f.value = abs
			r.catalogs = append(r.catalogs, f.name+"="+abs)
		}
		r.toolFlags = append(r.toolFlags, "-"+f.name+"="+f.value)
	}
	if r.runLog != "" {
		abs, err := filepath.Abs(r.runLog)
		if err != nil {
			return nil, &flagError{code: 2, err: err}
		}
		r.runLog = abs
	}
	if p := os.Getenv(catalog.EnvVar); p != "" {
		// go vet runs the tool in each package's directory, where a
		// relative path would name another file.
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, &flagError{code: 2, err: err}
		}
		r.env = append(r.env, catalog.EnvVar+"="+abs)
	}
	return r, nil
}

// factFlags are the tool flags of a unit that only computes facts: the
// flags less the catalogs, which facts do not depend on.
func (r *standaloneRun) factFlags() []string {
	return withoutCatalogs(r.toolFlags)
}

// explicitCatalogs are the catalogs r names, as NAME=FILE with absolute
// paths: the catalog flags, and $ERRCODELINT_CATALOG.
func (r *standaloneRun) explicitCatalogs() []string {
	out := slices.Clone(r.catalogs)
	for _, kv := range r.env {
		if p, ok := strings.CutPrefix(kv, catalog.EnvVar+"="); ok && p != "" {
			out = append(out, "$"+catalog.EnvVar+"="+p)
		}
	}
	return out
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

// loadingCatalog is a catalog flag that records the error of loading its
// file, to tell it from a malformed command line.
type loadingCatalog struct {
	flag.Value
	err *error
}

func (l loadingCatalog) Set(v string) error {
	err := l.Value.Set(v)
	if err != nil {
		*l.err = err
	}
	return err
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

// childArgs is the command line of the in-process engine's child.
func (r *standaloneRun) childArgs() []string {
	args := append(r.modeArgs(), r.driverFlags...)
	args = append(args, r.toolFlags...)
	args = append(args, r.noticeArgs()...)
	return append(args, r.packages...)
}

// noticeArgs asks errcode and statusbranch for their notices (see
// notices.go), unless the run applies fixes (no JSON to read them from);
// a pass that is off is not asked.
func (r *standaloneRun) noticeArgs() []string {
	if r.fix {
		return nil
	}
	var args []string
	for _, pass := range []string{"errcode", "statusbranch"} {
		if !slices.Contains(r.toolFlags, "-"+pass+"=false") {
			args = append(args, "-"+pass+".notices")
		}
	}
	return args
}

// modeArgs asks either engine for what r does now: apply the fixes,
// show them as a diff, or print the findings as a JSON tree for
// output.go (always, for the findings step of -fix).
func (r *standaloneRun) modeArgs() []string {
	switch {
	case r.step == stepFindings:
	case r.fix && r.diff:
		return []string{"-fix", "-diff"}
	case r.fix:
		return []string{"-fix"}
	}
	return []string{"-json"}
}

// A step is what a run of an engine is for.
type step int

const (
	stepAsked    step = iota // what the flags ask: the findings, or -fix's fixes
	stepFindings             // the findings as a JSON tree, even with -fix
)

// fixing reports whether the engine's run now applies, or diffs, the
// fixes.
func (r *standaloneRun) fixing() bool {
	return r.fix && r.step != stepFindings
}

// run runs r and returns the exit status.
func (r *standaloneRun) run(stdout, stderr io.Writer) int {
	if r.help != nil {
		return helpCommand(r.help, commandAnalyzers(), stdout, stderr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if r.fix {
		return r.runFix(ctx, stdout, stderr)
	}
	out, failed, code, ok := r.analyze(ctx, stderr)
	if !ok {
		return code
	}
	return r.report(stdout, stderr, out, failed)
}

// analyze runs r's engine once and returns what it printed on stdout
// (a JSON tree, a diff, or nothing when it applied fixes) and whether it
// failed. When ok is false, the run is over with exit status code, the
// reason said on stderr.
func (r *standaloneRun) analyze(ctx context.Context, stderr io.Writer) (out []byte, failed bool, code int, ok bool) {
	if r.inProcess {
		return r.runInProcess(stderr)
	}
	out, failed, err := r.runEngine(ctx, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "errcodelint: %v\n", err)
		return nil, false, 1, false
	}
	return out, failed, 0, true
}

// findings reads the JSON trees an engine printed, and says the
// notices among them on stderr.
func findings(out []byte, stderr io.Writer) (jsonTree, error) {
	trees, err := decodeTrees(bytes.NewReader(out))
	if err != nil {
		return nil, fmt.Errorf("reading the analysis's output: %v", err)
	}
	notices, trees := splitNotices(trees)
	for _, n := range notices {
		fmt.Fprintln(stderr, n)
	}
	return trees, nil
}

// report prints the findings of out, a JSON tree, in r's format, and
// returns the exit status.
func (r *standaloneRun) report(stdout, stderr io.Writer, out []byte, failed bool) int {
	trees, err := findings(out, stderr)
	if err == nil {
		var code int
		if code, err = r.print(stdout, stderr, trees); err == nil {
			return exitIf(failed, 1, code)
		}
	}
	fmt.Fprintf(stderr, "errcodelint: %v\n", err)
	return 1
}

// runFix runs r with -fix: it finds the findings, then applies the first
// fix of each that has one (or, with -diff, prints them as a diff), and
// says what it did. With fixes applied, it analyzes again and prints the
// findings that remain in r's format: exit 3 when some do, 0 when none.
// With -diff nothing is applied: the findings without a fix are printed
// as text, and it exits 3 as the run without -fix would. While the
// analysis fails, nothing is fixed.
func (r *standaloneRun) runFix(ctx context.Context, stdout, stderr io.Writer) int {
	r.step = stepFindings
	out, failed, code, ok := r.analyze(ctx, stderr)
	if !ok {
		return code
	}
	trees, err := findings(out, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "errcodelint: %v\n", err)
		return 1
	}
	before := collect(trees)
	fixable, unfixable := before.byFix()
	if failed || len(before.errs) > 0 || len(fixable) == 0 {
		code, err := r.print(stdout, stderr, trees)
		if err != nil {
			fmt.Fprintf(stderr, "errcodelint: %v\n", err)
			return 1
		}
		return exitIf(failed, 1, code)
	}
	files := fixedFiles(fixable)
	sums := fileSums(files)
	r.fixFiles = absolutes(files)

	r.step = stepAsked
	out, failed, code, ok = r.analyze(ctx, stderr)
	switch {
	case !ok:
		return code
	case failed:
		return 1 // the engine said why
	case r.diff:
		stdout.Write(out)
		fmt.Fprintf(stderr, "errcodelint: the diff holds %s in %s, not applied (-diff)\n", plural(len(fixable), "fix", "fixes"), plural(len(files), "file", "files"))
		printText(stderr, results{findings: unfixable}, r.context, newColumns())
		return 3
	}
	applied, changed := appliedFixes(fixable, sums)
	fmt.Fprintf(stderr, "errcodelint: applied %s in %s\n", plural(applied, "fix", "fixes"), plural(changed, "file", "files"))

	r.step = stepFindings
	out, failed, code, ok = r.analyze(ctx, stderr)
	if !ok {
		return code
	}
	return r.report(stdout, stderr, out, failed)
}

// byFix splits res's findings into those with a suggested fix and those
// without.
func (res results) byFix() (fixable, unfixable []finding) {
	for _, f := range res.findings {
		if len(f.Fixes) > 0 && len(f.Fixes[0].Edits) > 0 {
			fixable = append(fixable, f)
		} else {
			unfixable = append(unfixable, f)
		}
	}
	return fixable, unfixable
}

// fixedFiles are the files the first fix of each finding edits, sorted.
func fixedFiles(fs []finding) []string {
	var files []string
	for _, f := range fs {
		for _, e := range f.Fixes[0].Edits {
			files = append(files, e.Filename)
		}
	}
	slices.Sort(files)
	return slices.Compact(files)
}

// absolutes are files' absolute paths.
func absolutes(files []string) []string {
	out := make([]string, 0, len(files))
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil {
			out = append(out, abs)
		}
	}
	return out
}

// fileSums is the SHA-256 of each file, by name ("" for one that cannot
// be read).
func fileSums(files []string) map[string]string {
	sums := make(map[string]string, len(files))
	for _, f := range files {
		sums[f], _ = fileSum(f)
	}
	return sums
}

// appliedFixes counts the fixes of fs that were applied (every file the
// first fix edits changed since sums were taken) and the files that
// changed: the engine applies each finding's first fix but says nothing
// of those it skipped (a generated file).
func appliedFixes(fs []finding, sums map[string]string) (fixes, files int) {
	now := fileSums(slices.Sorted(maps.Keys(sums)))
	changed := func(file string) bool { return now[file] != sums[file] }
	for file := range sums {
		if changed(file) {
			files++
		}
	}
	for _, f := range fs {
		if !slices.ContainsFunc(f.Fixes[0].Edits, func(e jsonEdit) bool { return !changed(e.Filename) }) {
			fixes++
		}
	}
	return fixes, files
}

// plural is "1 fix", "2 fixes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// exitIf is yes when cond holds, else no.
func exitIf(cond bool, yes, no int) int {
	if cond {
		return yes
	}
	return no
}

// runInProcess runs r by the in-process engine, a child process running
// go/analysis's multichecker, and returns what it printed on stdout and
// whether it failed. When ok is false, the run is over with exit status
// code.
func (r *standaloneRun) runInProcess(stderr io.Writer) (out []byte, failed bool, code int, ok bool) {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "errcodelint: cannot find this executable: %v\n", err)
		return nil, false, 1, false
	}
	cmd := exec.Command(exe, append([]string{inProcessChild}, r.childArgs()...)...)
	cmd.Env = append(os.Environ(), r.env...)
	if len(r.buildFlags) > 0 {
		// multichecker's -tags has no effect; go/packages, which loads
		// the packages, reads GOFLAGS.
		cmd.Env = append(cmd.Env, "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" "+strings.Join(r.buildFlags, " ")))
	}
	// The child's stderr goes through as it comes (the -debug output),
	// and is kept to tell a crash.
	var childErr, buf bytes.Buffer
	rel := &relativeWriter{w: stderr, cols: newColumns()}
	defer rel.flush()
	cmd.Stderr = io.MultiWriter(rel, &childErr)
	cmd.Stdout = &buf
	err = cmd.Run()
	rel.flush()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(stderr, "errcodelint: running %s: %v\n", filepath.Base(cmd.Path), err)
		return nil, false, 1, false
	}
	if line, crash := crashed(exit, childErr.Bytes()); crash {
		// A crash is an error (1), never a bad command line (2), which
		// is how Go exits on a panic.
		fmt.Fprintf(stderr, "errcodelint: the analysis crashed: %s\n", line)
		return nil, false, 1, false
	}
	return buf.Bytes(), err != nil, 0, true
}

// print prints t in r's format and returns the exit status of what it
// holds.
func (r *standaloneRun) print(stdout, stderr io.Writer, t jsonTree) (int, error) {
	res := collect(t)
	var err error
	switch r.format {
	case "json":
		err = printJSON(stdout, t)
	case "sarif":
		cols := newColumns()
		printErrors(stderr, res, cols)
		err = printSARIF(stdout, res, r.passes, passChecks(), cols)
	case "github":
		printGitHub(stdout, res, newColumns())
	default:
		printText(stderr, res, r.context, newColumns())
	}
	return res.status(), err
}

// crashed reports whether the in-process engine's child, which ended with
// exit (nil if it succeeded) and printed stderr, crashed: it was killed by
// a signal, or exited 2, as Go does on a panic or a fatal runtime error
// (its command line was checked before it ran). line is the first line of
// its stderr that says why.
func crashed(exit *exec.ExitError, stderr []byte) (line string, ok bool) {
	if exit == nil {
		return "", false
	}
	if code := exit.ExitCode(); code != 2 && code != -1 {
		return "", false
	}
	lines := strings.Split(string(stderr), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			return l, true
		}
	}
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return l, true
		}
	}
	return exit.Error(), true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// logRun appends the unit's package to the run log its configuration
// names, if any: only the standalone engine names one (-runlog).
func logRun(u *goVetUnit) {
	if u.RunLog == "" {
		return
	}
	f, err := os.OpenFile(u.RunLog, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "%s vetxonly=%t\n", u.ID, u.VetxOnly)
}
