package main

import (
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

func TestParseVetRun(t *testing.T) {
	t.Setenv(engineEnv, "")
	t.Setenv("ERRCODELINT_CATALOG", "")
	rel := filepath.Join("..", "..", "testdata", "catalogs", "platform.yaml")
	abs, err := filepath.Abs(rel)
	require.NoError(t, err)

	r := parseVetRun([]string{"-json", "-c", "2", "-catalog", rel, "-retryafter=false", "-statusbranch.strict", "./..."}, freshAnalyzers())
	require.NotNil(t, r)
	assert.True(t, r.json)
	assert.Equal(t, 2, r.context)
	assert.Equal(t, []string{"./..."}, r.packages)
	// go vet runs the tool in each package's directory: catalog paths go
	// absolute, and the driver's own flags stay with the driver.
	assert.Equal(t, []string{"-catalog=" + abs, "-retryafter=false", "-statusbranch.strict=true"}, r.toolFlags)
	assert.Equal(t, []string{abs}, r.catalogs)
	assert.Equal(t, []string{"vet", "-vettool=tool", "-json", "-catalog=" + abs, "-retryafter=false", "-statusbranch.strict=true", "-errcode.notices", "./..."}, r.vetArgs("tool"))

	r = parseVetRun([]string{"-fix", "-diff", "./..."}, freshAnalyzers())
	require.NotNil(t, r)
	assert.Equal(t, []string{"vet", "-vettool=tool", "-fix", "-diff", "./..."}, r.vetArgs("tool"))

	// What the in-process driver keeps.
	for _, args := range [][]string{
		{"-V=full"},
		{"-flags"},
		{"-json", "/tmp/b001/vet.cfg"},
		{"help", "errcode"},
		{},
		{"-test=false", "./..."},
		{"-debug=v", "./..."},
		{"-cpuprofile", "cpu.out", "./..."},
		{"-nosuchflag", "./..."},
		{"-catalog", filepath.Join(t.TempDir(), "missing.yaml"), "./..."},
	} {
		assert.Nil(t, parseVetRun(args, freshAnalyzers()), "%q", args)
	}
	t.Setenv(engineEnv, "inprocess")
	assert.Nil(t, parseVetRun([]string{"./..."}, freshAnalyzers()))
}

func TestPrintText(t *testing.T) {
	tree, err := decodeTrees(strings.NewReader(`{"b": {"statusbranch": [{"posn": "b.go:1:1", "end": "b.go:1:2", "message": "sb"}], "errcode": [{"posn": "b.go:2:1", "message": "ec"}]}}
{"a": {"errcode": [{"posn": "a.go:1:1", "message": "ea"}, {"posn": "a.go:1:1", "message": "ea"}]}}
`))
	require.NoError(t, err)
	r := &vetRun{context: -1, analyzers: []string{"errcode", "retryafter", "statusbranch"}}
	var out strings.Builder
	assert.Equal(t, 3, r.printText(&out, tree))
	// By pass, then by package; duplicates once.
	assert.Equal(t, "a.go:1:1: ea\nb.go:2:1: ec\nb.go:1:1: sb\n", out.String())

	tree, err = decodeTrees(strings.NewReader(`{"a": {"errcode": {"error": "boom"}}}`))
	require.NoError(t, err)
	out.Reset()
	assert.Equal(t, 1, r.printText(&out, tree))
	assert.Equal(t, "errcode: boom\n", out.String())
}
