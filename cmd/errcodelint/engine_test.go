package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

func freshAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		errcode.New(errcode.Defaults()),
		retryafter.New(retryafter.Defaults()),
		statusbranch.New(statusbranch.Defaults()),
	}
}

func TestParseStandaloneRun(t *testing.T) {
	t.Setenv(engineEnv, "")
	t.Setenv("ERRCODELINT_CATALOG", "")
	rel := filepath.Join("..", "..", "testdata", "catalogs", "platform.yaml")
	abs, err := filepath.Abs(rel)
	require.NoError(t, err)

	r, ferr := parseStandaloneRun([]string{"-json", "-c", "2", "-catalog", rel, "-retryafter=false", "-statusbranch.strict", "./..."}, freshAnalyzers())
	require.Nil(t, ferr)
	require.NotNil(t, r)
	assert.False(t, r.inProcess)
	assert.Equal(t, "json", r.format)
	assert.Equal(t, 2, r.context)
	assert.Equal(t, []string{"./..."}, r.packages)
	// go vet runs the tool in each package's directory: catalog paths go
	// absolute, and the driver's own flags stay with the driver.
	assert.Equal(t, []string{"-catalog=" + abs, "-retryafter=false", "-statusbranch.strict=true"}, r.toolFlags)
	assert.Equal(t, []string{"catalog=" + abs}, r.catalogs)
	assert.Equal(t, []string{"catalog=" + abs}, r.explicitCatalogs())
	assert.Equal(t, []string{"-retryafter=false", "-statusbranch.strict=true"}, r.factFlags(), "facts depend on no catalog")
	assert.Equal(t, []string{"-json"}, r.modeArgs())

	r, ferr = parseStandaloneRun([]string{"-fix", "-diff", "./..."}, freshAnalyzers())
	require.Nil(t, ferr)
	assert.Equal(t, []string{"-fix", "-diff"}, r.modeArgs())
	assert.Equal(t, []string{"-fix", "-diff", "./..."}, r.childArgs())
	assert.True(t, r.fixing())
	// -fix finds the findings first, as a JSON tree.
	r.step = stepFindings
	assert.Equal(t, []string{"-json"}, r.modeArgs())
	assert.False(t, r.fixing())

	// -format, and -json as its alias; the last one given wins.
	for args, want := range map[string]string{
		"":                          "text",
		"-format=sarif":             "sarif",
		"-format github":            "github",
		"-json -format text":        "text",
		"-format sarif -json":       "json",
		"-format json -json=false":  "text",
		"-format sarif -json=false": "sarif",
	} {
		r, ferr := parseStandaloneRun(append(strings.Fields(args), "./..."), freshAnalyzers())
		require.Nil(t, ferr, args)
		assert.Equal(t, want, r.format, args)
		assert.Empty(t, r.toolFlags, "%s: -format is not the passes' flag", args)
	}

	// Flags only the in-process engine has select it, and go to it.
	r, ferr = parseStandaloneRun([]string{"-test=false", "-debug", "v", "-format", "sarif", "-errcode=false", "./..."}, freshAnalyzers())
	require.Nil(t, ferr)
	assert.True(t, r.inProcess)
	assert.Equal(t, []string{"-json", "-test=false", "-debug=v", "-errcode=false", "-statusbranch.notices", "./..."}, r.childArgs())

	// -tags goes to the go command, which selects the files.
	r, ferr = parseStandaloneRun([]string{"-tags", "integration", "./..."}, freshAnalyzers())
	require.Nil(t, ferr)
	assert.Equal(t, []string{"-tags=integration"}, r.buildFlags)
	assert.Empty(t, r.toolFlags)

	// What multichecker does as it is.
	for _, args := range [][]string{
		{"-V=full"},
		{"-flags"},
		{"-json", "/tmp/b001/vet.cfg"},
	} {
		r, ferr := parseStandaloneRun(args, freshAnalyzers())
		assert.Nil(t, r, "%q", args)
		assert.Nil(t, ferr, "%q", args)
	}

	// help after flags, and -h, are errcodelint's own help.
	r, ferr = parseStandaloneRun([]string{"-json", "help", "errcode"}, freshAnalyzers())
	require.Nil(t, ferr)
	assert.Equal(t, []string{"errcode"}, r.help)
	r, ferr = parseStandaloneRun([]string{"-json", "-h"}, freshAnalyzers())
	require.Nil(t, ferr)
	assert.Equal(t, []string{}, r.help)

	// Bad flags: the format's error is one line; the others come with
	// the usage, as the flag package prints them.
	for _, tc := range []struct {
		args  []string
		err   string
		usage bool
	}{
		{[]string{"-format", "xml", "./..."}, `invalid value "xml" for flag -format: want one of text, json, sarif, github`, false},
		{[]string{"-nosuchflag", "./..."}, "flag provided but not defined: -nosuchflag", true},
		{[]string{"-diff", "./..."}, "-diff shows what -fix would change: use -fix -diff", false},
		{[]string{"-fix", "-diff", "-format", "sarif", "./..."}, "-fix -diff prints a diff on stdout, not -format sarif", false},
		{[]string{}, "no packages to analyze", true},
		{[]string{"-json", "-c", "1"}, "no packages to analyze", true},
		{[]string{"-catalog", filepath.Join(t.TempDir(), "missing.yaml"), "./..."}, "reading catalog: open ", false},
	} {
		r, ferr := parseStandaloneRun(tc.args, freshAnalyzers())
		assert.Nil(t, r, "%q", tc.args)
		if assert.NotNil(t, ferr, "%q", tc.args) {
			assert.Contains(t, ferr.Error(), tc.err)
			assert.Equal(t, tc.usage, ferr.usage, "%q", tc.args)
			// A catalog that does not load is an error, not a bad command line.
			assert.Equal(t, map[bool]int{true: 1, false: 2}[strings.Contains(tc.err, "catalog")], ferr.code, "%q", tc.args)
		}
	}

	t.Setenv(engineEnv, "inprocess")
	r, ferr = parseStandaloneRun([]string{"-c", "1", "./..."}, freshAnalyzers())
	require.Nil(t, ferr)
	assert.True(t, r.inProcess)
	assert.Equal(t, []string{"-json", "-errcode.notices", "-statusbranch.notices", "./..."}, r.childArgs())

	// The in-process engine's child is marked by its parent's argument,
	// not by a value of the variable a user sets.
	for _, e := range []string{"bogus", "multichecker"} {
		t.Setenv(engineEnv, e)
		_, ferr = parseStandaloneRun([]string{"./..."}, freshAnalyzers())
		require.NotNil(t, ferr)
		assert.Equal(t, "unknown ERRCODELINT_ENGINE="+e+"; want vet or inprocess", ferr.Error())
		assert.Equal(t, 2, ferr.code)
	}

	// -runlog is the engine's, for tests: absolute, and not the passes'.
	t.Setenv(engineEnv, "")
	r, ferr = parseStandaloneRun([]string{"-runlog", "log", "./..."}, freshAnalyzers())
	require.Nil(t, ferr)
	wd, err := os.Getwd()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(wd, "log"), r.runLog)
	assert.Empty(t, r.toolFlags)
}
