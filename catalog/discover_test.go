package catalog

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A relative -catalog works from the module root as well as from the
// current directory: go vet runs the tool in each package's directory.
func TestLocate(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "api", "pkg"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "api", "errcodes.yaml"), []byte("version: 1\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "api", "pkg", "local.yaml"), []byte("version: 1\n"), 0o644))

	t.Chdir(filepath.Join(root, "api", "pkg"))
	assert.Equal(t, filepath.Join(root, "api", "errcodes.yaml"), Locate("api/errcodes.yaml"), "from the module root")
	assert.Equal(t, "local.yaml", Locate("local.yaml"), "from the current directory first")
	assert.Equal(t, "missing.yaml", Locate("missing.yaml"), "as given, for Load to report")
	assert.Equal(t, "/abs/errcodes.yaml", Locate("/abs/errcodes.yaml"))
	assert.Equal(t, "", Locate(""))
}
