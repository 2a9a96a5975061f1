// Package integration runs errcodelint end to end, the ways its users run
// it: under go vet -vettool, as a golangci-lint module plugin, and as a
// pre-commit hook. Each test builds what it runs from this checkout and
// runs it on the fixture module testdata/vaultfix.
//
// The tests run only with -e2e (minutes of go builds and go vet runs, too
// many for go test ./... on two cores): .ci/run runs them as a step of its
// own. A tool they need (git, pre-commit) that is missing skips them too,
// except when $CI is set: there it fails them, since .ci/run installs every
// tool.
package integration

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// e2e runs the end-to-end tests. Each builds or runs the command, go vet
// or the go tool on a fixture module that loads net/http: together about
// six minutes of CPU, more than go test ./... may take on two cores. They
// run as a step of their own in .ci/run.
var e2e = flag.Bool("e2e", false, "run the end-to-end tests (go vet, go tool, the command and its cache: minutes): a step of its own in .ci/run")

// endToEnd marks t as an end-to-end test: skipped, saying why, unless -e2e
// (or -slow) is given and -short is not; run in parallel with the others.
func endToEnd(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	if !*e2e && !*slow {
		t.Skip("end-to-end test (minutes of go builds and go vet runs): run with go test ./integration -e2e (.ci/run does)")
	}
	t.Parallel()
}

// slow runs the slow end-to-end suites too: the custom golangci-lint
// build and pre-commit. They run as their own step of .ci/run, so that
// go test ./... stays within its default timeout.
var slow = flag.Bool("slow", false, "also run the slow end-to-end suites (golangci-lint's custom build, pre-commit): a step of their own in .ci/run")

// slowSuite marks t as one of the slow suites: skipped, saying why,
// unless -slow is given.
func slowSuite(t *testing.T) {
	t.Helper()
	if !*slow {
		t.Skip("slow end-to-end suite: run with go test ./integration -slow (.ci/run does)")
	}
	endToEnd(t)
}

// lookTool returns the path of the program name. When it is missing the
// test is skipped, or fails under CI, where .ci/run installs it.
func lookTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is required under CI (.ci/run installs it): %v", name, err)
	}
	t.Skipf("%s is not installed: %v", name, err)
	return ""
}

// repoRoot is the root of the checkout under test.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(root, "go.mod"))
	return root
}

// copyFixture copies testdata/name into a new temporary directory, so that
// a test may change it (--fix, git) and returns the copy's path.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join("testdata", name))))
	return dir
}

// environ is the environment of every command a test runs: this process's,
// without what would change errcodelint's or go's behavior behind the
// test's back (a test that wants the in-process engine asks for it).
func environ(extra ...string) []string {
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		return name == "ERRCODELINT_CATALOG" || name == "ERRCODELINT_ENGINE" || name == "GOWORK"
	})
	return append(env, append([]string{"GOWORK=off"}, extra...)...)
}

// A result is what a finished command printed and its exit status.
type result struct {
	cmd            string
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("$ %s\nexit status %d\nstdout:\n%s\nstderr:\n%s", r.cmd, r.code, r.stdout, r.stderr)
}

// run runs name with args in dir and returns its result; a command that
// cannot start, or is killed, fails the test. env adds to environ().
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx := t.Context()
	if deadline, ok := t.Deadline(); ok {
		// Kill the command a little before go test's -timeout, to report
		// what it printed rather than only a panic.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-10*time.Second))
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = environ(env...)
	cmd.WaitDelay = 5 * time.Second // for children that hold the pipes open
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{
		cmd:    strings.Join(append([]string{filepath.Base(name)}, args...), " "),
		stdout: stdout.String(),
		stderr: stderr.String(),
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.Exited():
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%v\n%s", err, r)
	}
	return r
}

// mustRun is run for a command that must succeed.
func mustRun(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	r := run(t, dir, env, name, args...)
	require.Zero(t, r.code, "%s", r)
	return r
}

// binDir holds the binaries the tests build, for the whole run.
var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "errcodelint-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var buildOnce = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(binDir, "errcodelint")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/errcodelint")
	cmd.Dir = ".."
	cmd.Env = environ()
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/errcodelint: %v\n%s", err, out)
	}
	return bin, nil
})

// errcodelint builds cmd/errcodelint from the checkout, once for all the
// tests, and returns the binary's path.
func errcodelint(t *testing.T) string {
	t.Helper()
	bin, err := buildOnce()
	require.NoError(t, err)
	return bin
}

// A finding is one diagnostic as a driver printed it.
type finding struct {
	posn    string // "handler/handler.go:22:22", relative to the fixture
	message string
}

func (f finding) String() string { return f.posn + ": " + f.message }

// A want is a finding a test expects: its position, a regexp matching
// its whole message as the pass words it, and its check's ID.
type want struct {
	posn    string
	message string // regexp
	check   string // "errcode/status"; flatten adds it as a driver prints it
}

func (w want) String() string { return w.posn + ": " + w.message }

// assertFindings checks that got holds exactly the wanted findings, in any
// order.
func assertFindings(t *testing.T, got []finding, wants []want) {
	t.Helper()
	var missing []want
	rest := slices.Clone(got)
	for _, w := range wants {
		re := regexp.MustCompile(`^(?:` + w.message + `)$`)
		i := slices.IndexFunc(rest, func(f finding) bool { return f.posn == w.posn && re.MatchString(f.message) })
		if i < 0 {
			missing = append(missing, w)
			continue
		}
		rest = slices.Delete(rest, i, i+1)
	}
	if len(missing) > 0 || len(rest) > 0 {
		t.Errorf("findings differ\nmissing (position: message regexp):\n%s\nunexpected:\n%s\nall findings:\n%s",
			lines(missing), lines(rest), lines(got))
	}
}

