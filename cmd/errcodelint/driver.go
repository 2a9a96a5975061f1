package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/build"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
)

// The standalone engine runs the passes the way go vet does, one process
// per package with the facts and types of the packages it imports, but
// plans and caches the units itself, in one cache whose entries are
// keyed by everything a unit's result depends on (see unitKey) and
// verified before use (cache.go). Catalogs are read once per run and
// pinned in the units (catalogstate.go). A unit runs in a child process,
// this executable given a unit configuration in go vet's documented
// format (unitchecker.Config); the child writes its facts and findings
// to files of the run's scratch directory and dies with the engine.

// unitConfig is a unit's configuration, in unitchecker's format, with
// errcodelint's own field: the catalogs the engine read for the unit.
type unitConfig struct {
	ID          string
	Compiler    string
	Dir         string
	ImportPath  string
	GoVersion   string
	GoFiles     []string
	NonGoFiles  []string
	Module      *analysis.Module
	ImportMap   map[string]string
	Standard    map[string]bool
	PackageVetx map[string]string
	VetxOnly    bool
	VetxOutput  string
	Stdout      string

	// Catalogs maps each catalog file the engine read for the unit (by
	// absolute path) to the SHA-256 of what it read: the unit pins that
	// content or fails.
	Catalogs map[string]string `json:",omitempty"`

	// RunLog is the file the unit logs its analysis to (-runlog), or
	// "": what a test asks of the engine, not part of the unit's key.
	RunLog string `json:",omitempty"`
}

// An engineRun is one run of the standalone engine.
type engineRun struct {
	r         *standaloneRun
	exe       string // what children run
	exeSum    string // the executable's SHA-256
	goVersion string
	store     *store
	snap      *snapshot
	scratch   string
	env       []string

	slots chan struct{} // one for each child that may run at once

	mu      sync.Mutex
	pending []pendingEntry // roots' entries, stored once the catalogs are checked
}

type pendingEntry struct {
	key string
	e   *entry
}

// A unitResult is what a unit produced.
type unitResult struct {
	vetx    *vetxFile // its facts and types, for its importers
	vetxSum string
	stdout  []byte
	stderr  []byte
	failed  bool
}

// A vetxFile is a unit's facts and types as its importers' children read
// them: a file, written from the cache only when an importer runs.
type vetxFile struct {
	path string
	data []byte // not yet written when non-nil

	once sync.Once
	err  error
}

// file writes the facts where the importers' children read them, once.
func (v *vetxFile) file() (string, error) {
	v.once.Do(func() {
		if v.data != nil {
			v.err = os.WriteFile(v.path, v.data, 0o644)
			v.data = nil
		}
	})
	return v.path, v.err
}

// runEngine runs r's units and returns what they printed: the roots'
// stdout, in order, and what failed units said.
func (r *standaloneRun) runEngine(ctx context.Context, stderr io.Writer) (stdout []byte, failed bool, err error) {
	e := &engineRun{r: r, store: openStore(), snap: newSnapshot(), env: append(os.Environ(), r.env...)}
	if e.exe, e.exeSum, err = selfExecutable(); err != nil {
		return nil, false, err
	}
	if e.goVersion, err = goVersion(e.env); err != nil {
		return nil, false, err
	}
	pkgs, err := goList(e.env, r.buildFlags, r.packages)
	if err != nil {
		return nil, false, err
	}
	units, errs := planUnits(pkgs)
	cols := newColumns() // what units say is printed with relative file names
	for _, msg := range errs {
		fmt.Fprintln(stderr, cols.relativeLine(msg))
	}
	if e.scratch, err = os.MkdirTemp("", "errcodelint-"); err != nil {
		return nil, false, err
	}
	defer os.RemoveAll(e.scratch)

	results := e.runAll(ctx, units)
	if ctx.Err() != nil {
		return nil, false, errors.New("interrupted")
	}
	failed = len(errs) > 0
	var out bytes.Buffer
	for i, u := range units {
		res := results[i]
		if len(res.stderr) > 0 {
			fmt.Fprintf(stderr, "# %s\n%s", u.pkg.ImportPath, cols.relativeLines(string(res.stderr)))
		}
		failed = failed || res.failed
		if u.root {
			out.Write(res.stdout)
		}
	}
	changed := e.snap.changed()
	if r.fixing() && !r.diff {
		// Fixes applied to a catalog's document change it; the roots'
		// results, keyed on the old content, are not cached.
		changed = slices.DeleteFunc(changed, func(f string) bool { return slices.Contains(r.fixFiles, f) })
	}
	if len(changed) > 0 {
		return nil, true, fmt.Errorf("%s changed during the run; run again", strings.Join(changed, ", "))
	}
	for _, p := range e.pending {
		e.store.put(p.key, p.e)
	}
	return out.Bytes(), failed, nil
}

