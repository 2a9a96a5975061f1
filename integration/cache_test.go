package integration

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases in which a cached run once said something else than a fresh
// run, each with its own test. TestDifferential mixes them at random.

// cacheRun runs the standalone command in dir on the cache cache ("off"
// for a fresh run), with env added.
func cacheRun(t *testing.T, dir, cache string, env []string, args ...string) result {
	t.Helper()
	return run(t, dir, append([]string{"ERRCODELINT_CACHE=" + cache}, env...), errcodelint(t), args...)
}

// assertFresh checks that a run on cache says what a fresh run says.
func assertFresh(t *testing.T, dir, cache string, env []string, args ...string) result {
	t.Helper()
	fresh := cacheRun(t, dir, "off", env, args...)
	cached := cacheRun(t, dir, cache, env, args...)
	assert.Equal(t, fresh.code, cached.code, "exit status\ncached: %s\nfresh: %s", cached, fresh)
	assert.Equal(t, fresh.stdout, cached.stdout, "stdout")
	assert.Equal(t, fresh.stderr, cached.stderr, "stderr")
	return fresh
}

// A started is a run started in the background.
type started struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when it has ended
}

// waitForLog waits until the run log has a line, or the run ends.
func (s *started) waitForLog(t *testing.T, log string) {
	t.Helper()
	deadline := time.After(time.Minute)
	for {
		if data, _ := os.ReadFile(log); len(data) > 0 {
			return
		}
		select {
		case <-s.done:
			return
		case <-deadline:
			t.Fatal("the run analyzed nothing in a minute")
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// startRun starts the standalone command in its own process group, with
// a run log (-runlog).
func startRun(t *testing.T, dir, cache, log string, args ...string) *started {
	t.Helper()
	cmd := exec.Command(errcodelint(t), append([]string{"-runlog", log}, args...)...)
	cmd.Dir = dir
	cmd.Env = environ("ERRCODELINT_CACHE=" + cache)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	require.NoError(t, cmd.Start())
	s := &started{cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(s.done)
	}()
	return s
}

// Case 1: errcodelint alone is killed while its units run, or its output
// goes nowhere; the next run on the cache is a fresh run's.
func TestCacheKilledRun(t *testing.T) {
	endToEnd(t)
	t.Run("killed", func(t *testing.T) {
		dir := copyFixture(t, "vaultfix")
		cache := t.TempDir()
		log := filepath.Join(t.TempDir(), "runlog")
		s := startRun(t, dir, cache, log, "./...")
		s.waitForLog(t, log)
		_ = s.cmd.Process.Kill() // errcodelint alone, not its children
		<-s.done
		require.NotEmpty(t, runLog(t, log), "killed while its units ran, not after")
		r := assertFresh(t, dir, cache, nil, "./...")
		assert.Equal(t, 3, r.code, "%s", r)
	})
	t.Run("output to a closed pipe", func(t *testing.T) {
		dir := copyFixture(t, "vaultfix")
		cache := t.TempDir()
		cmd := exec.Command(errcodelint(t), "-json", "./...")
		cmd.Dir = dir
		cmd.Env = environ("ERRCODELINT_CACHE=" + cache)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		out.Close() // as `| head -c0` would
		_ = cmd.Wait()
		assertFresh(t, dir, cache, nil, "-json", "./...")
	})
}

// Case 2: catalogs that a run's identity once did not see.
func TestCacheSeesEveryCatalog(t *testing.T) {
	endToEnd(t)
	t.Run("under node_modules", func(t *testing.T) {
		dir := copyFixture(t, "vaultfix")
		gen := filepath.Join(dir, "node_modules", "gen")
		require.NoError(t, os.MkdirAll(gen, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(gen, "gen.go"), []byte("package gen\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter) { w.WriteHeader(http.StatusTooManyRequests) }\n"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(gen, "errcodes.yaml"), []byte("version: 1\nrules:\n  retry_after: [429]\ncodes:\n  - code: a\n    status: 400\n"), 0o644))
		cache := t.TempDir()
		before := assertFresh(t, dir, cache, nil, "./node_modules/...")
		assert.Contains(t, before.stderr, "without a Retry-After header", "%s", before)
		require.NoError(t, os.WriteFile(filepath.Join(gen, "errcodes.yaml"), []byte("version: 1\nrules:\n  retry_after: [503]\ncodes:\n  - code: a\n    status: 400\n"), 0o644))
		after := assertFresh(t, dir, cache, nil, "./node_modules/...")
		assert.NotEqual(t, before, after, "the edit changes the findings")
	})
	t.Run("a directory named errcodes.yaml", func(t *testing.T) {
		dir := copyFixture(t, "vaultfix")
		cache := t.TempDir()
		assertFresh(t, dir, cache, nil, "./...")
		nested := filepath.Join(dir, "handler", "errcodes.yaml")
		require.NoError(t, os.Mkdir(nested, 0o755))
		r := assertFresh(t, dir, cache, nil, "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assert.Empty(t, r.stdout)
		// Once for the run, though every pass of the package fails with
		// it. Package router, under the module's catalog, is still
		// analyzed: its finding needs only handler's flow facts, which
		// no catalog governs.
		var routerFinding []string
		for _, w := range flatten(under(handlerFindings(t, dir, ""), "router/"), standalone) {
			routerFinding = append(routerFinding, regexp.QuoteMeta(w.posn)+`: (?:`+w.message+`)\n`)
		}
		require.Len(t, routerFinding, 1)
		assert.Regexp(t, `^`+regexp.QuoteMeta("errcodelint: handler/errcodes.yaml: catalog is a directory, not a regular file\n")+routerFinding[0]+`$`, r.stderr, "%s", r)
	})
	t.Run("an OpenAPI document", func(t *testing.T) {
		// A catalog that points at its document: an edit of the
		// document alone is seen by go vet's cache, keyed on the tool's
		// identity. (The command's cache is the differential test's
		// "OpenAPI document" step.)
		dir := copyFixture(t, "vaultfix")
		things := filepath.Join(dir, "things")
		require.NoError(t, os.MkdirAll(things, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(things, "things.go"), []byte(thingsGo), 0o644))
		doc := filepath.Join(things, "openapi.yaml")
		require.NoError(t, os.WriteFile(doc, []byte(thingsAPI), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(things, "errcodes.yaml"), []byte("version: 1\nopenapi: openapi.yaml\n"), 0o644))
		const undocumented = "handler getThing can send status 409, which operation getThing (GET /v1/things/{id}) does not document"
		vet := func() result { return run(t, dir, nil, "go", "vet", "-vettool="+errcodelint(t), "./things") }
		before := vet()
		assert.Contains(t, before.stderr, undocumented, "%s", before)
		require.NoError(t, os.WriteFile(doc, []byte(thingsAPI+conflictResponse), 0o644))
		after := vet()
		assert.NotContains(t, after.stderr, undocumented, "the edit is seen\n%s", after)
	})
	t.Run("go.work elsewhere", func(t *testing.T) {
		// go vet's cache, keyed on the tool's identity: it covers the
		// modules of a workspace whose go.work is not above the
		// working directory.
		dir := copyFixture(t, "vaultfix")
		work := filepath.Join(t.TempDir(), "go.work")
		require.NoError(t, os.WriteFile(work, []byte("go 1.26\n\nuse "+dir+"\n"), 0o644))
		env := []string{"GOWORK=" + work}
		vet := func() result { return run(t, dir, env, "go", "vet", "-vettool="+errcodelint(t), "./...") }
		before := vet()
		assert.Equal(t, 1, before.code, "%s", before)
		setStatus(t, filepath.Join(dir, "errcodes.yaml"), "secret_not_found", 400)
		after := vet()
		assert.Contains(t, after.stderr, "is sent with status 404; the catalog says 400", "the edit is seen\n%s", after)
	})
}

// Case 3: a catalog edited while a cold run goes on, then reverted: the
// runs after it say what fresh runs say.
func TestCacheCatalogEditedDuringRun(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	catalog := filepath.Join(dir, "errcodes.yaml")
	for i := range 3 {
		cache := t.TempDir() // cold: the edit comes while units run
		log := filepath.Join(t.TempDir(), "runlog")
		s := startRun(t, dir, cache, log, "./...")
		s.waitForLog(t, log)
		require.NotEmpty(t, runLog(t, log), "the run analyzes units")
		setStatus(t, catalog, "secret_not_found", 400+i)
		<-s.done // it may fail: its catalog changed
		assertFresh(t, dir, cache, nil, "./...")
		setStatus(t, catalog, "secret_not_found", 404)
		assertFresh(t, dir, cache, nil, "./...")
	}
}

// Case 5: another build of the same size and modification time at the
// executable's path is not served the first build's results.
func TestCacheKeysTheExecutableContent(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	built, err := os.ReadFile(errcodelint(t))
	require.NoError(t, err)
	bin := filepath.Join(t.TempDir(), "errcodelint")
	cache := t.TempDir()
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var analyzed []int
	for i := range 2 {
		data := fmt.Appendf(append([]byte(nil), built...), "\nbuild %d\n", i)
		require.NoError(t, os.WriteFile(bin, data, 0o755))
		require.NoError(t, os.Chtimes(bin, stamp, stamp))
		log := filepath.Join(t.TempDir(), "runlog")
		r := run(t, dir, []string{"ERRCODELINT_CACHE=" + cache}, bin, "-runlog", log, "./...")
		assert.Equal(t, 3, r.code, "%s", r)
		analyzed = append(analyzed, len(runLog(t, log)))
	}
	assert.NotZero(t, analyzed[1], "the second build analyzes anew")
	assert.Equal(t, analyzed[0], analyzed[1], "every unit")
}

// Case 6: explicit catalogs count by path as well as content: switching
// to another file with the same content cites the new file.
func TestCacheCitesTheCatalogUsed(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	cache := t.TempDir()
	data, err := os.ReadFile(filepath.Join(dir, "api.yaml"))
	require.NoError(t, err)
	for _, name := range []string{"one.yaml", "two.yaml"} {
		p := filepath.Join(t.TempDir(), name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		for _, env := range [][]string{{"ERRCODELINT_CATALOG=" + p}, nil} {
			args := []string{"./..."}
			if env == nil {
				args = []string{"-catalog", p, "./..."}
			}
			r := assertFresh(t, dir, cache, env, args...)
			assert.Contains(t, r.stderr, "("+name+":", "%s", r)
		}
	}
}

// Case 7: under go vet, a catalog that does not load fails every run,
// not only the first.
func TestGoVetBadCatalogFailsEveryRun(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "errcodes.yaml"), []byte("version: 1\ncodes:\n  - code: a\n    stauts: 400\n"), 0o644))
	for range 2 {
		r := run(t, dir, nil, "go", "vet", "-vettool="+errcodelint(t), "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assert.Contains(t, r.stderr, `unknown key "stauts"`, "%s", r)
	}
}

// A catalog name that is a FIFO, or a link to an endless device, anywhere
// in the module: runs end, under go vet and standalone.
func TestCatalogNamesThatAreNotFiles(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	data := filepath.Join(dir, "testdata")
	require.NoError(t, os.MkdirAll(filepath.Join(data, "zero"), 0o755))
	require.NoError(t, syscall.Mkfifo(filepath.Join(data, "errcodes.yaml"), 0o644))
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(data, "zero", "errcodes.yaml")))
	done := make(chan struct{})
	go func() {
		defer close(done)
		r := cacheRun(t, dir, t.TempDir(), nil, "./...")
		assert.Equal(t, 3, r.code, "%s", r)
		r = run(t, dir, nil, "go", "vet", "-vettool="+errcodelint(t), "./...")
		assert.Equal(t, 1, r.code, "%s", r)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("a run hangs on a catalog name that is not a regular file")
	}
}

// From a subdirectory, ./... names the packages below it and no others:
// not the packages of the module they import.
func TestCacheFromSubdirectory(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "httpx", "busy.go"), []byte("package httpx\n\nimport \"net/http\"\n\nfunc Busy(w http.ResponseWriter) { w.WriteHeader(http.StatusTooManyRequests) }\n"), 0o644))
	cache := t.TempDir()
	sub := cacheRun(t, filepath.Join(dir, "handler"), cache, nil, "./...")
	root := cacheRun(t, dir, cache, nil, "./handler/...")
	assert.Equal(t, 3, sub.code, "%s", sub)
	assert.NotContains(t, sub.stderr, "busy.go", "%s", sub)
	// The same findings, each file named from where the run was made, as
	// go vet names it: handler/handler.go from the root, handler.go below.
	require.Regexp(t, `^(?:handler/\S+\.go:\d+:\d+: .*\n)+$`, root.stderr, "%s", root)
	assert.Equal(t, regexp.MustCompile(`(?m)^handler/`).ReplaceAllString(root.stderr, ""), sub.stderr)
	assert.Equal(t, root.code, sub.code)
	all := cacheRun(t, dir, cache, nil, "./...")
	assert.Contains(t, all.stderr, "busy.go", "%s", all)
}

