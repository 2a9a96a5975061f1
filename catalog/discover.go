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
var FileNames = []string{"errcodes.yaml", ".errcodes.yaml", "errcodes.json"}

// Find looks for a catalog file in dir and its parents, stopping at the
// module root (the first directory holding go.mod) or the file system root.
// It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
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
	e.once.Do(func() { e.cat, e.err = Load(path) })
	return e.cat, e.err
}
