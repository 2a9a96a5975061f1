package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
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

// cacheMaxEnv bounds the cache's size: a byte count, or a size such as
// 500MB or 2GiB. It must be above zero: cacheEnv=off turns the cache off.
const cacheMaxEnv = "ERRCODELINT_CACHE_MAX"

// defaultCacheMax bounds the cache when cacheMaxEnv is unset. An entry
// is some 160 KB for a package of a large module, so a run over 2,400
// packages writes some 400 MB: 2 GiB keeps four to five such runs (the
// current executable's, and those of a few branches or rebuilds before
// it) and is what a user may expect a tool to take of their home
// directory. Without a bound the cache once reached 55 GB, since every
// rebuilt executable keys entries of its own.
const defaultCacheMax = 2 << 30

// cacheMagic starts every entry; the version changes with the format.
const cacheMagic = "errcodelint cache entry 3\n"

// trimAge is how long an unused entry is kept.
const trimAge = 5 * 24 * time.Hour

// sweepEvery is how often the whole directory is walked, whatever the
// size estimate says: to remove what trimAge ages out, and to correct
// the estimate (concurrent processes can lose each other's updates).
// With the cache bounded, a walk costs milliseconds.
const sweepEvery = time.Hour

// tmpAge is how old a temporary file is when its writer is taken to be
// gone (a write takes milliseconds).
const tmpAge = time.Hour

// The files at the cache's top; entries are in subdirectories.
const (
	markFile = "trimmed" // written when a sweep starts
	sizeFile = "size"    // the entries' total size, in decimal bytes
)

// A store is the cache directory, or nil when the cache is off.
//
// Its size is bounded by max. sizeFile keeps a running estimate of the
// entries' total size, which each put adds to (a read and a rename of a
// small file); when the estimate passes max, a sweep removes the least
// recently used entries (get refreshes an entry's mtime hourly) until
// the total is at most 3/4 of max, so that the next sweep is a quarter
// of max of writes away. Every sweepEvery, and when the estimate is
// missing, a sweep also runs. A sweep only ever removes files: a
// process that reads an entry as it goes finds it whole (on Unix a
// removed file stays readable to who opened it; elsewhere the removal
// fails) or not at all, a miss; never a part of it.
type store struct {
	dir string
	max int64 // the bound on the entries' total size, in bytes; above zero

	mu       sync.Mutex // held to update sizeFile
	sweeping sync.Mutex // held by the goroutine that sweeps
}

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
	bound, err := cacheMax()
	if err != nil {
		return nil // not reached: parseStandaloneRun refused the value
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	return &store{dir: dir, max: bound}
}

// cacheMax is the bound cacheMaxEnv sets, or defaultCacheMax.
func cacheMax() (int64, error) {
	v := os.Getenv(cacheMaxEnv)
	if v == "" {
		return defaultCacheMax, nil
	}
	n, err := parseSize(v)
	if err != nil {
		return 0, fmt.Errorf("bad %s=%s; %w", cacheMaxEnv, v, err)
	}
	return n, nil
}

// sizeUnits are the units parseSize takes, in lower case, and their
// bytes.
var sizeUnits = map[string]int64{
	"": 1, "b": 1,
	"kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
	"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
}

