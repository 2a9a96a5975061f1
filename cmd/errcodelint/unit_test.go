package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goodCatalog = "version: 1\ncodes:\n  - code: a\n    status: 400\n"

// A unit of the engine uses the catalog content the engine keyed it on,
// or fails when the file no longer holds it.
func TestPinCatalogs(t *testing.T) {
	p := filepath.Join(t.TempDir(), "errcodes.yaml")
	require.NoError(t, os.WriteFile(p, []byte(goodCatalog), 0o644))
	state := readState(p)
	require.NotEmpty(t, state.sum)

	require.NoError(t, pinCatalogs(map[string]string{p: state.sum}))
	require.NoError(t, os.WriteFile(p, []byte("version: 1\ncodes: 3\n"), 0o644))
	c, err := catalog.Load(p)
	require.NoError(t, err, "the pinned content, not the file's")
	_, ok := c.Lookup("a")
	assert.True(t, ok)

	err = pinCatalogs(map[string]string{p: state.sum})
	require.Error(t, err)
	assert.Equal(t, p+" changed during the run; run again", err.Error())
}

// Under go vet, relative catalog paths are from the main module's root,
// and a flag may name only a catalog file the tool's identity covers.
func TestPlaceCatalogs(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	mod := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/m\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(mod, "api", "v1"), 0o755))
	abs := filepath.Join(mod, "api", "errcodes.yaml")
	require.NoError(t, os.WriteFile(abs, []byte(goodCatalog), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(mod, "api.yaml"), []byte(goodCatalog), 0o644))
	main := &goVetUnit{Dir: filepath.Join(mod, "api", "v1"), ModulePath: "example.com/m"}

	got, err := placeCatalogs([]string{"-json", "-catalog=api/errcodes.yaml", "-errcode.catalog", "api/errcodes.yaml", "-statusbranch.strict"}, main)
	require.NoError(t, err)
	assert.Equal(t, []string{"-json", "-catalog=" + abs, "-errcode.catalog=" + abs, "-statusbranch.strict"}, got)

	got, err = placeCatalogs([]string{"-catalog=" + abs}, main)
	require.NoError(t, err)
	assert.Equal(t, []string{"-catalog=" + abs}, got)

	t.Setenv(catalog.EnvVar, "api.yaml")
	_, err = placeCatalogs(nil, main)
	require.NoError(t, err, "the environment variable may name any file: the identity hashes it")
	assert.Equal(t, filepath.Join(mod, "api.yaml"), os.Getenv(catalog.EnvVar))

	_, err = placeCatalogs([]string{"-catalog=api.yaml"}, main)
	require.Error(t, err)
	assert.Regexp(t, `^-catalog api.yaml: go vet would not see an edit of this file`, err.Error())

	dep := &goVetUnit{Dir: main.Dir, ModulePath: "example.com/m", ModuleVersion: "v1.0.0"}
	_, err = placeCatalogs([]string{"-catalog=api/errcodes.yaml"}, dep)
	assert.Error(t, err, "a dependency's module root is not the user's")
}

// Facts depend on no catalog: a facts-only unit runs without the flags.
func TestWithoutCatalogs(t *testing.T) {
	assert.Equal(t, []string{"-json", "-statusbranch.strict"},
		withoutCatalogs([]string{"-catalog=x.yaml", "-json", "-errcode.catalog", "y.yaml", "-statusbranch.strict"}))
}

// A unit is keyed on the OpenAPI document its catalog points at, and
// pins it with the catalog: an edit of the document alone is a new key,
// and the unit reads the content keyed on.
func TestSnapshotDocument(t *testing.T) {
	dir := t.TempDir()
	cat, doc := filepath.Join(dir, "errcodes.yaml"), filepath.Join(dir, "openapi.yaml")
	require.NoError(t, os.WriteFile(cat, []byte("version: 1\nopenapi: openapi.yaml\n"), 0o644))
	require.NoError(t, os.WriteFile(doc, []byte("openapi: 3.1.0\n"), 0o644))
	s := newSnapshot()
	lines, pin := s.catalogs(nil, dir)
	require.Len(t, lines, 3)
	assert.Equal(t, "discovered found "+cat, lines[0])
	assert.Regexp(t, `^discovered document ".*openapi.yaml" sha256 [0-9a-f]{64}$`, lines[2])
	assert.Len(t, pin, 2)
	assert.Contains(t, pin, doc)
	assert.Empty(t, s.changed())

	require.NoError(t, os.WriteFile(doc, []byte("openapi: 3.1.0\n# edited\n"), 0o644))
	assert.Equal(t, []string{doc}, s.changed(), "the run fails instead of storing what it found")
	edited, _ := newSnapshot().catalogs(nil, dir)
	assert.NotEqual(t, lines[2], edited[2])
}
