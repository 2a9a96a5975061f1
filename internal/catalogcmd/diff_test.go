package catalogcmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDiffGolden compares two versions of a small catalog, in text and
// JSON; a breaking change exits 1.
func TestDiffGolden(t *testing.T) {
	oldPath := filepath.Join("testdata", "diff", "old.yaml")
	newPath := filepath.Join("testdata", "diff", "new.yaml")
	stdout, stderr, code := run("diff", oldPath, newPath)
	assert.Equal(t, 1, code)
	assert.Empty(t, stderr)
	golden(t, filepath.Join("testdata", "diff", "diff.txt"), stdout)

	stdout, stderr, code = run("diff", "-json", oldPath, newPath)
	assert.Equal(t, 1, code)
	assert.Empty(t, stderr)
	var parsed jsonDiff
	require.NoError(t, json.Unmarshal([]byte(stdout), &parsed))
	assert.Positive(t, parsed.Breaking)
	golden(t, filepath.Join("testdata", "diff", "diff.json"), stdout)

	stdout, _, code = run("diff", newPath, newPath)
	assert.Equal(t, 0, code)
	assert.Equal(t, "no changes\n", stdout)
}

// TestDiffStyles diffs each style with itself (exit 0) and with a copy
// that drops its last code (exit 1) or adds one (exit 0).
func TestDiffStyles(t *testing.T) {
	for _, s := range styles {
		t.Run(s.name, func(t *testing.T) {
			path := stylePath(s.name)
			stdout, stderr, code := run("diff", path, path)
			assert.Equal(t, 0, code, stderr)
			assert.Equal(t, "no changes\n", stdout)

			data, err := os.ReadFile(path)
			require.NoError(t, err)
			src := string(data)
			last := strings.LastIndex(src, "\n  - code: ")
			require.Positive(t, last)
			dropped := writeFile(t, "dropped.yaml", src[:last+1])
			stdout, _, code = run("diff", path, dropped)
			assert.Equal(t, 1, code)
			assert.Contains(t, stdout, "breaking: code ")
			assert.Contains(t, stdout, " removed (was ")
			assert.True(t, strings.HasSuffix(stdout, "1 breaking change, 0 other changes\n"), stdout)

			c, err := catalog.Load(path)
			require.NoError(t, err)
			added := `"zz_added"`
			if c.Numeric() {
				added = "987654"
			}
			grown := writeFile(t, "grown.yaml", src+"\n  - code: "+added+"\n    status: 409\n")
			stdout, stderr, code = run("diff", path, grown)
			assert.Equal(t, 0, code, stderr)
			assert.Contains(t, stdout, " added (409)\n")
			assert.True(t, strings.HasSuffix(stdout, "0 breaking changes, 1 other change\n"), stdout)
		})
	}
}
