// Package toolstest holds what the catalog tools' tests share: the five
// catalog styles of the repository's testdata and golden-file comparison.
package toolstest

import (
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// A Style is one of the five catalog styles in testdata/catalogs, one per
// seed reference, with the seed file's number.
type Style struct{ Name, Seed string }

// Styles are the five catalog styles.
var Styles = []Style{
	{"acme", "000"},
	{"platform", "001"},
	{"certcentral", "002"},
	{"camelcase", "003"},
	{"numeric", "004"},
}

// Root is the repository's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "..")
}

// Testdata is the path of a file under the repository's testdata tree.
func Testdata(elem ...string) string {
	return filepath.Join(append([]string{Root(), "testdata"}, elem...)...)
}

// StylePath is the path of a style's catalog.
func StylePath(name string) string { return Testdata("catalogs", name+".yaml") }

// LoadStyle loads one of the five catalogs.
func LoadStyle(t *testing.T, name string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(StylePath(name))
	require.NoError(t, err)
	return c
}

// Golden compares got with the golden file, or rewrites it under -update.
func Golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test with -update to create it")
	assert.Equal(t, string(want), string(got), "%s differs; run go test with -update if the change is intended", path)
}

// ParseCodes parses a catalog made of a head and a list of code lines.
func ParseCodes(t *testing.T, name, head, codes string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Parse(name, []byte("version: 1\n"+head+"codes:\n"+codes))
	require.NoError(t, err)
	return c
}
