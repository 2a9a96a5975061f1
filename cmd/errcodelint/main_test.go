package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// build compiles the command once per test binary (a build is seconds,
// and seventeen tests run it), into a directory TestMain removes; the
// tests only run the binary.
func build(t *testing.T) string {
	t.Helper()
	bin, err := buildOnce()
	require.NoError(t, err)
	return bin
}

var buildOnce = sync.OnceValues(func() (string, error) {
	// TestMain (output_test.go) removes the directory: keep the two names
	// the same.
	bin := filepath.Join(os.TempDir(), fmt.Sprintf("errcodelint-cmd-test-%d", os.Getpid()), "errcodelint")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func repoRoot(t *testing.T) string {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	return root
}

// writer returns a function that writes a file of the tree at dir, its
// name slash-separated, making its directories.
func writer(t *testing.T, dir string) func(name, src string) {
	return func(name, src string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	}
}

// run runs the command in dir and returns its output and exit code.
func run(t *testing.T, dir, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runWith(t, nil, dir, bin, args...)
}

// runWith is run with env added to the environment.
func runWith(t *testing.T, env []string, dir, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "ERRCODELINT_CATALOG="), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return out.String(), errb.String(), code
}

var exampleBlock = regexp.MustCompile("(?s)<!-- example-output -->\n```\n(.*?)```\n<!-- /example-output -->")

// The README shows what errcodelint prints on the example service; this
// keeps it true.
func TestREADMEExample(t *testing.T) {
	bin := build(t)
	root := repoRoot(t)
	stdout, stderr, code := run(t, root, bin, "./examples/...")
	assert.Equal(t, 3, code, "findings exit 3")
	assert.Empty(t, stdout)
	got := strings.ReplaceAll(stderr, root+string(filepath.Separator), "")

	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	m := exampleBlock.FindSubmatch(readme)
	require.NotNil(t, m, "README has no example-output block")
	assert.Equal(t, string(m[1]), got, "README example output is stale")
}

func TestVetProtocol(t *testing.T) {
	bin := build(t)
	root := repoRoot(t)

	stdout, _, code := run(t, root, bin, "-V=full")
	assert.Equal(t, 0, code)
	assert.Regexp(t, `errcodelint version .* buildID=`, stdout)

	stdout, _, code = run(t, root, bin, "-flags")
	assert.Equal(t, 0, code)
	var flags []struct{ Name string }
	require.NoError(t, json.Unmarshal([]byte(stdout), &flags))
	var names []string
	for _, f := range flags {
		names = append(names, f.Name)
	}
	for _, want := range []string{"catalog", "errcode.catalog", "retryafter.catalog", "statusbranch.catalog", "statusbranch.strict", "json", "diff"} {
		assert.Contains(t, names, want)
	}
}

func TestBadCatalogFlag(t *testing.T) {
	bin := build(t)
	root := repoRoot(t)
	bad := filepath.Join(t.TempDir(), "errcodes.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("version: 1\ncodes:\n  - code: a\n    stauts: 404\n"), 0o644))

	// A catalog that does not load is an error (1), wherever it comes
	// from; its own positioned errors, not buried under the usage text.
	_, stderr, code := run(t, root, bin, "-catalog", bad, "./examples/...")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, bad+`:3:5: a code is missing "status"`)
	assert.Contains(t, stderr, bad+`:4:5: unknown key "stauts" in a code; did you mean "status"?`)
	assert.NotContains(t, stderr, "goroutine", "no stack trace")
	assert.NotContains(t, stderr, "usage:")

	_, stderr, code = run(t, root, bin, "-errcode.catalog", filepath.Join(t.TempDir(), "missing.yaml"), "./examples/...")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "reading catalog: open ")
	assert.NotContains(t, stderr, "usage:")

	// The same catalog, discovered: the same status.
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/bad\n\ngo 1.26\n"), 0o644))
	data, err := os.ReadFile(bad)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "errcodes.yaml"), data, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x.go"), []byte("package bad\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter) { w.WriteHeader(404) }\n"), 0o644))
	_, stderr, code = run(t, dir, bin, "./...")
	assert.Equal(t, 1, code, "%s", stderr)
	assert.Contains(t, stderr, `unknown key "stauts"`)
}

// A catalog with a syntax error deep in it: the error is said once per
// run, at the line of the defect, relative to the working directory,
// whatever the number of packages and passes, by either engine.
func TestCatalogErrorOnce(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	write := writer(t, dir)
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	catalog := "version: 1\ncodes:\n"
	for _, c := range []string{"a", "b", "c", "d", "e", "f"} {
		catalog += "  - code: " + c + "\n    status: 400\n"
	}
	catalog += "  - code: g\n    status: 400\n   summary: indented one space too far\n" // line 17
	write("errcodes.yaml", catalog)
	for _, p := range []string{"a", "b", "c"} {
		write(p+"/"+p+".go", "package "+p+"\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter) { http.Error(w, \"no\", http.StatusNotFound) }\n")
	}
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			stdout, stderr, code := runWith(t, engineEnv(engine), dir, bin, "./...")
			assert.Equal(t, 1, code, "%s", stderr)
			assert.Empty(t, stdout)
			assert.Equal(t, "errcodelint: errcodes.yaml:17:4: syntax error: did not find expected '-' indicator\n", stderr)
		})
	}
}