// runAll runs units, each after the units it imports, as many at once as
// there are processors, and returns their results in the same order.
func (e *engineRun) runAll(ctx context.Context, units []*unit) []*unitResult {
	results := make([]*unitResult, len(units))
	done := make(map[*unit]chan struct{}, len(units))
	index := make(map[*unit]int, len(units))
	for i, u := range units {
		done[u] = make(chan struct{})
		index[u] = i
	}
	e.slots = make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, u := range units {
		wg.Go(func() {
			defer close(done[u])
			deps := make([]*unitResult, len(u.deps))
			for k, d := range u.deps {
				<-done[d]
				deps[k] = results[index[d]]
			}
			if slices.ContainsFunc(deps, func(d *unitResult) bool { return d.failed }) {
				results[i] = &unitResult{failed: true} // the dependency said why
				return
			}
			results[i] = e.runUnit(ctx, u, i, deps)
		})
	}
	wg.Wait()
	return results
}

// runUnit answers a unit from the cache, or runs it and stores what it
// wrote.
func (e *engineRun) runUnit(ctx context.Context, u *unit, n int, deps []*unitResult) *unitResult {
	if u.pkg.Error != nil {
		return &unitResult{failed: true} // go list said why
	}
	cfg, flags, catalogs := e.config(u, n)
	fixing := u.root && e.r.fixing()
	key, err := e.unitKey(u, cfg, flags, catalogs, deps)
	if err != nil {
		return &unitResult{failed: true, stderr: []byte(err.Error() + "\n")}
	}
	if !fixing {
		if ent, ok := e.store.get(key); ok {
			return &unitResult{vetx: &vetxFile{path: cfg.VetxOutput, data: ent.vetx}, vetxSum: ent.vetxSum, stdout: ent.stdout}
		}
	}
	for i, d := range u.deps {
		path, err := deps[i].vetx.file()
		if err != nil {
			return &unitResult{failed: true, stderr: []byte(err.Error() + "\n")}
		}
		cfg.PackageVetx[packagePath(d.pkg.ImportPath)] = path
	}
	select {
	case e.slots <- struct{}{}:
		defer func() { <-e.slots }()
	case <-ctx.Done():
		return &unitResult{failed: true}
	}
	res := e.exec(ctx, cfg, flags, n)
	if res.failed {
		return res
	}
	vetx, err := os.ReadFile(cfg.VetxOutput)
	if err != nil {
		return &unitResult{failed: true, stderr: []byte(err.Error() + "\n")}
	}
	res.vetxSum = sum(vetx)
	res.vetx = &vetxFile{path: cfg.VetxOutput}
	if len(res.stderr) > 0 || fixing {
		return res // said something, or changed files: run it again next time
	}
	ent := &entry{vetx: vetx, vetxSum: res.vetxSum, stdout: res.stdout}
	if u.root {
		e.mu.Lock()
		e.pending = append(e.pending, pendingEntry{key, ent})
		e.mu.Unlock()
	} else {
		e.store.put(key, ent) // facts and types: no catalog in them
	}
	return res
}

// config is the unit's configuration, the flags it runs with and, for a
// root, what the run read of the catalogs it can see (snapshot.catalogs).
func (e *engineRun) config(u *unit, n int) (cfg *unitConfig, flags, catalogs []string) {
	p := u.pkg
	base := filepath.Join(e.scratch, fmt.Sprint(n))
	cfg = &unitConfig{
		ID:          packagePath(p.ImportPath), // as go vet names a test variant
		Compiler:    "gc",
		Dir:         p.Dir,
		ImportPath:  packagePath(p.ImportPath),
		GoVersion:   u.languageVersion(e.goVersion),
		GoFiles:     u.goFiles(),
		Module:      p.Module,
		ImportMap:   u.importMap(),
		Standard:    make(map[string]bool),
		PackageVetx: make(map[string]string),
		VetxOnly:    !u.root,
		VetxOutput:  base + ".vetx",
		Stdout:      base + ".stdout",
		RunLog:      e.r.runLog,
	}
	for _, d := range u.deps {
		if d.pkg.Standard {
			cfg.Standard[packagePath(d.pkg.ImportPath)] = true
		}
	}
	flags = e.r.modeArgs()
	if !u.root {
		// Facts and types depend on no catalog: a catalog edit leaves
		// these units as they were.
		return cfg, append(flags, e.r.factFlags()...), nil
	}
	catalogs, cfg.Catalogs = e.snap.catalogs(e.r.explicitCatalogs(), p.Dir)
	flags = append(append(flags, e.r.toolFlags...), e.r.noticeArgs()...)
	return cfg, flags, catalogs
}

