package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCollectAndPrintText(t *testing.T) {
	// Two packages, the second a test variant repeating the first's
	// finding; passes interleaved by line; a finding with related
	// information; a pass that failed.
	tree, err := decodeTrees(strings.NewReader(`{"p": {"statusbranch": [{"posn": "b.go:10:1", "end": "b.go:10:2", "message": "sb"}], "errcode": [{"posn": "b.go:2:1", "end": "b.go:2:1", "message": "ec", "related": [{"posn": "a.go:1:1", "end": "a.go:1:1", "message": "see here"}]}, {"posn": "b.go:12:1", "end": "b.go:12:1", "message": "ec2"}]}}
{"p [p.test]": {"errcode": [{"posn": "b.go:2:1", "end": "b.go:2:1", "message": "ec", "related": [{"posn": "a.go:1:1", "end": "a.go:1:1", "message": "see here"}]}], "retryafter": {"error": "boom"}}}
{"a": {"errcode": [{"posn": "a.go:1:1", "end": "a.go:1:1", "message": "ea"}, {"posn": "a.go:1:1", "end": "a.go:1:1", "message": "ea"}]}}
`))
	require.NoError(t, err)
	res := collect(tree)
	assert.Equal(t, 1, res.status(), "a failed pass is an error")
	var out strings.Builder
	printText(&out, res, -1, &columns{})
	// Errors first, then by file, line, column and pass, each once, with
	// the pass that found it.
	assert.Equal(t, "retryafter: boom\na.go:1:1: ea (errcode)\nb.go:2:1: ec (errcode)\na.go:1:1: \tsee here\nb.go:10:1: sb (statusbranch)\nb.go:12:1: ec2 (errcode)\n", out.String())

	res.errs = nil
	assert.Equal(t, 3, res.status(), "findings")
	assert.Equal(t, 0, results{}.status(), "clean")
}

// Text names files relative to the current directory, as go vet does,
// and each finding's check as a directive names it; an error that every
// pass of every package failed with (a catalog that does not load) is
// printed once.
func TestPrintTextRelative(t *testing.T) {
	const dir = "/work/m"
	catalogErr := `{"error": "/work/m/errcodes.yaml:14:4: syntax error: did not find expected '-' indicator\n/work/m/errcodes.yaml:20:1: another"}`
	tree, err := decodeTrees(strings.NewReader(`{"m/a": {
		"errcode": [{"category": "errcode/status", "posn": "/work/m/a/a.go:3:9", "end": "/work/m/a/a.go:3:12", "message": "wrong status", "related": [{"posn": "/work/m/errcodes.yaml:9:5", "message": "the catalog's entry"}]}],
		"retryafter": [{"category": "late-header", "posn": "/elsewhere/x.go:1:2", "message": "late"}]}}
{"m/b": {"errcode": ` + catalogErr + `, "retryafter": ` + catalogErr + `, "statusbranch": ` + catalogErr + `}}
{"m/c": {"errcode": ` + catalogErr + `, "retryafter": ` + catalogErr + `, "statusbranch": {"error": "/work/m/c/c.go:1:1: boom"}}}
`))
	require.NoError(t, err)
	res := collect(tree)
	var out strings.Builder
	printText(&out, res, -1, &columns{dir: dir})
	assert.Equal(t, `errcodelint: errcodes.yaml:14:4: syntax error: did not find expected '-' indicator
errcodes.yaml:20:1: another
statusbranch: c/c.go:1:1: boom
/elsewhere/x.go:1:2: late (retryafter/late-header)
a/a.go:3:9: wrong status (errcode/status)
errcodes.yaml:9:5: `+"\t"+`the catalog's entry
`, out.String())

	out.Reset()
	printGitHub(&out, res, &columns{dir: dir, files: map[string][]string{}})
	assert.Equal(t, "::error title=errcodelint::errcodes.yaml:14:4: syntax error: did not find expected '-' indicator%0Aerrcodes.yaml:20:1: another\n"+
		"::error title=errcodelint (statusbranch)::c/c.go:1:1: boom\n", strings.Split(out.String(), "::warning")[0], "once in every format")
}

