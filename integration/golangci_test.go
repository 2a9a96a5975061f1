package integration

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golangciVersion is the golangci-lint release the plugin is built into:
// the one whose go.mod pins the golang.org/x/tools errcodelint uses.
const golangciVersion = "v2.15.0"

// wrapperGoMod is the go.mod of the module that builds the custom
// golangci-lint from testdata/golangci/wrapper, given golangci-lint's
// version and the checkout's path.
const wrapperGoMod = `module errcodelint.test/golangci-lint

go 1.26.0

require (
	github.com/errcodelint/errcodelint v0.0.0-00010101000000-000000000000
	github.com/golangci/golangci-lint/v2 %s
)

replace github.com/errcodelint/errcodelint => %s
`

// TestGolangciLint runs a golangci-lint with errcodelint's module plugin
// built in on the fixture module, configured by .golangci.yml.
func TestGolangciLint(t *testing.T) {
	slowSuite(t)
	bin := customGolangciLint(t)
	// golangci-lint's own cache, new for each run of the test.
	env := []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}
	lint := func(t *testing.T, dir string, args ...string) result {
		t.Helper()
		return run(t, dir, env, bin, append([]string{"run", "--show-stats=false"}, args...)...)
	}
	fixture := func(t *testing.T, config string) string {
		t.Helper()
		dir := copyFixture(t, "vaultfix")
		data, err := os.ReadFile(filepath.Join("testdata", "golangci", config))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, ".golangci.yml"), data, 0o644))
		return dir
	}

	t.Run("findings", func(t *testing.T) {
		dir := fixture(t, "golangci.yml")
		r := lint(t, dir, "--output.json.path=stdout", "./...")
		assert.Equal(t, 1, r.code, "exit status 1 means issues\n%s", r)
		// The catalog setting names api.yaml; the //nolint:errcodelint
		// finding is left out.
		ref := catalogRef(t, filepath.Join(dir, "api.yaml"), "secret_not_found")
		assertFindings(t, golangciFindings(t, r), flatten(handlerFindings(t, dir, ref), golangci))
	})

	t.Run("fix", func(t *testing.T) {
		dir := fixture(t, "golangci.yml")
		handler := filepath.Join(dir, "handler", "handler.go")
		r := lint(t, dir, "--fix", "./...")
		assert.NotEqual(t, 3, r.code, "%s", r)
		src, err := os.ReadFile(handler)
		require.NoError(t, err)
		for _, line := range []string{
			"\thttpx.WriteError(w, http.StatusNotFound, \"secret_not_found\", \"no such secret\")",
			"\tw.WriteHeader(http.StatusNotFound)",
		} {
			assert.Contains(t, strings.Split(string(src), "\n"), line, "after --fix:\n%s", src)
		}
		assert.NotContains(t, string(src), "http.StatusBadRequest", "after --fix")

		r = lint(t, dir, "--output.json.path=stdout", "./...")
		for _, f := range golangciFindings(t, r) {
			assert.NotContains(t, f.message, "is sent with status", "after --fix: %s", f)
		}
	})

	t.Run("catalog edit", func(t *testing.T) {
		// golangci-lint's cache is kept between the runs: the plugin puts
		// the catalogs' hash into the name of an analyzer, which
		// golangci-lint keys the cached issues on.
		dir := fixture(t, "golangci.yml")
		api := filepath.Join(dir, "api.yaml")
		r := lint(t, dir, "--output.json.path=stdout", "./...")
		require.Equal(t, 1, r.code, "%s", r)
		setStatus(t, api, "secret_not_found", 400)
		r = lint(t, dir, "--output.json.path=stdout", "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assert.Contains(t, golangciFindings(t, r), finding{
			at(t, dir, "handler/good.go", `http.StatusNotFound, "secret_not_found"`, "http.StatusNotFound"),
			`errcode: code "secret_not_found" is sent with status 404; the catalog says 400 (` + catalogRef(t, api, "secret_not_found") + `)`,
		}, "%s", r)
	})

	// With an empty settings block, or none, golangci-lint gives the
	// plugin no settings at all; a discovered catalog's edit must still
	// reach the findings of a run that reuses the cache.
	for _, tc := range []struct{ name, config string }{
		{"settings: {}", "empty-settings.yml"},
		{"no settings", "no-settings.yml"},
	} {
		t.Run("discovered catalog edit with "+tc.name, func(t *testing.T) {
			dir := fixture(t, tc.config)
			errcodes := filepath.Join(dir, "errcodes.yaml")
			cache := t.TempDir()
			wrong := finding{
				at(t, dir, "handler/good.go", `http.StatusNotFound, "secret_not_found"`, "http.StatusNotFound"),
				`errcode: code "secret_not_found" is sent with status 404; the catalog says 400 (` + catalogRef(t, errcodes, "secret_not_found") + `)`,
			}
			lintIn := func(cache string) result {
				// GL_DEBUG logs, to stderr, how many packages came from the cache.
				env := []string{"GOLANGCI_LINT_CACHE=" + cache, "GL_DEBUG=goanalysis/issues/cache"}
				return run(t, dir, env, bin, "run", "--show-stats=false", "--output.json.path=stdout", "./...")
			}

			before := lintIn(cache)
			require.Equal(t, 1, before.code, "%s", before)
			require.NotContains(t, golangciFindings(t, before), wrong, "%s", before)
			// With nothing edited the issues come from the cache: the key
			// is stable, and the run after the edit tests the cache.
			again := lintIn(cache)
			require.Contains(t, again.stderr, "analyzing 0/", "a rerun is answered from the cache\n%s", again)
			require.Equal(t, golangciIssues(t, before), golangciIssues(t, again))
			setStatus(t, errcodes, "secret_not_found", 400)
			cached := lintIn(cache)
			fresh := lintIn(t.TempDir())

			require.Contains(t, golangciFindings(t, fresh), wrong, "the edit changes a finding\n%s", fresh)
			assert.Equal(t, fresh.code, cached.code, "exit status: fresh\n%s\ncached\n%s", fresh, cached)
			assert.Equal(t, golangciIssues(t, fresh), golangciIssues(t, cached), "a run on the cache says what a fresh run says")
		})
	}

	t.Run("catalog relative to the config", func(t *testing.T) {
		// catalog: api.yaml is beside .golangci.yml, wherever golangci-lint
		// runs: from a subdirectory, it finds the file upward.
		dir := fixture(t, "golangci.yml")
		ref := catalogRef(t, filepath.Join(dir, "api.yaml"), "secret_not_found")
		r := lint(t, filepath.Join(dir, "handler"), "--output.json.path=stdout", "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		// golangci-lint prints paths relative to the config's directory
		// (run.relative-path-mode: cfg), here dir. ./... from handler/
		// names package handler only, not package router.
		assertFindings(t, golangciFindings(t, r), flatten(under(handlerFindings(t, dir, ref), "handler/"), golangci))

		// A config elsewhere, named by -c: catalog: ../api.yaml.
		data, err := os.ReadFile(filepath.Join(dir, ".golangci.yml"))
		require.NoError(t, err)
		require.NoError(t, os.Remove(filepath.Join(dir, ".golangci.yml")))
		lintDir := filepath.Join(dir, "lint")
		require.NoError(t, os.Mkdir(lintDir, 0o755))
		data = bytes.Replace(data, []byte("catalog: api.yaml"), []byte("catalog: ../api.yaml"), 1)
		require.NoError(t, os.WriteFile(filepath.Join(lintDir, "golangci.yml"), data, 0o644))
		r = lint(t, dir, "-c", "lint/golangci.yml", "--output.json.path=stdout", "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		got := golangciFindings(t, r)
		for i := range got {
			got[i].posn = strings.TrimPrefix(got[i].posn, "../") // from lint/
		}
		assertFindings(t, got, flatten(handlerFindings(t, dir, ref), golangci))
	})

	t.Run("misspelt setting", func(t *testing.T) {
		dir := fixture(t, "misspelt.yml")
		r := lint(t, dir, "./...")
		assert.NotContains(t, []int{0, 1}, r.code, "a bad setting is an error, not a finding\n%s", r)
		assert.Contains(t, r.stdout+r.stderr, `unknown setting "catlog" (settings: catalog, enable, disable, strict)`, "%s", r)
	})
}

// golangciFindings parses golangci-lint's JSON report; every issue must
// come from the errcodelint linter.
func golangciFindings(t *testing.T, r result) []finding {
	t.Helper()
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &report), "%s", r)
	var got []finding
	for _, is := range report.Issues {
		assert.Equal(t, "errcodelint", is.FromLinter, "%s", is.Text)
		posn := fmt.Sprintf("%s:%d:%d", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column)
		got = append(got, finding{posn, is.Text})
	}
	return got
}

