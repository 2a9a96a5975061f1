package catalogid

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every entry named like a catalog below a root is seen, wherever it is
// and whatever it is; nothing is opened that is not a regular file.
func TestVisible(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"errcodes.yaml", "node_modules/gen/errcodes.yaml", "testdata/x/.errcodes.yml", "vendor/errcodes.json", "a/b/c/errcodes.yml"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, filepath.Dir(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, p), []byte("version: 1\n"), 0o644))
	}
	require.NoError(t, os.MkdirAll(filepath.Join(root, "dir", "errcodes.yaml"), 0o755))
	require.NoError(t, syscall.Mkfifo(filepath.Join(root, "fifo.errcodes"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "pipe"), 0o755))
	require.NoError(t, syscall.Mkfifo(filepath.Join(root, "pipe", "errcodes.yaml"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(root, ".git"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, ".git", "errcodes.yaml"), nil, 0o644))

	got := Visible(root)
	for i := range got {
		got[i], _ = filepath.Rel(root, got[i])
	}
	assert.Equal(t, []string{"a/b/c/errcodes.yml", "dir/errcodes.yaml", "errcodes.yaml", "node_modules/gen/errcodes.yaml",
		"pipe/errcodes.yaml", "testdata/x/.errcodes.yml", "vendor/errcodes.json"}, got,
		"no package can live in a directory whose name starts with a dot")

	// Hashing ends (the FIFO is not opened), and sees each kind of change.
	sum := func() [32]byte {
		h := sha256.New()
		Hash(h, nil, []string{root})
		return [32]byte(h.Sum(nil))
	}
	before := sum()
	assert.Equal(t, before, sum(), "stable")
	require.NoError(t, os.WriteFile(filepath.Join(root, "node_modules/gen/errcodes.yaml"), []byte("version: 1\n# x\n"), 0o644))
	edited := sum()
	assert.NotEqual(t, before, edited, "an edit under node_modules")
	require.NoError(t, os.Remove(filepath.Join(root, "dir", "errcodes.yaml")))
	require.NoError(t, os.WriteFile(filepath.Join(root, "dir", "errcodes.yaml"), nil, 0o644))
	assert.NotEqual(t, edited, sum(), "a directory that became a file")
}

// Explicit files count by path and content: another file with the same
// content is another catalog (messages cite its name).
func TestHashExplicit(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	require.NoError(t, os.WriteFile(a, []byte("version: 1\n"), 0o644))
	require.NoError(t, os.WriteFile(b, []byte("version: 1\n"), 0o644))
	sum := func(explicit string, roots ...string) [32]byte {
		h := sha256.New()
		Hash(h, []string{explicit}, roots)
		return [32]byte(h.Sum(nil))
	}
	assert.NotEqual(t, sum(a), sum(b))
	// A relative path is placed under each root.
	before := sum("a.yaml", dir)
	require.NoError(t, os.WriteFile(a, []byte("version: 1\n# edited\n"), 0o644))
	assert.NotEqual(t, before, sum("a.yaml", dir))
}

// The OpenAPI document a catalog points at counts as the catalog does,
// for a catalog found below a root and for one named explicitly: its
// codes and operations are the catalog's.
func TestHashDocument(t *testing.T) {
	dir := t.TempDir()
	cat, doc := filepath.Join(dir, "errcodes.yaml"), filepath.Join(dir, "api", "openapi.yaml")
	require.NoError(t, os.MkdirAll(filepath.Dir(doc), 0o755))
	require.NoError(t, os.WriteFile(cat, []byte("version: 1\nopenapi: api/openapi.yaml\n"), 0o644))
	require.NoError(t, os.WriteFile(doc, []byte("openapi: 3.1.0\n"), 0o644))
	sum := func(explicit ...string) [32]byte {
		h := sha256.New()
		Hash(h, explicit, []string{dir})
		return [32]byte(h.Sum(nil))
	}
	found, named := sum(), sum(cat)
	require.NoError(t, os.WriteFile(doc, []byte("openapi: 3.1.0\n# edited\n"), 0o644))
	assert.NotEqual(t, found, sum(), "a found catalog's document was edited")
	assert.NotEqual(t, named, sum(cat), "an explicit catalog's document was edited")
	edited := sum()
	require.NoError(t, os.Remove(doc))
	assert.NotEqual(t, edited, sum(), "the document was removed")
}