// parseSize parses a size above zero: a number of bytes, or a number
// (1.5 is one) followed by B, KB, MB, GB, TB (powers of 1000) or KiB,
// MiB, GiB, TiB (powers of 1024), in any case. A fraction of a byte is
// dropped.
func parseSize(v string) (int64, error) {
	rest := strings.TrimLeft(v, "0123456789.")
	num := v[:len(v)-len(rest)]
	unit, known := sizeUnits[strings.ToLower(strings.TrimSpace(rest))]
	n, ok := new(big.Rat).SetString(num)
	switch {
	case v == "off":
		return 0, errors.New("want a size above zero (" + cacheEnv + "=off turns the cache off)")
	case !known || !ok || strings.Count(num, ".") > 1 || strings.HasPrefix(num, ".") || strings.HasSuffix(num, "."):
		return 0, errors.New("want a size such as 500MB, 2GiB or a byte count")
	}
	n.Mul(n, new(big.Rat).SetInt64(unit))
	bytes := new(big.Int).Quo(n.Num(), n.Denom())
	switch {
	case !bytes.IsInt64():
		return 0, errors.New("want a size under 8EiB")
	case bytes.Sign() == 0:
		return 0, errors.New("want a size above zero (" + cacheEnv + "=off turns the cache off)")
	}
	return bytes.Int64(), nil
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
	data := encodeEntry(e)
	if replaceFile(p, data, true) != nil {
		return
	}
	s.trim(int64(len(data)))
}

// replaceFile writes data to a temporary file beside p (synced when
// durable is set) and renames it to p, so that a reader sees the old
// content or the new, whole.
func replaceFile(p string, data []byte, durable bool) error {
	f, err := os.CreateTemp(filepath.Dir(p), tmpPrefix)
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if durable && err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
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

// trim adds n, the size of an entry just written, to the size estimate,
// and sweeps when the estimate passes the bound, is missing, or the last
// sweep is sweepEvery old. Only one goroutine of a process sweeps at a
// time; the others go on.
func (s *store) trim(n int64) {
	s.mu.Lock()
	total, ok := s.estimate()
	due := !ok || total > s.max-n
	if !due {
		st, err := os.Stat(filepath.Join(s.dir, markFile))
		due = err != nil || time.Since(st.ModTime()) >= sweepEvery
	}
	if !due {
		_ = replaceFile(filepath.Join(s.dir, sizeFile), []byte(strconv.FormatInt(total+n, 10)), false)
	}
	s.mu.Unlock()
	if due && s.sweeping.TryLock() {
		defer s.sweeping.Unlock()
		s.sweep()
	}
}

// estimate is the entries' total size as sizeFile says, and whether it
// says one.
func (s *store) estimate() (int64, bool) {
	data, err := os.ReadFile(filepath.Join(s.dir, sizeFile))
	if err != nil {
		return 0, false
	}
	n, err := strconv.ParseInt(string(data), 10, 64)
	return n, err == nil && n >= 0
}

// tmpPrefix starts the name of each temporary file (replaceFile).
const tmpPrefix = ".tmp-"

// A cacheFile is an entry as a sweep sees it.
type cacheFile struct {
	path  string
	mtime time.Time
	size  int64
}

// sweep walks the cache: it removes the entries unused for trimAge and
// the temporary files older than tmpAge; then, when the entries' total
// passes the bound, the least recently used entries until the total is
// at most 3/4 of it. It writes the total to sizeFile.
func (s *store) sweep() {
	if os.WriteFile(filepath.Join(s.dir, markFile), nil, 0o644) != nil {
		return // a cache that cannot be written to does not grow either
	}
	var entries []cacheFile
	var total int64
	_ = filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // removed meanwhile
		}
		age := time.Since(info.ModTime())
		switch {
		case strings.HasPrefix(d.Name(), tmpPrefix):
			if age > tmpAge {
				_ = os.Remove(p) // its writer is gone
			}
		case filepath.Dir(p) == s.dir:
			// markFile or sizeFile, not an entry
		case age > trimAge:
			_ = os.Remove(p)
		default:
			entries = append(entries, cacheFile{p, info.ModTime(), info.Size()})
			total += info.Size()
		}
		return nil
	})
	if total > s.max {
		slices.SortFunc(entries, func(a, b cacheFile) int { return a.mtime.Compare(b.mtime) })
		for _, e := range entries {
			if total <= s.max-s.max/4 {
				break
			}
			if err := os.Remove(e.path); err == nil || errors.Is(err, fs.ErrNotExist) {
				total -= e.size
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = replaceFile(filepath.Join(s.dir, sizeFile), []byte(strconv.FormatInt(total, 10)), false)
}
