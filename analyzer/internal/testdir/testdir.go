// Package testdir locates the shared analysistest tree, testdata/ at the
// module root, for the passes' tests.
package testdir

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the absolute path of the module's testdata directory,
// found upward from the test's working directory.
func Path(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}