// golangciIssues is golangci-lint's JSON report of issues, whole (text,
// position, source lines, suggested fixes), one issue a line.
func golangciIssues(t *testing.T, r result) string {
	t.Helper()
	var report struct{ Issues []json.RawMessage }
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &report), "%s", r)
	var b strings.Builder
	for _, is := range report.Issues {
		b.Write(is)
		b.WriteByte('\n')
	}
	return b.String()
}

// customGolangciLint returns a golangci-lint with errcodelint's plugin
// built in, the way `golangci-lint custom` would build it but offline: a
// wrapper main module requires golangci-lint, blank-imports the plugin and
// replaces errcodelint with this checkout. The binary is kept in the user's
// cache directory under a hash of what it is built from, so that a rerun
// on unchanged sources skips the build; the build itself uses the shared
// Go build cache.
func customGolangciLint(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	main, err := os.ReadFile(filepath.Join("testdata", "golangci", "wrapper", "main.go"))
	require.NoError(t, err)
	// The binary is built with -trimpath: the checkout's path is not in
	// it, so it is not in the key either, and clones share one binary.
	key := sourceHash(t, root, golangciVersion, string(main), fmt.Sprintf(wrapperGoMod, golangciVersion, ""))

	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	cache = filepath.Join(cache, "errcodelint-e2e")
	bin := filepath.Join(cache, "golangci-lint-"+key[:16])
	if _, err := os.Stat(bin); err == nil {
		return bin
	}

	wrapper := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(wrapper, "go.mod"), fmt.Appendf(nil, wrapperGoMod, golangciVersion, root), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(wrapper, "main.go"), main, 0o644))
	require.NoError(t, os.MkdirAll(cache, 0o755))
	tmp, err := os.CreateTemp(cache, ".golangci-lint-*")
	require.NoError(t, err)
	require.NoError(t, tmp.Close())
	defer os.Remove(tmp.Name())
	// -mod=mod fills in go.sum from the module cache or the proxy.
	mustRun(t, wrapper, nil, "go", "build", "-mod=mod", "-trimpath", "-o", tmp.Name(), ".")
	// Renamed into place whole, so that a concurrent run never sees half a
	// binary; then older builds go.
	require.NoError(t, os.Rename(tmp.Name(), bin))
	old, err := filepath.Glob(filepath.Join(cache, "golangci-lint-*"))
	require.NoError(t, err)
	for _, o := range old {
		if o != bin {
			os.Remove(o)
		}
	}
	return bin
}

// sourceHash hashes extra and errcodelint's sources under root: go.mod,
// go.sum and the Go files that are not tests, outside testdata and nested
// modules.
func sourceHash(t *testing.T, root string, extra ...string) string {
	t.Helper()
	h := sha256.New()
	for _, s := range extra {
		fmt.Fprintf(h, "%d\n%s", len(s), s)
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if rel == "." {
				return nil
			}
			if name := d.Name(); name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if rel != "go.mod" && rel != "go.sum" && (!strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return nil
	})
	require.NoError(t, err)
	return hex.EncodeToString(h.Sum(nil))
}
