package integration

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDependencyUnits: go vet caches a package vetted as a dependency
// (facts only) under the same key as when it is named, so a package of
// the module without tests of its own, vetted first for an importer, used
// to come back with no findings when named. Its findings must be there in
// every order, through go vet and through the standalone command, and a
// standalone run prints only the packages it names.
func TestDependencyUnits(t *testing.T) {
	endToEnd(t)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/deps\n\ngo 1.26\n",
		"errcodes.yaml": "version: 1\nwire:\n  code: error.code\ncodes:\n" +
			"  - code: secret_not_found\n    status: 404\n  - code: rate_limited\n    status: 429\n",
		"codes/codes.go": `// Package codes has the status table, and no tests.
package codes

import "net/http"

// Status is the table: one row is wrong.
var Status = map[string]int{
	"secret_not_found": http.StatusNotFound,
	"rate_limited":     http.StatusServiceUnavailable,
}
`,
		"server/server.go": `// Package server imports codes.
package server

import (
	"net/http"

	"example.com/deps/codes"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(codes.Status["secret_not_found"])
}
`,
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	const finding = "codes.go:9:22: code \"rate_limited\" is mapped to status 503; the catalog says 429"

	t.Run("go vet", func(t *testing.T) {
		bin := freshTool(t)
		env := []string{"ERRCODELINT_CACHE=off"}
		run(t, dir, env, "go", "vet", "-vettool="+bin, "./server")
		r := run(t, dir, env, "go", "vet", "-vettool="+bin, "./codes")
		assert.Equal(t, 1, r.code, "%s", r)
		assert.Contains(t, r.stderr, finding, "the dependency's cached result is not empty")
	})

	t.Run("standalone", func(t *testing.T) {
		bin := freshTool(t)
		env := []string{"ERRCODELINT_CACHE=" + t.TempDir()}
		first := run(t, dir, env, bin, "./server")
		assert.Equal(t, 0, first.code, "only the named package is reported\n%s", first)
		assert.NotContains(t, first.stderr, "codes.go")
		r := run(t, dir, env, bin, "./codes")
		assert.Equal(t, 3, r.code, "%s", r)
		assert.Contains(t, r.stderr, finding)
		all := run(t, dir, env, bin, "./...")
		assert.Equal(t, 3, all.code, "%s", all)
		assert.Contains(t, all.stderr, finding)
	})
}
