package integration

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The cache contract: a cached run prints exactly what a fresh run
// prints, and exits with the same status, whatever happened before it.
// TestDifferential takes random steps over a small module (edits of
// catalogs and code, a replaced executable, runs killed at random
// moments, runs at the same time, entries of the cache damaged) and after
// each step compares a run on the cache the steps share with a fresh run.
//
// A fresh run starts from a cache that holds nothing any step can
// change: the standard library's units, computed by a fresh run of each
// executable before the first step (the steps never touch GOROOT). A
// fresh run's result depends only on the files of the module, the
// outside catalog, the executable and how the run is made: it is computed
// once per such state and kept for the steps that come back to it. Every
// freshEvery steps, the fresh run has no cache at all and must say what
// was kept for its state, which checks both shortcuts.

var (
	diffSteps = flag.Int("differential.steps", 20, "steps of TestDifferential (.ci/run takes 200; the long form runs 10000)")
	diffSeed  = flag.Uint64("differential.seed", 0, "seed of TestDifferential's steps (0: from the clock)")
	diffLanes = flag.Int("differential.lanes", 1, "TestDifferential's lanes: modules with caches of their own, stepped at the same time")
)

var diffFreshEvery = flag.Int("differential.fresh-every", 20, "TestDifferential compares with a run with no cache at all every this many steps")

// diffModule is the module the steps change: the fixture, a package
// under node_modules with its catalog there, and a catalog outside the
// module that runs may name by flag or environment.
type diffModule struct {
	dir     string // the module
	outside string // a catalog outside it
	bin     string // the executable runs use, replaced by steps
	builds  [2][]byte
	cache   string                // the cache the steps share
	seed    string                // the fresh runs' starting cache
	current int                   // which build is at bin
	kept    map[string]diffResult // fresh runs, by state
}

func TestDifferential(t *testing.T) {
	endToEnd(t)
	seed := *diffSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	for lane := range *diffLanes {
		t.Run(fmt.Sprintf("lane %d", lane), func(t *testing.T) {
			t.Parallel()
			steps := *diffSteps / *diffLanes
			if lane < *diffSteps%*diffLanes {
				steps++
			}
			laneSeed := seed + uint64(lane)
			t.Logf("seed %d (rerun with -differential.seed=%d -differential.lanes=1 -differential.steps=%d)", laneSeed, laneSeed, steps)
			differential(t, laneSeed, steps)
		})
	}
}

// differential takes steps random steps from seed on a module of its own.
func differential(t *testing.T, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	m := newDiffModule(t)
	for i := range steps {
		start := time.Now()
		s := diffStepsList[rng.IntN(len(diffStepsList))]
		v := diffVariants[rng.IntN(len(diffVariants))]
		what := s.do(t, m, rng)
		desc := fmt.Sprintf("step %d: %s (%s); run %s", i, s.name, what, v.name)
		fresh := m.fresh(t, v, i%*diffFreshEvery == *diffFreshEvery-1)
		for _, got := range s.cached(t, m, v, rng) {
			if got != fresh {
				t.Fatalf("%s: the cached run differs from a fresh one\ncached: %s\nfresh: %s", desc, got, fresh)
			}
		}
		if testing.Verbose() {
			t.Logf("%s: %.2fs", desc, time.Since(start).Seconds())
		}
	}
}

// A diffVariant is how a run is made: from where, with which catalog.
type diffVariant struct {
	name string
	sub  string   // the directory below the module to run in
	args []string // before the packages; "OUTSIDE" stands for the outside catalog
	env  []string // "OUTSIDE" likewise
}

var diffVariants = []diffVariant{
	{name: "at the root"},
	{name: "from a subdirectory", sub: "handler"},
	{name: "with -catalog", args: []string{"-catalog", "OUTSIDE"}},
	{name: "with -errcode.catalog", args: []string{"-errcode.catalog=OUTSIDE"}},
	{name: "with $ERRCODELINT_CATALOG", env: []string{"ERRCODELINT_CATALOG=OUTSIDE"}},
	{name: "as JSON", args: []string{"-json"}},
}

