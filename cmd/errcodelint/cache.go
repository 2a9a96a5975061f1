package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// The cache keeps, for each unit the standalone engine ran, what the
// unit wrote: its facts and types (vetx) and its findings (stdout). An
// entry is named by the unit's key, a hash of everything the result
// depends on (driver.go), and holds a hash of its own content: an entry
// that does not match its hash, or cannot be read whole, is removed and
// counts as a miss. Entries are written to a temporary file, synced and
// renamed into place, so a reader sees a whole entry or none; only the
// engine writes them, after the unit succeeded and its output was read
// back whole.

// cacheEnv moves the cache ("off" turns it off).
const cacheEnv = "ERRCODELINT_CACHE"

// cacheMagic starts every entry; the version changes with the format.
const cacheMagic = "errcodelint cache entry 3\n"

// trimAge is how long an unused entry is kept.
const trimAge = 5 * 24 * time.Hour

// A store is the cache directory, or nil when the cache is off.
type store struct{ dir string }

// openStore returns the cache, or nil when it is off or has no place.
func openStore() *store {
	dir := os.Getenv(cacheEnv)
	switch dir {
	case "off":
		return nil
	case "":
		d, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(d, "errcodelint", "v2")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	return &store{dir: dir}
}

// An entry is a unit's output.
type entry struct {
	vetx, stdout []byte
	vetxSum      string // hex SHA-256 of vetx
}

func (s *store) path(key string) string {
	return filepath.Join(s.dir, key[:2], key)
}

// get returns the entry stored under key, if there is a whole one.
func (s *store) get(key string) (*entry, bool) {
	if s == nil {
		return nil, false
	}
	p := s.path(key)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	e, err := decodeEntry(data)
	if err != nil {
		_ = os.Remove(p) // damaged: the unit runs again and replaces it
		return nil, false
	}
	if st, err := os.Stat(p); err == nil && time.Since(st.ModTime()) > time.Hour {
		now := time.Now()
		_ = os.Chtimes(p, now, now) // in use: not trimmed
	}
	return e, true
}

// put stores e under key. A failure to store is not an error: the unit
// runs again next time.
func (s *store) put(key string, e *entry) {
	if s == nil {
		return
	}
	p := s.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-")
	if err != nil {
		return
	}
	tmp := f.Name()
	_, werr := f.Write(encodeEntry(e))
	serr := f.Sync()
	cerr := f.Close()
	if werr != nil || serr != nil || cerr != nil || os.Rename(tmp, p) != nil {
		_ = os.Remove(tmp)
		return
	}
	s.trim()
}

// encodeEntry is the bytes of e: the magic, then each part (vetx,
// stdout) as its length, its SHA-256 and its bytes.
func encodeEntry(e *entry) []byte {
	out := []byte(cacheMagic)
	for _, part := range [][]byte{e.vetx, e.stdout} {
		sum := sha256.Sum256(part)
		out = binary.AppendUvarint(out, uint64(len(part)))
		out = append(append(out, sum[:]...), part...)
	}
	return out
}

// decodeEntry is the inverse of encodeEntry, checking each part's hash.
func decodeEntry(data []byte) (*entry, error) {
	rest, ok := bytes.CutPrefix(data, []byte(cacheMagic))
	if !ok {
		return nil, errors.New("not a cache entry")
	}
	var parts [2][]byte
	var sums [2][sha256.Size]byte
	for i := range parts {
		n, k := binary.Uvarint(rest)
		if k <= 0 || uint64(len(rest)-k) < sha256.Size || n > uint64(len(rest)-k-sha256.Size) {
			return nil, errors.New("cache entry is truncated")
		}
		want := rest[k : k+sha256.Size]
		parts[i] = rest[k+sha256.Size : k+sha256.Size+int(n)]
		rest = rest[k+sha256.Size+int(n):]
		if sums[i] = sha256.Sum256(parts[i]); !bytes.Equal(sums[i][:], want) {
			return nil, errors.New("cache entry does not match its hash")
		}
	}
	if len(rest) != 0 {
		return nil, errors.New("cache entry has trailing bytes")
	}
	return &entry{vetx: parts[0], stdout: parts[1], vetxSum: hex.EncodeToString(sums[0][:])}, nil
}

// trim removes, at most once a day, the entries and temporary files
// unused for trimAge.
func (s *store) trim() {
	mark := filepath.Join(s.dir, "trimmed")
	if st, err := os.Stat(mark); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		return
	}
	if os.WriteFile(mark, nil, 0o644) != nil {
		return
	}
	_ = filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == mark {
			return nil
		}
		if info, err := d.Info(); err == nil && time.Since(info.ModTime()) > trimAge {
			_ = os.Remove(p)
		}
		return nil
	})
}
