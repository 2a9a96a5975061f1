package main_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// copyModule copies the fixture module dir to a directory of the test's,
// for a run that changes its files.
func copyModule(t *testing.T, dir string) string {
	t.Helper()
	to := t.TempDir()
	require.NoError(t, os.CopyFS(to, os.DirFS(dir)))
	return to
}

// -fix says what it fixed and prints what is left, with the findings
// exit status; -fix -diff applies nothing, prints the diff and the
// findings without a fix, and exits as the findings do; both engines
// alike. On the interleave fixture two findings have a fix (a wrong
// status; a missing Retry-After, set to a placeholder that is itself
// reported until a delay is written) and one has none.
func TestFix(t *testing.T) {
	bin := build(t)
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			dir := copyModule(t, interleave(t))
			env := append(engineEnv(engine), "ERRCODELINT_CACHE="+t.TempDir())
			server := filepath.Join(dir, "server.go")
			before, err := os.ReadFile(server)
			require.NoError(t, err)

			stdout, stderr, code := runWith(t, env, dir, bin, "-fix", "-diff", ".")
			assert.Equal(t, 3, code, "findings, fixed in the diff or not\n%s", stderr)
			lines := strings.Split(stdout, "\n")
			assert.Contains(t, lines, "-\tw.WriteHeader(http.StatusBadRequest)", stdout)
			assert.Contains(t, lines, "+\tw.WriteHeader(http.StatusNotFound)", stdout)
			assert.Contains(t, lines, "+\tw.Header().Set(\"Retry-After\", \"SECONDS\")", stdout)
			assert.Equal(t, `errcodelint: the diff holds 2 fixes in 1 file, not applied (-diff)
server.go:32:53: code "secret_notfound" is not in the catalog; did you mean "secret_not_found"? (errcode/unknown-code)
`, stderr)
			after, err := os.ReadFile(server)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "-diff changes nothing")

			stdout, stderr, code = runWith(t, env, dir, bin, "-fix", ".")
			assert.Equal(t, 3, code, "findings remain\n%s", stderr)
			assert.Empty(t, stdout)
			assert.Equal(t, `errcodelint: applied 2 fixes in 1 file
server.go:26:32: Retry-After value "SECONDS" is neither delay-seconds (a non-negative integer) nor an HTTP-date (retryafter/value)
server.go:33:53: code "secret_notfound" is not in the catalog; did you mean "secret_not_found"? (errcode/unknown-code)
`, stderr)
			after, err = os.ReadFile(server)
			require.NoError(t, err)
			assert.Contains(t, string(after), "\tw.WriteHeader(http.StatusNotFound)\n")
			assert.Contains(t, string(after), "\tw.Header().Set(\"Retry-After\", \"SECONDS\")\n\thttp.Error(w, \"slow down\", http.StatusTooManyRequests)\n")

			if engine == "inprocess" {
				return // (loads net/http from source each time)
			}
			// Nothing left to fix: the findings, as a run without -fix.
			_, stderr, code = runWith(t, env, dir, bin, "-fix", ".")
			assert.Equal(t, 3, code)
			assert.Equal(t, `server.go:26:32: Retry-After value "SECONDS" is neither delay-seconds (a non-negative integer) nor an HTTP-date (retryafter/value)
server.go:33:53: code "secret_notfound" is not in the catalog; did you mean "secret_not_found"? (errcode/unknown-code)
`, stderr)
		})
	}
}

