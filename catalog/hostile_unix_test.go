//go:build unix

package catalog

import (
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadFIFO: before, a catalog path naming a FIFO hung the run, waiting
// for a writer.
func TestLoadFIFO(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "errcodes.yaml")
	require.NoError(t, syscall.Mkfifo(path, 0o644))
	within(t, deadline, func() {
		_, err := Load(path)
		require.Error(t, err)
		assert.Equal(t, path+": catalog is a named pipe, not a regular file", err.Error())
		_, err = Find(dir)
		require.Error(t, err)
		assert.Equal(t, path+": catalog is a named pipe, not a regular file", err.Error())
	})
}

// TestDocumentFIFO: a catalog's document that is a FIFO is an error, not
// something to wait on.
func TestDocumentFIFO(t *testing.T) {
	dir := writeFiles(t, map[string]string{"errcodes.yaml": "version: 1\nopenapi: api.yaml\n"})
	doc := filepath.Join(dir, "api.yaml")
	require.NoError(t, syscall.Mkfifo(doc, 0o644))
	within(t, deadline, func() {
		_, err := Load(filepath.Join(dir, "errcodes.yaml"))
		require.Error(t, err)
		assert.Equal(t, filepath.Join(dir, "errcodes.yaml")+":2:10: openapi: "+doc+" is a named pipe, not a regular file", err.Error())
	})
}