func TestCollectOrder(t *testing.T) {
	tree, err := decodeTrees(strings.NewReader(`{"p": {
		"statusbranch": [{"posn": "a.go:3:9", "message": "z"}, {"posn": "a.go:3:9", "message": "a"}],
		"errcode": [{"posn": "a.go:3:9", "message": "m"}, {"posn": "a.go:10:1", "message": "ten"}, {"posn": "a.go:3:10", "message": "col10"}, {"posn": "-", "message": "nowhere"}]}}`))
	require.NoError(t, err)
	var posns []string
	for _, f := range collect(tree).findings {
		posns = append(posns, f.Posn+" "+f.pass+" "+f.Message)
	}
	// Lines and columns compare as numbers; at one position, by pass,
	// then message.
	assert.Equal(t, []string{
		"- errcode nowhere",
		"a.go:3:9 errcode m",
		"a.go:3:9 statusbranch a",
		"a.go:3:9 statusbranch z",
		"a.go:3:10 errcode col10",
		"a.go:10:1 errcode ten",
	}, posns)
}

func TestDropTestDuplicates(t *testing.T) {
	tree, err := decodeTrees(strings.NewReader(`{
		"p": {"errcode": [{"posn": "p.go:1:1", "message": "m"}]},
		"p [p.test]": {"errcode": [{"posn": "p.go:1:1", "message": "m"}, {"posn": "p_test.go:1:1", "message": "t"}], "retryafter": [{"posn": "p.go:1:1", "message": "r"}]},
		"q": {"errcode": [{"posn": "q.go:1:1", "message": "m"}]},
		"q [q.test]": {"errcode": [{"posn": "q.go:1:1", "message": "m"}]},
		"p_test [p.test]": {"errcode": [{"posn": "x_test.go:1:1", "message": "x"}]}}`))
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, printJSON(&out, tree))
	assert.Equal(t, `{
	"p": {
		"errcode": [
			{
				"posn": "p.go:1:1",
				"message": "m"
			}
		]
	},
	"p [p.test]": {
		"errcode": [
			{
				"posn": "p_test.go:1:1",
				"message": "t"
			}
		],
		"retryafter": [
			{
				"posn": "p.go:1:1",
				"message": "r"
			}
		]
	},
	"p_test [p.test]": {
		"errcode": [
			{
				"posn": "x_test.go:1:1",
				"message": "x"
			}
		]
	},
	"q": {
		"errcode": [
			{
				"posn": "q.go:1:1",
				"message": "m"
			}
		]
	}
}
`, out.String())
}

func TestPrintGitHub(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a,b.go")
	require.NoError(t, os.WriteFile(file, []byte("package p\n\nvar s = \"é\" + x\n"), 0o644))
	tree, err := decodeTrees(strings.NewReader(`{"p": {
		"errcode": [{"posn": "` + file + `:3:16", "end": "` + file + `:3:17", "message": "100% wrong\nreally", "related": [{"posn": "` + file + `:1:1", "message": "there"}]}],
		"retryafter": {"error": "bad: thing"}}}`))
	require.NoError(t, err)
	var out strings.Builder
	printGitHub(&out, collect(tree), &columns{dir: dir, files: map[string][]string{}})
	// The column counts "é" (two bytes) once; the file name's comma and
	// the message's percent sign and newline are escaped.
	assert.Equal(t, "::error title=errcodelint (retryafter)::bad: thing\n"+
		"::warning file=a%2Cb.go,line=3,col=15,endLine=3,endColumn=16,title=errcodelint (errcode)::100%25 wrong%0Areally%0Aa,b.go:1:1: there\n",
		out.String())
	assert.Equal(t, "a%3Ab%2Cc%25%0D%0A", githubProperty("a:b,c%\r\n"))
	assert.Equal(t, "a:b,c%25%0D%0A", githubMessage("a:b,c%\r\n"))
}