// -tags selects the files, as for the go command.
func TestCacheTags(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "httpx", "tagged.go"), []byte("//go:build special\n\npackage httpx\n\nimport \"net/http\"\n\nfunc Busy(w http.ResponseWriter) { w.WriteHeader(http.StatusTooManyRequests) }\n"), 0o644))
	cache := t.TempDir()
	r := cacheRun(t, dir, cache, nil, "./httpx")
	assert.Zero(t, r.code, "%s", r)
	r = assertFresh(t, dir, cache, nil, "-tags=special", "./httpx")
	assert.Equal(t, 3, r.code, "%s", r)
	assert.Contains(t, r.stderr, "tagged.go:7:", "%s", r)
	inProcess := cacheRun(t, dir, cache, []string{"ERRCODELINT_ENGINE=inprocess"}, "-tags=special", "./httpx")
	assert.Equal(t, r, inProcess, "the in-process engine honours -tags too")
}

// Editing a catalog given by flag analyzes only the packages that read
// it, not the standard library's, whose facts depend on no catalog.
func TestCacheCatalogFlagEdit(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	cache := t.TempDir()
	api := filepath.Join(dir, "api.yaml")
	assertFresh(t, dir, cache, nil, "-catalog", api, "./...")
	setStatus(t, api, "secret_not_found", 400)
	log := filepath.Join(t.TempDir(), "runlog")
	r := run(t, dir, []string{"ERRCODELINT_CACHE=" + cache}, errcodelint(t), "-runlog", log, "-catalog", api, "./...")
	assert.Equal(t, 3, r.code, "%s", r)
	analyzed := runLog(t, log)
	assert.NotEmpty(t, analyzed)
	for _, u := range analyzed {
		assert.True(t, strings.HasPrefix(u, "example.com/vaultfix/"), "only the module's packages run again, not %s", u)
	}
}
