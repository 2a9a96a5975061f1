package catalog

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// within runs f and fails the test when it does not return in time: the
// hostile inputs below once hung, overflowed the stack or ran for minutes.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("did not finish within %v", d)
	}
}

const deadline = 10 * time.Second

const small = "version: 1\ncodes:\n  - code: a\n    status: 400\n"

func TestLoadNotRegular(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.yaml")
	require.NoError(t, os.Symlink(os.DevNull, zero))
	sub := filepath.Join(dir, "sub.yaml")
	require.NoError(t, os.Mkdir(sub, 0o755))
	tests := []struct{ path, want string }{
		// Before, a symbolic link to a device was read whole: a link to
		// /dev/zero grew memory without bound.
		{zero, zero + ": catalog is a device, not a regular file"},
		{sub, sub + ": catalog is a directory, not a regular file"},
	}
	for _, tt := range tests {
		within(t, deadline, func() {
			_, err := Load(tt.path)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// TestLoadTooLarge: Load reads no more than MaxSize+1 bytes and says so.
func TestLoadTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "errcodes.yaml")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(MaxSize+1<<20))
	require.NoError(t, f.Close())
	_, err = Load(path)
	require.Error(t, err)
	assert.Equal(t, path+": catalog is larger than 16 MiB", err.Error())
}

// TestLoadShared: one process loads a file once, until it changes; the
// cache is safe for concurrent use.
func TestLoadShared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "errcodes.yaml")
	require.NoError(t, os.WriteFile(path, []byte(small), 0o644))
	cats := make([]*Catalog, 8)
	var wg sync.WaitGroup
	for i := range cats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := Load(path)
			assert.NoError(t, err)
			cats[i] = c
		}()
	}
	wg.Wait()
	for _, c := range cats {
		assert.Same(t, cats[0], c)
	}
	var cache Cache
	viaCache, err := cache.Load(path)
	require.NoError(t, err)
	assert.Same(t, cats[0], viaCache, "the analyzers' Cache shares the process-wide load")

	require.NoError(t, os.WriteFile(path, []byte(small+"  - code: b\n    status: 404\n"), 0o644))
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(path, later, later))
	changed, err := Load(path)
	require.NoError(t, err)
	assert.NotSame(t, cats[0], changed)
	assert.Len(t, changed.Codes, 2)
}

func TestFindNames(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"errcodes.yml", ".errcodes.yml"} {
		dir := filepath.Join(root, name+".d")
		require.NoError(t, os.MkdirAll(dir, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(small), 0o644))
		got, err := Find(dir)
		require.NoError(t, err)
		assert.Equal(t, filepath.Join(dir, name), got)
	}
}

// TestFindNotRegular: a catalog name that is not a regular file is an
// error, not skipped (before, a directory was skipped silently and a FIFO
// was returned, to hang the load).
func TestFindNotRegular(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n"), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "errcodes.yaml"), 0o755))
	_, err := Find(dir)
	require.Error(t, err)
	assert.Equal(t, filepath.Join(dir, "errcodes.yaml")+": catalog is a directory, not a regular file", err.Error())
}