// SARIF's rules are the checks, each finding's ruleIndex its check's
// rule; a finding of a check that no pass lists (an older pass, a
// Category-less diagnostic) gets a rule of its own, so the log stays
// valid.
func TestSARIFRules(t *testing.T) {
	tree, err := decodeTrees(strings.NewReader(`{"p": {
		"errcode": [{"category": "errcode/status", "posn": "a.go:1:1", "message": "m1"}, {"posn": "a.go:2:1", "message": "m2"}],
		"retryafter": [{"category": "late-header", "posn": "a.go:3:1", "message": "m3"}]}}`))
	require.NoError(t, err)
	passes := freshAnalyzers()
	checks := map[string][]check{
		"errcode":    {{ID: "errcode/unknown-code", Doc: "d1"}, {ID: "errcode/status", Doc: "d2"}},
		"retryafter": {{ID: "retryafter/late-header", Doc: "d3"}},
	}
	var out bytes.Buffer
	require.NoError(t, printSARIF(&out, collect(tree), passes, checks, &columns{}))
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
			}
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &log))
	var rules []string
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		rules = append(rules, r.ID+": "+r.ShortDescription.Text)
	}
	assert.Equal(t, []string{"errcode/unknown-code: d1", "errcode/status: d2", "retryafter/late-header: d3",
		"errcode: check error codes and statuses against the catalog"}, rules)
	var got []string
	for _, r := range log.Runs[0].Results {
		got = append(got, fmt.Sprintf("%s@%d", r.RuleID, r.RuleIndex))
	}
	assert.Equal(t, []string{"errcode/status@1", "errcode@3", "retryafter/late-header@2"}, got)
}

func TestColumns(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	// 😀 is 4 bytes and 2 UTF-16 code units; é is 2 bytes and 1 unit.
	require.NoError(t, os.WriteFile(file, []byte("x := \"😀é\" + y\n"), 0o644))
	c := &columns{dir: dir, files: map[string][]string{}}
	for byteCol, want := range map[int]int{0: 0, 1: 1, 6: 6, 7: 7, 11: 9, 13: 10, 15: 12} {
		assert.Equal(t, want, c.utf16Column(position{file, 1, byteCol}), "byte column %d", byteCol)
	}
	assert.Equal(t, 7, c.utf16Column(position{filepath.Join(dir, "missing.go"), 1, 7}), "a file that cannot be read keeps its byte column")

	assert.Equal(t, sarifArtifactLocation{URI: "a.go", URIBaseID: srcRoot}, c.artifact(file))
	assert.Equal(t, sarifArtifactLocation{URI: "sub/a%20b.go", URIBaseID: srcRoot}, c.artifact(filepath.Join(dir, "sub", "a b.go")))
	other := filepath.Join(filepath.Dir(dir), "other", "x.go")
	assert.Equal(t, sarifArtifactLocation{URI: "file://" + filepath.ToSlash(other)}, c.artifact(other))
}

// crashHelperEnv makes this test binary a child that panics, for
// TestCrashed: a real Go crash, from a process of the test's own.
const crashHelperEnv = "ERRCODELINT_TEST_CRASH_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(crashHelperEnv) != "" {
		os.Stderr.WriteString("errcode: a line before the crash\n")
		panic("boom")
	}
	code := m.Run()
	// The command the tests built (build in main_test.go).
	os.RemoveAll(filepath.Join(os.TempDir(), fmt.Sprintf("errcodelint-cmd-test-%d", os.Getpid())))
	os.Exit(code)
}

// The in-process engine's child that dies of a panic exits 2, as every Go
// program; errcodelint makes it an error, with the panic's line.
func TestCrashed(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashHelperEnv+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "%v", err)
	require.Equal(t, 2, exit.ExitCode(), "Go exits 2 on a panic")
	line, ok := crashed(exit, stderr.Bytes())
	assert.True(t, ok)
	assert.Equal(t, "panic: boom", line)

	// Exit 1 (errors the child reported) and success are not crashes.
	err = exec.Command("sh", "-c", "echo no >&2; exit 1").Run()
	require.True(t, errors.As(err, &exit))
	_, ok = crashed(exit, []byte("no\n"))
	assert.False(t, ok)
	_, ok = crashed(nil, nil)
	assert.False(t, ok)

	// A fatal runtime error, or no telling line: the first line.
	line, _ = crashed(exitWith(t, 2), []byte("x\nfatal error: out of memory\n"))
	assert.Equal(t, "fatal error: out of memory", line)
	line, _ = crashed(exitWith(t, 2), []byte("\nsomething odd\nmore\n"))
	assert.Equal(t, "something odd", line)
}

func exitWith(t *testing.T, code int) *exec.ExitError {
	t.Helper()
	err := exec.Command("sh", "-c", "exit "+string(rune('0'+code))).Run()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit))
	return exit
}

// The variables users set are the ones help lists.
func TestEnvironmentListed(t *testing.T) {
	for _, v := range []string{catalog.EnvVar, cacheEnv, engineEnv} {
		assert.Contains(t, environment, "\n  "+v+" ")
	}
}
