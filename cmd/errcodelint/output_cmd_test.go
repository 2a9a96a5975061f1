package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The output tests run the built command on testdata/interleave, a module
// whose package has findings of two passes interleaved by line and a test
// file (so a test variant that repeats them), a clean package and a
// package that does not type-check.

// interleave is the fixture module's directory.
func interleave(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "interleave"))
	require.NoError(t, err)
	return dir
}

// The fixture's findings, as text run from the module's directory: by
// line, not by pass; file names relative to it, as go vet prints them;
// each with its check, as //lint:ignore names it.
const interleaveText = `server.go:20:16: code "secret_not_found" is sent with status 400; the catalog says 404 (errcodes.yaml:9) (errcode/status)
server.go:26:29: status 429 is written without a Retry-After header (retryafter/missing)
server.go:32:53: code "secret_notfound" is not in the catalog; did you mean "secret_not_found"? (errcode/unknown-code)
`

var engines = []string{"vet", "inprocess"}

func engineEnv(engine string) []string { return []string{"ERRCODELINT_ENGINE=" + engine} }

func TestFormats(t *testing.T) {
	bin := build(t)
	dir := interleave(t)
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			env := engineEnv(engine)

			// text: sorted by position, each finding once, on stderr;
			// with -c, each finding's lines after it.
			stdout, stderr, code := runWith(t, env, dir, bin, ".")
			assert.Equal(t, 3, code)
			assert.Empty(t, stdout)
			assert.Equal(t, interleaveText, stderr)
			if engine == "vet" {
				_, stderr, code = runWith(t, env, dir, bin, "-format", "text", "-c", "0", ".")
				assert.Equal(t, 3, code)
				assert.Contains(t, stderr,
					"server.go:26:29: status 429 is written without a Retry-After header (retryafter/missing)\n26\t\thttp.Error(w, \"slow down\", http.StatusTooManyRequests)\nserver.go:32:53")
			}

			// json, and -json: one tree on stdout, the test variant's
			// copies of the package's findings dropped. (The in-process
			// engine loads net/http from source each time: it runs the
			// alias once.)
			jsonArgs := [][]string{{"-format", "json", "."}, {"-json", "."}}
			if engine == "inprocess" {
				jsonArgs = jsonArgs[:1]
			}
			for _, args := range jsonArgs {
				stdout, stderr, code := runWith(t, env, dir, bin, args...)
				assert.Equal(t, 3, code, args)
				assert.Empty(t, stderr, args)
				var tree map[string]map[string][]struct{ Posn, Message string }
				dec := json.NewDecoder(strings.NewReader(stdout))
				require.NoError(t, dec.Decode(&tree), "%s", stdout)
				assert.False(t, dec.More(), "one JSON value")
				assert.Equal(t, []string{"example.com/interleave"}, slices.Sorted(mapKeys(tree)), "%s", stdout)
				pkg := tree["example.com/interleave"]
				assert.Len(t, pkg["errcode"], 2)
				require.Len(t, pkg["retryafter"], 1)
				assert.Equal(t, filepath.Join(dir, "server.go")+":26:29", pkg["retryafter"][0].Posn)
			}

			// github: one workflow command per finding, sorted, on stdout.
			stdout, stderr, code = runWith(t, env, dir, bin, "-format", "github", ".")
			assert.Equal(t, 3, code)
			assert.Empty(t, stderr)
			assert.Equal(t, `::warning file=server.go,line=20,col=16,endLine=20,endColumn=37,title=errcodelint (errcode/status)::code "secret_not_found" is sent with status 400; the catalog says 404 (errcodes.yaml:9)
::warning file=server.go,line=26,col=29,endLine=26,endColumn=55,title=errcodelint (retryafter/missing)::status 429 is written without a Retry-After header
::warning file=server.go,line=32,col=53,endLine=32,endColumn=70,title=errcodelint (errcode/unknown-code)::code "secret_notfound" is not in the catalog; did you mean "secret_not_found"?
`, stdout)
		})
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// The exit status is the same whatever the format: 3 findings, 0 clean,
// 1 errors (here a package that does not type-check), 2 bad flags.
func TestExitStatus(t *testing.T) {
	bin := build(t)
	dir := interleave(t)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		for pkg, want := range map[string]int{".": 3, "./clean": 0, "./broken": 1} {
			_, stderr, code := runWith(t, engineEnv("vet"), dir, bin, "-format", format, pkg)
			assert.Equal(t, want, code, "-format %s %s\n%s", format, pkg, stderr)
		}
		// The in-process engine's child exits 1 on a package that does
		// not type-check; errcodelint too.
		_, stderr, code := runWith(t, engineEnv("inprocess"), dir, bin, "-format", format, "./broken")
		assert.Equal(t, 1, code, "-format %s\n%s", format, stderr)
		assert.Contains(t, stderr, "broken.go:4:")
		assert.NotContains(t, stderr, "goroutine", "no stack trace")
	}

	stdout, stderr, code := run(t, dir, bin, "-format", "xml", ".")
	assert.Equal(t, 2, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "errcodelint: invalid value \"xml\" for flag -format: want one of text, json, sarif, github\n", stderr)
}

