package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Case 4 of the cache contract: an entry is used only when it is whole
// and holds what its hash says; anything else is a miss, and the damaged
// file is removed.
func TestStoreVerifiesEntries(t *testing.T) {
	key := strings.Repeat("ab", 32)
	want := &entry{vetx: []byte("vetx\x00facts"), stdout: []byte(`{"p":{}}`)}
	want.vetxSum = sum(want.vetx)
	damage := map[string]func(data []byte) []byte{
		"truncated":        func(d []byte) []byte { return d[:len(d)-3] },
		"one byte altered": func(d []byte) []byte { d[len(d)-1] ^= 1; return d },
		"empty":            func([]byte) []byte { return nil },
		"trailing bytes":   func(d []byte) []byte { return append(d, 'x') },
		"another format":   func(d []byte) []byte { return append([]byte("errcodelint cache entry 1\n"), d[len(cacheMagic):]...) },
		"stdout left out":  func(d []byte) []byte { return encodeEntry(&entry{vetx: want.vetx})[:len(d)-len(want.stdout)-33] },
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			t.Setenv(cacheEnv, t.TempDir())
			s := openStore()
			require.NotNil(t, s)
			s.put(key, want)
			got, ok := s.get(key)
			require.True(t, ok)
			assert.Equal(t, want, got)

			data, err := os.ReadFile(s.path(key))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(s.path(key), f(data), 0o644))
			_, ok = s.get(key)
			assert.False(t, ok, "a damaged entry is a miss")
			_, err = os.Stat(s.path(key))
			assert.True(t, os.IsNotExist(err), "and is removed")
		})
	}
	t.Run("missing", func(t *testing.T) {
		t.Setenv(cacheEnv, t.TempDir())
		_, ok := openStore().get(key)
		assert.False(t, ok)
	})
	t.Run("off", func(t *testing.T) {
		t.Setenv(cacheEnv, "off")
		s := openStore()
		assert.Nil(t, s)
		s.put(key, want) // a nil store keeps nothing, and does not fail
		_, ok := s.get(key)
		assert.False(t, ok)
	})
}

// A write leaves no temporary file behind, and an entry is replaced whole.
func TestStorePutIsAtomic(t *testing.T) {
	t.Setenv(cacheEnv, t.TempDir())
	s := openStore()
	key := strings.Repeat("cd", 32)
	s.put(key, &entry{vetx: []byte("one")})
	s.put(key, &entry{vetx: []byte("two")})
	got, ok := s.get(key)
	require.True(t, ok)
	assert.Equal(t, "two", string(got.vetx))
	files, err := os.ReadDir(filepath.Dir(s.path(key)))
	require.NoError(t, err)
	assert.Len(t, files, 1, "no temporary file left")
}