// unitKey is the hex key of a unit's results: a hash of the executable,
// the target, the unit's configuration (less where it writes), the
// content of its files and of its dependencies' facts and types, its
// flags, and for a root the catalogs it reads.
func (e *engineRun) unitKey(u *unit, cfg *unitConfig, flags, catalogs []string, deps []*unitResult) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "errcodelint unit 2\nexe %s\ntarget %s/%s\n", e.exeSum, build.Default.GOOS, build.Default.GOARCH)
	fmt.Fprintf(h, "godebug %q\n", os.Getenv("GODEBUG")) // go/types reads it
	keyed := *cfg
	keyed.VetxOutput, keyed.Stdout = "", ""
	keyed.PackageVetx = nil
	keyed.Catalogs = nil
	keyed.RunLog = ""
	data, err := json.Marshal(keyed)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "config %s\n", data)
	for _, f := range cfg.GoFiles {
		s, err := fileSum(f)
		if err != nil {
			return "", err
		}
		// cgo's output lives in the build cache: it counts by content.
		name := f
		if rel, err := filepath.Rel(cfg.Dir, f); err != nil || strings.HasPrefix(rel, "..") {
			name = filepath.Base(f)
		}
		fmt.Fprintf(h, "file %q %s\n", name, s)
	}
	for i, d := range deps {
		fmt.Fprintf(h, "vetx %q %s\n", u.deps[i].pkg.ImportPath, d.vetxSum)
	}
	for _, f := range flags {
		fmt.Fprintf(h, "flag %q\n", f)
	}
	for _, c := range catalogs {
		fmt.Fprintf(h, "catalog %s\n", c)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// exec runs the unit in a child process.
func (e *engineRun) exec(ctx context.Context, cfg *unitConfig, flags []string, n int) *unitResult {
	file := filepath.Join(e.scratch, fmt.Sprint(n)+engineUnitSuffix)
	data, err := json.Marshal(cfg)
	if err == nil {
		err = os.WriteFile(file, data, 0o644)
	}
	if err != nil {
		return &unitResult{failed: true, stderr: []byte(err.Error() + "\n")}
	}
	cmd := exec.CommandContext(ctx, e.exe, append(slices.Clone(flags), file)...)
	cmd.Env = e.childEnv(cfg)
	cmd.Dir = cfg.Dir
	cmd.SysProcAttr = childAttr()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	res := &unitResult{stderr: stderr.Bytes()}
	if err != nil {
		res.failed = true
		if stderr.Len() == 0 {
			res.stderr = []byte(err.Error() + "\n")
		}
		return res
	}
	if res.stdout, err = os.ReadFile(cfg.Stdout); err != nil && !errors.Is(err, os.ErrNotExist) {
		res.failed = true
		res.stderr = append(res.stderr, err.Error()+"\n"...)
	}
	return res
}

// childEnv is the environment of a unit's child: a facts-only unit runs
// without $ERRCODELINT_CATALOG, which its results do not depend on.
func (e *engineRun) childEnv(cfg *unitConfig) []string {
	if !cfg.VetxOnly {
		return e.env
	}
	return slices.DeleteFunc(slices.Clone(e.env), func(kv string) bool {
		return strings.HasPrefix(kv, catalog.EnvVar+"=")
	})
}

// fileSum is the hex SHA-256 of a file's content.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// selfExecutable is the executable the children run and the hex SHA-256
// of its content.
func selfExecutable() (path, sum string, err error) {
	path = selfPath
	if _, err := os.Stat(path); path == "" || err != nil {
		if path, err = os.Executable(); err != nil {
			return "", "", fmt.Errorf("cannot find this executable: %v", err)
		}
	}
	if sum, err = fileSum(path); err != nil {
		return "", "", fmt.Errorf("cannot read this executable: %v", err)
	}
	return path, sum, nil
}