// The SARIF log is valid against the SARIF 2.1.0 schema, and says what
// the text says: a rule per check, named by its ID as directives and
// -NAME.checks name it, a warning per finding where it is, under its
// check's rule.
func TestSARIF(t *testing.T) {
	bin := build(t)
	dir := interleave(t)
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	require.NoError(t, err)

	stdout, stderr, code := run(t, dir, bin, "-format", "sarif", ".")
	assert.Equal(t, 3, code)
	assert.Empty(t, stderr)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
	require.NoError(t, err)
	require.NoError(t, schema.Validate(doc), "%s", stdout)

	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID               string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						HelpURI          string `json:"helpUri"`
						Properties       struct{ Tags []string }
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string
							URIBaseID string `json:"uriBaseId"`
						}
						Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
				Fixes []struct {
					Description     struct{ Text string }
					ArtifactChanges []struct {
						ArtifactLocation struct{ URI string }
						Replacements     []struct {
							DeletedRegion   struct{ ByteOffset, ByteLength int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &log))
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	sarifRun := log.Runs[0]
	driver := sarifRun.Tool.Driver
	assert.Equal(t, "errcodelint", driver.Name)
	assert.Equal(t, "https://github.com/errcodelint/errcodelint", driver.InformationURI)
	version, _, _ := runWith(t, nil, dir, bin, "version")
	assert.Equal(t, strings.TrimPrefix(strings.TrimSpace(version), "errcodelint "), driver.Version)
	var ids []string
	rule := make(map[string]int)
	for i, r := range driver.Rules {
		ids = append(ids, r.ID)
		rule[r.ID] = i
		assert.NotEmpty(t, r.ShortDescription.Text, r.ID)
		pass, _, _ := strings.Cut(r.ID, "/")
		assert.Equal(t, []string{pass}, r.Properties.Tags, r.ID)
		assert.Equal(t, "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/"+pass, r.HelpURI, r.ID)
		assert.Contains(t, r.FullDescription.Text, "errcodelint help "+pass, r.ID)
	}
	// Every check of every pass, in order, directives included.
	for _, id := range []string{"errcode/unknown-code", "errcode/status", "errcode/directive", "retryafter/missing", "retryafter/late-header", "statusbranch/directive"} {
		assert.Contains(t, ids, id)
	}
	assert.Less(t, rule["errcode/directive"], rule["retryafter/missing"])
	assert.Less(t, rule["retryafter/directive"], rule["statusbranch/directive"])
	assert.Equal(t, "a status of rules.retry_after, or a code whose status is one, written without Retry-After set on every path before it", driver.Rules[rule["retryafter/missing"]].ShortDescription.Text)
	assert.Equal(t, "file://"+filepath.ToSlash(dir)+"/", sarifRun.OriginalURIBaseIDs["%SRCROOT%"].URI)

	type result struct {
		rule, level, uri, base string
		index                  int
		region                 [4]int
		message                string
	}
	var got []result
	for _, r := range sarifRun.Results {
		require.Len(t, r.Locations, 1)
		loc := r.Locations[0].PhysicalLocation
		reg := loc.Region
		got = append(got, result{r.RuleID, r.Level, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID,
			r.RuleIndex, [4]int{reg.StartLine, reg.StartColumn, reg.EndLine, reg.EndColumn}, r.Message.Text})
	}
	assert.Equal(t, []result{
		{"errcode/status", "warning", "server.go", "%SRCROOT%", rule["errcode/status"], [4]int{20, 16, 20, 37}, `code "secret_not_found" is sent with status 400; the catalog says 404 (errcodes.yaml:9)`},
		{"retryafter/missing", "warning", "server.go", "%SRCROOT%", rule["retryafter/missing"], [4]int{26, 29, 26, 55}, `status 429 is written without a Retry-After header`},
		{"errcode/unknown-code", "warning", "server.go", "%SRCROOT%", rule["errcode/unknown-code"], [4]int{32, 53, 32, 70}, `code "secret_notfound" is not in the catalog; did you mean "secret_not_found"?`},
	}, got)

	// Fixes are go/analysis's edits, by byte offset.
	fixes := sarifRun.Results[0].Fixes
	require.Len(t, fixes, 1)
	assert.Equal(t, "Use http.StatusNotFound", fixes[0].Description.Text)
	require.Len(t, fixes[0].ArtifactChanges, 1)
	change := fixes[0].ArtifactChanges[0]
	assert.Equal(t, "server.go", change.ArtifactLocation.URI)
	require.Len(t, change.Replacements, 1)
	src, err := os.ReadFile(filepath.Join(dir, "server.go"))
	require.NoError(t, err)
	rep := change.Replacements[0]
	assert.Equal(t, "http.StatusBadRequest", string(src[rep.DeletedRegion.ByteOffset:][:rep.DeletedRegion.ByteLength]))
	assert.Equal(t, "http.StatusNotFound", rep.InsertedContent.Text)

	// The schema does catch a log that is not SARIF: the check above is
	// not vacuous.
	bad := strings.Replace(stdout, `"level": "warning"`, `"level": "severe"`, 1)
	doc, err = jsonschema.UnmarshalJSON(strings.NewReader(bad))
	require.NoError(t, err)
	assert.Error(t, schema.Validate(doc))

	// A clean run is a valid log with no results.
	stdout, _, code = run(t, dir, bin, "-format", "sarif", "./clean")
	assert.Equal(t, 0, code)
	doc, err = jsonschema.UnmarshalJSON(strings.NewReader(stdout))
	require.NoError(t, err)
	require.NoError(t, schema.Validate(doc), "%s", stdout)
	assert.Contains(t, stdout, `"results": []`)

}
