package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// putAged stores an entry of size bytes under key and makes it look
// last used age ago.
func putAged(t *testing.T, s *store, key string, size int, age time.Duration) {
	t.Helper()
	s.put(key, &entry{vetx: make([]byte, size)})
	at := time.Now().Add(-age)
	require.NoError(t, os.Chtimes(s.path(key), at, at))
}

// kept is which of keys have an entry.
func kept(s *store, keys ...string) []string {
	var out []string
	for _, k := range keys {
		if _, err := os.Stat(s.path(k)); err == nil {
			out = append(out, k)
		}
	}
	return out
}

func cacheKey(i int) string { return fmt.Sprintf("%02d%062d", i, i) }

// Past its bound the cache removes the least recently used entries,
// oldest first, until it holds at most 3/4 of the bound; the newest
// survive.
func TestStoreTrimsOldestPastBound(t *testing.T) {
	s := &store{dir: t.TempDir(), max: 1 << 30}
	var keys []string
	for i := range 10 {
		keys = append(keys, cacheKey(i))
		putAged(t, s, keys[i], 1000, time.Duration(10-i)*time.Hour) // keys[0] the oldest
	}
	st, err := os.Stat(s.path(keys[0]))
	require.NoError(t, err)
	size := st.Size()
	assert.Equal(t, keys, kept(s, keys...), "under the bound, nothing goes")

	// 11 entries against a bound of 8: down to 6, the 5 newest and the new one.
	s.max = 8 * size
	keys = append(keys, cacheKey(10))
	s.put(keys[10], &entry{vetx: make([]byte, 1000)})
	assert.Equal(t, keys[5:], kept(s, keys...))
	total, ok := s.estimate()
	require.True(t, ok)
	assert.Equal(t, 6*size, total, "the sweep says what it left")
}

// The bound removes the least recently used entries, not the least
// recently written: get keeps an entry.
func TestStoreKeepsUsedEntries(t *testing.T) {
	s := &store{dir: t.TempDir(), max: 1 << 30}
	a, b, c, d := cacheKey(1), cacheKey(2), cacheKey(3), cacheKey(4)
	putAged(t, s, a, 1000, 4*time.Hour)
	putAged(t, s, b, 1000, 3*time.Hour)
	putAged(t, s, c, 1000, 2*time.Hour)
	_, ok := s.get(a)
	require.True(t, ok)
	st, err := os.Stat(s.path(a))
	require.NoError(t, err)

	// 4 entries against a bound of 3.5: down to 2.
	s.max = 7 * st.Size() / 2
	s.put(d, &entry{vetx: make([]byte, 1000)})
	assert.Equal(t, []string{a, d}, kept(s, a, b, c, d))
}

// Under the bound, a put adds to the size estimate and walks nothing; a
// missing estimate, or an old sweep, makes the next put sweep, which
// also removes what is unused for trimAge and temporary files whose
// writer is gone.
func TestStoreSweeps(t *testing.T) {
	s := &store{dir: t.TempDir(), max: 1 << 30}
	old, young, fresh := cacheKey(1), cacheKey(2), cacheKey(3)
	putAged(t, s, old, 10, trimAge+time.Hour)
	putAged(t, s, young, 10, time.Hour)
	deadTmp := filepath.Join(filepath.Dir(s.path(old)), tmpPrefix+"dead")
	liveTmp := filepath.Join(filepath.Dir(s.path(old)), tmpPrefix+"live")
	for _, p := range []string{deadTmp, liveTmp} {
		require.NoError(t, os.WriteFile(p, []byte("part"), 0o644))
	}
	at := time.Now().Add(-tmpAge - time.Hour)
	require.NoError(t, os.Chtimes(deadTmp, at, at))

	s.put(fresh, &entry{vetx: make([]byte, 10)})
	assert.Equal(t, []string{old, young, fresh}, kept(s, old, young, fresh), "the last sweep is recent: no walk")
	sizes := int64(0)
	for _, k := range []string{old, young, fresh} {
		st, err := os.Stat(s.path(k))
		require.NoError(t, err)
		sizes += st.Size()
	}
	total, ok := s.estimate()
	require.True(t, ok)
	assert.Equal(t, sizes, total, "each put adds its size")

	at = time.Now().Add(-sweepEvery - time.Minute)
	require.NoError(t, os.Chtimes(filepath.Join(s.dir, markFile), at, at))
	s.put(fresh, &entry{vetx: make([]byte, 10)})
	assert.Equal(t, []string{young, fresh}, kept(s, old, young, fresh))
	assert.NoFileExists(t, deadTmp)
	assert.FileExists(t, liveTmp, "its writer may be writing")
	assert.FileExists(t, filepath.Join(s.dir, sizeFile))
	assert.FileExists(t, filepath.Join(s.dir, markFile))
}

