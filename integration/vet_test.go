package integration

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGoVet runs errcodelint as go vet's -vettool on the fixture module:
// go vet runs it once per package, with the facts of the package's
// dependencies, and passes our flags through.
func TestGoVet(t *testing.T) {
	endToEnd(t)
	bin := errcodelint(t)
	dir := copyFixture(t, "vaultfix")
	discovered := catalogRef(t, filepath.Join(dir, "errcodes.yaml"), "secret_not_found")
	// Under go vet, a catalog flag names a catalog file of the module:
	// go vet's cache covers those (the tool's identity hashes them), and
	// no other file a flag names.
	api := filepath.Join(dir, "api", "errcodes.yaml")
	require.NoError(t, os.MkdirAll(filepath.Dir(api), 0o755))
	require.NoError(t, os.Rename(filepath.Join(dir, "api.yaml"), api))
	vet := func(t *testing.T, args ...string) result {
		t.Helper()
		return run(t, dir, nil, "go", append([]string{"vet", "-vettool=" + bin}, args...)...)
	}

	t.Run("flags", func(t *testing.T) {
		// go vet passes a flag on only when the tool's -flags lists it.
		var flags []struct{ Name string }
		r := mustRun(t, dir, nil, bin, "-flags")
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &flags), "%s", r)
		var names []string
		for _, f := range flags {
			names = append(names, f.Name)
		}
		assert.Subset(t, names, []string{"catalog", "errcode.catalog", "retryafter.catalog", "statusbranch.catalog", "statusbranch.strict"})
	})

	t.Run("discovered catalog", func(t *testing.T) {
		r := vet(t, "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assertFindings(t, textFindings(t, r.stderr), flatten(handlerFindings(t, dir, discovered), goVet))
	})

	t.Run("catalog flag", func(t *testing.T) {
		r := vet(t, "-catalog="+api, "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assertFindings(t, textFindings(t, r.stderr), flatten(handlerFindings(t, dir, catalogRef(t, api, "secret_not_found")), goVet))
	})

	t.Run("pass catalog flag", func(t *testing.T) {
		r := vet(t, "-errcode.catalog="+api, "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assertFindings(t, textFindings(t, r.stderr), flatten(handlerFindings(t, dir, catalogRef(t, api, "secret_not_found")), goVet))
	})

	t.Run("relative catalog flag", func(t *testing.T) {
		// go vet runs the tool in each package's directory; a relative
		// path is taken from the root of the package's main module.
		want := flatten(handlerFindings(t, dir, catalogRef(t, api, "secret_not_found")), goVet)
		r := vet(t, "-catalog=api/errcodes.yaml", "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assert.NotContains(t, r.stderr, "usage:", "%s", r)
		assertFindings(t, textFindings(t, r.stderr), want)

		r = vet(t, "-errcode.catalog", "api/errcodes.yaml", "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assert.NotContains(t, r.stderr, "usage:", "%s", r)

		// From a subdirectory, the same path: from the module's root.
		// "." is package handler alone, without router's finding.
		sub := filepath.Join(dir, "handler")
		r = run(t, sub, nil, "go", "vet", "-vettool="+bin, "-catalog=api/errcodes.yaml", ".")
		assert.Equal(t, 1, r.code, "%s", r)
		got := textFindings(t, r.stderr)
		for i := range got {
			got[i].posn = "handler/" + got[i].posn
		}
		assertFindings(t, got, flatten(under(handlerFindings(t, dir, catalogRef(t, api, "secret_not_found")), "handler/"), goVet))

		// The environment variable names any file: go vet's cache sees
		// it (the tool's identity hashes it).
		other := filepath.Join(t.TempDir(), "api.yaml")
		data, err := os.ReadFile(api)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(other, data, 0o644))
		r = run(t, dir, []string{"ERRCODELINT_CATALOG=" + other}, "go", "vet", "-vettool="+bin, "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		assertFindings(t, textFindings(t, r.stderr), flatten(handlerFindings(t, dir, catalogRef(t, other, "secret_not_found")), goVet))
	})

	t.Run("catalog flag go vet cannot see", func(t *testing.T) {
		// A file a flag names that the tool's identity does not cover:
		// an edit of it would be replayed unseen from go vet's cache, so
		// it is refused, every time (a failure is not cached).
		other := filepath.Join(dir, "other.yaml")
		data, err := os.ReadFile(api)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(other, data, 0o644))
		t.Cleanup(func() { os.Remove(other) })
		for range 2 {
			r := vet(t, "-catalog=other.yaml", "./...")
			assert.Equal(t, 1, r.code, "%s", r)
			assert.NotContains(t, r.stderr, "usage:", "%s", r)
			assert.Contains(t, r.stderr, "errcodelint: -catalog other.yaml: go vet would not see an edit of this file", "%s", r)
		}
	})

	t.Run("bad relative catalog flag", func(t *testing.T) {
		r := vet(t, "-catalog=missing.yaml", "./...")
		assert.NotZero(t, r.code, "%s", r)
		assert.NotContains(t, r.stderr, "usage:", "%s", r)
		missing := filepath.Join(dir, "missing.yaml")
		// Once for each package reported (go vet heads each with its
		// name), none for the standard library's units, which only
		// compute facts.
		pkgs := strings.Count(mustRun(t, dir, nil, "go", "list", "./...").stdout, "\n")
		assert.Equal(t, pkgs, strings.Count(r.stderr, `invalid value "`+missing+`" for flag -catalog`), "%s", r)
		assert.LessOrEqual(t, strings.Count(r.stderr, "\n"), 3*pkgs, "%s", r)
	})

	t.Run("bad catalog flag", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "missing.yaml")
		r := vet(t, "-catalog="+missing, "./...")
		assert.NotZero(t, r.code, "%s", r)
		assert.Contains(t, r.stderr, `invalid value "`+missing+`" for flag -catalog`, "%s", r)
		// Said for each package reported, not for the standard library's
		// units, which only compute facts; never with the usage text.
		pkgs := strings.Count(mustRun(t, dir, nil, "go", "list", "./...").stdout, "\n")
		assert.Equal(t, pkgs, strings.Count(r.stderr, "invalid value"), "%s", r)
		assert.NotContains(t, r.stderr, "usage:", "%s", r)
	})

	t.Run("catalog edit", func(t *testing.T) {
		// go vet caches each package's output under the tool's -V=full
		// ID, the flags and the package's inputs. The catalog is none of
		// these unless errcodelint makes it part of its ID: without that,
		// vet replays the findings of the catalog as it was.
		dir := copyFixture(t, "vaultfix")
		catalog := filepath.Join(dir, "errcodes.yaml")
		r := run(t, dir, nil, "go", "vet", "-vettool="+bin, "./...")
		require.Equal(t, 1, r.code, "%s", r)

		setStatus(t, catalog, "secret_not_found", 400)
		r = run(t, dir, nil, "go", "vet", "-vettool="+bin, "./...")
		assert.Equal(t, 1, r.code, "%s", r)
		var wrong []finding
		for _, f := range textFindings(t, r.stderr) {
			if strings.Contains(f.message, "is sent with status") {
				wrong = append(wrong, f)
			}
		}
		ref := regexp.QuoteMeta(catalogRef(t, catalog, "secret_not_found"))
		assertFindings(t, wrong, []want{{
			posn:    at(t, dir, "handler/good.go", `http.StatusNotFound, "secret_not_found"`, "http.StatusNotFound"),
			message: `code "secret_not_found" is sent with status 404; the catalog says 400 \(` + ref + `\)`,
		}})
	})

	t.Run("json", func(t *testing.T) {
		r := vet(t, "-json", "./...")
		// With -json, diagnostics are output, not failure.
		assert.Zero(t, r.code, "%s", r)
		diags := jsonDiagnostics(t, r.stdout)
		wants := handlerFindings(t, dir, discovered)
		assertFindings(t, jsonFindings(t, dir, diags), flatten(wants, standalone))

		// Each wrong status comes with its fix: the catalog's status.
		wrong := regexp.MustCompile(`^` + regexp.QuoteMeta(`code "secret_not_found" is sent with status 400`))
		fixes := 0
		for _, d := range diags {
			if !wrong.MatchString(d.Message) {
				continue
			}
			require.NotEmpty(t, d.SuggestedFixes, "%s: no suggested fix", d.Posn)
			edits := d.SuggestedFixes[0].Edits
			require.Len(t, edits, 1, "%s", d.Posn)
			src, err := os.ReadFile(edits[0].Filename)
			require.NoError(t, err)
			assert.Equal(t, "http.StatusBadRequest", string(src[edits[0].Start:edits[0].End]), "%s: the edit's range", d.Posn)
			assert.Equal(t, "http.StatusNotFound", edits[0].New, "%s", d.Posn)
			fixes++
		}
		assert.Equal(t, 2, fixes, "wrong-status findings with a fix")
	})

	t.Run("fix diff", func(t *testing.T) {
		before, err := os.ReadFile(filepath.Join(dir, "handler", "handler.go"))
		require.NoError(t, err)
		r := vet(t, "-fix", "-diff", "./...")
		// A non-empty diff is a failure, as in gofmt -d.
		assert.NotZero(t, r.code, "%s", r)
		for _, line := range []string{
			"-\thttpx.WriteError(w, http.StatusBadRequest, \"secret_not_found\", \"no such secret\")",
			"+\thttpx.WriteError(w, http.StatusNotFound, \"secret_not_found\", \"no such secret\")",
			"-\tw.WriteHeader(http.StatusBadRequest)",
			"+\tw.WriteHeader(http.StatusNotFound)",
		} {
			assert.Contains(t, strings.Split(r.stdout, "\n"), line, "%s", r)
		}
		after, err := os.ReadFile(filepath.Join(dir, "handler", "handler.go"))
		require.NoError(t, err)
		assert.Equal(t, string(before), string(after), "-diff must not change the file")
	})
}

// TestStandalone runs the errcodelint command itself, as the pre-commit
// hook and the README do.
func TestStandalone(t *testing.T) {
	endToEnd(t)
	bin := errcodelint(t)
	dir := copyFixture(t, "vaultfix")

	r := run(t, dir, nil, bin, "./...")
	assert.Equal(t, 3, r.code, "exit status 3 means findings\n%s", r)
	discovered := catalogRef(t, filepath.Join(dir, "errcodes.yaml"), "secret_not_found")
	assertFindings(t, textFindings(t, r.stderr), flatten(handlerFindings(t, dir, discovered), standalone))

	// Standalone, a relative -catalog is relative to the working directory.
	r = run(t, dir, nil, bin, "-catalog", "api.yaml", "./...")
	assert.Equal(t, 3, r.code, "%s", r)
	assertFindings(t, textFindings(t, r.stderr), flatten(handlerFindings(t, dir, catalogRef(t, filepath.Join(dir, "api.yaml"), "secret_not_found")), standalone))

	r = run(t, dir, nil, bin, "-catalog", "missing.yaml", "./...")
	assert.NotContains(t, []int{0, 3}, r.code, "a catalog that does not load is an error\n%s", r)
	assert.Contains(t, r.stderr, "missing.yaml", "%s", r)

	// A catalog's defects are said once for the run, though every pass
	// of every package fails with them, each at its line.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "errcodes.yaml"), []byte("version: 1\ncodes:\n  - code: a\n    stauts: 400\n"), 0o644))
	r = run(t, dir, nil, bin, "./...")
	assert.Equal(t, 1, r.code, "%s", r)
	assert.Empty(t, r.stdout)
	assert.Equal(t, `errcodelint: errcodes.yaml:3:5: a code is missing "status"
errcodes.yaml:4:5: unknown key "stauts" in a code; did you mean "status"?
`, r.stderr)
}

// setStatus edits catalog: code's status becomes status. The status is on
// the line after the code's.
func setStatus(t *testing.T, catalog, code string, status int) {
	t.Helper()
	data, err := os.ReadFile(catalog)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	i := slices.Index(lines, "  - code: "+code)
	require.GreaterOrEqual(t, i, 0, "%s does not list %s", catalog, code)
	require.True(t, strings.HasPrefix(lines[i+1], "    status: "), "%s:%d: not a status", catalog, i+2)
	lines[i+1] = fmt.Sprintf("    status: %d", status)
	require.NoError(t, os.WriteFile(catalog, []byte(strings.Join(lines, "\n")), 0o644))
}

// textFindings parses the diagnostics a driver printed as text
// ("file:line:col: message"). go vet and the errcodelint command both
// name files relative to the working directory: a file named otherwise
// fails the test.
func textFindings(t *testing.T, out string) []finding {
	t.Helper()
	diag := regexp.MustCompile(`^(\S+\.go):(\d+:\d+): (.*)$`)
	var got []finding
	for line := range strings.Lines(out) {
		if m := diag.FindStringSubmatch(strings.TrimSuffix(line, "\n")); m != nil {
			file := m[1]
			assert.True(t, filepath.IsLocal(file), "%s: a file named relative to the working directory, as go vet names it\n%s", line, out)
			got = append(got, finding{filepath.ToSlash(file) + ":" + m[2], m[3]})
		}
	}
	return got
}

// jsonFindings are the findings of diagnostics printed as JSON, with
// their file relative to dir and their category, which is the check's ID,
// in parentheses after the message: as the command's text prints them.
func jsonFindings(t *testing.T, dir string, diags []jsonDiagnostic) []finding {
	t.Helper()
	var got []finding
	for _, d := range diags {
		got = append(got, finding{relPosn(t, dir, d.Posn), d.Message + " (" + d.Category + ")"})
	}
	return got
}

// relPosn makes the file of posn ("file:line:col") relative to dir.
func relPosn(t *testing.T, dir, posn string) string {
	t.Helper()
	file, rest, ok := strings.Cut(posn, ".go:")
	require.True(t, ok, "not a position: %q", posn)
	file += ".go"
	if filepath.IsAbs(file) {
		real, err := filepath.EvalSymlinks(dir)
		require.NoError(t, err)
		for _, base := range []string{dir, real} {
			if rel, err := filepath.Rel(base, file); err == nil && !strings.HasPrefix(rel, "..") {
				file = rel
				break
			}
		}
	}
	return filepath.ToSlash(file) + ":" + rest
}

// A jsonDiagnostic is one diagnostic of go vet -json (and errcodelint
// -json): see golang.org/x/tools/go/analysis/analysisflags.
type jsonDiagnostic struct {
	Category       string `json:"category"` // the check's ID
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// jsonDiagnostics parses go vet -json's output: one object per package,
// mapping package path to analyzer name to diagnostics, or to an error.
// An analyzer's error fails the test.
func jsonDiagnostics(t *testing.T, out string) []jsonDiagnostic {
	t.Helper()
	var diags []jsonDiagnostic
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var pkgs map[string]map[string]json.RawMessage
		err := dec.Decode(&pkgs)
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "%s", out)
		for pkg, byAnalyzer := range pkgs {
			for analyzer, raw := range byAnalyzer {
				if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
					t.Errorf("%s: %s: %s", pkg, analyzer, raw)
					continue
				}
				var ds []jsonDiagnostic
				require.NoError(t, json.Unmarshal(raw, &ds), "%s: %s: %s", pkg, analyzer, raw)
				diags = append(diags, ds...)
			}
		}
	}
	return diags
}

