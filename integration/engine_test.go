package integration

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// freshTool is a copy of the errcodelint binary with bytes appended: its
// content is new, so that no cache holds anything for it.
func freshTool(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(errcodelint(t))
	require.NoError(t, err)
	bin := filepath.Join(t.TempDir(), "errcodelint")
	data = fmt.Appendf(data, "\n%s %d\n", t.Name(), rand.Int64())
	require.NoError(t, os.WriteFile(bin, data, 0o755))
	return bin
}

// runLog reads the units the tool analyzed, as the hidden flag -runlog
// FILE has them listed: "importpath vetxonly=BOOL" lines. (The command
// reads no run log from the environment: what it tells its units is not
// the user's to set.)
func runLog(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	return strings.Fields(strings.ReplaceAll(string(data), " vetxonly=", "@"))
}

// TestEngine runs the standalone command, which runs its passes one
// package at a time through its own cache, and checks what the cache
// does: a rerun analyzes nothing, a catalog edit changes the findings and
// analyzes only the packages under the catalog, and the output is the
// in-process driver's.
func TestEngine(t *testing.T) {
	endToEnd(t)
	bin := freshTool(t)
	dir := copyFixture(t, "vaultfix")
	logFile := filepath.Join(t.TempDir(), "runlog")
	env := []string{"ERRCODELINT_CACHE=" + t.TempDir()}
	lint := func(t *testing.T, extra []string, args ...string) result {
		t.Helper()
		return run(t, dir, append(slices.Clone(env), extra...), bin, append([]string{"-runlog", logFile}, args...)...)
	}
	inProcess := []string{"ERRCODELINT_ENGINE=inprocess"}

	first := lint(t, nil, "./...")
	assert.Equal(t, 3, first.code, "exit status 3 means findings\n%s", first)
	discovered := catalogRef(t, filepath.Join(dir, "errcodes.yaml"), "secret_not_found")
	assertFindings(t, textFindings(t, first.stderr), flatten(handlerFindings(t, dir, discovered), standalone))
	analyzed := runLog(t, logFile)
	assert.Contains(t, analyzed, "example.com/vaultfix/handler@false", "the first run analyzes the package")
	assert.Contains(t, analyzed, "net/http@true", "and its dependencies, for facts")

	t.Run("rerun is served from cache", func(t *testing.T) {
		before := len(runLog(t, logFile))
		r := lint(t, nil, "./...")
		assert.Equal(t, first, r)
		assert.Len(t, runLog(t, logFile), before, "a rerun with nothing changed analyzes nothing")
	})

	t.Run("same output as the in-process driver", func(t *testing.T) {
		// Both engines print through one printer: what is compared is
		// what each engine found, in every format.
		for _, args := range [][]string{
			{"./..."}, {"-json", "./..."}, {"-format", "sarif", "./..."}, {"-format", "github", "./..."},
			{"-c", "1", "./..."}, {"-retryafter=false", "./..."}, {"./httpx"},
		} {
			want := lint(t, inProcess, args...)
			got := lint(t, nil, args...)
			assert.Equal(t, want.code, got.code, "%s\n%s", want, got)
			assert.Equal(t, want.stdout, got.stdout, "%s\n%s", want, got)
			assert.Equal(t, want.stderr, got.stderr, "%s\n%s", want, got)
		}
		// The comparison sees a difference in what the engines found: the
		// in-process engine without a pass is not the vet engine with it.
		without := lint(t, inProcess, "-retryafter=false", "-json", "./...")
		with := lint(t, nil, "-json", "./...")
		assert.NotEqual(t, without.stdout, with.stdout)

		// -json: one tree, exit 3 with findings, whichever engine; each
		// diagnostic's category is its check.
		for _, env := range [][]string{nil, inProcess} {
			r := lint(t, env, "-json", "./...")
			assert.Equal(t, 3, r.code, "%s", r)
			var tree map[string]map[string][]jsonDiagnostic
			dec := json.NewDecoder(strings.NewReader(r.stdout))
			require.NoError(t, dec.Decode(&tree), "%s", r)
			assert.False(t, dec.More(), "one JSON value\n%s", r)
			assert.Len(t, tree["example.com/vaultfix/handler"]["errcode"], 3)
			assert.Len(t, tree["example.com/vaultfix/handler"]["retryafter"], 1)
			var diags []jsonDiagnostic
			for _, byPass := range tree {
				for _, ds := range byPass {
					diags = append(diags, ds...)
				}
			}
			assertFindings(t, jsonFindings(t, dir, diags), flatten(handlerFindings(t, dir, discovered), standalone))
		}
		// A clean package exits 0.
		r := lint(t, nil, "./httpx")
		assert.Zero(t, r.code, "%s", r)
		assert.Empty(t, r.stderr)
	})

	t.Run("fix and diff", func(t *testing.T) {
		// -fix -diff applies nothing: the diff on stdout; on stderr how
		// many fixes it holds, then the findings without a fix; exit 3
		// as the run without -fix, since the findings are all still there.
		handler := filepath.Join(dir, "handler", "handler.go")
		before, err := os.ReadFile(handler)
		require.NoError(t, err)
		r := lint(t, nil, "-fix", "-diff", "./...")
		assert.Equal(t, 3, r.code, "%s", r)
		lines := strings.Split(r.stdout, "\n")
		for _, line := range []string{
			"-\thttpx.WriteError(w, http.StatusBadRequest, \"secret_not_found\", \"no such secret\")",
			"+\thttpx.WriteError(w, http.StatusNotFound, \"secret_not_found\", \"no such secret\")",
			"-\tw.WriteHeader(http.StatusBadRequest)",
			"+\tw.WriteHeader(http.StatusNotFound)",
			"+\tw.Header().Set(\"Retry-After\", \"SECONDS\")",
		} {
			assert.Contains(t, lines, line, "%s", r)
		}
		unknown := at(t, dir, "handler/handler.go", `"secret_notfound"`, `"secret_notfound"`)
		registered := at(t, dir, "router/router.go", `handler.GetSecret)`, "handler.GetSecret")
		assert.Equal(t, "errcodelint: the diff holds 3 fixes in 1 file, not applied (-diff)\n"+
			unknown+`: code "secret_notfound" is not in the catalog; did you mean "secret_not_found"? (errcode/unknown-code)`+"\n"+
			registered+`: handler GetSecret can send status 400, which operation getSecret (GET /v1/secrets/{id}) does not document; it documents 404 (openapi.yaml:14) (errcode/operation)`+"\n", r.stderr, "%s", r)
		after, err := os.ReadFile(handler)
		require.NoError(t, err)
		assert.Equal(t, string(before), string(after), "-diff must not change the file")

		// -fix on a copy: it says what it applied, then prints what is
		// left, exit 3: the code no fix can guess, and the Retry-After
		// placeholder its fix wrote, until a delay replaces it. The
		// handler router registers now sends the 404 its operation
		// documents: the registration's finding is gone with the fix.
		fixed := copyFixture(t, "vaultfix")
		r = run(t, fixed, env, bin, "-fix", "./...")
		assert.Equal(t, 3, r.code, "findings remain\n%s", r)
		assert.Empty(t, r.stdout)
		src, err := os.ReadFile(filepath.Join(fixed, "handler", "handler.go"))
		require.NoError(t, err)
		for _, line := range []string{
			"\thttpx.WriteError(w, http.StatusNotFound, \"secret_not_found\", \"no such secret\")",
			"\tw.WriteHeader(http.StatusNotFound)",
			"\tw.Header().Set(\"Retry-After\", \"SECONDS\")",
		} {
			assert.Contains(t, strings.Split(string(src), "\n"), line, "after -fix:\n%s", src)
		}
		assert.Equal(t, "errcodelint: applied 3 fixes in 1 file\n"+
			at(t, fixed, "handler/handler.go", `"secret_notfound"`, `"secret_notfound"`)+
			`: code "secret_notfound" is not in the catalog; did you mean "secret_not_found"? (errcode/unknown-code)`+"\n"+
			at(t, fixed, "handler/handler.go", `w.Header().Set("Retry-After", "SECONDS")`, `"SECONDS"`)+
			`: Retry-After value "SECONDS" is neither delay-seconds (a non-negative integer) nor an HTTP-date (retryafter/value)`+"\n", r.stderr, "%s", r)
	})

	t.Run("catalog edit", func(t *testing.T) {
		before := len(runLog(t, logFile))
		catalog := filepath.Join(dir, "errcodes.yaml")
		setStatus(t, catalog, "secret_not_found", 400)
		t.Cleanup(func() { setStatus(t, catalog, "secret_not_found", 404) })
		r := lint(t, nil, "./...")
		assert.Equal(t, 3, r.code, "%s", r)
		assert.Contains(t, textFindings(t, r.stderr), finding{
			at(t, dir, "handler/good.go", `http.StatusNotFound, "secret_not_found"`, "http.StatusNotFound"),
			`code "secret_not_found" is sent with status 404; the catalog says 400 (` + catalogRef(t, catalog, "secret_not_found") + `) (errcode/status)`,
		}, "%s", r)
		again := runLog(t, logFile)[before:]
		assert.NotEmpty(t, again, "the edit is seen")
		for _, unit := range again {
			assert.True(t, strings.HasPrefix(unit, "example.com/vaultfix/"), "only the packages under the catalog are analyzed again, not %s", unit)
		}
	})

	t.Run("catalog flag outside the module", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(dir, "api.yaml"))
		require.NoError(t, err)
		api := filepath.Join(t.TempDir(), "api.yaml")
		require.NoError(t, os.WriteFile(api, data, 0o644))
		r := lint(t, nil, "-catalog", api, "./...")
		assert.Equal(t, 3, r.code, "%s", r)
		assertFindings(t, textFindings(t, r.stderr), flatten(handlerFindings(t, dir, catalogRef(t, api, "secret_not_found")), standalone))

		setStatus(t, api, "secret_not_found", 400)
		r = lint(t, nil, "-catalog", api, "./...")
		assert.Equal(t, 3, r.code, "%s", r)
		var wrong []string
		for _, f := range textFindings(t, r.stderr) {
			if strings.Contains(f.message, "is sent with status") {
				wrong = append(wrong, f.message)
			}
		}
		assert.Equal(t, []string{`code "secret_not_found" is sent with status 404; the catalog says 400 (` + catalogRef(t, api, "secret_not_found") + `) (errcode/status)`}, wrong, "%s", r)
	})
}