func TestCatalogCheckCommand(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "errcodes.yaml")
	require.NoError(t, os.WriteFile(path, []byte("version: 1\ncodes:\n  - code: a\n    status: 400\n  - code: a\n    status: 404\n"), 0o644))
	_, stderr, code := run(t, dir, bin, "catalog", "check", "errcodes.yaml")
	assert.Equal(t, 1, code)
	assert.Equal(t, "errcodes.yaml:5:11: duplicate code \"a\" (first at 3:11)\n", stderr)
}

// Code that does not type-check is an error (exit 1), not a crash.
func TestBrokenPackage(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module broken\n\ngo 1.26\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "errcodes.yaml"), []byte("version: 1\ncodes:\n  - code: a\n    status: 400\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x.go"), []byte("package broken\n\nfunc f() int { return \"s\" }\n"), 0o644))
	_, stderr, code := run(t, dir, bin, "./...")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "x.go:3:")
	assert.NotContains(t, stderr, "goroutine")
}

// A package whose dependency cannot be had (a module go cannot download,
// a replacement directory that is gone) has no compiled files: it is an
// error said at its import (exit 1), not a test main skipped in silence.
func TestMissingDependency(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	write := writer(t, dir)
	write("go.mod", "module m\n\ngo 1.26\n\nrequire example.com/gone v0.0.1\n\nreplace example.com/gone => ./gone\n")
	write("a/a.go", "package a\n\nimport _ \"example.com/gone/x\"\n\nfunc A() {}\n")
	write("b/b.go", "package b\n\nimport _ \"m/a\"\n\nfunc B() {}\n")
	_, stderr, code := run(t, dir, bin, "./...")
	assert.Equal(t, 1, code, "%s", stderr)
	assert.Contains(t, stderr, "a/a.go:3:8: example.com/gone@v0.0.1: replacement directory ./gone does not exist")
	_, stderr, code = run(t, dir, bin, "./b")
	assert.Equal(t, 1, code, "a package is not clean when a package it needs does not build\n%s", stderr)
	assert.Contains(t, stderr, "replacement directory ./gone does not exist")
}

// version, help and a flag written after the packages, through the built
// binary.
func TestCommandLine(t *testing.T) {
	bin := build(t)
	root := repoRoot(t)
	for _, args := range [][]string{{"version"}, {"-version"}} {
		stdout, _, code := run(t, root, bin, args...)
		assert.Equal(t, 0, code)
		assert.Regexp(t, `^errcodelint \S+( [0-9a-f]{12})? go1\.\d+`, stdout, args)
	}

	stdout, _, code := run(t, root, bin, "help")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(stdout, "usage: errcodelint"), "errcodelint's own help, not the driver's: %s", stdout)
	assert.Contains(t, stdout, "statusbranch")

	// No arguments, or flags and no packages: errcodelint's short usage
	// on stderr, exit 2, not the driver's generic text.
	stdout, stderr, code := run(t, root, bin)
	assert.Equal(t, 2, code)
	assert.Empty(t, stdout)
	assert.True(t, strings.HasPrefix(stderr, "errcodelint checks Go servers and clients"), stderr)
	for _, want := range []string{"errcodelint [flags] packages", "errcodelint catalog <command>", "errcodelint help [NAME]"} {
		assert.Contains(t, stderr, want)
	}
	assert.NotContains(t, stderr, "is a tool for static analysis", "not x/tools' text")
	assert.Less(t, strings.Count(stderr, "\n"), 15, "short")
	short := stderr
	_, stderr, code = run(t, root, bin, "-json")
	assert.Equal(t, 2, code)
	assert.Equal(t, "errcodelint: no packages to analyze: name them after the flags (./... for the whole module)\n"+short, stderr)
	_, stderr, code = run(t, root, bin, "-nosuchflag", "./...")
	assert.Equal(t, 2, code)
	assert.Equal(t, "errcodelint: flag provided but not defined: -nosuchflag\n"+short, stderr)

	_, stderr, code = run(t, root, bin, "./examples/...", "-json")
	assert.Equal(t, 2, code)
	assert.Equal(t, "errcodelint: flag -json comes after the packages; put flags before them\n", stderr)

	// The value of a flag is not a package.
	_, stderr, code = run(t, root, bin, "-catalog", "testdata/catalogs/platform.yaml", "-c", "0", "./analyzer/internal/astx")
	assert.Equal(t, 0, code, "%s", stderr)
}