// command is the run of v on the module, with the cache cache.
func (m *diffModule) command(v diffVariant, cache string) *exec.Cmd {
	subst := func(xs []string) []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = strings.ReplaceAll(x, "OUTSIDE", m.outside)
		}
		return out
	}
	cmd := exec.Command(m.bin, append(subst(v.args), "./...")...)
	cmd.Dir = filepath.Join(m.dir, v.sub)
	cmd.Env = environ(append(subst(v.env), "ERRCODELINT_CACHE="+cache)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// A diffResult is what a run printed and its exit status.
type diffResult struct {
	stdout, stderr string
	code           int
}

func (r diffResult) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.stdout, r.stderr)
}

// exec runs cmd to its end.
func diffRun(t *testing.T, cmd *exec.Cmd) diffResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := diffResult{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", cmd, err)
	}
	return r
}

// fresh is a fresh run of v: the one kept for the state, else a run
// from the standard library's units; or, when none is set, a run from
// nothing at all, which must agree with the one kept.
func (m *diffModule) fresh(t *testing.T, v diffVariant, none bool) diffResult {
	t.Helper()
	state := m.state(t, v)
	kept, ok := m.kept[state]
	if ok && !none {
		return kept
	}
	cache := "off"
	if !none {
		dir, err := os.MkdirTemp("", "errcodelint-fresh-")
		require.NoError(t, err)
		defer os.RemoveAll(dir) // at once: thousands of steps would fill the disk
		cache = dir
		linkTree(t, m.seed, cache)
	}
	r := diffRun(t, m.command(v, cache))
	if ok && r != kept {
		t.Fatalf("a run with no cache differs from the fresh run kept for the same state\nno cache: %s\nkept: %s", r, kept)
	}
	m.kept[state] = r
	return r
}