// -fix that leaves no finding exits 0; -fix -diff on the same code exits
// 3, since nothing is applied. The findings of -fix go in -format's
// format, after the fixes.
func TestFixAll(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	src := filepath.Join(interleave(t), "errcodes.yaml")
	catalog, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "errcodes.yaml"), catalog, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/fixall\n\ngo 1.26\n"), 0o644))
	server := filepath.Join(dir, "server.go")
	require.NoError(t, os.WriteFile(server, []byte(`package server

import (
	"encoding/json"
	"net/http"
)

type body struct {
	Error detail `+"`json:\"error\"`"+`
}

type detail struct {
	Code string `+"`json:\"code\"`"+`
}

func Missing(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(body{Error: detail{Code: "secret_not_found"}})
}
`), 0o644))
	env := append(engineEnv("vet"), "ERRCODELINT_CACHE="+t.TempDir())

	stdout, stderr, code := runWith(t, env, dir, bin, "-fix", "-diff", ".")
	assert.Equal(t, 3, code, stderr)
	assert.Contains(t, stdout, "+\tw.WriteHeader(http.StatusNotFound)\n")
	assert.Equal(t, "errcodelint: the diff holds 1 fix in 1 file, not applied (-diff)\n", stderr)

	stdout, stderr, code = runWith(t, env, dir, bin, "-fix", "-format", "json", ".")
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, "errcodelint: applied 1 fix in 1 file\n", stderr)
	assert.Equal(t, "{}\n", stdout, "no findings left")
	data, err := os.ReadFile(server)
	require.NoError(t, err)
	assert.Contains(t, string(data), "w.WriteHeader(http.StatusNotFound)")

	stdout, stderr, code = runWith(t, env, dir, bin, "-fix", ".")
	assert.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout)
	assert.Empty(t, stderr, "clean, and nothing to fix")
}

// Under go vet, go vet sets the exit status of -fix, as errcodelint -h
// says: -fix -diff exits 1 on a diff that is not empty, and -fix applies
// the fixes and exits 0 though findings remain.
func TestFixUnderGoVet(t *testing.T) {
	bin := build(t)
	dir := copyModule(t, interleave(t))
	vet := func(args ...string) (string, int) {
		cmd := exec.Command("go", append([]string{"vet", "-vettool=" + bin}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "ERRCODELINT_CATALOG=")
		out, err := cmd.Output()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return string(out), exit.ExitCode()
		}
		require.NoError(t, err)
		return string(out), 0
	}
	out, code := vet("-fix", "-diff", ".")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "+\tw.WriteHeader(http.StatusNotFound)\n")
	_, code = vet("-fix", ".")
	assert.Equal(t, 0, code)
	data, err := os.ReadFile(filepath.Join(dir, "server.go"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "\tw.WriteHeader(http.StatusNotFound)\n")
}

// A catalog that points at its OpenAPI document: -fix documents a status
// a handler sends in the document itself, beside the fixes of Go files,
// and the run that follows finds nothing. (The inprocess engine is
// go/analysis's multichecker as it is, which applies a fix only to the
// files of the package analyzed: it says so and skips the document's.)
func TestFixDocument(t *testing.T) {
	bin := build(t)
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata", "src", "operations_openapi"))
	require.NoError(t, err)
	for _, engine := range []string{"vet"} {
		t.Run(engine, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range []string{"errcodes.yaml", "api.yaml", "secrets.go"} {
				data, err := os.ReadFile(filepath.Join(src, name))
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
			}
			require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/secrets\n\ngo 1.26\n"), 0o644))
			env := append(engineEnv(engine), "ERRCODELINT_CACHE="+t.TempDir())

			stdout, stderr, code := runWith(t, env, dir, bin, "-fix", "-diff", ".")
			assert.Equal(t, 3, code, stderr)
			assert.Contains(t, stdout, "+        \"409\":\n+          description: Conflict\n", stdout)
			assert.Equal(t, "errcodelint: the diff holds 2 fixes in 2 files, not applied (-diff)\n", stderr)

			stdout, stderr, code = runWith(t, env, dir, bin, "-fix", ".")
			assert.Equal(t, 0, code, stderr)
			assert.Empty(t, stdout)
			assert.Equal(t, "errcodelint: applied 2 fixes in 2 files\n", stderr)
			for _, name := range []string{"api.yaml", "secrets.go"} {
				got, err := os.ReadFile(filepath.Join(dir, name))
				require.NoError(t, err)
				want, err := os.ReadFile(filepath.Join(src, name+".golden"))
				require.NoError(t, err)
				assert.Equal(t, string(want), string(got), name)
			}
		})
	}
}