// TestGoTool runs errcodelint as a tool of the fixture module (the go.mod
// tool directive), standalone and as go vet's -vettool.
func TestGoTool(t *testing.T) {
	endToEnd(t)
	dir := copyFixture(t, "vaultfix")
	// What `go get -tool github.com/errcodelint/errcodelint/cmd/errcodelint`
	// does, with the module replaced by the checkout.
	mustRun(t, dir, nil, "go", "mod", "edit",
		"-require=github.com/errcodelint/errcodelint@v0.0.0-00010101000000-000000000000",
		"-replace=github.com/errcodelint/errcodelint="+repoRoot(t),
		"-tool=github.com/errcodelint/errcodelint/cmd/errcodelint")
	mustRun(t, dir, nil, "go", "mod", "tidy")
	wants := handlerFindings(t, dir, catalogRef(t, filepath.Join(dir, "errcodes.yaml"), "secret_not_found"))

	r := run(t, dir, nil, "go", "tool", "errcodelint", "./...")
	assert.Equal(t, 3, r.code, "%s", r)
	assertFindings(t, textFindings(t, r.stderr), flatten(wants, standalone))

	bin := strings.TrimSpace(mustRun(t, dir, nil, "go", "tool", "-n", "errcodelint").stdout)
	r = run(t, dir, nil, "go", "vet", "-vettool="+bin, "./...")
	assert.Equal(t, 1, r.code, "%s", r)
	assertFindings(t, textFindings(t, r.stderr), flatten(wants, goVet))
}