func lines[T fmt.Stringer](xs []T) string {
	if len(xs) == 0 {
		return "\t(none)"
	}
	var b strings.Builder
	for _, x := range xs {
		fmt.Fprintf(&b, "\t%s\n", x)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// at is the position "file:line:col" of the first target on the only line
// of dir/file that contains marker, as drivers print it (1-based, byte
// columns).
func at(t *testing.T, dir, file, marker, target string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	require.NoError(t, err)
	pos := ""
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.Contains(line, marker) {
			continue
		}
		require.Empty(t, pos, "%s: %q is on more than one line", file, marker)
		k := strings.Index(line, target)
		require.GreaterOrEqual(t, k, 0, "%s:%d: no %q on the line", file, i+1, target)
		pos = fmt.Sprintf("%s:%d:%d", file, i+1, k+1)
	}
	require.NotEmpty(t, pos, "%s: no line contains %q", file, marker)
	return pos
}

// catalogRef is how a diagnostic cites code's entry in catalog:
// "errcodes.yaml:11".
func catalogRef(t *testing.T, catalog, code string) string {
	t.Helper()
	data, err := os.ReadFile(catalog)
	require.NoError(t, err)
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "- code: "+code {
			return fmt.Sprintf("%s:%d", filepath.Base(catalog), i+1)
		}
	}
	t.Fatalf("%s does not list %s", catalog, code)
	return ""
}

// The findings in the fixture testdata/vaultfix, each with its pass. The
// messages are the passes' own; the end-to-end tests only check that they
// come through each driver as that driver prints them (see printer), at
// the right place.
const (
	wrongStatus = `code "secret_not_found" is sent with status 400; the catalog says 404 \(%s\)`
	unknownCode = `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"\?`
	noRetry     = `status 429 is written without a Retry-After header`
	// undocumented cites the operation's spec field, the same in both
	// catalogs: the message does not depend on which a test uses.
	undocumented = `handler GetSecret can send status 400, which operation getSecret \(GET /v1/secrets/\{id\}\) does not document; it documents 404 \(openapi\.yaml:14\)`
)

// handlerFindings are the findings in the fixture's handler/handler.go
// and router/router.go, by pass, with ref the catalog reference of
// secret_not_found. Every driver leaves out the finding that a
// //nolint:errcodelint comment silences: the passes read the directive
// themselves.
func handlerFindings(t *testing.T, dir, ref string) map[string][]want {
	t.Helper()
	const file = "handler/handler.go"
	wrong := fmt.Sprintf(wrongStatus, regexp.QuoteMeta(ref))
	byPass := map[string][]want{
		"errcode": {
			// Needs the emitter fact of httpx.WriteError, from another package.
			{at(t, dir, file, `httpx.WriteError(w, http.StatusBadRequest, "secret_not_found"`, "http.StatusBadRequest"), wrong, "errcode/status"},
			{at(t, dir, file, `w.WriteHeader(http.StatusBadRequest)`, "http.StatusBadRequest"), wrong, "errcode/status"},
			{at(t, dir, file, `"secret_notfound"`, `"secret_notfound"`), unknownCode, "errcode/unknown-code"},
			// Needs handler.GetSecret's fact, which needs httpx.WriteError's:
			// facts across two packages, reported at the registration, in
			// the package that knows the route.
			{at(t, dir, "router/router.go", `handler.GetSecret)`, "handler.GetSecret"), undocumented, "errcode/operation"},
		},
		"retryafter": {
			{at(t, dir, file, `http.Error(w, "slow down", http.StatusTooManyRequests)`, "http.StatusTooManyRequests"), noRetry, "retryafter/missing"},
		},
	}
	return byPass
}

// under keeps the wanted findings in the files below the fixture's
// directory sub ("handler/"), for a run that names only those packages.
func under(byPass map[string][]want, sub string) map[string][]want {
	out := make(map[string][]want)
	for pass, wants := range byPass {
		for _, w := range wants {
			if strings.HasPrefix(w.posn, sub) {
				out[pass] = append(out[pass], w)
			}
		}
	}
	return out
}

// A printer is how a driver prints a finding's message.
type printer int

const (
	// goVet prints the pass's message as it is (go vet, and the
	// messages of JSON output).
	goVet printer = iota
	// standalone ends it with the check's ID in parentheses, as the
	// errcodelint command's text output does:
	// "status 429 is written without a Retry-After header (retryafter/missing)".
	standalone
	// golangci puts the pass's name before it, "retryafter: status 429
	// ...", with no check: golangci-lint prints its plugins' findings so.
	golangci
)

// flatten lists the wanted findings of every pass, each message as p
// prints it.
func flatten(byPass map[string][]want, p printer) []want {
	var all []want
	for _, pass := range slices.Sorted(maps.Keys(byPass)) {
		for _, w := range byPass[pass] {
			w.message = p.message(pass, w)
			all = append(all, w)
		}
	}
	return all
}

// message is the regexp matching w's message as p prints it; pass is w's
// pass.
func (p printer) message(pass string, w want) string {
	switch p {
	case standalone:
		return `(?:` + w.message + `) ` + regexp.QuoteMeta("("+w.check+")")
	case golangci:
		return regexp.QuoteMeta(pass+": ") + `(?:` + w.message + `)`
	}
	return w.message
}
