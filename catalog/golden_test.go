package catalog

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// styles are the five catalog styles in ../testdata/catalogs, one per seed
// reference, with the seed file's number.
var styles = []struct{ name, seed string }{
	{"acme", "000"},
	{"platform", "001"},
	{"certcentral", "002"},
	{"camelcase", "003"},
	{"numeric", "004"},
}

// loadStyle loads one of the five catalogs.
func loadStyle(t *testing.T, name string) *Catalog {
	t.Helper()
	c, err := Load(filepath.Join("..", "testdata", "catalogs", name+".yaml"))
	require.NoError(t, err)
	return c
}

// golden compares got with the golden file, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./catalog -update to create it")
	assert.Equal(t, string(want), string(got), "%s differs; run go test ./catalog -update if the change is intended", path)
}