// errcodelint help lists the passes and the environment variables a
// user sets; help NAME is a pass's documentation, then its checks with
// their one-line docs and its flags as the command takes them; help of a
// check ID is that check's.
func TestHelp(t *testing.T) {
	bin := build(t)
	root := repoRoot(t)

	stdout, stderr, code := run(t, root, bin, "help")
	assert.Equal(t, 0, code, stderr)
	for _, want := range []string{"errcode ", "retryafter ", "statusbranch ", "errcodelint help [NAME]",
		"ERRCODELINT_CATALOG ", "ERRCODELINT_CACHE ", "ERRCODELINT_ENGINE ", "GOFLAGS"} {
		assert.Contains(t, stdout, want)
	}
	assert.NotContains(t, stdout, "RUNLOG", "internal protocol is not the user's")

	for _, pass := range []struct {
		name    string
		checks  []struct{ ID, Doc string }
		hidden  []string
		summary string
	}{
		{"errcode", convertChecks(errcode.Checks), []string{"-errcode.notices"}, "errcode: check error codes and statuses against the catalog\n"},
		{"retryafter", convertChecks(retryafter.Checks), nil, "retryafter: report 429s written without Retry-After\n"},
		{"statusbranch", convertChecks(statusbranch.Checks), nil, "statusbranch: report branches on a status several codes share\n"},
	} {
		stdout, stderr, code := run(t, root, bin, "help", pass.name)
		assert.Equal(t, 0, code, stderr)
		assert.True(t, strings.HasPrefix(stdout, pass.summary), "the pass's doc first:\n%s", stdout)
		_, after, ok := strings.Cut(stdout, "\nChecks (-"+pass.name+".checks")
		require.True(t, ok, "a checks section:\n%s", stdout)
		checks, flags, ok := strings.Cut(after, "\nFlags:\n")
		require.True(t, ok, "then a flags section:\n%s", stdout)
		require.NotEmpty(t, pass.checks)
		for _, c := range pass.checks {
			assert.Regexp(t, `(?m)^  `+regexp.QuoteMeta(c.ID)+` +`+regexp.QuoteMeta(c.Doc)+`$`, checks)
		}
		for _, f := range []string{"-" + pass.name + "=false", "-" + pass.name + ".catalog", "-" + pass.name + ".checks", "-" + pass.name + ".tests"} {
			assert.Contains(t, flags, f)
		}
		for _, f := range pass.hidden {
			assert.NotContains(t, flags, f, "a flag of errcodelint's own driver")
		}
	}

	stdout, _, code = run(t, root, bin, "help", "retryafter/value")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(stdout, "retryafter/value: a Retry-After value that is neither delay-seconds nor an HTTP-date\n"), stdout)
	assert.Contains(t, stdout, "-retryafter.checks=-value")

	// help after flags, and -h, are errcodelint's help, not the driver's.
	stdout, _, code = run(t, root, bin, "-json", "help", "statusbranch")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(stdout, "statusbranch: "), stdout)
	stdout, _, code = run(t, root, bin, "-json", "-h")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(stdout, "usage: errcodelint"), stdout)

	stdout, _, code = run(t, root, bin, "help", "catalog")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(stdout, "usage: errcodelint catalog"), stdout)

	stdout, stderr, code = run(t, root, bin, "help", "nosuch")
	assert.Equal(t, 2, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "errcodelint: no pass or check named \"nosuch\"; the passes are errcode, retryafter, statusbranch (or 'errcodelint help catalog')\n", stderr)
}

// convertChecks reads a pass's Checks (report.Check, internal to the
// analyzers) as plain structs.
func convertChecks[S ~[]E, E ~struct{ ID, Doc string }](s S) []struct{ ID, Doc string } {
	out := make([]struct{ ID, Doc string }, len(s))
	for i, c := range s {
		out[i] = struct{ ID, Doc string }(c)
	}
	return out
}

// A directory that holds only external tests has no package of its own
// to analyze: nothing to say of it, and no error.
func TestExternalTestsOnly(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	write := writer(t, dir)
	write("go.mod", "module m\n\ngo 1.26\n")
	write("a/a.go", "package a\n\nfunc A() int { return 1 }\n")
	write("xt/x_test.go", "package xt_test\n\nimport (\n\t\"testing\"\n\n\t\"m/a\"\n)\n\nfunc TestA(t *testing.T) { _ = a.A() }\n")
	stdout, stderr, code := run(t, dir, bin, "./...")
	assert.Equal(t, 0, code, "%s", stderr)
	assert.Empty(t, stdout)
	assert.Empty(t, stderr)
}