// state is a hash of what a fresh run of v depends on: every file of the
// module (its content, or what it is), the outside catalog, the build at
// the executable's path, and v.
func (m *diffModule) state(t *testing.T, v diffVariant) string {
	t.Helper()
	h := sha256.New()
	fmt.Fprintf(h, "%s\nbuild %d\n", v.name, m.current)
	for _, root := range []string{m.dir, m.outside} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%q %v\n", p, d.Type())
			if d.Type().IsRegular() {
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				fmt.Fprintf(h, "%x\n", sha256.Sum256(data))
			}
			return nil
		})
		require.NoError(t, err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// cached is a run of v on the shared cache.
func (m *diffModule) cached(t *testing.T, v diffVariant) diffResult {
	t.Helper()
	return diffRun(t, m.command(v, m.cache))
}

// A diffStep changes something, then makes the runs whose output must be
// the fresh run's.
type diffStep struct {
	name   string
	do     func(t *testing.T, m *diffModule, rng *rand.Rand) string
	cached func(t *testing.T, m *diffModule, v diffVariant, rng *rand.Rand) []diffResult
}

// oneRun is the usual check after a step: one cached run.
func oneRun(t *testing.T, m *diffModule, v diffVariant, _ *rand.Rand) []diffResult {
	return []diffResult{m.cached(t, v)}
}

var diffStepsList = []diffStep{
	{"catalog status", editCatalogStatus, oneRun},
	{"catalog comment", editCatalogComment, oneRun},
	{"nested catalog", toggleNestedCatalog, oneRun},
	{"OpenAPI document", editDocument, oneRun},
	{"code status", editCodeStatus, oneRun},
	{"code comment", editCodeComment, oneRun},
	{"replace the executable", replaceExecutable, oneRun},
	{"damage the cache", damageCache, oneRun},
	{"nothing", func(*testing.T, *diffModule, *rand.Rand) string { return "" }, oneRun},
	{"kill errcodelint", nothing, killedRun(false)},
	{"kill its process group", nothing, killedRun(true)},
	{"two runs at once", nothing, concurrentRuns},
}

func nothing(*testing.T, *diffModule, *rand.Rand) string { return "" }

// catalogFiles are the catalogs steps edit.
func (m *diffModule) catalogFiles() []string {
	files := []string{
		filepath.Join(m.dir, "errcodes.yaml"),
		filepath.Join(m.dir, "node_modules", "gen", "errcodes.yaml"),
		m.outside,
	}
	if st, err := os.Stat(m.nested()); err == nil && st.Mode().IsRegular() {
		files = append(files, m.nested())
	}
	return files
}

func (m *diffModule) nested() string { return filepath.Join(m.dir, "handler", "errcodes.yaml") }

var statusLine = regexp.MustCompile(`(?m)^(  - code: secret_not_found\n    status: )\d+$`)

func editCatalogStatus(t *testing.T, m *diffModule, rng *rand.Rand) string {
	files := m.catalogFiles()
	f := files[rng.IntN(len(files))]
	status := []int{400, 404, 409}[rng.IntN(3)]
	rewrite(t, f, func(s string) string { return statusLine.ReplaceAllString(s, fmt.Sprintf("${1}%d", status)) })
	return fmt.Sprintf("%s: secret_not_found %d", m.rel(f), status)
}

func editCatalogComment(t *testing.T, m *diffModule, rng *rand.Rand) string {
	files := m.catalogFiles()
	f := files[rng.IntN(len(files))]
	rewrite(t, f, func(s string) string {
		if rest, ok := strings.CutSuffix(s, "# edited\n"); ok {
			return rest
		}
		return s + "# edited\n"
	})
	return m.rel(f)
}

// toggleNestedCatalog creates, removes or replaces by a directory the
// catalog beside package handler, which then governs it instead of the
// module's.
func toggleNestedCatalog(t *testing.T, m *diffModule, rng *rand.Rand) string {
	p := m.nested()
	require.NoError(t, os.RemoveAll(p))
	switch rng.IntN(3) {
	case 0:
		return "removed"
	case 1:
		require.NoError(t, os.Mkdir(p, 0o755))
		return "a directory"
	}
	data, err := os.ReadFile(filepath.Join(m.dir, "errcodes.yaml"))
	require.NoError(t, err)
	status := []int{400, 404, 409}[rng.IntN(3)]
	require.NoError(t, os.WriteFile(p, []byte(statusLine.ReplaceAllString(string(data), fmt.Sprintf("${1}%d", status))), 0o644))
	return fmt.Sprintf("secret_not_found %d", status)
}

// editDocument edits the OpenAPI document package things' catalog points
// at: getThing documents 409 or not, and thing_not_found is sent with 404
// or 409; or a comment line comes or goes. The catalog file itself stays
// the same.
func editDocument(t *testing.T, m *diffModule, rng *rand.Rand) string {
	doc := filepath.Join(m.dir, "things", "openapi.yaml")
	switch rng.IntN(3) {
	case 0:
		var what string
		rewrite(t, doc, func(s string) string {
			if rest, ok := strings.CutSuffix(s, conflictResponse); ok {
				what = "409 removed"
				return rest
			}
			what = "409 added"
			return s + conflictResponse
		})
		return what
	case 1:
		status := []string{"404", "409"}[rng.IntN(2)]
		rewrite(t, doc, func(s string) string { return notFoundKey.ReplaceAllString(s, `${1}"`+status+`":`) })
		return "thing_not_found " + status
	}
	rewrite(t, doc, func(s string) string {
		if rest, ok := strings.CutPrefix(s, "# edited\n"); ok {
			return rest
		}
		return "# edited\n" + s
	})
	return "comment"
}

// thingsAPI is package things' OpenAPI document, which its catalog
// points at; steps edit it (editDocument).
const thingsAPI = `openapi: 3.0.3
info: {title: Things, version: "1"}
paths:
  /v1/things/{id}:
    get:
      operationId: getThing
      responses:
        "200": {description: the thing}
        "404":
          description: no such thing
          content:
            application/json:
              schema:
                type: object
                properties:
                  error:
                    type: object
                    properties:
                      code: {type: string, enum: [thing_not_found]}
`

// conflictResponse, at the end of thingsAPI, documents 409 for getThing.
const conflictResponse = `        "409": {description: the thing is busy}
`

// notFoundKey is the key of the response whose schema names
// thing_not_found.
var notFoundKey = regexp.MustCompile(`(?m)^(        )"\d{3}":(\n          description: no such thing)`)

// thingsGo is package things: getThing sends thing_not_found with 409.
const thingsGo = `// Package things serves an API whose catalog points at its OpenAPI
// document.
package things

import "net/http"

// Routes registers the API's handlers on mux.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/things/{id}", getThing)
}

func getThing(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusConflict)
	w.Write([]byte(` + "`" + `{"error":{"code":"thing_not_found"}}` + "`" + `))
}
`

var getSecretStatus = regexp.MustCompile(`httpx\.WriteError\(w, http\.Status\w+, "secret_not_found"`)

func editCodeStatus(t *testing.T, m *diffModule, rng *rand.Rand) string {
	status := []string{"StatusBadRequest", "StatusNotFound", "StatusConflict"}[rng.IntN(3)]
	rewrite(t, filepath.Join(m.dir, "handler", "handler.go"), func(s string) string {
		return getSecretStatus.ReplaceAllString(s, `httpx.WriteError(w, http.`+status+`, "secret_not_found"`)
	})
	return status
}

// editCodeComment adds or removes a comment line at the top of a file,
// which moves every finding below it.
func editCodeComment(t *testing.T, m *diffModule, rng *rand.Rand) string {
	files := []string{filepath.Join(m.dir, "handler", "good.go"), filepath.Join(m.dir, "httpx", "httpx.go")}
	f := files[rng.IntN(len(files))]
	rewrite(t, f, func(s string) string {
		if rest, ok := strings.CutPrefix(s, "// moved\n"); ok {
			return rest
		}
		return "// moved\n" + s
	})
	return m.rel(f)
}

// replaceExecutable puts the other build at the executable's path, with
// the same size and modification time.
func replaceExecutable(t *testing.T, m *diffModule, rng *rand.Rand) string {
	n := rng.IntN(2)
	tmp := m.bin + ".new"
	require.NoError(t, os.WriteFile(tmp, m.builds[n], 0o755))
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	require.NoError(t, os.Chtimes(tmp, stamp, stamp))
	require.NoError(t, os.Rename(tmp, m.bin))
	m.current = n
	return fmt.Sprintf("build %d", n)
}

// damageCache truncates, alters or removes a file of the shared cache.
func damageCache(t *testing.T, m *diffModule, rng *rand.Rand) string {
	var files []string
	_ = filepath.WalkDir(m.cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		return "no entry yet"
	}
	f := files[rng.IntN(len(files))]
	data, err := os.ReadFile(f)
	require.NoError(t, err)
	switch rng.IntN(4) {
	case 0:
		require.NoError(t, os.Remove(f))
		return "removed an entry"
	case 1:
		require.NoError(t, os.WriteFile(f, data[:len(data)/2], 0o644))
		return "truncated an entry"
	case 2:
		if len(data) > 0 {
			data[rng.IntN(len(data))] ^= 0x20
		}
		require.NoError(t, os.WriteFile(f, data, 0o644))
		return "altered a byte of an entry"
	}
	require.NoError(t, os.WriteFile(f, nil, 0o644))
	return "emptied an entry"
}

// killedRun starts a cached run, kills it (or its process group) at a
// random moment, then runs again.
func killedRun(group bool) func(t *testing.T, m *diffModule, v diffVariant, rng *rand.Rand) []diffResult {
	return func(t *testing.T, m *diffModule, v diffVariant, rng *rand.Rand) []diffResult {
		cmd := m.command(v, m.cache)
		require.NoError(t, cmd.Start())
		time.Sleep(time.Duration(rng.IntN(800)) * time.Millisecond)
		pid := cmd.Process.Pid
		if group {
			pid = -pid
		}
		_ = syscall.Kill(pid, syscall.SIGKILL)
		_ = cmd.Wait()
		return []diffResult{m.cached(t, v)}
	}
}

// concurrentRuns makes two cached runs at the same time.
func concurrentRuns(t *testing.T, m *diffModule, v diffVariant, _ *rand.Rand) []diffResult {
	var wg sync.WaitGroup
	var cmds [2]*exec.Cmd
	var outs [2][2]bytes.Buffer
	var errs [2]error
	for i := range cmds {
		cmds[i] = m.command(v, m.cache)
		cmds[i].Stdout, cmds[i].Stderr = &outs[i][0], &outs[i][1]
		wg.Go(func() { errs[i] = cmds[i].Run() })
	}
	wg.Wait()
	var rs []diffResult
	for i := range cmds {
		r := diffResult{stdout: outs[i][0].String(), stderr: outs[i][1].String()}
		var exit *exec.ExitError
		switch {
		case errors.As(errs[i], &exit):
			r.code = exit.ExitCode()
		case errs[i] != nil:
			t.Fatal(errs[i])
		}
		rs = append(rs, r)
	}
	return rs
}

// newDiffModule lays out the module and the executables, and computes
// the fresh runs' starting cache.
func newDiffModule(t *testing.T) *diffModule {
	t.Helper()
	m := &diffModule{dir: copyFixture(t, "vaultfix"), cache: t.TempDir(), seed: t.TempDir(), kept: make(map[string]diffResult)}
	gen := filepath.Join(m.dir, "node_modules", "gen")
	require.NoError(t, os.MkdirAll(gen, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(gen, "gen.go"), []byte(`// Package gen is Go code that lives under node_modules, with its own catalog.
package gen

import "net/http"

// Gone writes a cataloged code's status by hand.
func Gone(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	w.Write([]byte(`+"`"+`{"error":{"code":"secret_not_found"}}`+"`"+`))
}
`), 0o644))
	catalog, err := os.ReadFile(filepath.Join(m.dir, "errcodes.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(gen, "errcodes.yaml"), catalog, 0o644))
	things := filepath.Join(m.dir, "things")
	require.NoError(t, os.MkdirAll(things, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(things, "things.go"), []byte(thingsGo), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(things, "openapi.yaml"), []byte(thingsAPI), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(things, "errcodes.yaml"), []byte("version: 1\nopenapi: openapi.yaml\n"), 0o644))
	m.outside = filepath.Join(t.TempDir(), "api.yaml")
	require.NoError(t, os.WriteFile(m.outside, catalog, 0o644))

	// Two builds of the same size, that differ in content.
	built, err := os.ReadFile(errcodelint(t))
	require.NoError(t, err)
	for i := range m.builds {
		m.builds[i] = fmt.Appendf(slices.Clone(built), "\nbuild %d\n", i)
	}
	m.bin = filepath.Join(t.TempDir(), "errcodelint")
	for i := range m.builds {
		require.NoError(t, os.WriteFile(m.bin, m.builds[i], 0o755))
		cmd := m.command(diffVariant{}, m.seed)
		cmd.Dir = copyFixture(t, "vaultfix") // another module: its units are no step's
		diffRun(t, cmd)
		m.current = i
	}
	return m
}

// rel is path as a step names it.
func (m *diffModule) rel(path string) string {
	if rel, err := filepath.Rel(m.dir, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return filepath.Base(path)
}

// rewrite replaces the content of file by edit's.
func rewrite(t *testing.T, file string, edit func(string) string) {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, []byte(edit(string(data))), 0o644))
}

// linkTree makes dst hold the files of src, as hard links.
func linkTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return os.Link(p, target)
	})
	require.NoError(t, err)
}