func TestCacheMax(t *testing.T) {
	t.Setenv(cacheMaxEnv, "")
	n, err := cacheMax()
	require.NoError(t, err)
	assert.Equal(t, int64(defaultCacheMax), n)
	t.Setenv(cacheEnv, t.TempDir())
	assert.Equal(t, int64(defaultCacheMax), openStore().max)

	for v, want := range map[string]int64{
		"1":          1,
		"1073741824": 1 << 30,
		"500MB":      500e6,
		"500mb":      500e6,
		"2GiB":       2 << 30,
		"2 GiB":      2 << 30,
		"1.5KiB":     1536,
		"10kb":       10e3,
		"3TB":        3e12,
		"1TiB":       1 << 40,
		"7B":         7,
		"0.5KB":      500,
	} {
		t.Setenv(cacheMaxEnv, v)
		n, err := cacheMax()
		require.NoError(t, err, v)
		assert.Equal(t, want, n, v)
		assert.Equal(t, want, openStore().max, v)
	}
}

// A bad bound is the user's mistake: the run stops, with exit 2, before
// it starts.
func TestCacheMaxRefusesBadValues(t *testing.T) {
	const notSize = "; want a size such as 500MB, 2GiB or a byte count"
	const notPositive = "; want a size above zero (ERRCODELINT_CACHE=off turns the cache off)"
	for v, want := range map[string]string{
		"0":                        "bad ERRCODELINT_CACHE_MAX=0" + notPositive,
		"0GiB":                     "bad ERRCODELINT_CACHE_MAX=0GiB" + notPositive,
		"0.1B":                     "bad ERRCODELINT_CACHE_MAX=0.1B" + notPositive,
		"off":                      "bad ERRCODELINT_CACHE_MAX=off" + notPositive,
		"-1":                       "bad ERRCODELINT_CACHE_MAX=-1" + notSize,
		"2G":                       "bad ERRCODELINT_CACHE_MAX=2G" + notSize,
		"2 gigabytes":              "bad ERRCODELINT_CACHE_MAX=2 gigabytes" + notSize,
		"GiB":                      "bad ERRCODELINT_CACHE_MAX=GiB" + notSize,
		"1e9":                      "bad ERRCODELINT_CACHE_MAX=1e9" + notSize,
		"0x100":                    "bad ERRCODELINT_CACHE_MAX=0x100" + notSize,
		"1.2.3MB":                  "bad ERRCODELINT_CACHE_MAX=1.2.3MB" + notSize,
		".5GB":                     "bad ERRCODELINT_CACHE_MAX=.5GB" + notSize,
		"5.GB":                     "bad ERRCODELINT_CACHE_MAX=5.GB" + notSize,
		"unlimited":                "bad ERRCODELINT_CACHE_MAX=unlimited" + notSize,
		"9223372036854775808":      "bad ERRCODELINT_CACHE_MAX=9223372036854775808; want a size under 8EiB",
		"8388608TiB":               "bad ERRCODELINT_CACHE_MAX=8388608TiB; want a size under 8EiB",
		"99999999999999999999 TiB": "bad ERRCODELINT_CACHE_MAX=99999999999999999999 TiB; want a size under 8EiB",
	} {
		t.Setenv(cacheMaxEnv, v)
		_, err := cacheMax()
		require.Error(t, err, v)
		assert.Equal(t, want, err.Error())

		t.Setenv(engineEnv, "")
		_, ferr := parseStandaloneRun([]string{"./..."}, freshAnalyzers())
		require.NotNil(t, ferr, v)
		assert.Equal(t, want, ferr.Error())
		assert.Equal(t, 2, ferr.code)
	}
}
