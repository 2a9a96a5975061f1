package catalogcmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDocStyles renders each style in both formats; the catalog package's
// golden files pin the content, so this checks the command's plumbing.
func TestDocStyles(t *testing.T) {
	for _, s := range styles {
		for _, format := range []string{"markdown", "html"} {
			stdout, stderr, code := run("doc", stylePath(s.name), "-format", format)
			assert.Equal(t, 0, code, stderr)
			assert.Empty(t, stderr)
			want, err := os.ReadFile(filepath.Join("..", "catalogtools", "render", "testdata", s.name+map[string]string{"markdown": ".md", "html": ".html"}[format]))
			require.NoError(t, err)
			assert.Equal(t, string(want), stdout, "%s %s", s.name, format)
		}
	}
}

func TestDocOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "errors.md")
	stdout, stderr, code := run("doc", "-o", out, stylePath("platform"))
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stdout)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), "| 404 Not Found | 22 codes |\n")

	_, stderr, code = run("doc", "-o", filepath.Join(t.TempDir(), "no", "such", "dir", "x.md"), stylePath("platform"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "errcodelint catalog doc: writing output: open ")
}
