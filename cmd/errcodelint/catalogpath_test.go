package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The go command's directory is tried first (on Linux, this test's
// parent: go test); these cases are about what comes after it.
func TestResolveUnitCatalogs(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	mod := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/m\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(mod, "api", "v1"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(mod, "api", "errcodes.yaml"), nil, 0o644))
	pkg := filepath.Join(mod, "api", "v1")
	main := &unitConfig{Dir: pkg, ModulePath: "example.com/m"}
	abs := filepath.Join(mod, "api", "errcodes.yaml")

	t.Run("main module root", func(t *testing.T) {
		got, err := resolveUnitCatalogs([]string{"-json", "-catalog=api/errcodes.yaml", "-errcode.catalog", "api/errcodes.yaml", "-statusbranch.strict"}, main)
		require.NoError(t, err)
		assert.Equal(t, []string{"-json", "-catalog=" + abs, "-errcode.catalog=" + abs, "-statusbranch.strict"}, got)
	})
	t.Run("absolute", func(t *testing.T) {
		got, err := resolveUnitCatalogs([]string{"-catalog=" + abs}, main)
		require.NoError(t, err)
		assert.Equal(t, []string{"-catalog=" + abs}, got)
	})
	t.Run("environment", func(t *testing.T) {
		t.Setenv(catalog.EnvVar, "api/errcodes.yaml")
		_, err := resolveUnitCatalogs(nil, main)
		require.NoError(t, err)
		assert.Equal(t, abs, os.Getenv(catalog.EnvVar))
	})
	t.Run("reported unit", func(t *testing.T) {
		_, err := resolveUnitCatalogs([]string{"-catalog=nope.yaml"}, main)
		require.Error(t, err)
		assert.Regexp(t, `^-catalog nope.yaml: no such file relative to \S+; give a path from the directory go vet runs in, or an absolute one$`, err.Error())
	})
	t.Run("dependency", func(t *testing.T) {
		dep := &unitConfig{Dir: pkg, ModulePath: "example.com/m", ModuleVersion: "v1.0.0"}
		_, err := resolveUnitCatalogs([]string{"-catalog=api/errcodes.yaml"}, dep)
		assert.Error(t, err, "a dependency's module root is not the user's")
	})
	t.Run("facts only", func(t *testing.T) {
		// Facts do not depend on the catalog: a facts-only unit runs
		// without it, placed or not.
		std := &unitConfig{Dir: filepath.Join(mod, "api"), ImportPath: "net/http", VetxOnly: true}
		t.Setenv(catalog.EnvVar, "nope.yaml")
		got, err := resolveUnitCatalogs([]string{"-catalog=nope.yaml", "-json", "-errcode.catalog", abs}, std)
		require.NoError(t, err)
		assert.Equal(t, []string{"-json"}, got, "the flags are dropped")
		assert.Empty(t, os.Getenv(catalog.EnvVar))
	})
}
