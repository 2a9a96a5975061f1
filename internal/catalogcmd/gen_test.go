package catalogcmd

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/errcodelint/errcodelint/internal/catalogtools/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGenStyles generates each style; the catalog package's golden files
// pin the content and its tests build it.
func TestGenStyles(t *testing.T) {
	for _, s := range styles {
		stdout, stderr, code := run("gen", stylePath(s.name), "-pkg", s.name)
		assert.Equal(t, 0, code, stderr)
		want, err := os.ReadFile(filepath.Join("..", "catalogtools", "gen", "testdata", s.name+".go.golden"))
		require.NoError(t, err)
		assert.Equal(t, string(want), stdout, s.name)
	}
}

// TestGenOutputFile writes the file, and leaves it alone when it is up to
// date, as go generate wants.
func TestGenOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "codes_gen.go")
	_, stderr, code := run("gen", "-pkg", "apierr", "-type", "ErrCode", "-o", out, stylePath("certcentral"))
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), gen.Header+"\n")
	assert.Contains(t, string(data), "type ErrCode string\n")

	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	require.NoError(t, os.Chtimes(out, old, old))
	_, stderr, code = run("gen", "-pkg", "apierr", "-type", "ErrCode", "-o", out, stylePath("certcentral"))
	require.Equal(t, 0, code, stderr)
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.True(t, st.ModTime().Equal(old), "an unchanged file is not rewritten")
}
