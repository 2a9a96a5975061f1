package catalog

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// EnvVar names the environment variable that points at a catalog when no
// -catalog flag is given.
const EnvVar = "ERRCODELINT_CATALOG"

// FileNames are the names discovery looks for, in order of preference.
var FileNames = []string{"errcodes.yaml", "errcodes.yml", ".errcodes.yaml", ".errcodes.yml", "errcodes.json"}

// Find looks for a catalog file in dir and its parents, stopping at the
// module root (the first directory holding go.mod) or the file system root.
// It returns "" when there is none. A catalog name that is a directory or
// anything else but a regular file (after symbolic links) is an error: it
// is a mistake, and skipping it would silently use another catalog or none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			st, err := os.Stat(p)
			switch {
			case err == nil && st.Mode().IsRegular():
				return p, nil
			case err == nil:
				return "", ErrorList{{Pos: Pos{File: p}, Msg: "catalog is " + fileKind(st.Mode()) + ", not a regular file"}}
			case !errors.Is(err, fs.ErrNotExist):
				return "", err
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// A Cache finds and loads catalogs once per directory and once per file.
// The zero Cache is ready to use and safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	dirs  map[string]string // directory → catalog path ("" for none)
	files map[string]*entry // catalog path → loaded catalog
}

type entry struct {
	once sync.Once
	cat  *Catalog
	err  error
}

// Resolve returns the catalog that governs a package in dir: the explicit
// file when given, else the one named by $ERRCODELINT_CATALOG, else the one
// found by Find. It returns nil, nil when there is none.
func (c *Cache) Resolve(explicit, dir string) (*Catalog, error) {
	path := explicit
	if path == "" {
		path = os.Getenv(EnvVar)
	}
	if path == "" {
		var err error
		if path, err = c.find(dir); err != nil || path == "" {
			return nil, err
		}
	}
	return c.Load(path)
}

func (c *Cache) find(dir string) (string, error) {
	c.mu.Lock()
	p, ok := c.dirs[dir]
	c.mu.Unlock()
	if ok {
		return p, nil
	}
	p, err := Find(dir)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	if c.dirs == nil {
		c.dirs = make(map[string]string)
	}
	c.dirs[dir] = p
	c.mu.Unlock()
	return p, nil
}

// Load loads the catalog at path, once.
func (c *Cache) Load(path string) (*Catalog, error) {
	c.mu.Lock()
	if c.files == nil {
		c.files = make(map[string]*entry)
	}
	e, ok := c.files[path]
	if !ok {
		e = new(entry)
		c.files[path] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.cat, e.err = Load(path) }) // Load shares what it read process-wide
	return e.cat, e.err
}