// TestGoVetDirectives: under go vet, the passes read //lint:ignore and
// //nolint themselves, and report a directive that silenced nothing or
// gives no reason.
func TestGoVetDirectives(t *testing.T) {
	endToEnd(t)
	bin := errcodelint(t)
	dir := copyFixture(t, "vaultfix")
	const file = "quiet/quiet.go"
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "quiet"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, file), []byte(`package quiet

import (
	"net/http"

	"example.com/vaultfix/httpx"
)

func Get(w http.ResponseWriter, r *http.Request) {
	//lint:ignore errcode the legacy route answers 400
	httpx.WriteError(w, http.StatusBadRequest, "secret_not_found", "silenced")
	httpx.WriteError(w, http.StatusBadRequest, "secret_not_found", "nolint") //nolint:errcode // legacy
	//lint:ignore ErrCode
	httpx.WriteError(w, http.StatusBadRequest, "secret_not_found", "no reason")
}

func Limit(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "30")
	//lint:ignore retryafter nothing to silence
	http.Error(w, "slow down", http.StatusTooManyRequests)
}
`), 0o644))
	ref := regexp.QuoteMeta(catalogRef(t, filepath.Join(dir, "errcodes.yaml"), "secret_not_found"))

	r := run(t, dir, nil, "go", "vet", "-vettool="+bin, "./quiet")
	assert.Equal(t, 1, r.code, "%s", r)
	assertFindings(t, textFindings(t, r.stderr), []want{
		{posn: at(t, dir, file, "//lint:ignore ErrCode", "//"), message: `malformed lint:ignore directive: a reason is required`},
		{posn: at(t, dir, file, `"no reason"`, "http.StatusBadRequest"), message: fmt.Sprintf(wrongStatus, ref)},
		{posn: at(t, dir, file, "nothing to silence", "//"), message: `this lint:ignore directive matched nothing`},
	})
}
